/**
 * Harmonisation: the shapes going in (a scenario) and coming out (packages, comparisons,
 * projections, totals). All money is £ a year, decimal.js, rounded to the penny per element per
 * person per year; every total is a sum of rounded elements.
 */
import type { Decimal } from "../money";
import type { Pence } from "../pence";
import type { NhsRateBasis, Scheme } from "../oncosts";
import type { LocalScaleRow, ScaleRef, SuppliedPay } from "../scales";
import type { HcasChoice, TermsName } from "../terms";
import type { FinancialYear } from "../years";
import type { ExactRate, RateGiven } from "../rates";

// ---------------------------------------------------------------------------------------------
// Scenario (input)
// ---------------------------------------------------------------------------------------------

/**
 * Unsocial-hours enhancements as "time plus" a fraction: 0.3 is time plus 30%, 0.5 time and a half.
 * Agenda for Change pays two groups (nights and Saturdays; Sundays and public holidays); councils
 * pay each of nights, Saturdays, Sundays and public holidays at its own rate. On AfC terms only
 * the two group rates may be given. On council terms a group rate sets both of its categories,
 * and a category's own rate, where given, wins over its group's.
 */
export interface UnsocialRateInput {
  /** AfC: Saturdays and weekday nights (8pm to 6am). Council terms: both the night and the Saturday rate. */
  nightsAndSaturdays?: RateGiven | null;
  /** AfC: Sundays and public holidays. Council terms: both the Sunday and the public-holiday rate. */
  sundaysAndPublicHolidays?: RateGiven | null;
  /** Council terms: night work, 8pm to 6am on weekday nights. */
  nights?: RateGiven | null;
  /** Council terms: all time on Saturday. */
  saturdays?: RateGiven | null;
  /** Council terms: all time on Sunday. */
  sundays?: RateGiven | null;
  /** Council terms: all time on a public holiday. */
  publicHolidays?: RateGiven | null;
}

/** Local variations of one set of conditions (AfC or NJC), where an employer's differ from the national terms. */
export interface ConditionsOptions {
  /** Standard full-time weekly hours (e.g. 36 for a London council); default the national 37.5 (AfC) or 37 (NJC). */
  standardHours?: Decimal | null;
  /** Days of annual leave given on top of the national entitlement (e.g. a council's local days). Default 0. */
  extraLeaveDays?: number | null;
  /** Unsocial-hours rates replacing the national ones (each rate given replaces that rate only). */
  unsocialRates?: UnsocialRateInput | null;
}

/** The terms staff are harmonised onto. */
export interface TargetTerms extends ConditionsOptions {
  /** The conditions: hours, leave, sick pay, unsocial hours and the default pension scheme. */
  terms: TermsName;
  /** The pay structure; default the national scale of `terms`. A LOCAL scale is a council's or trust's own grades. */
  scale?: ScaleRef | null;
  /** AfC targets: the High Cost Area Supplement zone for everyone; default each person's own `hcasArea`. */
  hcasArea?: HcasChoice | null;
  /** A full-time allowance on the target side, £ a year (a council's London weighting); default 0. */
  localAllowance?: Decimal | null;
}

export type ProtectionKind = "NONE" | "CASH" | "CASH_WITH_AWARDS" | "MARKTIME" | "TAPERED" | "REDCIRCLE";
export const PROTECTION_KINDS: readonly ProtectionKind[] = ["NONE", "CASH", "CASH_WITH_AWARDS", "MARKTIME", "TAPERED", "REDCIRCLE"];

export interface ProtectionPolicy {
  kind: ProtectionKind;
  /**
   * Whole financial years of protection counted from the harmonisation year (year 1 = the base
   * year). Required for CASH and CASH_WITH_AWARDS; an optional cut-off for MARKTIME; ignored otherwise.
   */
  years?: number | null;
  /** TAPERED: the share of the pay loss protected in each year, e.g. [1, 0.5, 0]; 0 after the schedule ends. */
  taper?: readonly Decimal[] | null;
}

export type PayScheme = "AFC" | "NJC" | "LOCAL";

