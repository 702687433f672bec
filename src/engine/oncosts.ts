import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../data/nhsPension";
import { LGPS_BANDS } from "../data/lgps";
import { invalidNumber, invalidValue, notAvailable } from "./errors";
import { D, dec, roundPenny, ZERO, type Decimal } from "./money";
import {
  ceilRatio,
  compare,
  decimalOfPence,
  decimalOfRatio,
  minus,
  penceOf,
  ratioOf,
  roundRatioBig,
  roundTimes,
  times,
  whole,
  ZERO_RATIO,
  type Pence,
  type Ratio,
} from "./pence";
import { forYear, type FinancialYear } from "./years";

/**
 * Employer on-costs for one person's annual pay. Every element is rounded to the penny, half up,
 * and the total is the sum of the rounded elements.
 *
 * Each rule is written once, on pay in whole pence (employerNiPence, apprenticeshipLevyPence,
 * employerPensionPence, employeePensionPence), with the rates read from src/data into exact
 * ratios once per table year. The Decimal functions (employerNi, ...) are the same rules for
 * callers holding Decimals: a pay to the penny goes through the integer rule as it is; a pay
 * finer than a penny (EMPLOYERNI(1234.567) in a cell) is worked by the same rule on the pay as
 * an exact ratio of pence, so it is rounded once, at the end, as before.
 */

export type Scheme = "NHS" | "LGPS" | "LGPS5050" | "NONE";
export const SCHEMES: readonly Scheme[] = ["NHS", "LGPS", "LGPS5050", "NONE"];

/**
 * The employer's rate for the NHS Pension Scheme: FULL is the whole employer rate including the
 * administration levy (23.78% from 1 April 2024), the cost a board should see; LOCAL is the part
 * NHSBSA collects from the employer (14.38%), the rest being paid centrally by NHS England.
 */
export type NhsRateBasis = "FULL" | "LOCAL";

/** An employer pension rate: a fraction, or for the NHS scheme the FULL / LOCAL published rate. */
export type EmployerRate = Decimal | NhsRateBasis | null;

/** An employer rate for the integer rules: as EmployerRate, or a fraction already held as an exact ratio. */
export type EmployerRatePence = EmployerRate | Ratio;

/**
 * Pay in pence for a rule: whole pence, or an exact ratio of pence for a pay finer than a penny
 * or beyond 2^53 pence (£90 trillion). A rule gives whole pence for whole pence in; for a ratio
 * in, a bigint (a figure beyond 2^53 pence is still exact).
 */
type PayInPence = Pence | Ratio;
type Figure = Pence | bigint;

function checkPay(pay: Decimal, what = "Pay"): void {
  if (pay.isNegative()) throw invalidNumber(`${what} must not be negative; got ${pay.toString()}.`);
}

function checkPence(pay: Pence): void {
  if (!Number.isSafeInteger(pay)) throw new RangeError(`Pay in pence must be a whole number of pence; got ${pay}.`);
  if (pay < 0) throw invalidNumber(`Pay must not be negative; got ${decimalOfPence(pay).toString()}.`);
}

// ---- The published rates of a table year, as ratios and pence (read once per table entry) ----

const RATES = new WeakMap<object, unknown>();

/** Converts a table entry once: forYear returns the same entry object for a year every time. */
function cached<E extends object, R>(entry: E, convert: (e: E) => R): R {
  let r = RATES.get(entry) as R | undefined;
  if (r === undefined) RATES.set(entry, (r = convert(entry)));
  return r;
}

/**
 * The last year asked of one table and its rates: calls come in runs of the same year (the same
 * FinancialYear object, as the functions' year argument and the engine's scenario give it), so
 * most lookups end at one comparison.
 */
function lastYear<R>(read: (year: FinancialYear | null) => R): (year: FinancialYear | null) => R {
  let year: FinancialYear | null | undefined;
  let rates: R;
  return (y) => {
    if (y !== year) {
      rates = read(y); // throws for a year the table lacks, which is never remembered
      year = y;
    }
    return rates;
  };
}

/** An amount of pounds from the data, in pence, as an exact ratio. */
const penceRatio = (pounds: string): Ratio => times(ratioOf(dec(pounds)), whole(100));

interface NiRates {
  threshold: Pence;
  rate: Ratio;
}
const niRates = lastYear((year): NiRates => {
  const entry = forYear(EMPLOYER_NI, year, "employer National Insurance rates");
  return cached(entry, (e) => ({ threshold: penceOf(dec(e.value.secondaryThreshold)), rate: ratioOf(dec(e.value.rate)) }));
});

