/**
 * Shapes of the rate tables. Money and rates are strings of the published figures; rates are
 * fractions ("0.15" for 15%). null marks a figure that is part of the structure but was not
 * found in any publication we could reach: the engine answers #N/A for it, never a guess.
 */

/** Agenda for Change pay for one year: band ("1".."9", "8a".."8d") -> annual full-time pay per step, step 1 = entry. */
export type AfcPayTable = Readonly<Record<string, readonly (string | null)[]>>;

/**
 * AfC pay progression for one year: band -> years in the band at which each step is reached,
 * step 1 first (always 0). E.g. band 6 from 2024/25: [0, 2, 5].
 */
export type AfcProgressionTable = Readonly<Record<string, readonly number[]>>;

export type HcasArea = "INNER" | "OUTER" | "FRINGE";
/** High cost area supplement: a fraction of basic pay, within a minimum and maximum payment (£ a year). */
export interface HcasRate {
  rate: string;
  minimum: string;
  maximum: string;
}
export type HcasTable = Readonly<Record<HcasArea, HcasRate>>;

/** NJC pay spine for one year: spinal column point -> annual pay (37 hours, excluding London weighting). null = not found. */
export type NjcSpineTable = Readonly<Record<number, string | null>>;

/**
 * A contribution schedule where the whole of the pay is charged at the rate of the tier it falls in
 * (NHS Pension member tiers; LGPS bands). Tiers are in ascending order of `from`; a pay of at
 * least `from` (and below the next tier's `from`) is in that tier.
 */
export interface ContributionTier {
  from: string;
  rate: string;
}
export type ContributionTiers = readonly ContributionTier[];

/** LGPS member bands: the main section rate and the 50/50 section rate for each band. */
export interface LgpsBand {
  from: string;
  main: string;
  fiftyFifty: string;
}

/** NHS Pension Scheme employer contribution, as fractions of pensionable pay. */
export interface NhsEmployerRate {
  /** The full employer rate including the administration levy (23.78% from 1 April 2024). */
  full: string;
  /** The part collected from the employer locally, including the levy (14.38%); the rest is funded centrally. */
  local: string;
  /** The administration levy alone (0.08%). */
  levy: string;
}

/** Employer (secondary) Class 1 National Insurance, category A, for the tax year starting 6 April of the financial year. */
export interface EmployerNiRate {
  rate: string;
  /** The secondary threshold, annual (£ a year). */
  secondaryThreshold: string;
}

export interface ApprenticeshipLevyRate {
  rate: string;
  /** The annual allowance an employer sets against its levy (£ a year); applies to the employer, not the person. */
  allowance: string;
}

/** Annual leave entitlement rising with service: `days` from `afterYears` of service. Bank holidays excluded. */
export interface LeaveStep {
  afterYears: number;
  days: number;
}

/** Sick pay entitlement from `afterMonths` of service: months on full pay and on half pay. */
export interface SickPayStep {
  afterMonths: number;
  fullPayMonths: number;
  halfPayMonths: number;
}

/** A unsocial-hours enhancement: time plus `rate` (0.3 = time plus 30%). */
export interface UnsocialRates {
  /** Saturdays and weekday nights (AfC: 8pm to 6am); for the NJC, night work. */
  nightsAndSaturdays: string | null;
  /** Sundays and public holidays. */
  sundaysAndPublicHolidays: string | null;
}

/**
 * Council (Green Book) enhancements as councils pay them: each category its own rate, time plus
 * the rate. A rate is a decimal fraction ("0.5") or an exact ratio ("1/3"), so that thirds stay
 * exact (src/engine/rates.ts). The categories do not overlap: every unsocial hour is in one of
 * them (a Saturday night is a Saturday hour).
 */
export interface CouncilEnhancementRates {
  /** Night work, 8pm to 6am, Monday to Friday nights. */
  nights: string | null;
  /** All time on Saturday. */
  saturdays: string | null;
  /** All time on Sunday. */
  sundays: string | null;
  /** All time on a public holiday (or extra statutory holiday). */
  publicHolidays: string | null;
}

export interface TermsTable {
  /** Standard full-time weekly hours. */
  weeklyHours: string;
  /** Weeks in a year used to turn annual pay into an hourly rate (52.143 = 365 / 7). */
  weeksPerYear: string;
  leave: readonly LeaveStep[];
  publicHolidays: number;
  sickPay: readonly SickPayStep[];
}
