/**
 * How firm the figures are: where the pack's figures rest on a rate that is not read from its
 * publication (derived from an earlier year, from a secondary source, or a pay award not yet
 * agreed), on an assumed pay award, or on a figure the user supplied, with the people and the
 * pounds each touches. Read from the data's own provenance (src/data: `provenance`, `note`), never
 * from a list kept here.
 */
import { addPence, decimalOfSum, type PendingAward, type PenceSum, type PersonCostsPence, type Position, type ResolvedScenario } from "../engine/harmonise";
import { suppliedFor, type SuppliedPay } from "../engine/scales";
import type { Pence } from "../engine/pence";
import { financialYear, type FinancialYear } from "../engine/years";
import { givenValue, type RateGiven } from "../engine/rates";
import { ZERO, sum, type Decimal } from "../engine/money";
import type { BoardReport, ConfidenceLine, PersonLine, SourceLine } from "./model";
import type { BoardScenario } from "./scenario";

const PROVENANCE_WORDS: Record<string, string> = {
  derived: "worked out from an earlier year's published table by the published award, not read from the publication",
  secondary: "taken from a secondary source: the publication itself could not be read",
  pending: "a pay award not yet agreed: the figure is the offer or an assumption",
};

/** Tables that change no cost in the pack (members' own contributions are shown for information only). */
const NO_COST_EFFECT = new Set(["NHS_MEMBER_TIERS", "LGPS_BANDS"]);

const RATE_WORDS: Record<string, string> = {
  nightsAndSaturdays: "nights and Saturdays",
  sundaysAndPublicHolidays: "Sundays and public holidays",
  nights: "nights",
  saturdays: "Saturdays",
  sundays: "Sundays",
  publicHolidays: "public holidays",
};

const pctText = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;

/** The sum of a figure (whole pence) over people, as the Decimal of pounds shown. */
function amountOf(people: readonly PersonLine[], figure: (p: PersonLine) => Pence): Decimal {
  let total: PenceSum = 0;
  for (const p of people) total = addPence(total, figure(p));
  return decimalOfSum(total);
}

/** The people a table's figures reach, and the base-year amount resting on them. */
function reach(tableId: string, r: BoardReport): { people: PersonLine[]; amount: Decimal; what: string } {
  const family = tableId.split("_")[0];
  if (family === "AFC" || family === "NJC") {
    if (r.targetTerms === family) return { people: r.people, amount: amountOf(r.people, (p) => p.protection.total), what: "their cost on the target terms with protection" };
    const people = r.people.filter((p) => p.terms === family);
    return { people, amount: amountOf(people, (p) => p.current.total), what: "their cost on current terms" };
  }
  if (family === "NHS") {
    const people = r.people.filter((p) => p.schemes.current === "NHS" || p.schemes.target === "NHS");
    return { people, amount: amountOf(people, (p) => (p.schemes.target === "NHS" ? p.target.employerPension : p.current.employerPension)), what: "employer pension" };
  }
  return { people: r.people, amount: amountOf(r.people, (p) => (tableId === "EMPLOYER_NI" ? p.target.employerNi : p.target.apprenticeshipLevy)), what: "on target terms" };
}

/** Lines about tables that reach the same people in the same way, joined into one ("A, B and C: …"). */
function joinSameReach(lines: { kind: ConfidenceLine["kind"]; table: string; what: string; people: number; amount: Decimal }[]): ConfidenceLine[] {
  const groups = new Map<string, typeof lines>();
  for (const l of lines) {
    const key = `${l.kind}|${l.what}|${l.people}|${l.amount.toString()}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()].map((g) => {
    const names = g.map((l) => l.table);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join("; ")} and ${names[names.length - 1]}`;
    const { kind, what, people, amount } = g[0];
    return { kind, text: `${list}: ${PROVENANCE_WORDS[kind] ?? kind} (the amount is ${what}).`, people, amount };
  });
}