const levyRate = lastYear((year): Ratio => {
  const entry = forYear(APPRENTICESHIP_LEVY, year, "Apprenticeship Levy rates");
  return cached(entry, (e) => ratioOf(dec(e.value.rate)));
});

interface NhsEmployerRates {
  full: Ratio;
  local: Ratio;
  fullDecimal: Decimal;
  localDecimal: Decimal;
}
const nhsEmployerRates = lastYear((year): NhsEmployerRates => {
  const entry = forYear(NHS_EMPLOYER, year, "NHS Pension Scheme employer rates");
  return cached(entry, (e) => ({
    full: ratioOf(dec(e.value.full)),
    local: ratioOf(dec(e.value.local)),
    fullDecimal: dec(e.value.full),
    localDecimal: dec(e.value.local),
  }));
});

/**
 * Member contribution bounds and rates. `from` is the lowest pay in pence in the tier or band;
 * `exactFrom` the bound as published (in pence) for a pay finer than a penny.
 */
interface MemberTier {
  from: Pence;
  exactFrom: Ratio;
  rate: Ratio;
  rateDecimal: Decimal;
}
interface MemberTable {
  tiers: readonly MemberTier[];
}

const nhsTiers = lastYear((year): MemberTable => {
  const entry = forYear(NHS_MEMBER_TIERS, year, "NHS Pension Scheme member contribution tiers");
  return cached(entry, (e) => ({
    // The tier is found from actual pay: the pay reaches the bound (£13,259.50 is below £13,260).
    tiers: e.value.map((t) => {
      const exactFrom = penceRatio(t.from);
      return { from: ceilRatio(exactFrom), exactFrom, rate: ratioOf(dec(t.rate)), rateDecimal: dec(t.rate) };
    }),
  }));
});

const lgpsBands = lastYear((year) => {
  const entry = forYear(LGPS_BANDS, year, "LGPS member contribution bands");
  return cached(entry, (e) => {
    // The band is found from pay rounded down to the whole pound: ⌊pay⌋ ≥ from exactly when pay ≥ ⌈from⌉ pounds.
    const bands = (section: "main" | "fiftyFifty"): MemberTable => ({
      tiers: e.value.map((b) => {
        const wholePounds = ceilRatio(ratioOf(dec(b.from)));
        const from = wholePounds * 100;
        const rate = section === "main" ? b.main : b.fiftyFifty;
        return { from, exactFrom: whole(from), rate: ratioOf(dec(rate)), rateDecimal: dec(rate) };
      }),
    });
    return { main: bands("main"), fiftyFifty: bands("fiftyFifty") };
  });
});

// ---- Arithmetic on a pay in pence: whole pence in numbers, anything finer as an exact ratio ----

function above(pay: PayInPence, threshold: Pence): PayInPence {
  return typeof pay === "number" ? pay - threshold : minus(pay, whole(threshold));
}
function isPositive(amount: PayInPence): boolean {
  return typeof amount === "number" ? amount > 0 : compare(amount, ZERO_RATIO) > 0;
}
/** amount × rate, to the penny, half up. */
function onePenny(amount: PayInPence, rate: Ratio): Figure {
  return typeof amount === "number" ? roundTimes(amount, rate) : roundRatioBig(times(amount, rate));
}
function reaches(pay: PayInPence, tier: MemberTier): boolean {
  return typeof pay === "number" ? pay >= tier.from : compare(pay, tier.exactFrom) >= 0;
}

// ---- The rules ----

/**
 * Employer Class 1 secondary NI, category A, on annual pay, using the annual secondary
 * threshold of the tax year that starts on 6 April of the financial year (so 2025/26 uses
 * 15% above £5,000). Annual earnings-period basis, as for directors; pay-period (monthly)
 * thresholds differ by pence. Source: src/data/ni.ts (HMRC rates and thresholds for employers).
 */
function employerNiOn(pay: PayInPence, year: FinancialYear | null): Figure {
  const { threshold, rate } = niRates(year);
  const over = above(pay, threshold);
  return isPositive(over) ? onePenny(over, rate) : 0;
}

/**
 * Apprenticeship Levy at 0.5% of this pay (src/data/ni.ts). The £15,000 allowance is the
 * employer's, set against its whole pay bill, so it is not deducted per person: NHS trusts and
 * councils have pay bills far above the £3m at which the allowance is used up.
 */
function apprenticeshipLevyOn(pay: PayInPence, year: FinancialYear | null): Figure {
  return onePenny(pay, levyRate(year));
}

function rateInRange(rate: Decimal): Decimal {
  if (rate.isNegative() || rate.gt(1))
    throw invalidNumber(`The employer pension rate is a fraction between 0 and 1 (19% is 0.19); got ${rate.toString()}.`);
  return rate;
}

