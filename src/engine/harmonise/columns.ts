/**
 * A staff list's cost figures in columns: each person's cost lines (every option, year and
 * element) as whole pence in one typed array, with what the totals need beside them (whether
 * protection is paid and whether pay is projected, each person-year; each person's FTE and the
 * indices of their staff group and employer). harmoniseStaff copies each person's figures in and
 * drops the person; totals are integer sums of the columns, made Decimals once per figure shown;
 * a person's cost line is built from the columns when asked for.
 *
 * A Float64Array holds every whole number of pence exactly up to 2^53 (£90 trillion). A person's
 * figure is always a safe integer (pence.ts); sums are added in numbers while the largest figure ×
 * the number of figures added cannot pass 2^53, and in BigInt otherwise, so totals are exact.
 */
import { D, ZERO, type Decimal } from "../money";
import { decimalOfPence, ratioOf, type Pence } from "../pence";
import type { FinancialYear } from "../years";
import type { CostLine, CostLinePence, GroupTotals, OptionCosts, OptionName, PayBasis, PersonCostsPence, YearTotals } from "./types";
import { OPTIONS } from "./types";
import { LINE_KEYS } from "./view";

const ELEMENTS = LINE_KEYS.length;
/** One person-year's figures: every option's cost line, side by side. */
const YEAR_BLOCK = OPTIONS.length * ELEMENTS;
const OPTION_INDEX: Readonly<Record<OptionName, number>> = { current: 0, target: 1, protected: 2, levelledUp: 3 };
const ELEMENT_INDEX = Object.fromEntries(LINE_KEYS.map((k, i) => [k, i])) as Readonly<Record<keyof CostLine, number>>;

/** Where a figure sits in a block of one year's figures (a person-year, or a year of a total). */
function slot(option: OptionName, element: keyof CostLine): number {
  return OPTION_INDEX[option] * ELEMENTS + ELEMENT_INDEX[element];
}

/**
 * Writes a cost line's elements at `at`, in LINE_KEYS order, and returns the largest figure so
 * far: with no element negative every element is at most the total (pay is the sum of its parts,
 * the total of pay and the rest); a negative element (never made today) makes the bound infinite,
 * so the totals are added in BigInt.
 */
function putLine(a: Float64Array, at: number, l: CostLinePence, largest: number): number {
  a[at] = l.basicPay;
  a[at + 1] = l.supplement;
  a[at + 2] = l.unsocial;
  a[at + 3] = l.protection;
  a[at + 4] = l.pay;
  a[at + 5] = l.employerNi;
  a[at + 6] = l.employerPension;
  a[at + 7] = l.apprenticeshipLevy;
  a[at + 8] = l.employerCost;
  a[at + 9] = l.leaveValue;
  a[at + 10] = l.hoursValue;
  a[at + 11] = l.total;
  const negative =
    l.basicPay < 0 || l.supplement < 0 || l.unsocial < 0 || l.protection < 0 || l.pay < 0 || l.employerNi < 0 ||
    l.employerPension < 0 || l.apprenticeshipLevy < 0 || l.employerCost < 0 || l.leaveValue < 0 || l.hoursValue < 0 || l.total < 0;
  return negative ? Infinity : l.total > largest ? l.total : largest;
}

export class CostColumns {
  /** Pence: person, then year, then option, then element. */
  private readonly pence: Float64Array;
  /** 1 where a protection payment (basic or unsocial) is made that person-year. */
  private readonly protectionPaid: Uint8Array;
  /** 1 where any scale figure that person-year was uplifted by an assumed award. */
  private readonly projected: Uint8Array;
  private readonly ftes: Decimal[];
  private readonly groupIndex: Uint32Array;
  private readonly employerIndex: Uint32Array;
  /** The largest figure held, ignoring sign (putLine): bounds every sum of the columns. */
  private largestFound: number | null = null;

  constructor(
    readonly people: number,
    readonly years: number,
  ) {
    this.pence = new Float64Array(people * years * YEAR_BLOCK);
    this.protectionPaid = new Uint8Array(people * years);
    this.projected = new Uint8Array(people * years);
    this.ftes = new Array<Decimal>(people);
    this.groupIndex = new Uint32Array(people);
    this.employerIndex = new Uint32Array(people);
  }

  private yearStart(person: number, year: number): number {
    return (person * this.years + year) * YEAR_BLOCK;
  }

