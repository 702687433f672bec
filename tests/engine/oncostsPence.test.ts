/**
 * The on-cost rules in integer pence (src/engine/oncosts.ts) against a decimal.js reference
 * written here from the rules as published (plain formulas on the rates in src/data), on random
 * pays from a fixed seed (tests/engine/propertySeed.ts): every table year, pays at tier and band
 * boundaries, constructed half-penny ties, odd LGPS rates, pays past 2^52 pence (the BigInt path)
 * and pays finer than a penny (the Decimal functions' exact path). Then hand-worked examples and
 * the error messages, which must be those of the Decimal functions.
 */
import fc from "fast-check";
import DecimalBase from "decimal.js";
import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../../src/data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../../src/data/nhsPension";
import { LGPS_BANDS } from "../../src/data/lgps";
import { D, type Decimal } from "../../src/engine/money";
import { ratio, ratioOf, type Ratio } from "../../src/engine/pence";
import {
  apprenticeshipLevy,
  apprenticeshipLevyPence,
  employeePension,
  employeePensionPence,
  employerCost,
  employerCostPence,
  employerNi,
  employerNiPence,
  employerPension,
  employerPensionPence,
  memberPensionRate,
  SCHEMES,
  type EmployerRate,
  type Scheme,
} from "../../src/engine/oncosts";
import { financialYear, latestYear, type FinancialYear } from "../../src/engine/years";
import { runs } from "./propertySeed";

const R = DecimalBase.clone({ precision: 80, rounding: DecimalBase.ROUND_HALF_UP });
type Rd = InstanceType<typeof R>;

// ---- The reference: the rules as published, in decimal.js, on the data's rates ----

const round2 = (x: Rd): Rd => x.toDecimalPlaces(2, R.ROUND_HALF_UP);
const labelOf = (fy: FinancialYear | null, table: Record<string, unknown>): string => (fy ?? latestYear(table as never)).label;

/** Employer NI: the rate on pay above the annual secondary threshold, to the penny. */
function refNi(pay: Rd, fy: FinancialYear | null): Rd {
  const { rate, secondaryThreshold } = EMPLOYER_NI[labelOf(fy, EMPLOYER_NI)].value;
  const above = pay.minus(secondaryThreshold);
  return above.gt(0) ? round2(above.times(rate)) : new R(0);
}
/** Apprenticeship Levy: 0.5% of the pay, to the penny. */
const refLevy = (pay: Rd, fy: FinancialYear | null): Rd => round2(pay.times(APPRENTICESHIP_LEVY[labelOf(fy, APPRENTICESHIP_LEVY)].value.rate));

type RateGiven = "FULL" | "LOCAL" | null | string; // a string of digits is a fraction
function refEmployerRate(scheme: Scheme, fy: FinancialYear | null, given: RateGiven): Rd {
  if (scheme === "NONE") return new R(0);
  if (given !== null && given !== "FULL" && given !== "LOCAL") return new R(given);
  const nhs = NHS_EMPLOYER[labelOf(fy, NHS_EMPLOYER)].value;
  return new R(given === "LOCAL" ? nhs.local : nhs.full);
}
const refEmployerPension = (pay: Rd, scheme: Scheme, fy: FinancialYear | null, given: RateGiven): Rd => round2(pay.times(refEmployerRate(scheme, fy, given)));

/** NHS: the tier whose lower bound actual pay reaches; LGPS: the band reached by pay rounded down to the whole pound. */
function refMemberRate(pay: Rd, scheme: Scheme, fy: FinancialYear | null): Rd {
  if (scheme === "NONE") return new R(0);
  if (scheme === "NHS") {
    const tiers = NHS_MEMBER_TIERS[labelOf(fy, NHS_MEMBER_TIERS)].value;
    return new R(tiers.filter((t) => pay.gte(t.from)).pop()?.rate ?? tiers[0].rate);
  }
  const bands = LGPS_BANDS[labelOf(fy, LGPS_BANDS)].value;
  const band = bands.filter((b) => pay.floor().gte(b.from)).pop() ?? bands[0];
  return new R(scheme === "LGPS" ? band.main : band.fiftyFifty);
}
const refEmployee = (pay: Rd, scheme: Scheme, fy: FinancialYear | null): Rd => round2(pay.times(refMemberRate(pay, scheme, fy)));

// ---- Inputs ----

const pounds = (pence: number): Rd => new R(pence).dividedBy(100);
const inPence = (x: Rd): number => x.times(100).toNumber() + 0;