/**
 * Assumed pay awards (fractions: 0.03 is 3%) for each financial year after the latest held in the
 * data, and for everything not read from a published scale in any year after the base year:
 * protected pay under CASH_WITH_AWARDS and REDCIRCLE, local allowances, local scales.
 */
export interface PayAwards {
  AFC?: Decimal | null;
  NJC?: Decimal | null;
  /** A local target scale; default the award of the target's conditions (AFC or NJC). */
  LOCAL?: Decimal | null;
  /** Per-year exceptions, keyed by financial year ("2027/28"). */
  byYear?: Readonly<Record<string, Partial<Record<PayScheme, Decimal>>>> | null;
}

/** A job-match row: staff on `from` (an AfC band, or an NJC SCP or range "29-32") go to `to` (a target band, SCP range or local grade). */
export interface JobMatchRow {
  from: string;
  to: string;
}

/**
 * KEEP_FTE (default): a person keeps their FTE, so a full-timer works the target's standard week
 * and is paid the full-time rate. KEEP_HOURS: they keep their weekly hours, and their target FTE is
 * those hours over the target's standard week (so may exceed 1).
 */
export type HoursBasis = "KEEP_FTE" | "KEEP_HOURS";

export interface HarmonisationScenario {
  target: TargetTerms;
  /** Local variations of the terms staff are on now, by their current terms. */
  current?: Partial<Record<TermsName, ConditionsOptions>> | null;
  /** The harmonisation (base) year; default the latest year for which both the AfC and NJC scales are in the data. */
  year?: FinancialYear | null;
  /** Years projected from the base year, at least 1; default 5. */
  projectionYears?: number | null;
  protection: ProtectionPolicy;
  /** Protect unsocial-hours earnings separately from basic pay, under the same policy. Default false. */
  protectUnsocial?: boolean | null;
  payAwards?: PayAwards | null;
  /** The LGPS fund's employer rate (fraction); required when anyone is, or moves into, the LGPS. */
  lgpsEmployerRate?: Decimal | null;
  /** NHS Pension Scheme employer rate: FULL (23.78%, default) or LOCAL (14.38%). */
  nhsRateBasis?: NhsRateBasis | null;
  /**
   * The share of time off that must be covered (backfilled), used to value leave and hours
   * differences in money; 0 (default) leaves them unvalued, 1 covers every hour at the person's own
   * hourly rate. Above 1 allows for cover dearer than the person (agency, on-costs).
   */
  coverProportion?: Decimal | null;
  /** Move people into the target terms' pension scheme; default false (kept on transfer). */
  movePension?: boolean | null;
  hoursBasis?: HoursBasis | null;
  /** Job matches used for anyone whose `targetGrade` is empty. */
  jobMatch?: readonly JobMatchRow[] | null;
  /** Apply incremental progression (AfC steps by years in band, NJC/local annual increments). Default true. */
  increments?: boolean | null;
  /** Pay figures the user supplies for points the data does not hold (see scales.ts suppliedPayProblem for the rule). */
  suppliedPay?: readonly SuppliedPay[] | null;
}

// ---------------------------------------------------------------------------------------------
// Positions on pay structures
// ---------------------------------------------------------------------------------------------

/** Where a person sits on a pay structure. */
export type Position =
  | { scale: "AFC"; band: string; step: number }
  | { scale: "NJC"; point: number }
  | { scale: "LOCAL"; grade: string; step: number };

/** A grade on the target structure: an AfC band, an NJC grade as a range of SCPs, or a local grade. */
export type Grade =
  | { scale: "AFC"; band: string }
  | { scale: "NJC"; from: number; to: number }
  | { scale: "LOCAL"; grade: string; rows: readonly LocalScaleRow[] };

/** "data": the scale figure was read from the data for that year; "projected": uplifted by assumed awards. */
export type PayBasis = "data" | "projected";

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export interface SickPay {
  fullPayMonths: number;
  halfPayMonths: number;
}

/**
 * The enhancement rates that apply on one side, each category's own (on AfC terms nights and
 * Saturdays share one rate, and Sundays and public holidays another). null: no rate is known for
 * that category, and the person works no hours that need it.
 */