  /** Copies person i's figures in (i: their place in the staff list); group and employer as indices the caller keeps. */
  setPerson(i: number, c: PersonCostsPence, group: number, employer: number): void {
    let largest = this.largestFound ?? 0;
    for (let t = 0; t < this.years; t++) {
      const y = c.years[t];
      const start = this.yearStart(i, t);
      // The options in OPTIONS order, each line's elements in LINE_KEYS order (slot()).
      largest = putLine(this.pence, start, y.current, largest);
      largest = putLine(this.pence, start + ELEMENTS, y.target, largest);
      largest = putLine(this.pence, start + 2 * ELEMENTS, y.protected, largest);
      largest = putLine(this.pence, start + 3 * ELEMENTS, y.levelledUp, largest);
      this.protectionPaid[i * this.years + t] = y.basicProtection.active || y.unsocialProtection?.active ? 1 : 0;
      this.projected[i * this.years + t] = y.basis === "projected" ? 1 : 0;
    }
    this.largestFound = largest;
    this.ftes[i] = c.current.fte;
    this.groupIndex[i] = group;
    this.employerIndex[i] = employer;
  }

  private largest(): number {
    return this.largestFound ?? 0;
  }

  figure(i: number, year: number, option: OptionName, element: keyof CostLine): Pence {
    return this.pence[this.yearStart(i, year) + slot(option, element)];
  }

  linePence(i: number, year: number, option: OptionName): CostLinePence {
    const out = {} as CostLinePence;
    for (const element of LINE_KEYS) out[element] = this.figure(i, year, option, element);
    return out;
  }

  /** Person i's cost line for an option in a year, as harmoniseResolved gives it (Decimals of the same figures). */
  line(i: number, year: number, option: OptionName): CostLine {
    const out = {} as CostLine;
    for (const element of LINE_KEYS) out[element] = decimalOfPence(this.figure(i, year, option, element));
    return out;
  }

  protectionPaidIn(i: number, year: number): boolean {
    return this.protectionPaid[i * this.years + year] === 1;
  }

  basis(i: number, year: number): PayBasis {
    return this.projected[i * this.years + year] === 1 ? "projected" : "data";
  }

  fte(i: number): Decimal {
    return this.ftes[i];
  }

  group(i: number): number {
    return this.groupIndex[i];
  }

  employer(i: number): number {
    return this.employerIndex[i];
  }

  /**
   * Totals per staff group and per employer (indexed as setPerson's `group` and `employer`), in one
   * pass over the people: each person's figures are read once, and added to both.
   */
  totalsByGroupAndEmployer(groups: number, employers: number): { byGroup: PenceTotals[]; byEmployer: PenceTotals[] } {
    const byGroup = Array.from({ length: groups }, () => this.emptyTotals());
    const byEmployer = Array.from({ length: employers }, () => this.emptyTotals());
    for (let i = 0; i < this.people; i++) {
      byGroup[this.groupIndex[i]].addPerson(this, i);
      byEmployer[this.employerIndex[i]].addPerson(this, i);
    }
    return { byGroup, byEmployer };
  }

  /** Totals with nothing added yet, added in numbers when no sum of these figures (over people and years) can pass 2^53. */
  emptyTotals(): PenceTotals {
    const inNumbers = this.largest() * Math.max(1, this.people) * Math.max(1, this.years) <= Number.MAX_SAFE_INTEGER;
    return new PenceTotals(this.years, inNumbers);
  }

  /** Adds person i's figures, every year's block in turn, into sums laid out the same way (numbers or BigInts). */
  addPersonInto(i: number, into: Float64Array | bigint[]): void {
    const start = this.yearStart(i, 0);
    const length = this.years * YEAR_BLOCK;
    if (into instanceof Float64Array) for (let k = 0; k < length; k++) into[k] += this.pence[start + k];
    else for (let k = 0; k < length; k++) into[k] += BigInt(this.pence[start + k]);
  }
}

/**
 * A group's totals in pence, added person by person (or group by group): every option's cost line
 * each year, how many are protected each year and whether any pay is projected, the headcount and FTE.
 */
export class PenceTotals {
  private readonly sums: Float64Array | bigint[];
  private readonly protectedCount: Uint32Array;
  private readonly projected: Uint8Array;
  private headcount = 0;
  private readonly fte = new FteSum();

  constructor(
    private readonly years: number,
    inNumbers: boolean,
  ) {
    this.sums = inNumbers ? new Float64Array(years * YEAR_BLOCK) : Array.from({ length: years * YEAR_BLOCK }, () => 0n);
    this.protectedCount = new Uint32Array(years);
    this.projected = new Uint8Array(years);
  }