function same(actual: unknown, expected: unknown, what: string): void {
  if (actual === expected || Object.is(actual, expected)) return;
  throw new Error(`${what}: got ${String(actual)}, expected ${String(expected)}`);
}
function holds(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

const LABELS = Object.keys(EMPLOYER_NI).sort();
const YEARS: (FinancialYear | null)[] = [null, ...LABELS.map((l) => financialYear(Number(l.slice(0, 4))))];
test("every table holds the same years, so every year is tried on every rule", () => {
  for (const t of [APPRENTICESHIP_LEVY, NHS_EMPLOYER, NHS_MEMBER_TIERS, LGPS_BANDS]) expect(Object.keys(t).sort()).toEqual(LABELS);
});
const year = fc.constantFrom(...YEARS);

/** The lower bounds of every NHS tier and LGPS band of every year, in pence. */
const BOUNDS = [
  ...Object.values(NHS_MEMBER_TIERS).flatMap((e) => e.value.map((t) => Number(t.from) * 100)),
  ...Object.values(LGPS_BANDS).flatMap((e) => e.value.map((b) => Number(b.from) * 100)),
  ...Object.values(EMPLOYER_NI).map((e) => Number(e.value.secondaryThreshold) * 100),
];

/** An amount a (in pence) with a × rate exactly half a penny past whole pence: a × num ≡ den/2 (mod den). Null when den is odd (no ties). */
function tie(rate: Ratio, k: number): number | null {
  const { num, den } = rate;
  if (den % 2 !== 0 || num === 0) return null;
  // num⁻¹ mod den by the extended Euclidean algorithm (num/den is in lowest terms, so it exists).
  let [r0, r1, s0, s1] = [num % den, den, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  const inverse = ((s0 % den) + den) % den;
  const a = ((den / 2) * inverse) % den;
  return a + k * den;
}

const ODD_RATES = ["0.18375", "0.195", "0.2", "0.2378", "0.1438", "0.123456", "0.05", "1", "0"];
const anyRate = fc.oneof(fc.constantFrom(...ODD_RATES), fc.integer({ min: 0, max: 1_000_000 }).map((k) => new R(k).dividedBy(1_000_000).toString()));

const payPence = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20_000_000 }) }, // £0 to £200,000
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BOUNDS), fc.integer({ min: -150, max: 150 })).map(([b, d]) => Math.max(0, b + d)) }, // ±£1.50 of a bound
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDS).map((b) => Math.max(0, b - 50)) }, // £13,259.50 and the like
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 51 - 1 }) }, // up to £22 trillion: products past 2^52, the BigInt path
);