function dataLines(r: BoardReport): ConfidenceLine[] {
  const out: { kind: ConfidenceLine["kind"]; table: string; what: string; people: number; amount: Decimal }[] = [];
  const seen = new Set<string>();
  const inBaseYear = (s: SourceLine) => s.usedFor.includes(r.baseYear);
  // The tables of one family (AFC_PAY, AFC_TERMS, …) reach the same people: each reach is worked out once.
  const reaches = new Map<string, ReturnType<typeof reach>>();
  const reachOf = (tableId: string) => {
    const family = tableId.split("_")[0];
    const key = family === "AFC" || family === "NJC" || family === "NHS" ? family : tableId;
    let found = reaches.get(key);
    if (!found) reaches.set(key, (found = reach(tableId, r)));
    return found;
  };
  for (const s of r.sources) {
    const key = `${s.tableId} ${s.year}`;
    if (seen.has(key) || s.provenance === "official" || NO_COST_EFFECT.has(s.tableId) || !inBaseYear(s)) continue;
    seen.add(key);
    const { people, amount, what } = reachOf(s.tableId);
    if (people.length === 0) continue;
    const kind = s.provenance === "derived" || s.provenance === "secondary" ? s.provenance : "pending";
    out.push({ kind, table: `${s.table}${s.year === "all years" ? "" : ` ${s.year}`}`, what: `${what} in ${r.baseYear}`, people: people.length, amount });
  }
  return joinSameReach(out);
}

function projectedLine(r: BoardReport, s: ResolvedScenario): ConfidenceLine | null {
  const projected = r.projection.filter((y) => y.basis === "projected");
  if (projected.length === 0) return null;
  const awards = `AfC ${pctText(s.payAwards.AFC)}, NJC ${pctText(s.payAwards.NJC)} a year`;
  return {
    kind: "projected",
    text: `${projected[0].year}${projected.length > 1 ? ` to ${projected[projected.length - 1].year}` : ""}: no pay scale is published yet, so pay rests on the awards assumed (${awards}). The amount is the cost with protection over ${projected.length === 1 ? "that year" : "those years"}.`,
    people: r.headline.headcount,
    amount: sum(projected.map((y) => y.protected)),
  };
}

function userLines(r: BoardReport, sc: BoardScenario, s: ResolvedScenario): ConfidenceLine[] {
  const out: ConfidenceLine[] = [];
  if (s.lgpsEmployerRate) {
    const now = r.people.filter((p) => p.schemes.current.startsWith("LGPS"));
    const then = r.people.filter((p) => p.schemes.target.startsWith("LGPS"));
    const people = new Set([...now, ...then]).size;
    if (people > 0)
      out.push({
        kind: "user",
        text: `The LGPS employer rate (${pctText(s.lgpsEmployerRate)}) is the scenario's: each pension fund sets its own. The amount is the LGPS employer pension in ${r.baseYear}${then.length > 0 ? " (on target terms where people are in the LGPS there, else on current terms)" : " on current terms"}.`,
        people,
        amount: amountOf([...new Set([...now, ...then])], (p) => (p.schemes.target.startsWith("LGPS") ? p.target.employerPension : p.current.employerPension)),
      });
  }
  const cur = sc.harmonisation.current ?? {};
  for (const terms of ["AFC", "NJC"] as const) {
    const given = Object.entries(cur[terms]?.unsocialRates ?? {}).filter(([, v]) => v !== null && v !== undefined) as [string, RateGiven][];
    if (given.length === 0) continue;
    const people = r.people.filter((p) => p.terms === terms && p.current.unsocial !== 0);
    if (people.length === 0) continue;
    const which = given.map(([k, v]) => `${RATE_WORDS[k] ?? k} ${pctText(givenValue(v))}`).join(", ");
    out.push({
      kind: "user",
      text: `Unsocial-hours rates on current ${terms === "AFC" ? "Agenda for Change" : "NJC"} terms (${which}) are the scenario's own, not national rates. The amount is those staff's unsocial-hours pay on current terms in ${r.baseYear}.`,
      people: people.length,
      amount: amountOf(people, (p) => p.current.unsocial),
    });
  }
  const supplied = r.people.filter((p) => p.suppliedPay.length > 0);
  if (supplied.length > 0)
    out.push({
      kind: "user",
      text: `Pay supplied by you (${suppliedPoints((s.suppliedPay ?? []).filter((f) => f.year.start <= s.year.start))}): figures the published data does not hold as agreed. The amount is those staff's basic pay at those points in ${r.baseYear}.`,
      people: supplied.length,
      amount: amountOf(supplied, (p) => (p.suppliedPay.includes("current") ? p.current.basicPay : 0) + (p.suppliedPay.includes("target") ? p.target.basicPay : 0)),
    });
  const t = sc.harmonisation.target;
  const targetRates = Object.values(t.unsocialRates ?? {}).some((v) => v !== null && v !== undefined);
  if (targetRates || (t.localAllowance && !t.localAllowance.isZero())) {
    const people = r.people.filter((p) => p.target.unsocial !== 0 || p.target.supplement !== 0);
    if (people.length > 0)
      out.push({
        kind: "user",
        text: `Rates on the target terms given in the scenario (${[targetRates ? "unsocial-hours rates" : "", t.localAllowance ? "a local allowance" : ""].filter(Boolean).join(" and ")}). The amount is those staff's unsocial-hours pay and allowances on target terms in ${r.baseYear}.`,
        people: people.length,
        amount: amountOf(people, (p) => p.target.unsocial + p.target.supplement),
      });
  }
  return out;
}

