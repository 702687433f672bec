/**
 * The board report model: what the board pack says, as pure data, built from the engine's results
 * (src/report/build.ts) and laid out as worksheets by src/sheets/. Money is Decimal, to the penny,
 * except on a person's line (PersonLine, ElementSet), which holds whole pence (src/engine/pence.ts):
 * a pack shows one line for every person, and the sheets make each figure a number once.
 */
import type { Decimal } from "../engine/money";
import type { Pence } from "../engine/pence";
import type { LineStatement, PartnerAccount, PartnerYear, ReserveYear, YearStatement } from "../engine/pool";
import type { IntakeReport, RowIssue } from "../intake";
import type { TermsName } from "../engine/terms";
import type { Provenance } from "../data/types";

/** The options a board compares. */
export type OptionKey = "current" | "target" | "protected" | "levelledUp";
export const OPTION_KEYS: readonly OptionKey[] = ["current", "target", "protected", "levelledUp"];

/** One person's cost under one option in the base year, element by element (a year's, in whole pence). */
export interface ElementSet {
  basicPay: Pence;
  supplement: Pence;
  unsocial: Pence;
  employerNi: Pence;
  employerPension: Pence;
  apprenticeshipLevy: Pence;
  leaveValue: Pence;
  hoursValue: Pence;
  /** The sum of the elements above. */
  total: Pence;
}

export type ElementKey = Exclude<keyof ElementSet, "total">;

export interface ElementDef {
  key: ElementKey;
  label: string;
  /** Shown only when time off is valued in money (the scenario's cover proportion is above 0). */
  timeOff?: boolean;
}

export const ELEMENTS: readonly ElementDef[] = [
  { key: "basicPay", label: "Basic pay" },
  { key: "supplement", label: "HCAS / London weighting" },
  { key: "unsocial", label: "Unsocial hours" },
  { key: "employerNi", label: "Employer NI" },
  { key: "employerPension", label: "Employer pension" },
  { key: "apprenticeshipLevy", label: "Apprenticeship Levy" },
  { key: "leaveValue", label: "Leave value", timeOff: true },
  { key: "hoursValue", label: "Hours value", timeOff: true },
];

export interface PersonLine {
  /** Row of the staff list the person came from. */
  row: number;
  ref: string;
  /** Null unless the scenario asks for names. */
  name: string | null;
  group: string;
  employer: string;
  terms: TermsName;
  /** e.g. "AfC band 6 step 2". */
  currentPosition: string;
  /** The target grade matched, e.g. "NJC SCP 29-31". */
  targetGrade: string;
  /** Where they are assimilated, e.g. "NJC SCP 30". */
  targetPosition: string;
  /** How they were assimilated, in words. */
  assimilation: string;
  fte: Decimal;
  current: ElementSet;
  target: ElementSet;
  levelledUp: ElementSet;
  /** Base year protection, in whole pence: the payments, the on-costs they bring, and target total + both. */
  protection: { payments: Pence; onCosts: Pence; total: Pence };
  /** Whether protection is still paid in the last year projected. */
  protectionContinues: boolean;
  /** The pension scheme now and on the target terms ("NHS", "LGPS", "LGPS5050", "NONE"). */
  schemes: { current: string; target: string };
  /** Where the person's pay rests on a figure the user supplied: "current", "target" or both (empty: none). */
  suppliedPay: readonly ("current" | "target")[];
}

/** A group's (or everyone's) cost under each option in the base year. */
export interface GroupLine {
  key: string;
  headcount: number;
  fte: Decimal;
  current: Decimal;
  target: Decimal;
  protected: Decimal;
  levelledUp: Decimal;
}

export interface ProjectionYear {
  year: string;
  /** "data" when every scale figure is published; "projected" when uplifted by assumed awards. */
  basis: "data" | "projected";
  /** Set when some pay that year is a figure the user supplied (for that year; in the base year, also an earlier one). */
  supplied?: true;
  protectedCount: number;
  current: Decimal;
  target: Decimal;
  /** Protection payments (pay only). */
  protectionPayments: Decimal;
  /** Target with protection: target + payments + the on-costs on them. */
  protected: Decimal;
  levelledUp: Decimal;
}

export interface SourceLine {
  tableId: string;
  /** The note the data gives for this table and year (how a derived figure was worked out, what is not confirmed). */
  note: string | null;
  table: string;
  /** The data year used ("2025/26"), or "all years" for undated terms. */
  year: string;
  /** The projection years that use this data year (years beyond the data hold the latest). */
  usedFor: string[];
  provenance: Provenance;
  publisher: string;
  title: string;
  url: string;
}

/** A partner's memorandum account: the pool engine's own record (src/engine/pool/settle.ts). */
export type PoolPartnerLine = PartnerAccount;

/** A service line of the pool: the pool engine's LineStatement, with its risk share in words. */
export interface PoolLineLine extends LineStatement {
  /** The risk share this line is settled under, in words ("the pool's: PROPORTIONAL", or its own). */
  riskShare: string;
}

/** A pool over several years (src/engine/pool/years.ts), for the Pool statement's "over the years" part. */
export interface PoolYearsReport {
  years: string[];
  /** Each year's risk share in words (rules change between years). */
  riskShares: string[];
  partners: string[];
  /** Per year, per partner. */
  byYear: PartnerYear[][];
  /** Per year; null when the pool has no reserve. */
  reserve: ReserveYear[] | null;
  /** The dated changes applied, with their year. */
  changes: (YearStatement["changes"][number] & { year: string })[];
  /** Owed under repayment schedules after the last year, per partner. */
  outstanding: Decimal[];
}