function ratioInRange(rate: Ratio): Ratio {
  if (compare(rate, ZERO_RATIO) < 0 || compare(rate, whole(1)) > 0) rateInRange(decimalOfRatio(rate));
  return rate;
}

let lastGiven: Decimal | undefined;
let lastGivenRatio: Ratio = ZERO_RATIO;

/** A rate given as a Decimal, checked and made a ratio; the last one is remembered (a scenario's LGPS rate recurs for every person). */
function givenRatio(rate: Decimal): Ratio {
  if (rate !== lastGiven) {
    lastGivenRatio = ratioOf(rateInRange(rate)); // throws for a rate out of range, which is never remembered
    lastGiven = rate;
  }
  return lastGivenRatio;
}

const isRatio = (r: EmployerRatePence): r is Ratio => r !== null && typeof r === "object" && !(r instanceof D);

/**
 * The employer pension rate that applies, as an exact ratio: the published NHS rate
 * (src/data/nhsPension.ts), or the rate given (required for the LGPS: each fund's valuation sets it).
 */
export function employerPensionRatio(scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): Ratio {
  switch (scheme) {
    case "NONE":
      return ZERO_RATIO;
    case "NHS": {
      if (employerRate !== null && typeof employerRate !== "string")
        return isRatio(employerRate) ? ratioInRange(employerRate) : givenRatio(employerRate);
      const rates = nhsEmployerRates(year);
      return employerRate === "LOCAL" ? rates.local : rates.full;
    }
    case "LGPS":
    case "LGPS5050":
      if (employerRate === null)
        throw notAvailable(
          "LGPS employer rates are set by each pension fund's valuation: give your fund's employer rate as a fraction (e.g. 0.195 for 19.5%).",
        );
      if (typeof employerRate === "string")
        throw invalidValue(`${employerRate} applies to the NHS Pension Scheme only: give the LGPS fund's employer rate as a fraction.`);
      return isRatio(employerRate) ? ratioInRange(employerRate) : givenRatio(employerRate);
  }
}

/** The employer pension rate that applies: the published NHS rate, or the rate given (required for the LGPS). */
export function employerPensionRate(scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRate): Decimal {
  switch (scheme) {
    case "NONE":
      return ZERO;
    case "NHS":
      if (employerRate !== null && typeof employerRate !== "string") return rateInRange(employerRate);
      return employerRate === "LOCAL" ? nhsEmployerRates(year).localDecimal : nhsEmployerRates(year).fullDecimal;
    case "LGPS":
    case "LGPS5050":
      employerPensionRatio(scheme, year, employerRate); // the same checks and messages
      return employerRate as Decimal;
  }
}

function employerPensionOn(pay: PayInPence, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): Figure {
  return onePenny(pay, employerPensionRatio(scheme, year, employerRate));
}

/**
 * The member's contribution tier or band. NHS: the tier is found from actual annual pensionable
 * pay and the whole pay is charged at that tier's rate; tier lower bounds are whole pounds, so
 * £13,259.50 is in tier 1 (up to £13,259.99, as NHS payroll tables show). LGPS: the band is found
 * from actual pay rounded down to the whole pound, as the LGPS regulations require.
 * Sources: src/data/nhsPension.ts, src/data/lgps.ts.
 */
function memberTier(pay: PayInPence, scheme: Exclude<Scheme, "NONE">, year: FinancialYear | null): MemberTier {
  const { tiers } = scheme === "NHS" ? nhsTiers(year) : scheme === "LGPS" ? lgpsBands(year).main : lgpsBands(year).fiftyFifty;
  let tier = tiers[0];
  for (let i = 1; i < tiers.length; i++) if (reaches(pay, tiers[i])) tier = tiers[i];
  return tier;
}

function employeePensionOn(pay: PayInPence, scheme: Scheme, year: FinancialYear | null): Figure {
  return scheme === "NONE" ? 0 : onePenny(pay, memberTier(pay, scheme, year).rate);
}

// ---- In whole pence: the rules as the integer core calls them ----

/** Employer NI on annual pay in pence (employerNi's rule). */
export function employerNiPence(pay: Pence, year: FinancialYear | null): Pence {
  checkPence(pay);
  return employerNiOn(pay, year) as Pence;
}

/** Apprenticeship Levy on annual pay in pence (apprenticeshipLevy's rule). */
export function apprenticeshipLevyPence(pay: Pence, year: FinancialYear | null): Pence {
  checkPence(pay);
  return apprenticeshipLevyOn(pay, year) as Pence;
}