export interface UnsocialRates {
  terms: TermsName;
  nights: ExactRate | null;
  saturdays: ExactRate | null;
  sundays: ExactRate | null;
  publicHolidays: ExactRate | null;
}

/**
 * A person's unsocial hours a week. Each group is given either as its total (AfC's grouping) or
 * split into its two categories (councils' grouping); `split` says which.
 */
export interface UnsocialHours {
  nightsAndSaturdays: UnsocialGroup;
  sundaysAndPublicHolidays: UnsocialGroup;
}
export type UnsocialGroup = { split: false; total: Decimal } | { split: true; total: Decimal; first: Decimal; second: Decimal };

/** A person's package under one set of terms in one year. */
export interface Package {
  year: FinancialYear;
  basis: PayBasis;
  terms: TermsName;
  position: Position;
  /** e.g. "AfC band 5 step 2", "NJC SCP 22". */
  positionLabel: string;
  fte: Decimal;
  /** Full-time annual basic pay on the scale. */
  fullTimePay: Decimal;
  /** Basic pay for the FTE. */
  basicPay: Decimal;
  /** HCAS and/or a local allowance (London weighting), for the FTE. */
  supplement: Decimal;
  supplementLabel: string;
  /** Standard full-time weekly hours of the terms. */
  standardHours: Decimal;
  /** The person's contracted weekly hours on these terms. */
  weeklyHours: Decimal;
  /** Full-time pay ÷ (52.143 × standard hours), to the penny: the published hourly rate, used for unsocial hours. */
  hourlyRate: Decimal;
  /** Basic pay ÷ (52.143 × contracted hours), to the penny: what an hour of this person's time costs. */
  effectiveHourlyRate: Decimal;
  unsocialRates: UnsocialRates;
  /** Unsocial-hours enhancement, £ a year. */
  unsocial: Decimal;
  /** Annual leave days (full-time, bank holidays excluded, local extra days included). */
  leaveDays: number;
  publicHolidays: number;
  sickPay: SickPay;
  scheme: Scheme;
  /** basicPay + supplement + unsocial: pensionable pay and the pay NI is charged on. */
  pay: Decimal;
  employerNi: Decimal;
  employerPension: Decimal;
  apprenticeshipLevy: Decimal;
  /** The member's own pension contribution (not an employer cost; shown for information). */
  employeePension: Decimal;
  /** pay + employer NI + employer pension + levy. */
  employerCost: Decimal;
}

/** One option's cost for a person (or a group) in a year. */
export interface CostLine {
  basicPay: Decimal;
  supplement: Decimal;
  unsocial: Decimal;
  /** Protection payments (basic and unsocial); 0 except under the protected option. */
  protection: Decimal;
  /** basicPay + supplement + unsocial + protection. */
  pay: Decimal;
  employerNi: Decimal;
  employerPension: Decimal;
  apprenticeshipLevy: Decimal;
  /** pay + employer NI + employer pension + levy: the cash cost. */
  employerCost: Decimal;
  /** Cost of covering the extra leave this option gives beyond the less generous of the two terms. */
  leaveValue: Decimal;
  /** Cost of covering the hours this option's shorter week loses, against the longer of the two. */
  hoursValue: Decimal;
  /** employerCost + leaveValue + hoursValue. */
  total: Decimal;
}

/**
 * The options costed: `current` = staying on the terms they transferred on (TUPE);
 * `target` = assimilated onto the target terms with no protection; `protected` = assimilated
 * with the scenario's protection policy; `levelledUp` = every element at the better of the two.
 */
export interface OptionCosts {
  current: CostLine;
  target: CostLine;
  protected: CostLine;
  levelledUp: CostLine;
}
export type OptionName = keyof OptionCosts;
export const OPTIONS: readonly OptionName[] = ["current", "target", "protected", "levelledUp"];

export interface ProtectionYear {
  /** The pay the person would get on the target terms (basic, for their FTE). */
  targetPay: Decimal;
  /** The protected level that year, or null when no protection applies that year. */
  protectedLevel: Decimal | null;
  /** What is paid: the higher of the target pay and the protected level. */
  paid: Decimal;
  /** paid − targetPay. */
  payment: Decimal;
  active: boolean;
}