export interface PoolReport {
  name: string;
  /** The pool's own financial year (its last, over several years), independent of the pay year. */
  year: string;
  partners: PoolPartnerLine[];
  /** The aligned budgets' accounts (each partner bears its own), apart; null when every line is pooled. */
  aligned: PoolPartnerLine[] | null;
  years: PoolYearsReport | null;
  lines: PoolLineLine[];
  riskPool: Decimal | null;
  underspendsElsewhere: Decimal | null;
  total: { base: Decimal; changes: Decimal; contribution: Decimal; expenditure: Decimal; variance: Decimal };
  settledAsWhole: boolean;
  riskShareText: string;
  fixedShares: boolean;
}

export interface Headline {
  headcount: number;
  fte: Decimal;
  /** Base-year cost of each option. */
  current: Decimal;
  target: Decimal;
  protected: Decimal;
  levelledUp: Decimal;
  /** Cost of protection (payments and on-costs) in each projected year, and over all of them. */
  protectionByYear: { year: string; cost: Decimal }[];
  protectionTotal: Decimal;
  rowsRead: number;
  rowsLeftOut: number;
}

/** One year of an option's cost over the planning period. */
export interface AppraisalYear {
  year: string;
  /** "projected" when any scale figure that year rests on an assumed pay award. */
  basis: "data" | "projected";
  /** The cost of the option's terms (pay and employer on-costs), which carries on. */
  recurring: Decimal;
  /** Protection payments and the on-costs on them: one-off, they end. */
  oneOff: Decimal;
  /** recurring + oneOff. */
  total: Decimal;
  /** Staff receiving protection that year. */
  protectedCount: number;
  /** The discount factor for the year (t = 0 for the first year). */
  discountFactor: Decimal;
}

export interface AppraisalOption {
  name: string;
  approach: "HARMONISE" | "KEEP_CURRENT" | "LEVEL_UP";
  /** What the option does, in words ("Onto Agenda for Change terms; cash protection, frozen, for 3 years"). */
  description: string;
  /** The settings it changes from the scenario's, in words ("target terms: NJC"). */
  changes: string[];
  baseline: boolean;
  recommended: boolean;
  /** True when the Detail and Projection sheets show this option (it is the scenario itself, harmonising). */
  shownInDetail: boolean;
  years: AppraisalYear[];
  recurringTotal: Decimal;
  oneOffTotal: Decimal;
  total: Decimal;
  /** Net present cost over the planning period, to the penny. */
  presentCost: Decimal;
  /** Staff still protected in the last year of the planning period (0: protection has ended). */
  protectedInFinalYear: number;
  /** The last year with a protection payment, or null when there is none. */
  lastProtectionYear: string | null;
}

export interface AppraisalReport {
  years: string[];
  discountRate: Decimal;
  gdpDeflator: Decimal | null;
  options: AppraisalOption[];
  baseline: number;
  recommended: number | null;
  /** People in every option's figures (a person who cannot be costed under any option is left out of all). */
  headcount: number;
  /** People left out of the appraisal because an option could not cost them (they are listed with the rows left out). */
  leftOut: number;
  /** How the figures are worked out, in sentences. */
  method: string[];
}

/** Where figures rest on something other than a confirmed published rate: what, how many people, how much. */
export interface ConfidenceLine {
  kind: "derived" | "secondary" | "pending" | "projected" | "user";
  /** In words, for a board member ("NJC pay for 2025/26 is derived from 2024/25 by the 3.2% award"). */
  text: string;
  people: number;
  /** The amount in the base year resting on it (£ a year), or over the planning period where the text says so. */
  amount: Decimal;
}

export interface BoardReport {
  title: string;
  organisation: string | null;
  /** One line saying what is compared, e.g. "Harmonising onto NJC Green Book terms from 2025/26; cash protection for 3 years". */
  subtitle: string;
  generatedOn: string;
  version: string;
  dataVersion: string;
  marking: string;
  includeNames: boolean;
  baseYear: string;
  years: string[];
  targetTerms: TermsName;
  /** Whether leave and hours are valued in money (cover proportion above 0). */
  valuesTimeOff: boolean;
  headline: Headline;
  byGroup: GroupLine[];
  byEmployer: GroupLine[];
  people: PersonLine[];
  projection: ProjectionYear[];
  /** Cost of protection (payments and on-costs) per staff group, per year. */
  protectionByGroup: { group: string; byYear: Decimal[] }[];
  /** Staff still protected in the last year projected. */
  protectionContinuesFor: number;
  pool: PoolReport | null;
  /** A problem that kept the pool statement out, in words. */
  poolProblem: string | null;
  assumptions: { label: string; value: string }[];
  methods: string[];
  sources: SourceLine[];
  /** Rows of the staff list, and those left out with why. */
  rows: {
    total: number;
    read: number;
    leftOut: number;
    issues: RowIssue[];
    /** People with a row left out (a person with several assignments counts once). */
    peopleLeftOut: number;
    /** How the staff list was read (null when the report was built from staff records, not a list). */
    intake: IntakeReport | null;
  };
  /** The options appraisal, when the scenario lists options. */
  appraisal: AppraisalReport | null;
  /** What the board is asked to do (the scenario's words, or a default written from the scenario). */
  boardAskedTo: string;
  /** Headline figures in whole pounds or thousands (the Detail sheet keeps pence). */
  figuresIn: "POUNDS" | "THOUSANDS";
  /** Where the figures rest on derived, secondary, pending, projected or user-supplied rates. */
  confidence: ConfidenceLine[];
}