describe("the integer rules agree with the decimal.js reference", () => {
  test("employer NI and the Apprenticeship Levy, every year", () => {
    fc.assert(
      fc.property(payPence, year, (p, fy) => {
        const pay = pounds(p);
        same(employerNiPence(p, fy), inPence(refNi(pay, fy)), `employerNiPence(${p}, ${fy?.label})`);
        same(apprenticeshipLevyPence(p, fy), inPence(refLevy(pay, fy)), `apprenticeshipLevyPence(${p}, ${fy?.label})`);
      }),
      runs(60_000),
    );
  });

  test("employer pension: published NHS rates (FULL, LOCAL) and given rates (odd LGPS rates included), as Decimals and as ratios", () => {
    fc.assert(
      fc.property(payPence, year, fc.constantFrom(...SCHEMES), fc.oneof(fc.constantFrom<RateGiven>(null, "FULL", "LOCAL"), anyRate), fc.boolean(), (p, fy, scheme, given, asRatio) => {
        if (scheme.startsWith("LGPS") && (given === null || given === "FULL" || given === "LOCAL")) return; // refused: see the messages below
        const rate: EmployerRate | Ratio = given === null || given === "FULL" || given === "LOCAL" ? given : asRatio ? ratioOf(new D(given)) : new D(given);
        same(employerPensionPence(p, scheme, fy, rate), inPence(refEmployerPension(pounds(p), scheme, fy, given)), `employerPensionPence(${p}, ${scheme}, ${fy?.label}, ${given})`);
      }),
      runs(60_000),
    );
  });

  test("member contributions: NHS tiers by actual pay, LGPS bands by pay rounded down to the pound, every year", () => {
    fc.assert(
      fc.property(payPence, year, fc.constantFrom(...SCHEMES), (p, fy, scheme) => {
        const pay = pounds(p);
        same(employeePensionPence(p, scheme, fy), inPence(refEmployee(pay, scheme, fy)), `employeePensionPence(${p}, ${scheme}, ${fy?.label})`);
      }),
      runs(60_000),
    );
  });

  test("half-penny ties round up: constructed for every year's NI, levy, NHS employer and member rates and the odd LGPS rates", () => {
    const niRates = YEARS.map((fy) => ({ fy, rate: ratioOf(new D(EMPLOYER_NI[labelOf(fy, EMPLOYER_NI)].value.rate)), threshold: Number(EMPLOYER_NI[labelOf(fy, EMPLOYER_NI)].value.secondaryThreshold) * 100 }));
    let ties = 0;
    fc.assert(
      fc.property(fc.constantFrom(...niRates), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...ODD_RATES, "0.005", "0.052", "0.065", "0.083", "0.0325"), fc.constantFrom(...SCHEMES), (ni, k, rateText, scheme) => {
        // NI: the amount above the threshold makes the tie.
        const above = tie(ni.rate, k);
        if (above !== null) {
          const p = ni.threshold + above;
          holds(pounds(above).times(EMPLOYER_NI[labelOf(ni.fy, EMPLOYER_NI)].value.rate).times(100).mod(1).eq(0.5), `not a tie: ${p}`);
          same(employerNiPence(p, ni.fy), inPence(refNi(pounds(p), ni.fy)), `employerNiPence(${p}, ${ni.fy?.label}) at a tie`);
          ties++;
        }
        // A given employer rate: the pay makes the tie.
        const rate = ratioOf(new D(rateText));
        const p = tie(rate, k);
        if (p !== null && scheme !== "NONE") {
          holds(pounds(p).times(rateText).times(100).mod(1).eq(0.5), `not a tie: ${p} × ${rateText}`);
          same(employerPensionPence(p, scheme, ni.fy, new D(rateText)), inPence(refEmployerPension(pounds(p), scheme, ni.fy, rateText)), `employerPensionPence(${p}, ${rateText}) at a tie`);
          ties++;
        }
        // The published levy, NHS employer and member rates: a tie at each.
        const levyRate = ratioOf(new D(APPRENTICESHIP_LEVY[labelOf(ni.fy, APPRENTICESHIP_LEVY)].value.rate));
        const lp = tie(levyRate, k) as number;
        same(apprenticeshipLevyPence(lp, ni.fy), inPence(refLevy(pounds(lp), ni.fy)), `apprenticeshipLevyPence(${lp}) at a tie`);
        const nhs = NHS_EMPLOYER[labelOf(ni.fy, NHS_EMPLOYER)].value;
        const np = tie(ratioOf(new D(nhs.full)), k) as number;
        same(employerPensionPence(np, "NHS", ni.fy, null), inPence(refEmployerPension(pounds(np), "NHS", ni.fy, null)), `NHS employer pension at a tie (${np})`);
        const member = tie(ratioOf(new D(rateText)), k);
        if (member !== null) same(employeePensionPence(member, scheme, ni.fy), inPence(refEmployee(pounds(member), scheme, ni.fy)), `member contribution (${member})`);
      }),
      runs(30_000),
    );
    expect(ties).toBeGreaterThan(30_000);
  });

  test("employerCostPence: the elements as above and the total their sum", () => {
    fc.assert(
      fc.property(payPence, year, fc.constantFrom<[Scheme, RateGiven]>(["NHS", null], ["NHS", "LOCAL"], ["LGPS", "0.18375"], ["LGPS5050", "0.195"], ["NONE", null]), (p, fy, [scheme, given]) => {
        const pay = pounds(p);
        const c = employerCostPence(p, scheme, fy, given === null || given === "LOCAL" ? given : new D(given));
        const total = pay.plus(refNi(pay, fy)).plus(refEmployerPension(pay, scheme, fy, given)).plus(refLevy(pay, fy));
        same(c.total, inPence(total), `employerCostPence(${p}).total`);
        same(c.employerNi + c.employerPension + c.apprenticeshipLevy + c.pay, c.total, "total is the sum");
      }),
      runs(30_000),
    );
  });
});

