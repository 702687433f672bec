/**
 * COST and COSTBREAKDOWN read a number pay straight to pence and a number rate straight to a ratio
 * (src/functions/args.ts, roundedPenceArg and fractionArg): the figures Excel gets must be those
 * of the decimal reading, for every double. The reference is written here: the pay as decimal.js
 * reads a number (its shortest decimal), rounded half up to the penny, the on-cost rules on the
 * data's rates in decimal.js, and the total as a number (Number of the decimal's text, which is
 * what Decimal.toNumber() gave Excel before). Random doubles from a fixed seed
 * (tests/engine/propertySeed.ts), half-penny decimals, numbers near £2^33 and past it included.
 */
import fc from "fast-check";
import DecimalBase from "decimal.js";
import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../../src/data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../../src/data/nhsPension";
import { LGPS_BANDS } from "../../src/data/lgps";
import { FUNCTIONS } from "../../src/functions/registry";
import { defaultYear } from "../../src/engine/defaultYear";
import { runs } from "../engine/propertySeed";

const R = DecimalBase.clone({ precision: 80, rounding: DecimalBase.ROUND_HALF_UP });
type Rd = InstanceType<typeof R>;
const round2 = (x: Rd): Rd => x.toDecimalPlaces(2, R.ROUND_HALF_UP);

const COST = FUNCTIONS.get("COST")!;
const COSTBREAKDOWN = FUNCTIONS.get("COSTBREAKDOWN")!;

/** The year argument as a user gives it, and the label it means. */
const YEAR_ARGS: [unknown, () => string][] = [
  ["2025/26", () => "2025/26"],
  [2024, () => "2024/25"],
  ["2023-24", () => "2023/24"],
  [46200, () => "2026/27"], // 8 Jun 2026
  [null, () => defaultYear().label],
];

/** Employer NI: the rate above the annual secondary threshold, to the penny. */
function refNi(pay: Rd, label: string): Rd {
  const ni = EMPLOYER_NI[label].value;
  const above = pay.minus(ni.secondaryThreshold);
  return above.gt(0) ? round2(above.times(ni.rate)) : new R(0);
}
function refPension(pay: Rd, scheme: "NHS" | "LGPS" | "NONE", label: string, rate: number | "LOCAL" | null): Rd {
  const nhs = NHS_EMPLOYER[label].value;
  const pensionRate = scheme === "NONE" ? new R(0) : typeof rate === "number" ? new R(rate) : new R(rate === "LOCAL" ? nhs.local : nhs.full);
  return round2(pay.times(pensionRate));
}
const refLevy = (pay: Rd, label: string): Rd => round2(pay.times(APPRENTICESHIP_LEVY[label].value.rate));
/** NHS: the tier actual pay reaches; LGPS: the band pay rounded down to the pound reaches; the whole pay at its rate. */
function refMember(pay: Rd, scheme: "NHS" | "LGPS" | "NONE", label: string): Rd {
  if (scheme === "NONE") return new R(0);
  const rate =
    scheme === "NHS"
      ? NHS_MEMBER_TIERS[label].value.filter((t) => pay.gte(t.from)).pop()!.rate
      : LGPS_BANDS[label].value.filter((b) => pay.floor().gte(b.from)).pop()!.main;
  return round2(pay.times(rate));
}

/** pay, NI, employer pension, levy and total, as decimal.js works them. */
function reference(x: number, scheme: "NHS" | "LGPS" | "NONE", label: string, rate: number | "LOCAL" | null): Rd[] {
  const pay = round2(new R(x)); // new Decimal(number) reads the number's shortest decimal, as the engine's D does
  const [ni, pension, levy] = [refNi(pay, label), refPension(pay, scheme, label, rate), refLevy(pay, label)];
  return [pay, ni, pension, levy, pay.plus(ni).plus(pension).plus(levy)];
}
const asExcelNumber = (d: Rd): number => Number(d.toString()) + 0;

const view = new DataView(new ArrayBuffer(8));
function nextAfter(x: number, up: boolean): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + (up ? 1n : -1n));
  return view.getFloat64(0);
}

const pays = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 300_000, noNaN: true }) }, // any double: most have many decimals
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30_000_000 }).map((p) => p / 100) }, // to the penny, as typed
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30_000_000 }).map((p) => (10 * p + 5) / 1000) }, // 31049.565: a half penny in its decimal
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30_000_000 }), fc.boolean()).map(([p, up]) => nextAfter((p + 0.5) / 100, up)) }, // a double beside a half penny
  { weight: 1, arbitrary: fc.double({ min: 2 ** 32, max: 2 ** 40, noNaN: true }) }, // about £2^33, where the number path stops
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 30 }).map((p) => p / 100 + 13259) }, // about tier and band bounds
);
const rates = fc.oneof(fc.constantFrom(0.195, 0.18375, 0.2, 0, 1, 0.1), fc.double({ min: 0, max: 1, noNaN: true }));
const schemes = fc.constantFrom<["NHS" | "LGPS" | "NONE", string]>(["NHS", "NHS"], ["NHS", "nhs"], ["LGPS", "LGPS"], ["LGPS", "lgps"], ["NONE", "NONE"]);