  addPerson(c: CostColumns, i: number): void {
    this.headcount++;
    this.fte.add(c.fte(i));
    c.addPersonInto(i, this.sums);
    for (let t = 0; t < this.years; t++) {
      if (c.protectionPaidIn(i, t)) this.protectedCount[t]++;
      if (c.basis(i, t) === "projected") this.projected[t] = 1;
    }
  }

  /** Adds another group's totals in (the totals of totals: the FTEs added as Decimals, group by group). */
  addTotals(other: PenceTotals): void {
    this.headcount += other.headcount;
    this.fte.add(other.fte.value());
    const sums = this.sums;
    if (sums instanceof Float64Array && other.sums instanceof Float64Array) for (let k = 0; k < sums.length; k++) sums[k] += other.sums[k];
    else for (let k = 0; k < sums.length; k++) sums[k] = BigInt(sums[k]) + BigInt(other.sums[k]);
    for (let t = 0; t < this.years; t++) {
      this.protectedCount[t] += other.protectedCount[t];
      if (other.projected[t] === 1) this.projected[t] = 1;
    }
  }

  private options(at: (s: number) => number | bigint): OptionCosts {
    const line = (option: OptionName): CostLine => {
      const out = {} as CostLine;
      for (const element of LINE_KEYS) out[element] = decimalOfSum(at(slot(option, element)));
      return out;
    };
    return { current: line("current"), target: line("target"), protected: line("protected"), levelledUp: line("levelledUp") };
  }

  toGroupTotals(key: string, years: readonly FinancialYear[]): GroupTotals {
    const sums = this.sums;
    const yearTotals: YearTotals[] = years.map((year, t) => ({
      year,
      basis: this.projected[t] === 1 ? "projected" : "data",
      protectedCount: this.protectedCount[t],
      ...this.options((s) => sums[t * YEAR_BLOCK + s]),
    }));
    const overYears = (s: number): number | bigint => {
      if (sums instanceof Float64Array) {
        let total = 0;
        for (let t = 0; t < this.years; t++) total += sums[t * YEAR_BLOCK + s];
        return total;
      }
      let total = 0n;
      for (let t = 0; t < this.years; t++) total += sums[t * YEAR_BLOCK + s];
      return total;
    };
    return { key, headcount: this.headcount, fte: this.fte.value(), years: yearTotals, total: this.options(overYears) };
  }
}

/** A running sum of pence: a number while it is a safe integer, a BigInt past 2^53, so it stays exact. */
export type PenceSum = number | bigint;

/** sum + p, exactly (p a safe integer: every figure in pence is). */
export function addPence(sum: PenceSum, p: Pence): PenceSum {
  if (typeof sum === "bigint") return sum + BigInt(p);
  const s = sum + p;
  // Within 2^53 a sum of whole numbers is exact; past it, the float has left the safe integers.
  return Number.isSafeInteger(s) ? s : BigInt(sum) + BigInt(p);
}

/** A sum of pence as the Decimal of pounds shown (0, never −0). */
export function decimalOfSum(p: PenceSum): Decimal {
  return typeof p === "number" ? decimalOfPence(p) : p === 0n ? ZERO : new D(`${p}e-2`);
}

/**
 * A sum of FTEs, the very Decimal that adding them one by one in decimal.js gives. FTEs with at
 * most 8 decimal places (every FTE read from a staff list) are added as whole hundred-millionths,
 * exactly, and made a Decimal once; should one have more (an FTE worked out from hours), the sum
 * is added in decimal.js from there on, in the same order.
 */
export class FteSum {
  private static readonly SCALE = 1e8;
  private units = 0;
  private decimal: Decimal | null = null;

  add(fte: Decimal): void {
    if (this.decimal === null) {
      const r = ratioOf(fte);
      if (r.big === undefined && FteSum.SCALE % r.den === 0) {
        const next = this.units + r.num * (FteSum.SCALE / r.den);
        if (Number.isSafeInteger(next)) {
          this.units = next;
          return;
        }
      }
      this.decimal = this.unitsAsDecimal();
    }
    this.decimal = this.decimal.plus(fte);
  }

  private unitsAsDecimal(): Decimal {
    return this.units === 0 ? ZERO : new D(`${this.units}e-8`);
  }

  value(): Decimal {
    return this.decimal ?? this.unitsAsDecimal();
  }
}