export interface PersonYear extends OptionCosts {
  year: FinancialYear;
  /** "projected" when any scale figure that year was uplifted by an assumed award. */
  basis: PayBasis;
  currentPackage: Package;
  targetPackage: Package;
  basicProtection: ProtectionYear;
  /** Present when unsocial-hours earnings are protected separately. */
  unsocialProtection: ProtectionYear | null;
}

export type AssimilationRule = "LOWEST_NOT_BELOW" | "BELOW_MINIMUM" | "ABOVE_TOP";

export interface Assimilation {
  grade: Grade;
  gradeLabel: string;
  position: Position;
  positionLabel: string;
  /** Full-time pay at the assimilated point in the base year. */
  fullTimePay: Decimal;
  /** Basic pay at that point for the person's target FTE. */
  pay: Decimal;
  /** The person's current basic pay compared against. */
  currentPay: Decimal;
  /**
   * LOWEST_NOT_BELOW: the lowest point whose pay is not below current pay (not the bottom of the grade);
   * BELOW_MINIMUM: current pay is below the grade's minimum: they go to the bottom, a pay rise;
   * ABOVE_TOP: current pay is above the top of the grade: top of the grade, and protection applies.
   */
  rule: AssimilationRule;
  /** currentPay − pay when ABOVE_TOP, else 0: the pay loss protection covers. */
  shortfall: Decimal;
}

export type BetterSide = "CURRENT" | "TARGET" | "EQUAL" | "";

export type ComparisonKey =
  | "basicPay"
  | "supplement"
  | "unsocial"
  | "weeklyHours"
  | "hourlyRate"
  | "leaveDays"
  | "sickPay"
  | "scheme"
  | "pay"
  | "employerNi"
  | "employerPension"
  | "apprenticeshipLevy"
  | "employerCost"
  | "leaveValue"
  | "hoursValue"
  | "total";

export type CompareValue = Decimal | number | string;

export interface ComparisonRow {
  key: ComparisonKey;
  element: string;
  unit: "£ a year" | "£ an hour" | "hours a week" | "days a year" | "";
  current: CompareValue;
  target: CompareValue;
  /** The better of the two for the employee; for cost rows, the levelled-up figure. */
  levelledUp: CompareValue;
  /** Target − current in £ a year; for hours and leave, the difference in their money value; null where not valued. */
  difference: Decimal | null;
  better: BetterSide;
  method: string;
}

/** A person costed year by year (costResolved): PersonResult without the comparison table and the totals over the years. */
export interface PersonCosts {
  ref: string;
  name: string | null;
  group: string;
  employer: string;
  assimilation: Assimilation;
  /** Base-year packages. */
  current: Package;
  target: Package;
  years: PersonYear[];
  /** True when protection is still being paid in the last projected year. */
  protectionContinues: boolean;
}

/**
 * A person harmonised. Results are read-only: figures (Decimals, which are immutable) and even
 * whole cost lines may be shared (the protected option is the target option's line in a year
 * with no protection payment).
 */
export interface PersonResult extends PersonCosts {
  /** Base-year comparison, element by element. */
  comparison: ComparisonRow[];
  /** Each option summed over the projection years. */
  total: OptionCosts;
}

export interface YearTotals extends OptionCosts {
  year: FinancialYear;
  basis: PayBasis;
  /** People receiving a protection payment that year. */
  protectedCount: number;
}

export interface GroupTotals {
  /** The staff group, the employer, or "Total". */
  key: string;
  headcount: number;
  fte: Decimal;
  years: YearTotals[];
  total: OptionCosts;
}

export interface Assumption {
  label: string;
  value: string;
}

/**
 * A staff list harmonised. Only figures are held for each person (their cost lines, in columns of
 * whole pence); a person in full is costed again when asked for. People are numbered 0 to
 * count − 1 in the staff list's order.
 */