describe("the Decimal functions are the same rules", () => {
  /** A pay finer than a penny: up to 8 decimals, or past 2^51 pence. */
  const finePay = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 3, max: 8 })).map(([k, places]) => new D(`${k}e-${places}`)),
    fc.tuple(fc.constantFrom(...BOUNDS), fc.integer({ min: -999, max: 999 })).map(([b, d]) => new D(`${Math.max(0, b * 10 + d)}e-3`)), // £13,259.999 and the like
    fc.bigInt({ min: 2n ** 51n, max: 2n ** 80n }).map((p) => new D(`${p}e-2`)), // past £22 trillion
    fc.integer({ min: 0, max: 20_000_000 }).map((p) => new D(`${p}e-2`)), // to the penny
  );

  test("on any Decimal pay, to the penny or finer: employerNi, apprenticeshipLevy, employerPension, employeePension, memberPensionRate, employerCost", () => {
    fc.assert(
      fc.property(finePay, year, fc.constantFrom<[Scheme, RateGiven]>(["NHS", null], ["NHS", "LOCAL"], ["LGPS", "0.18375"], ["LGPS5050", "0.195"], ["NONE", null]), (pay, fy, [scheme, given]) => {
        const ref = new R(pay.toString());
        const rate: EmployerRate = given === null || given === "LOCAL" ? given : new D(given);
        same(employerNi(pay, fy).toString(), refNi(ref, fy).toString(), `employerNi(${pay.toString()})`);
        same(apprenticeshipLevy(pay, fy).toString(), refLevy(ref, fy).toString(), `apprenticeshipLevy(${pay.toString()})`);
        same(employerPension(pay, scheme, fy, rate).toString(), refEmployerPension(ref, scheme, fy, given).toString(), `employerPension(${pay.toString()})`);
        same(employeePension(pay, scheme, fy).toString(), refEmployee(ref, scheme, fy).toString(), `employeePension(${pay.toString()})`);
        same(memberPensionRate(pay, scheme, fy).toString(), refMemberRate(ref, scheme, fy).toString(), `memberPensionRate(${pay.toString()})`);
        // employerCost rounds the pay to the penny first.
        const p = round2(ref);
        const total = p.plus(refNi(p, fy)).plus(refEmployerPension(p, scheme, fy, given)).plus(refLevy(p, fy));
        same(employerCost(pay, scheme, fy, rate).total.toString(), total.toString(), `employerCost(${pay.toString()}).total`);
      }),
      runs(15_000),
    );
  });
});

describe("worked examples (2025/26 rates: NI 15% above £5,000; levy 0.5%; NHS employer 23.78%; tiers and bands as published)", () => {
  const fy = financialYear(2025);
  test("AfC band 5 entry pay, £31,049", () => {
    // NI: (31,049 − 5,000) × 0.15 = 26,049 × 0.15 = 3,907.35.
    expect(employerNiPence(3104900, fy)).toBe(390735);
    // Levy: 31,049 × 0.005 = 155.245: a half penny, up to 155.25.
    expect(apprenticeshipLevyPence(3104900, fy)).toBe(15525);
    // NHS employer: 31,049 × 0.2378 = 7,383.4522 -> 7,383.45; LOCAL 14.38%: 4,464.8462 -> 4,464.85.
    expect(employerPensionPence(3104900, "NHS", fy, null)).toBe(738345);
    expect(employerPensionPence(3104900, "NHS", fy, "LOCAL")).toBe(446485);
    // Member: tier 27,798 to 33,868.99 at 8.3%: 31,049 × 0.083 = 2,577.067 -> 2,577.07.
    expect(employeePensionPence(3104900, "NHS", fy)).toBe(257707);
    // Total: 31,049 + 3,907.35 + 7,383.45 + 155.25 = 42,495.05.
    expect(employerCostPence(3104900, "NHS", fy, null).total).toBe(4249505);
  });
  test("half-penny ties and odd LGPS rates", () => {
    // NI on £5,000.10: 0.10 × 0.15 = 0.015 -> 0.02.
    expect(employerNiPence(500010, fy)).toBe(2);
    // LGPS employer 18.375% on £20.00: 3.675 -> 3.68; on £30,000.40: 5,512.5735 -> 5,512.57.
    expect(employerPensionPence(2000, "LGPS", fy, new D("0.18375"))).toBe(368);
    expect(employerPensionPence(3000040, "LGPS", fy, ratio(18375, 100000))).toBe(551257);
  });
  test("tier and band boundaries", () => {
    const y2425 = financialYear(2024);
    // NHS 2024/25: tier 2 from £13,260. £13,259.99 × 5.2% = 689.51948 -> 689.52; £13,259.50 × 5.2% = 689.494 -> 689.49; £13,260 × 6.5% = 861.90.
    expect(employeePensionPence(1325999, "NHS", y2425)).toBe(68952);
    expect(employeePensionPence(1325950, "NHS", y2425)).toBe(68949);
    expect(employeePensionPence(1326000, "NHS", y2425)).toBe(86190);
    // LGPS 2025/26: band 3 from £28,001, found from pay rounded down to the pound.
    // £28,000.99 -> £28,000: band 2, 5.8%: 1,624.05742 -> 1,624.06. £28,001.00: band 3, 6.5%: 1,820.065 -> 1,820.07 (a tie).
    expect(employeePensionPence(2800099, "LGPS", fy)).toBe(162406);
    expect(employeePensionPence(2800100, "LGPS", fy)).toBe(182007);
    // 50/50 section, half the rate: £28,001.00 × 3.25% = 910.0325 -> 910.03.
    expect(employeePensionPence(2800100, "LGPS5050", fy)).toBe(91003);
  });
  test("a pay of £80 trillion (products past 2^52: BigInt) and a pay finer than a penny", () => {
    // (80,000,000,000,000 − 5,000) × 0.15 = 11,999,999,999,250.
    expect(employerNiPence(8e15, fy)).toBe(1199999999925000);
    // EMPLOYERNI(31049.567): (31,049.567 − 5,000) × 0.15 = 3,907.43505 -> 3,907.44 (the pay is not rounded first).
    expect(employerNi(new D("31049.567"), fy).toString()).toBe("3907.44");
    // £5,000.033: 0.033 × 0.15 = 0.00495 -> 0.00; had the pay been rounded first (£5,000.03), 0.0045 -> 0.00 too; £5,000.0334 -> 0.00501 -> 0.01.
    expect(employerNi(new D("5000.0334"), fy).toString()).toBe("0.01");
  });
});