test("COST and COSTBREAKDOWN give the decimal reading's figures for any number pay and rate", () => {
  fc.assert(
    fc.property(pays, schemes, fc.constantFrom(...YEAR_ARGS), fc.oneof(rates, fc.constantFrom<"LOCAL" | null>("LOCAL", null)), (x, [scheme, schemeText], [yearArg, label], rateArg) => {
      const rate = scheme === "LGPS" && (rateArg === null || rateArg === "LOCAL") ? 0.195 : scheme === "NONE" ? null : rateArg;
      const ref = reference(x, scheme, label(), rate);
      const total = COST(x, schemeText, yearArg, rate);
      if (!Object.is(total, asExcelNumber(ref[4]))) throw new Error(`COST(${x}, ${schemeText}, ${String(yearArg)}, ${rate}) = ${String(total)}, expected ${asExcelNumber(ref[4])}`);
      const row = (COSTBREAKDOWN(x, schemeText, yearArg, rate) as number[][])[0];
      ref.forEach((r, i) => {
        if (!Object.is(row[i], asExcelNumber(r))) throw new Error(`COSTBREAKDOWN(${x}, ${schemeText}, ${String(yearArg)}, ${rate})[${i}] = ${row[i]}, expected ${asExcelNumber(r)}`);
      });
    }),
    runs(25_000),
  );
});

test("EMPLOYERNI, PENSION, EMPLOYEEPENSION and LEVY give the decimal reading's figures for any number pay (not rounded first)", () => {
  const [NI, PENSION, MEMBER, LEVY] = ["EMPLOYERNI", "PENSION", "EMPLOYEEPENSION", "LEVY"].map((n) => FUNCTIONS.get(n)!);
  fc.assert(
    fc.property(pays, schemes, fc.constantFrom(...YEAR_ARGS), rates, (x, [scheme, schemeText], [yearArg, label], rate) => {
      const pay = new R(x);
      const check = (name: string, got: unknown, expected: Rd): void => {
        if (!Object.is(got, asExcelNumber(expected))) throw new Error(`${name}(${x}, …${schemeText}, ${String(yearArg)}) = ${String(got)}, expected ${asExcelNumber(expected)}`);
      };
      check("EMPLOYERNI", NI(x, yearArg), refNi(pay, label()));
      check("LEVY", LEVY(x, yearArg), refLevy(pay, label()));
      check("PENSION", PENSION(x, schemeText, yearArg, scheme === "NONE" ? null : rate), refPension(pay, scheme, label(), rate));
      check("EMPLOYEEPENSION", MEMBER(x, schemeText, yearArg), refMember(pay, scheme, label()));
    }),
    runs(20_000),
  );
});

test("worked: COST(31049.565, NHS, 2025/26) rounds the pay from its decimal, 31049.565 -> 31049.57, though the double is just below it", () => {
  // The double nearest 31049.565 is 31049.564999999998690…; the engine reads 31049.565 and rounds half up.
  // Pay 31,049.57; NI (26,049.57 × 0.15) = 3,907.4355 -> 3,907.44; pension × 0.2378 = 6,209.914 + 1,173.673746
  // = 7,383.587746 -> 7,383.59; levy × 0.005 = 155.24785 -> 155.25; total 31,049.57 + 3,907.44 + 7,383.59 + 155.25 = 42,495.85.
  expect(COST(31049.565, "NHS", "2025/26", null)).toBe(42495.85);
  expect(COSTBREAKDOWN(31049.565, "NHS", "2025/26", null)).toEqual([[31049.57, 3907.44, 7383.59, 155.25, 42495.85]]);
});

test("the messages are those of the decimal reading, in the same order (pay first)", () => {
  const error = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      const err = e as { code: string; message: string };
      return `${err.code} ${err.message}`;
    }
    return "no error";
  };
  expect(error(() => COST(-1, "NHS", "2025/26", null))).toBe("#VALUE! pay must be at least 0; got -1.");
  expect(error(() => COST(-1, "PPP", 1800, 7))).toBe("#VALUE! pay must be at least 0; got -1.");
  expect(error(() => COST(NaN, "NHS", "2025/26", null))).toBe("#VALUE! pay is not a finite number.");
  expect(error(() => COST(30000, "PPP", "2025/26", null))).toMatch(/^#VALUE! scheme: Pension scheme "PPP" is not recognised/);
  expect(error(() => COST(30000, "NHS", 1800, null))).toMatch(/^#VALUE! 1800 is not a year/);
  expect(error(() => COST(30000, "NHS", "2025/26", 1.5))).toBe("#VALUE! employerRate must be at most 1; got 1.5.");
  expect(error(() => COST(30000, "LGPS", "2025/26", null))).toMatch(/^#N\/A LGPS employer rates are set by each pension fund's valuation/);
  expect(error(() => COST(30000, "LGPS", "2019/20", 0.2))).toMatch(/^#N\/A No employer National Insurance rates for 2019\/20 in the data/);
  expect(error(() => COSTBREAKDOWN(-0.001, "NHS", null, null))).toBe("#VALUE! pay must be at least 0; got -0.001.");
  // −0 (which Excel does not pass, but a caller may) is refused as before: a Decimal −0 is negative.
  expect(error(() => COST(30000, "NHS", "2025/26", -0))).toBe("#VALUE! The employer pension rate is a fraction between 0 and 1 (19% is 0.19); got 0.");
  expect(error(() => COST(-0, "NHS", "2025/26", null))).toBe("#VALUE! Pay must not be negative; got 0.");
});