/**
 * The people and pounds resting on each pay award not yet agreed (NJC 2026/27), gathered while the
 * people are costed: a person counts when their pay in that year is on the pending scale, on the
 * target terms (the amount is their cost with protection that year) or on current terms (their
 * current cost that year), at a point whose figure for that year the user did not supply.
 */
export class PendingAwardReach {
  private readonly entries: { award: PendingAward; t: number; people: Set<number>; amount: PenceSum }[];

  constructor(
    awards: readonly PendingAward[],
    years: readonly FinancialYear[],
    private readonly supplied?: readonly SuppliedPay[],
  ) {
    this.entries = awards.map((award) => ({ award, t: years.findIndex((y) => y.start === award.year.start), people: new Set<number>(), amount: 0 }));
  }

  /** Adds a person's figures (person: their number, the same for each of their rows). */
  add(p: PersonCostsPence, person: number): void {
    for (const e of this.entries) {
      const y = p.years[e.t];
      if (!y) continue;
      const onTarget = y.targetPackage.position.scale === e.award.scheme;
      if (!this.restsOn(e.award, y.targetPackage.position) && !this.restsOn(e.award, y.currentPackage.position)) continue;
      e.people.add(person);
      e.amount = addPence(e.amount, onTarget ? y.protected.total : y.current.total);
    }
  }

  /** Whether pay at a point rests on the pending award: on its scale, unless the user supplied the point's figure for that year. */
  private restsOn(award: PendingAward, pos: Position): boolean {
    return pos.scale === award.scheme && suppliedAt(this.supplied, pos, award.year) === undefined;
  }

  lines(): ConfidenceLine[] {
    return this.entries
      .filter((e) => e.people.size > 0)
      .map(({ award, people, amount }) => {
        const before = financialYear(award.year.start - 1).label;
        const assumed = award.given
          ? `assumed ${pctText(award.assumed)} on the ${before} rates (the scenario's assumption)`
          : `no award assumed, so ${award.year.label} is held at ${before} rates (set payAwards.byYear["${award.year.label}"].${award.scheme} in the scenario to assume one)`;
        return {
          kind: "pending" as const,
          text: `${award.scheme} ${award.year.label} pay award pending; ${assumed}. ${award.what} The amount is their ${award.year.label} cost on ${award.scheme} pay (with protection where ${award.scheme} is the target terms).`,
          people: people.size,
          amount: decimalOfSum(amount),
        };
      });
  }
}