describe("bad input: the same messages as the Decimal functions", () => {
  const fy = financialYear(2025);
  const messageOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return `${(e as { kind?: string }).kind}: ${(e as Error).message}`;
    }
    return "no error";
  };
  test("negative pay", () => {
    expect(messageOf(() => employerNiPence(-1, fy))).toBe("number: Pay must not be negative; got -0.01.");
    for (const [pence, decimal] of [
      [() => employerNiPence(-150, fy), () => employerNi(new D(-1.5), fy)],
      [() => apprenticeshipLevyPence(-150, fy), () => apprenticeshipLevy(new D(-1.5), fy)],
      [() => employerPensionPence(-150, "NHS", fy, null), () => employerPension(new D(-1.5), "NHS", fy, null)],
      [() => employeePensionPence(-150, "LGPS", fy), () => employeePension(new D(-1.5), "LGPS", fy)],
      [() => employerCostPence(-150, "NHS", fy, null), () => employerCost(new D(-1.5), "NHS", fy, null)],
    ])
      expect(messageOf(pence)).toBe(messageOf(decimal));
  });
  test("the LGPS without a rate, FULL for the LGPS, a rate out of range (as a Decimal or a ratio), a year the data lacks", () => {
    expect(messageOf(() => employerPensionPence(100, "LGPS", fy, null))).toBe(
      "notAvailable: LGPS employer rates are set by each pension fund's valuation: give your fund's employer rate as a fraction (e.g. 0.195 for 19.5%).",
    );
    expect(messageOf(() => employerPensionPence(100, "LGPS", fy, null))).toBe(messageOf(() => employerPension(new D(1), "LGPS", fy, null)));
    expect(messageOf(() => employerPensionPence(100, "LGPS5050", fy, "FULL"))).toBe(messageOf(() => employerPension(new D(1), "LGPS5050", fy, "FULL")));
    expect(messageOf(() => employerPensionPence(100, "LGPS", fy, new D(1.5)))).toBe(
      "number: The employer pension rate is a fraction between 0 and 1 (19% is 0.19); got 1.5.",
    );
    expect(messageOf(() => employerPensionPence(100, "LGPS", fy, ratio(3, 2)))).toBe(messageOf(() => employerPension(new D(1), "LGPS", fy, new D(1.5))));
    expect(messageOf(() => employerPensionPence(100, "NHS", fy, ratio(-1, 10)))).toBe(messageOf(() => employerPension(new D(1), "NHS", fy, new D(-0.1))));
    const y2019 = financialYear(2019);
    expect(messageOf(() => employerNiPence(100, y2019))).toMatch(/^notAvailable: No employer National Insurance rates for 2019\/20 in the data\. Years held: 2023\/24/);
    expect(messageOf(() => employerNiPence(100, y2019))).toBe(messageOf(() => employerNi(new D(1), y2019)));
    expect(messageOf(() => employeePensionPence(100, "LGPS", y2019))).toBe(messageOf(() => employeePension(new D(1), "LGPS", y2019)));
    expect(messageOf(() => employerCostPence(100, "NHS", y2019, null))).toBe(messageOf(() => employerCost(new D(1), "NHS", y2019, null)));
  });
  test("pay that is not whole pence is a caller's mistake (RangeError), not a user's", () => {
    expect(() => employerNiPence(1.5, fy)).toThrow(RangeError);
    expect(() => employerNiPence(2 ** 53, fy)).toThrow(RangeError);
  });
});

// Types used only in annotations above.
export type { Decimal };
