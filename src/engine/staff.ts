import type { Decimal } from "./money";
import type { Scheme } from "./oncosts";
import type { HcasChoice, TermsName } from "./terms";

/**
 * One member of staff as the engine sees them, after validation (src/intake/validate.ts turns
 * raw table rows into these, reporting bad rows by row and column). Money is £ a year.
 */
export interface StaffMember {
  /** The row's reference, unique in a staff list: the employee reference, or the assignment number when a person has several. */
  ref: string;
  /** The person (ESR employee number) when the list has one row per assignment: rows with the same person are one person, counted once. */
  person?: string;
  /** Kept only for the detail sheet when the user asks for names (board papers are often public). */
  name: string | null;
  /** Staff group, e.g. "Nursing", "Social work", "Admin and clerical". */
  group: string;
  /** Current employer, e.g. "Northshire NHS Trust", "Northshire County Council". */
  employer: string;
  /** The terms they are on now. */
  terms: TermsName;
  /** AfC band ("5", "8a") or NJC spinal column point ("30"). */
  grade: string;
  /** AfC pay step (1 = entry); null for the NJC. */
  step: number | null;
  /** Full-time equivalent, more than 0 and at most 1. */
  fte: Decimal;
  /** Contracted weekly hours; when null, FTE × the standard hours of their terms. */
  weeklyHours: Decimal | null;
  /** Completed years of service (reckonable NHS service or continuous local government service). */
  yearsService: Decimal;
  /** Completed years in their current band or grade, for incremental progression; null = years of service. */
  yearsInGrade: Decimal | null;
  scheme: Scheme;
  /** AfC high cost area ("INNER", "OUTER", "FRINGE", "NONE"). */
  hcasArea: HcasChoice;
  /** A council's London weighting or other local allowance, £ a year full-time; 0 if none. */
  localAllowance: Decimal;
  /**
   * Unsocial hours worked a week, as Agenda for Change groups them: Saturdays and weekday nights
   * (8pm to 6am). 0 when they are given apart (unsocialNights, unsocialSaturdays); given both ways,
   * this must be their sum.
   */
  unsocialNightsAndSaturdays: Decimal;
  /** Unsocial hours worked a week, AfC's grouping: Sundays and public holidays (or 0, given apart below). */
  unsocialSundaysAndPublicHolidays: Decimal;
  /**
   * Unsocial hours worked a week as councils pay them, each category at its own rate; every hour
   * in one category (a Saturday night is a Saturday hour). Absent or null: not given apart. On
   * council terms, hours given only as an AfC group total can be costed only where the group's
   * two council rates are the same; otherwise the run asks for them apart.
   */
  /** Night work, 8pm to 6am, on weekday nights. */
  unsocialNights?: Decimal | null;
  /** All time on Saturdays. */
  unsocialSaturdays?: Decimal | null;
  /** All time on Sundays. */
  unsocialSundays?: Decimal | null;
  /** All time on public (bank) holidays. */
  unsocialPublicHolidays?: Decimal | null;
  /** Target job match: the AfC band, or the NJC grade as spinal column points ("29-32"), they are matched to; null if none. */
  targetGrade: string | null;
  /**
   * NJC staff: the top spinal column point of the grade they are on now, for annual increments on
   * their current terms in a harmonisation projection. Absent or null: no increments are projected
   * on current terms (they are taken to be at the top of their grade).
   */
  gradeTop?: number | null;
}