/** Employer pension on annual pensionable pay in pence (employerPension's rule). */
export function employerPensionPence(pay: Pence, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): Pence {
  checkPence(pay);
  return employerPensionOn(pay, scheme, year, employerRate) as Pence;
}

/** The member's contribution on actual annual pensionable pay in pence (employeePension's rule). */
export function employeePensionPence(pay: Pence, scheme: Scheme, year: FinancialYear | null): Pence {
  checkPence(pay);
  return employeePensionOn(pay, scheme, year) as Pence;
}

export interface CostBreakdownPence {
  pay: Pence;
  employerNi: Pence;
  employerPension: Pence;
  apprenticeshipLevy: Pence;
  total: Pence;
}

/**
 * employerCost in pence: pay, employer NI, employer pension and levy, and their sum. (Each
 * element is at most the pay, so for a pay below 2^51 pence, £22 trillion, the total is exact.)
 */
export function employerCostPence(pay: Pence, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): CostBreakdownPence {
  checkPence(pay);
  const ni = employerNiOn(pay, year) as Pence;
  const pension = employerPensionOn(pay, scheme, year, employerRate) as Pence;
  const levy = apprenticeshipLevyOn(pay, year) as Pence;
  return { pay, employerNi: ni, employerPension: pension, apprenticeshipLevy: levy, total: pay + ni + pension + levy };
}

// ---- On Decimals: the same rules for callers holding Decimals ----

/** A Decimal pay in pence: whole pence as a number, or (finer than a penny, or beyond 2^51 pence) an exact ratio of pence. */
function payInPence(pay: Decimal): PayInPence {
  // To the penny and below £2^33 (every pay in practice): its nearest double × 100, rounded, is its pence.
  if (pay.decimalPlaces() <= 2 && pay.lt(NUMBER_LIMIT) && !pay.isNegative()) return Math.round(pay.toNumber() * 100);
  const pence = times(ratioOf(pay), whole(100));
  return pence.big === undefined && pence.den === 1 && Math.abs(pence.num) < 2 ** 51 ? pence.num : pence;
}

const NUMBER_LIMIT = new D(2 ** 33);

/** A figure in pence as the Decimal of pounds the figures shown are made of. */
const pounds = (p: Figure): Decimal => (typeof p === "number" ? decimalOfPence(p) : new D(`${p}e-2`));

/** Employer NI on annual pay in £ (the rule: employerNiOn). */
export function employerNi(pay: Decimal, year: FinancialYear | null): Decimal {
  checkPay(pay);
  return pounds(employerNiOn(payInPence(pay), year));
}

/** Apprenticeship Levy at 0.5% of this pay in £ (the rule: apprenticeshipLevyOn). */
export function apprenticeshipLevy(pay: Decimal, year: FinancialYear | null): Decimal {
  checkPay(pay);
  return pounds(apprenticeshipLevyOn(payInPence(pay), year));
}

export function employerPension(pay: Decimal, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): Decimal {
  checkPay(pay);
  return pounds(employerPensionOn(payInPence(pay), scheme, year, employerRate));
}

/** The member's contribution rate (the rule: memberTier). */
export function memberPensionRate(pay: Decimal, scheme: Scheme, year: FinancialYear | null): Decimal {
  checkPay(pay);
  return scheme === "NONE" ? ZERO : memberTier(payInPence(pay), scheme, year).rateDecimal;
}

export function employeePension(pay: Decimal, scheme: Scheme, year: FinancialYear | null): Decimal {
  checkPay(pay);
  return pounds(employeePensionOn(payInPence(pay), scheme, year));
}

export interface CostBreakdown {
  pay: Decimal;
  employerNi: Decimal;
  employerPension: Decimal;
  apprenticeshipLevy: Decimal;
  total: Decimal;
}

/** Total annual employer cost of a person's pay: pay (rounded to the penny first), employer NI, employer pension and levy. */
export function employerCost(pay: Decimal, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRatePence): CostBreakdown {
  const p = roundPenny(pay);
  checkPay(p);
  const inPence = payInPence(p);
  const ni = employerNiOn(inPence, year);
  const pension = employerPensionOn(inPence, scheme, year, employerRate);
  const levy = apprenticeshipLevyOn(inPence, year);
  const total =
    typeof inPence === "number" ? pounds((inPence + (ni as Pence) + (pension as Pence) + (levy as Pence)) as Pence) : p.plus(pounds(ni)).plus(pounds(pension)).plus(pounds(levy));
  return { pay: p, employerNi: pounds(ni), employerPension: pounds(pension), apprenticeshipLevy: pounds(levy), total };
}
