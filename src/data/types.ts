/**
 * Rates as data. Every value is a string of the published figure (parsed straight into Decimal,
 * never through a JS float) and carries the publications it rests on.
 */
export interface Source {
  /** Who published it: "NHS Employers", "NHSBSA", "LGA / NJC", "HMRC", a pension fund, a council. */
  publisher: string;
  title: string;
  url: string;
  /** A short verbatim excerpt, where it helps a reader check the figure. */
  excerpt?: string;
  /**
   * "publication" (default): the publication the figure comes from, cited in the board pack.
   * "evidence": a secondary check on a figure (a copy in a test fixture, a job listing, a search,
   * a calculator site), listed in docs/data-sources.md but not cited in the pack.
   */
  role?: "publication" | "evidence";
}

/**
 * - "official": read from the official publication (or a verbatim reproduction of it).
 * - "secondary": from a secondary source agreeing with the official structure; the official
 *   table could not be reached here (the note says which figures and why).
 * - "derived": computed from an official base table by an official award rule; the note names
 *   the rule and its rounding, and tests check every published point that could be found.
 */
export type Provenance = "official" | "secondary" | "derived";

/** One figure's own footing, where it differs from (or sharpens) its table's: the provenance and the rule or publication. */
export interface FigureProvenance {
  provenance: Provenance;
  /** How the figure was got: the rule that derives it, or where it is published. */
  rule: string;
}

export interface Sourced<T> {
  value: T;
  provenance: Provenance;
  sources: readonly Source[];
  note?: string;
  /**
   * Each figure's own provenance and rule, keyed as the table is (an NJC spinal column point:
   * "32"), where the table's figures do not all rest on the same footing.
   */
  figures?: Readonly<Record<string, FigureProvenance>>;
  /**
   * Set when the year's award is not agreed: the table holds the rates the award will apply to
   * (e.g. the previous year's, with any agreed structural change), and every figure read from it
   * needs an assumed award and is flagged as resting on one. The text says what is pending.
   */
  pending?: string;
}

/** Financial year label, 1 April to 31 March: "2025/26". */
export type YearLabel = string;

/** A value per financial year, keyed by "2023/24", "2024/25", ... */
export type ByYear<T> = Readonly<Record<YearLabel, Sourced<T>>>;