export interface StaffHarmonisation {
  scenario: ResolvedScenario;
  years: FinancialYear[];
  /** How many people were costed: everyone in the staff list. */
  count: number;
  /** Person i's employee reference. */
  ref(i: number): string;
  /** Person i harmonised in full (packages, comparison, protection, totals), exactly as harmoniseResolved gives: costed again, not held. */
  person(i: number): PersonResult;
  /** Person i's cost line for an option in year t (0 = the harmonisation year), from the columns. */
  line(i: number, t: number, option: OptionName): CostLine;
  /** The same in whole pence. */
  linePence(i: number, t: number, option: OptionName): CostLinePence;
  /** Sorted by group name. */
  byGroup: GroupTotals[];
  /** Sorted by employer name. */
  byEmployer: GroupTotals[];
  total: GroupTotals;
  /** The scenario in words, for an assumptions sheet. */
  assumptions: Assumption[];
  /** How each figure is worked out, for a notes block. */
  methods: string[];
  /** Ids of the data tables used (src/data/index.ts ALL_TABLES), for the sources block. */
  tablesUsed: string[];
}

/** A scenario with every default filled in and every figure checked. */
export interface ResolvedScenario {
  target: {
    terms: TermsName;
    scale: ScaleRef;
    hcasArea: HcasChoice | null;
    localAllowance: Decimal;
    standardHours: Decimal;
    extraLeaveDays: number;
    unsocialRates: UnsocialRateInput;
  };
  current: Record<TermsName, { standardHours: Decimal; extraLeaveDays: number; unsocialRates: UnsocialRateInput }>;
  year: FinancialYear;
  projectionYears: number;
  protection: { kind: ProtectionKind; years: number | null; taper: readonly Decimal[] };
  protectUnsocial: boolean;
  payAwards: { AFC: Decimal; NJC: Decimal; LOCAL: Decimal; byYear: Readonly<Record<string, Partial<Record<PayScheme, Decimal>>>> };
  /** Whether the scenario set each scheme's award (false: the default 0% is assumed). */
  payAwardsGiven: { AFC: boolean; NJC: boolean };
  lgpsEmployerRate: Decimal | null;
  nhsRateBasis: NhsRateBasis;
  coverProportion: Decimal;
  movePension: boolean;
  hoursBasis: HoursBasis;
  jobMatch: readonly JobMatchRow[];
  increments: boolean;
  /** Pay figures the user supplied (each checked by suppliedPayProblem). */
  suppliedPay?: readonly SuppliedPay[];
}

// ---------------------------------------------------------------------------------------------
// The integer core's figures: the same shapes with money in whole pence (src/engine/pence.ts).
// The Decimal shapes above are views of these, built on demand (view.ts).
// ---------------------------------------------------------------------------------------------

/** A cost line in whole pence, field for field a CostLine. */
export type CostLinePence = { [K in keyof CostLine]: Pence };
export type OptionCostsPence = { [K in keyof OptionCosts]: CostLinePence };

type PackageMoney =
  | "fullTimePay"
  | "basicPay"
  | "supplement"
  | "hourlyRate"
  | "effectiveHourlyRate"
  | "unsocial"
  | "pay"
  | "employerNi"
  | "employerPension"
  | "apprenticeshipLevy"
  | "employeePension"
  | "employerCost";
/** A package with its money in whole pence (fte and hours stay Decimals: they are not money). */
export type PackagePence = Omit<Package, PackageMoney> & { [K in PackageMoney]: Pence };

export type ProtectionYearPence = { targetPay: Pence; protectedLevel: Pence | null; paid: Pence; payment: Pence; active: boolean };

type AssimilationMoney = "fullTimePay" | "pay" | "currentPay" | "shortfall";
export type AssimilationPence = Omit<Assimilation, AssimilationMoney> & { [K in AssimilationMoney]: Pence };

export interface PersonYearPence extends OptionCostsPence {
  year: FinancialYear;
  basis: PayBasis;
  currentPackage: PackagePence;
  targetPackage: PackagePence;
  basicProtection: ProtectionYearPence;
  unsocialProtection: ProtectionYearPence | null;
}

/** A person costed year by year in whole pence: PersonCosts, figure for figure. */
export interface PersonCostsPence {
  ref: string;
  name: string | null;
  group: string;
  employer: string;
  assimilation: AssimilationPence;
  current: PackagePence;
  target: PackagePence;
  years: PersonYearPence[];
  protectionContinues: boolean;
}