/** The points of supplied figures, each once: "SCP 44, band 5 step 1"; three or more NJC points in a row as "SCPs 3 to 43" (a whole year's spine). */
function suppliedPoints(figures: readonly SuppliedPay[]): string {
  const points = [...new Set(figures.filter((f) => f.scale === "NJC").map((f) => Number(f.grade.trim().replace(/^scp\s*/i, ""))))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    if (j - i >= 2) runs.push(`SCPs ${points[i]} to ${points[j]}`);
    else for (let k = i; k <= j; k++) runs.push(`SCP ${points[k]}`);
    i = j + 1;
  }
  const afc = figures.filter((f) => f.scale === "AFC").map((f) => `band ${f.grade} step ${f.step}`);
  return [...runs, ...afc.filter((v, i, a) => a.indexOf(v) === i)].join(", ");
}

/** The figure the user supplied for a position's own year, if any. */
function suppliedAt(list: readonly SuppliedPay[] | undefined, pos: Position, year: FinancialYear): SuppliedPay | undefined {
  if (pos.scale === "AFC") return suppliedFor(list, "AFC", pos.band, pos.step, year);
  if (pos.scale === "NJC") return suppliedFor(list, "NJC", String(pos.point), 1, year);
  return undefined;
}

/**
 * The people and pounds resting on figures supplied for a year after the base year (a whole year's
 * scale given before the data holds it, e.g. NJC 2026/27 when agreed), gathered while the people
 * are costed: a person counts in a year when their current or target point that year has a figure
 * supplied for that year; the amount is their basic pay at those points that year.
 */
export class SuppliedYearsReach {
  private readonly entries: { year: FinancialYear; t: number; figures: SuppliedPay[]; people: Set<number>; amount: PenceSum }[];

  constructor(
    private readonly supplied: readonly SuppliedPay[] | undefined,
    years: readonly FinancialYear[],
  ) {
    this.entries = years
      .map((year, t) => ({ year, t, figures: (supplied ?? []).filter((f) => f.year.start === year.start), people: new Set<number>(), amount: 0 }))
      .filter((e) => e.t > 0 && e.figures.length > 0);
  }

  /** Adds a person's figures (person: their number, the same for each of their rows). */
  add(p: PersonCostsPence, person: number): void {
    for (const e of this.entries) {
      const y = p.years[e.t];
      if (!y) continue;
      const current = suppliedAt(e.figures, y.currentPackage.position, e.year) !== undefined;
      const target = suppliedAt(e.figures, y.targetPackage.position, e.year) !== undefined;
      if (!current && !target) continue;
      e.people.add(person);
      e.amount = addPence(e.amount, (current ? y.currentPackage.basicPay : 0) + (target ? y.targetPackage.basicPay : 0));
    }
  }

  /** Whether anyone's pay in year `t` (of the projection) is a figure supplied for that year. */
  reaches(t: number): boolean {
    return this.entries.some((e) => e.t === t && e.people.size > 0);
  }

  lines(): ConfidenceLine[] {
    return this.entries
      .filter((e) => e.people.size > 0)
      .map(({ year, figures, people, amount }) => ({
        kind: "user" as const,
        text: `${year.label} pay supplied by you (${suppliedPoints(figures)}): used as given for ${year.label}, in place of the published data (which has no agreed figure for it); later years are uplifted from it by the awards assumed. The amount is those staff's basic pay at those points in ${year.label}.`,
        people: people.size,
        amount: decimalOfSum(amount),
      }));
  }
}

/** Every place the figures rest on something other than a confirmed published rate. */
export function confidenceLines(r: BoardReport, sc: BoardScenario, s: ResolvedScenario, pending: readonly ConfidenceLine[] = [], suppliedYears: readonly ConfidenceLine[] = []): ConfidenceLine[] {
  const projected = projectedLine(r, s);
  return [...pending, ...dataLines(r), ...(projected ? [projected] : []), ...userLines(r, sc, s), ...suppliedYears].filter((l) => l.people > 0 || !l.amount.eq(ZERO));
}
