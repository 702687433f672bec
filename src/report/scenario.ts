/**
 * The board pack scenario: what the finance officer chooses (target terms, protection, year, pay
 * awards, pension rates, leave valuation, the pool), read from JSON (a scenario file on the command
 * line, the task pane's form) and checked, with a message for each problem saying what to change.
 */
import { EngineError } from "../engine/errors";
import { D, type Decimal } from "../engine/money";
import { rateOf, rateValue } from "../engine/rates";
import { PROTECTION_KINDS, type HarmonisationScenario, type JobMatchRow, type PayAwards, type PayScheme, type ProtectionKind } from "../engine/harmonise/types";
import {
  CHANGE_KINDS,
  parseArrangement,
  type Arrangement,
  type Contribution,
  type DatedChange,
  type MultiYearPool,
  type ParamCell,
  type Pool,
  type PoolYear,
  type RepaymentSchedule,
  type ReservePolicy,
  type ServiceLine,
} from "../engine/pool";
import type { HcasChoice, TermsName } from "../engine/terms";
import { suppliedPayLabel, suppliedPayProblemAt, type SuppliedPay } from "../engine/scales";
import { defaultBaseYear } from "../engine/harmonise/scenario";
import { parseFinancialYear, type FinancialYear } from "../engine/years";
import { checkScenarioLimits } from "./scenarioLimits";

export const DEFAULT_MARKING = "OFFICIAL-SENSITIVE";
export const DEFAULT_TITLE = "Harmonisation of terms and conditions: board comparison";

// ---------------------------------------------------------------------------------------------
// The JSON shape (what a scenario file or the task pane's form gives)
// ---------------------------------------------------------------------------------------------

export type RateInput = number | string;

export interface ConditionsInput {
  /** Standard full-time weekly hours (e.g. 36 for a London council). */
  standardHours?: number;
  /** Local days of annual leave on top of the national entitlement. */
  extraLeaveDays?: number;
  /**
   * Unsocial-hours rates as "time plus" fractions (0.3 or "30%"). AfC terms: the two groups only.
   * Council terms: nights, saturdays, sundays, publicHolidays each (a group rate sets both of its categories).
   */
  unsocialRates?: {
    nightsAndSaturdays?: RateInput;
    sundaysAndPublicHolidays?: RateInput;
    nights?: RateInput;
    saturdays?: RateInput;
    sundays?: RateInput;
    publicHolidays?: RateInput;
  };
}

export interface TargetTermsInput extends ConditionsInput {
  terms: "AFC" | "NJC";
  /** AfC targets: one HCAS zone for everyone ("INNER", "OUTER", "FRINGE", "NONE"); default each person's own. */
  hcasArea?: string;
  /** A council's London weighting on the target side, £ a year full time. */
  localAllowance?: number;
}

export interface PoolLineInput {
  name: string;
  /** One per partner, in partner order: £, or a base with in-year changes. */
  contributions: (number | { base: number; changes?: number[] })[];
  /** What the line spent (outturn or forecast), £. */
  expenditure: number;
  /** This line's own risk share; the pool's when omitted. */
  riskShare?: RiskShareInput;
  /** An aligned budget beside the pool: each partner bears its own (docs/pools.md). */
  aligned?: boolean;
  /** Income on the line (client contributions, grants); bornBy: the partner who bears a shortfall alone. */
  income?: { budget: number; actual: number; bornBy?: string };
}

/** One year of a pool over several years (docs/pools.md, "A pool over several years"). */
export interface PoolYearInput {
  year: string | number;
  lines: PoolLineInput[];
  /** That year's rule; the previous year's (or the pool's) when omitted. */
  riskShare?: RiskShareInput;
  fixedShares?: RateInput[];
  changes?: { date: string; partner: string; line?: string; kind: "VIREMENT_OUT" | "ONE_OFF" | "ADVANCE" | "CONTINGENCY"; amount: number; note?: string }[];
  reserveDraws?: { amount: number; line?: string; note?: string }[];
  reserveTopUps?: { amount: number; partner: string; note?: string }[];
}

/** A risk-share method as typed ("PROPORTIONAL", "CAPPED/PROPORTIONAL") with its parameters (docs/pools.md). */
export type RiskShareInput = string | { method: string; parameters?: ParamCell[] };

export interface PoolInput {
  name?: string;
  partners: string[];
  /** Fixed shares of the pool (fractions or "60%"), one per partner; default: in proportion to contributions. */
  fixedShares?: RateInput[];
  riskShare?: RiskShareInput;
  /** The service lines (schemes) of the pool; a pool without schemes is one line. Not with years. */
  lines?: PoolLineInput[];
  /** The pool's own financial year, independent of the pay year. */
  year?: string | number;
  /** A pool over several years, in order. */
  years?: PoolYearInput[];
  reserve?: { opening?: number; drawOnOverspend?: boolean; topUpFromUnderspend?: RateInput; ceiling?: number | null };
  repayments?: { year: string | number; partner: string; share?: RateInput; amount?: number; years: number; lender?: string }[];
}

export interface BoardScenarioInput {
  title?: string;
  /** Who the paper is from, printed under the title (e.g. "Northshire Care Partnership"). */
  organisation?: string;
  /** The harmonisation (base) year: "2025/26"; default the latest year with both AfC and NJC scales. */
  financialYear?: string | number;
  /** Years projected; default until protection ends (at least 3). */
  projectionYears?: number;
  targetTerms: "AFC" | "NJC" | TargetTermsInput;
  /** Local variations of the terms staff are on now. */
  currentTerms?: { AFC?: ConditionsInput; NJC?: ConditionsInput };
  protection?: ProtectionKind | { policy: ProtectionKind | string; years?: number; taper?: RateInput[] };
  protectUnsocial?: boolean;
  /** One rate for every year and both scales (0.03 or "3%"), or per scale with per-year exceptions. */
  payAwards?: RateInput | { AFC?: RateInput; NJC?: RateInput; LOCAL?: RateInput; byYear?: Record<string, { AFC?: RateInput; NJC?: RateInput; LOCAL?: RateInput }> };
  lgpsEmployerRate?: RateInput;
  nhsEmployerRate?: "FULL" | "LOCAL";
  /** How leave and hours differences are valued: "NONE" (default), "FULL" (every hour covered), or the share covered (0.5 or "50%"). */
  leaveValuation?: "NONE" | "FULL" | RateInput | { coverProportion: RateInput };
  movePension?: boolean;
  hoursBasis?: "KEEP_FTE" | "KEEP_HOURS";
  increments?: boolean;
  jobMatch?: JobMatchRow[];
  protectiveMarking?: string;
  includeNames?: boolean;
  pool?: PoolInput | null;
  /** Values for the whole staff list when it has no column for them (an ESR export has no employer column). */
  staffList?: { employer?: string; terms?: "AFC" | "NJC" };
  /** Your own full-time annual pay figures for points the data does not hold (used and shown as "supplied by you"). */
  suppliedPay?: SuppliedPayInput[];
  // The options appraisal (optional: without `options` the pack is the single scenario above).
  /** Two to six options, each overriding the settings above (see OptionInput). */
  options?: OptionInput[];
  /** The option every other is compared with (its name); default the first. */
  baselineOption?: string;
  /** The option the paper recommends (its name), if any. */
  recommendedOption?: string;
  /** Years in the planning period the options are costed over; default 5. */
  planningYears?: number;
  /** The discount rate for the net present cost; default the Green Book's 3.5% (real). */
  discountRate?: RateInput;
  /** General inflation (GDP deflator) a year, to turn cash figures into base-year prices before discounting; default none. */
  gdpDeflator?: RateInput;
  /** What the board is asked to do, printed at the top of the summary; a default is written from the scenario. */
  boardAskedTo?: string;
  /** Headline figures in whole pounds ("POUNDS", default) or thousands ("THOUSANDS"). */
  figuresIn?: "POUNDS" | "THOUSANDS";
}

/** How an option treats the staff. */
export type OptionApproach = "HARMONISE" | "KEEP_CURRENT" | "LEVEL_UP";

/** One option of an appraisal: a name, an approach and the settings that differ from the scenario's. */
export interface OptionInput {
  name: string;
  /** HARMONISE (default): onto the target terms with the protection policy; KEEP_CURRENT: everyone stays on the terms they have (a protected transfer, no harmonisation); LEVEL_UP: every element at the better of the two, for good. */
  approach?: OptionApproach | string;
  targetTerms?: BoardScenarioInput["targetTerms"];
  protection?: BoardScenarioInput["protection"];
  protectUnsocial?: boolean;
  movePension?: boolean;
  hoursBasis?: BoardScenarioInput["hoursBasis"];
  increments?: boolean;
  jobMatch?: JobMatchRow[];
  lgpsEmployerRate?: RateInput;
  nhsEmployerRate?: BoardScenarioInput["nhsEmployerRate"];
  leaveValuation?: BoardScenarioInput["leaveValuation"];
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// The checked scenario
// ---------------------------------------------------------------------------------------------

export interface BoardPool {
  name: string;
  /** The pool as the pool engine takes it. */
  pool: Pool;
  /** The risk share in words as given ("CAPPED/PROPORTIONAL 500000, 500000"), for the assumptions. */
  riskShareText: string;
  /** Each line's own risk share in words, or null where the line follows the pool's. */
  lineRiskShareTexts: (string | null)[];
  /** The pool's own financial year (pool.year, or its last year), independent of the pay year; null: the scenario's year. */
  year: string | null;
  /** A pool over several years (pool.years); `pool` is then its last year. */
  multiYear: MultiYearPool | null;
  /** Each year's risk share in words (multi-year pools). */
  yearRiskShareTexts: string[];
}

export interface BoardScenario {
  title: string;
  organisation: string | null;
  harmonisation: HarmonisationScenario;
  /** Whether the projection length was given (false: the pack projects until protection ends). */
  projectionYearsGiven: boolean;
  protectiveMarking: string;
  includeNames: boolean;
  pool: BoardPool | null;
  /** Values for the whole staff list when it has no column for them (the intake's StaffListDefaults). */
  staffList: { employer: string | null; terms: "AFC" | "NJC" | null } | null;
  /** The options appraisal, when the scenario lists options. */
  appraisal: BoardAppraisal | null;
  /** What the board is asked to do, as the scenario words it (null: the pack writes a default). */
  boardAskedTo: string | null;
  /** Headline figures in whole pounds or in thousands. */
  figuresIn: "POUNDS" | "THOUSANDS";
  /** The scenario as given, for the assumptions sheet and for saving alongside the pack. */
  input: BoardScenarioInput;
}

/** An option, checked: its harmonisation is the scenario's with the option's settings applied. */
export interface BoardOption {
  name: string;
  approach: OptionApproach;
  harmonisation: HarmonisationScenario;
  /** The settings this option changes from the scenario's, as given (empty: the scenario itself). */
  changes: string[];
  /**
   * True when the option's target terms differ from the scenario's: the staff list's "Target job
   * match" column names grades on the scenario's target terms, so this option uses its job-match table.
   */
  ignoresTargetColumn: boolean;
}

export interface BoardAppraisal {
  options: BoardOption[];
  /** Index of the baseline option. */
  baseline: number;
  /** Index of the recommended option, or null. */
  recommended: number | null;
  planningYears: number;
  discountRate: Decimal;
  /** General inflation a year, or null when the figures are discounted as cash. */
  gdpDeflator: Decimal | null;
}

export class ScenarioError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.length === 1 ? `Scenario: ${problems[0]}` : `The scenario has ${problems.length} problems:\n- ${problems.join("\n- ")}`);
    this.name = "ScenarioError";
  }
}

/** The appraisal's settings at the top level of a scenario. */
const APPRAISAL_KEYS = ["options", "baselineOption", "recommendedOption", "planningYears", "discountRate", "gdpDeflator", "boardAskedTo", "figuresIn"];
/** The settings an option may change; everything else (year, pay awards, the staff list, the pool) is shared. */
const OPTION_SETTINGS = ["targetTerms", "protection", "protectUnsocial", "movePension", "hoursBasis", "increments", "jobMatch", "lgpsEmployerRate", "nhsEmployerRate", "leaveValuation"] as const;
export const DEFAULT_PLANNING_YEARS = 5;
/** HM Treasury Green Book discount rate (social time preference rate), 3.5% real, for years 0 to 30. */
export const GREEN_BOOK_DISCOUNT_RATE = "0.035";

const TOP_KEYS = [
  "title", "organisation", "financialYear", "projectionYears", "targetTerms", "currentTerms", "protection", "protectUnsocial",
  "payAwards", "lgpsEmployerRate", "nhsEmployerRate", "leaveValuation", "movePension", "hoursBasis", "increments", "jobMatch",
  "protectiveMarking", "includeNames", "pool", "$schema", "description", "notes", "staffList", "suppliedPay",
  ...APPRAISAL_KEYS,
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Levenshtein distance, for "did you mean" on mistyped settings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

class Reader {
  readonly problems: string[] = [];
  /** The same problems with their path apart (for callers that name a place other than a JSON path). */
  readonly issues: { path: string; message: string }[] = [];
  fail(path: string, message: string): null {
    this.problems.push(`${path}: ${message}`);
    this.issues.push({ path, message });
    return null;
  }

  text(v: unknown, path: string, fallback: string | null = null): string | null {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string") return this.fail(path, `should be text; got ${JSON.stringify(v)}.`);
    return v.trim();
  }

  bool(v: unknown, path: string, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "boolean") {
      this.fail(path, `should be true or false; got ${JSON.stringify(v)}.`);
      return fallback;
    }
    return v;
  }

  /** A rate: 0.195 or "19.5%". A bare number above `max` is refused with a hint. */
  rate(v: unknown, path: string, what: string, max = 1, min = 0): Decimal | null {
    if (v === undefined || v === null) return null;
    let d: Decimal | null = null;
    if (typeof v === "number" && Number.isFinite(v)) d = new D(v);
    else if (typeof v === "string") {
      const t = v.trim();
      const m = /^([-+]?\d+(?:\.\d+)?)\s*%$/.exec(t);
      if (m) d = new D(m[1]).dividedBy(100);
      else if (/^[-+]?\d+(\.\d+)?$/.test(t)) d = new D(t);
    }
    if (d === null) return this.fail(path, `${what} should be a fraction such as 0.195 or a percentage such as "19.5%"; got ${JSON.stringify(v)}.`);
    if (d.gt(max) || d.lt(min)) {
      const hint = d.gt(1) && typeof v === "number" ? ` Write ${v}% as ${d.dividedBy(100).toString()} or "${v}%".` : "";
      return this.fail(path, `${what} must be from ${min * 100}% to ${max * 100}%; got ${JSON.stringify(v)}.${hint}`);
    }
    return d;
  }

  money(v: unknown, path: string, what: string): Decimal | null {
    if (typeof v === "number" && Number.isFinite(v)) {
      if (v < 0) return this.fail(path, `${what} must not be negative; got ${v}.`);
      return new D(v);
    }
    if (typeof v === "string" && /^£?\s*[\d,]+(\.\d+)?$/.test(v.trim())) return new D(v.replace(/[£,\s]/g, ""));
    return this.fail(path, `${what} should be an amount in £ such as 1250000; got ${JSON.stringify(v)}.`);
  }

  wholeNumber(v: unknown, path: string, what: string, min: number, max: number): number | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
      return this.fail(path, `${what} must be a whole number from ${min} to ${max}; got ${JSON.stringify(v)}.`);
    return v;
  }

  choice<T extends string>(v: unknown, path: string, what: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | null {
    if (typeof v !== "string") return this.fail(path, `${what} should be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}.`);
    const key = v.trim().toUpperCase().replace(/[\s-]+/g, "_");
    if ((allowed as readonly string[]).includes(key)) return key as T;
    const alias = aliases[key.replace(/_/g, "")];
    if (alias) return alias;
    return this.fail(path, `${what} "${v}" is not recognised. Use one of: ${allowed.join(", ")}.`);
  }

  unknownKeys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) {
        const near = allowed.find((a) => editDistance(a.toLowerCase(), k.toLowerCase()) <= 2);
        this.fail(`${path}${path ? "." : ""}${k}`, `is not a setting${near ? `; did you mean "${near}"?` : `. Settings: ${allowed.filter((a) => !a.startsWith("$")).join(", ")}.`}`);
      }
  }
}

const PROTECTION_ALIASES: Record<string, ProtectionKind> = {
  MARKTIME: "MARKTIME",
  MARKINGTIME: "MARKTIME",
  TAPER: "TAPERED",
  TAPERED: "TAPERED",
  CASHWITHAWARDS: "CASH_WITH_AWARDS",
  CASHPLUSAWARDS: "CASH_WITH_AWARDS",
  REDCIRCLE: "REDCIRCLE",
  REDCIRCLING: "REDCIRCLE",
  NONE: "NONE",
  NO: "NONE",
};

function conditionsOf(r: Reader, v: unknown, path: string) {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) return r.fail(path, "should be an object with standardHours, extraLeaveDays and/or unsocialRates.");
  r.unknownKeys(v, ["standardHours", "extraLeaveDays", "unsocialRates", "terms", "hcasArea", "localAllowance"], path);
  const hours = v.standardHours === undefined ? null : typeof v.standardHours === "number" && v.standardHours > 0 && v.standardHours <= 80 ? new D(v.standardHours) : r.fail(`${path}.standardHours`, `should be hours a week, more than 0 and at most 80; got ${JSON.stringify(v.standardHours)}.`);
  const extra = r.wholeNumber(v.extraLeaveDays, `${path}.extraLeaveDays`, "Extra leave days", 0, 60);
  let unsocialRates = null;
  if (v.unsocialRates !== undefined) {
    if (!isObj(v.unsocialRates)) r.fail(`${path}.unsocialRates`, "should be an object with nightsAndSaturdays and/or sundaysAndPublicHolidays.");
    else {
      const u = v.unsocialRates;
      r.unknownKeys(u, ["nightsAndSaturdays", "sundaysAndPublicHolidays", "nights", "saturdays", "sundays", "publicHolidays"], `${path}.unsocialRates`);
      // A rate may be exact, as a ratio ("1/3" for time plus one third), as well as 0.5 or "50%".
      const one = (key: string, what: string) => {
        const x = u[key];
        // Left empty by `caretrust init` for a rate the staff list needs and the data does not hold.
        if (typeof x === "string" && x.trim() === "")
          return r.fail(`${path}.unsocialRates.${key}`, `${what} is empty: give it as time plus a fraction (0.5 for time and a half, "1/3" for time and a third, 0 for plain time); caretrust init lists the rows that need it in the scenario's notes.`);
        if (typeof x === "string" && x.includes("/")) {
          try {
            const exact = rateOf(x);
            if (rateValue(exact).lte(3)) return exact;
          } catch {
            // reported below
          }
          return r.fail(`${path}.unsocialRates.${key}`, `${what} should be a fraction from 0 to 3 (0.5, "50%") or a ratio such as "1/3"; got ${JSON.stringify(x)}.`);
        }
        return r.rate(x, `${path}.unsocialRates.${key}`, what, 3);
      };
      unsocialRates = {
        nightsAndSaturdays: one("nightsAndSaturdays", "The nights and Saturdays rate"),
        sundaysAndPublicHolidays: one("sundaysAndPublicHolidays", "The Sundays and public holidays rate"),
        nights: one("nights", "The night rate"),
        saturdays: one("saturdays", "The Saturday rate"),
        sundays: one("sundays", "The Sunday rate"),
        publicHolidays: one("publicHolidays", "The public holiday rate"),
      };
    }
  }
  return { standardHours: hours, extraLeaveDays: extra, unsocialRates };
}

function riskShareOf(r: Reader, v: unknown, path: string, partners: string[]): { arrangement: Arrangement; text: string } | null {
  if (v === undefined || v === null) return null;
  let method: unknown;
  let params: ParamCell[] = [];
  if (typeof v === "string") method = v;
  else if (isObj(v)) {
    r.unknownKeys(v, ["method", "parameters"], path);
    method = v.method;
    if (v.parameters !== undefined) {
      if (!Array.isArray(v.parameters) || v.parameters.some((p) => p !== null && !["string", "number", "boolean"].includes(typeof p)))
        return r.fail(`${path}.parameters`, "should be a list of numbers and text, as they would sit in the parameter cells (docs/pools.md).");
      params = v.parameters as ParamCell[];
    }
  } else return r.fail(path, 'should be a method such as "PROPORTIONAL", or { "method": "CAPPED", "parameters": [500000, 500000] }.');
  if (typeof method !== "string") return r.fail(path, 'needs a method such as "PROPORTIONAL".');
  try {
    const arrangement = parseArrangement(method, params, { partners: partners.length, names: partners, ownAmounts: false });
    const text = params.length > 0 ? `${method} ${params.map((p) => (p === null ? "(blank)" : String(p))).join(", ")}` : method;
    return { arrangement, text };
  } catch (e) {
    if (e instanceof EngineError) return r.fail(path, e.message);
    throw e;
  }
}

function poolOf(r: Reader, v: unknown): BoardPool | null {
  const path = "pool";
  if (v === undefined || v === null) return null;
  if (!isObj(v)) return r.fail(path, "should be an object with partners, lines and riskShare.");
  r.unknownKeys(v, ["name", "partners", "fixedShares", "riskShare", "lines", "year", "years", "reserve", "repayments", "description"], path);
  const name = r.text(v.name, `${path}.name`, "Pooled budget") ?? "Pooled budget";
  if (!Array.isArray(v.partners) || v.partners.length === 0 || v.partners.some((p) => typeof p !== "string" || p.trim() === ""))
    return r.fail(`${path}.partners`, 'should list the partners by name, e.g. ["Northshire NHS Trust", "Northshire County Council"].');
  const partners = (v.partners as string[]).map((p) => p.trim());
  const fixedShares = fixedSharesOf(r, v.fixedShares, `${path}.fixedShares`, partners);
  const poolRisk = riskShareOf(r, v.riskShare, `${path}.riskShare`, partners);
  // The pool's own financial year, independent of the pay year (issue 14, item 7).
  const year = poolYearOf(r, v.year, `${path}.year`);
  if (v.years !== undefined && v.years !== null) {
    const multi = poolYearsOf(r, v, partners, poolRisk, fixedShares);
    if (!multi) return null;
    if (year !== null) r.fail(`${path}.year`, "give either the pool's one year (year) or its years (years), not both.");
    const last = multi.years[multi.years.length - 1];
    return {
      name,
      year: multi.labels[multi.labels.length - 1],
      pool: { partners, lines: last.lines, fixedShares: last.fixedShares ?? null, ...(last.arrangement ? { arrangement: last.arrangement } : {}) },
      riskShareText: multi.riskShareTexts[multi.riskShareTexts.length - 1],
      lineRiskShareTexts: multi.lineTexts[multi.lineTexts.length - 1],
      multiYear: { partners, years: multi.years, reserve: multi.reserve, repayments: multi.repayments },
      yearRiskShareTexts: multi.riskShareTexts,
    };
  }
  const parsed = poolLinesOf(r, v.lines, `${path}.lines`, partners);
  if (!parsed) return null;
  return {
    name,
    year,
    pool: { partners, lines: parsed.lines, fixedShares, ...(poolRisk ? { arrangement: poolRisk.arrangement } : {}) },
    riskShareText: poolRisk?.text ?? "PROPORTIONAL",
    lineRiskShareTexts: parsed.texts,
    multiYear: null,
    yearRiskShareTexts: [],
  };
}

function fixedSharesOf(r: Reader, v: unknown, path: string, partners: string[]): Decimal[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || v.length !== partners.length) {
    r.fail(path, `should give one share per partner (${partners.length}), e.g. ["60%", "40%"].`);
    return null;
  }
  return v.map((s, i) => r.rate(s, `${path}[${i}]`, "A fixed share") ?? new D(0));
}

function poolYearOf(r: Reader, v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null;
  try {
    return parseFinancialYear(v)?.label ?? null;
  } catch (e) {
    if (e instanceof EngineError) return r.fail(path, e.message);
    throw e;
  }
}

function partnerIndexOf(r: Reader, v: unknown, path: string, partners: string[]): number | null {
  const i = typeof v === "string" ? partners.findIndex((p) => p.toLowerCase() === v.trim().toLowerCase()) : -1;
  if (i < 0) return r.fail(path, `should name one of the partners (${partners.join(", ")}); got ${JSON.stringify(v)}.`);
  return i;
}

/** The service lines of one year of the pool (or of a one-year pool). */
function poolLinesOf(r: Reader, v: unknown, path: string, partners: string[]): { lines: ServiceLine[]; texts: (string | null)[] } | null {
  if (!Array.isArray(v) || v.length === 0)
    return r.fail(path, 'should list the service lines, each { "name", "contributions": [one per partner], "expenditure" } (a pool without schemes is one line).');
  const lines: ServiceLine[] = [];
  const texts: (string | null)[] = [];
  v.forEach((l, i) => {
    const lp = `${path}[${i}]`;
    if (!isObj(l)) return r.fail(lp, "should be an object with name, contributions and expenditure.");
    r.unknownKeys(l, ["name", "contributions", "expenditure", "riskShare", "aligned", "income"], lp);
    const lineName = r.text(l.name, `${lp}.name`, `Line ${i + 1}`) ?? `Line ${i + 1}`;
    if (!Array.isArray(l.contributions) || l.contributions.length !== partners.length)
      return r.fail(`${lp}.contributions`, `should give one contribution per partner (${partners.length}: ${partners.join(", ")}), 0 where a partner puts nothing in.`);
    const contributions: Contribution[] = [];
    l.contributions.forEach((c, k) => {
      const cp = `${lp}.contributions[${k}]`;
      if (isObj(c)) {
        r.unknownKeys(c, ["base", "changes"], cp);
        const base = r.money(c.base, `${cp}.base`, "The base contribution");
        const changes: Decimal[] = [];
        if (c.changes !== undefined) {
          if (!Array.isArray(c.changes)) r.fail(`${cp}.changes`, "should be a list of in-year changes in £ (negative for a reduction).");
          else
            c.changes.forEach((x, j) => {
              if (typeof x === "number" && Number.isFinite(x)) changes.push(new D(x));
              else r.fail(`${cp}.changes[${j}]`, `should be an amount in £; got ${JSON.stringify(x)}.`);
            });
        }
        contributions.push({ base: base ?? new D(0), changes });
      } else contributions.push({ base: r.money(c, cp, `${partners[k]}'s contribution`) ?? new D(0) });
    });
    const expenditure = r.money(l.expenditure, `${lp}.expenditure`, "Expenditure") ?? new D(0);
    const aligned = r.bool(l.aligned, `${lp}.aligned`, false);
    const own = riskShareOf(r, l.riskShare, `${lp}.riskShare`, partners);
    if (aligned && own) r.fail(`${lp}.riskShare`, "an aligned line (each partner bears its own) has no risk share: remove riskShare, or set aligned to false.");
    let income: ServiceLine["income"];
    if (l.income !== undefined && l.income !== null) {
      if (!isObj(l.income)) r.fail(`${lp}.income`, 'should be { "budget": 100000, "actual": 80000 } (and "bornBy": a partner, when one partner bears a shortfall alone).');
      else {
        r.unknownKeys(l.income, ["budget", "actual", "bornBy"], `${lp}.income`);
        const budget = r.money(l.income.budget, `${lp}.income.budget`, "The income budgeted") ?? new D(0);
        const actual = r.money(l.income.actual, `${lp}.income.actual`, "The income received") ?? new D(0);
        const bornBy = l.income.bornBy === undefined || l.income.bornBy === null ? null : partnerIndexOf(r, l.income.bornBy, `${lp}.income.bornBy`, partners);
        income = { budget, actual, bornBy };
      }
    }
    lines.push({ name: lineName, contributions, expenditure, ...(own ? { arrangement: own.arrangement } : {}), ...(aligned ? { aligned } : {}), ...(income ? { income } : {}) });
    texts.push(aligned ? "aligned: each partner bears its own" : own ? own.text : null);
  });
  return { lines, texts };
}

/** A pool over several years (pool.years, pool.reserve, pool.repayments): docs/pools.md, "A pool over several years". */
function poolYearsOf(
  r: Reader,
  v: Obj,
  partners: string[],
  poolRisk: { arrangement: Arrangement; text: string } | null,
  fixedShares: Decimal[] | null,
): { years: PoolYear[]; labels: string[]; riskShareTexts: string[]; lineTexts: (string | null)[][]; reserve: ReservePolicy | null; repayments: RepaymentSchedule[] } | null {
  const path = "pool.years";
  if (!Array.isArray(v.years) || v.years.length === 0)
    return r.fail(path, 'should list the years, each { "year": "2024/25", "lines": [...], "riskShare": ... } (docs/pools.md).');
  if (v.lines !== undefined) r.fail("pool.lines", "give the lines inside each year (pool.years[].lines), not for the pool as a whole.");
  if (v.years.length > 50) return r.fail(path, `has ${v.years.length} years; at most 50 (each year is a block of the pool statement).`);
  const years: PoolYear[] = [];
  const labels: string[] = [];
  const riskShareTexts: string[] = [];
  const lineTexts: (string | null)[][] = [];
  let risk = poolRisk;
  for (const [k, y] of v.years.entries()) {
    const yp = `${path}[${k}]`;
    if (!isObj(y)) return r.fail(yp, 'should be { "year": "2024/25", "lines": [...] }.');
    r.unknownKeys(y, ["year", "lines", "riskShare", "fixedShares", "changes", "reserveDraws", "reserveTopUps", "description"], yp);
    const label = poolYearOf(r, y.year, `${yp}.year`);
    if (label === null) return r.fail(`${yp}.year`, 'give the financial year, e.g. "2024/25".');
    // A year without its own rule keeps the previous year's (the pool's riskShare for the first).
    const own = riskShareOf(r, y.riskShare, `${yp}.riskShare`, partners);
    if (own) risk = own;
    const lines = poolLinesOf(r, y.lines, `${yp}.lines`, partners);
    if (!lines) return null;
    const changes: DatedChange[] = [];
    if (y.changes !== undefined) {
      if (!Array.isArray(y.changes)) r.fail(`${yp}.changes`, 'should list dated changes, each { "date": "2025-10-01", "partner": "...", "kind": "ONE_OFF", "amount": 25000 }.');
      else if (y.changes.length > 1000) r.fail(`${yp}.changes`, `has ${y.changes.length} dated changes; at most 1,000 a year.`);
      else
        y.changes.forEach((c, j) => {
          const cp = `${yp}.changes[${j}]`;
          if (!isObj(c)) return r.fail(cp, 'should be { "date", "partner", "kind", "amount" } (and "line", "note").');
          r.unknownKeys(c, ["date", "partner", "line", "kind", "amount", "note"], cp);
          const partner = partnerIndexOf(r, c.partner, `${cp}.partner`, partners);
          const kind = r.choice(c.kind, `${cp}.kind`, "The kind of change", CHANGE_KINDS, { VIREMENT: "VIREMENT_OUT", ONEOFF: "ONE_OFF", ADVANCE: "ADVANCE", CONTINGENCY: "CONTINGENCY" });
          const amount = r.money(c.amount, `${cp}.amount`, "The amount");
          const date = r.text(c.date, `${cp}.date`);
          let line: number | undefined;
          if (c.line !== undefined && c.line !== null) {
            const li = lines.lines.findIndex((l) => typeof c.line === "string" && l.name.toLowerCase() === c.line.trim().toLowerCase());
            if (li < 0) r.fail(`${cp}.line`, `should name one of the year's lines (${lines.lines.map((l) => l.name).join(", ")}); got ${JSON.stringify(c.line)}.`);
            else line = li;
          }
          if (partner === null || kind === null || amount === null || date === null) return;
          changes.push({ date, partner, kind, amount, ...(line !== undefined ? { line } : {}), note: r.text(c.note, `${cp}.note`) ?? "" });
        });
    }
    const moves = (key: "reserveDraws" | "reserveTopUps") => {
      const list = y[key];
      if (list === undefined || list === null) return [];
      if (!Array.isArray(list)) {
        r.fail(`${yp}.${key}`, "should be a list of { \"amount\" } entries.");
        return [];
      }
      return list.flatMap((m, j): { line?: number; partner?: number; amount: Decimal }[] => {
        const mp = `${yp}.${key}[${j}]`;
        if (!isObj(m)) return (r.fail(mp, 'should be { "amount": 50000 }.'), []);
        r.unknownKeys(m, key === "reserveDraws" ? ["amount", "line", "note"] : ["amount", "partner", "note"], mp);
        const amount = r.money(m.amount, `${mp}.amount`, "The amount");
        if (amount === null) return [];
        if (key === "reserveTopUps") {
          const partner = partnerIndexOf(r, m.partner, `${mp}.partner`, partners);
          return partner === null ? [] : [{ partner, amount }];
        }
        const li = m.line === undefined ? 0 : lines.lines.findIndex((l) => typeof m.line === "string" && l.name.toLowerCase() === m.line.trim().toLowerCase());
        if (li < 0) return (r.fail(`${mp}.line`, `should name one of the year's lines; got ${JSON.stringify(m.line)}.`), []);
        return [{ line: li, amount }];
      });
    };
    const draws = moves("reserveDraws").map((m) => ({ line: m.line ?? 0, amount: m.amount }));
    const topUps = moves("reserveTopUps").map((m) => ({ partner: m.partner ?? 0, amount: m.amount }));
    const fixed = y.fixedShares !== undefined ? fixedSharesOf(r, y.fixedShares, `${yp}.fixedShares`, partners) : fixedShares;
    years.push({ year: label, lines: lines.lines, ...(risk ? { arrangement: risk.arrangement } : {}), fixedShares: fixed, changes, reserveDraws: draws, reserveTopUps: topUps });
    labels.push(label);
    riskShareTexts.push(risk?.text ?? "PROPORTIONAL");
    lineTexts.push(lines.texts);
  }
  let reserve: ReservePolicy | null = null;
  if (v.reserve !== undefined && v.reserve !== null) {
    const rp = "pool.reserve";
    if (!isObj(v.reserve)) r.fail(rp, 'should be { "opening": 500000, "drawOnOverspend": true, "topUpFromUnderspend": "100%", "ceiling": 1000000 }.');
    else {
      r.unknownKeys(v.reserve, ["opening", "drawOnOverspend", "topUpFromUnderspend", "ceiling"], rp);
      reserve = {
        opening: r.money(v.reserve.opening ?? 0, `${rp}.opening`, "The opening balance") ?? new D(0),
        drawOnOverspend: r.bool(v.reserve.drawOnOverspend, `${rp}.drawOnOverspend`, true),
        topUpFromUnderspend: r.rate(v.reserve.topUpFromUnderspend, `${rp}.topUpFromUnderspend`, "The share of an underspend kept") ?? new D(0),
        ceiling: v.reserve.ceiling === undefined || v.reserve.ceiling === null ? null : r.money(v.reserve.ceiling, `${rp}.ceiling`, "The ceiling"),
      };
    }
  }
  const repayments: RepaymentSchedule[] = [];
  if (v.repayments !== undefined && v.repayments !== null) {
    if (!Array.isArray(v.repayments)) r.fail("pool.repayments", 'should list schedules, each { "year", "partner", "share" or "amount", "years", "lender" }.');
    else
      v.repayments.forEach((x, j) => {
        const xp = `pool.repayments[${j}]`;
        if (!isObj(x)) return r.fail(xp, 'should be { "year": "2024/25", "partner": "...", "share": "75%", "years": 3 }.');
        r.unknownKeys(x, ["year", "partner", "share", "amount", "years", "lender"], xp);
        const year = poolYearOf(r, x.year, `${xp}.year`);
        const partner = partnerIndexOf(r, x.partner, `${xp}.partner`, partners);
        const n = r.wholeNumber(x.years, `${xp}.years`, "The years to repay", 1, 30);
        const lender = x.lender === undefined || x.lender === null || (typeof x.lender === "string" && x.lender.trim().toUpperCase() === "RESERVE") ? "RESERVE" : partnerIndexOf(r, x.lender, `${xp}.lender`, partners);
        const share = x.share === undefined ? undefined : r.rate(x.share, `${xp}.share`, "The share deferred") ?? undefined;
        const amount = x.amount === undefined ? undefined : r.money(x.amount, `${xp}.amount`, "The amount deferred") ?? undefined;
        if (year === null || partner === null || n === null || lender === null) {
          if (year === null) r.fail(`${xp}.year`, 'give the year whose overspend is repaid later, e.g. "2024/25".');
          if (n === null) r.fail(`${xp}.years`, "give the number of years to repay over.");
          return;
        }
        repayments.push({ year, partner, years: n, lender, ...(share !== undefined ? { share } : {}), ...(amount !== undefined ? { amount } : {}) });
      });
  }
  return { years, labels, riskShareTexts, lineTexts, reserve, repayments };
}

function payAwardsOf(r: Reader, v: unknown): PayAwards | null {
  if (v === undefined || v === null) return null;
  const one = (x: unknown, p: string, what: string) => r.rate(x, p, what, 0.5, -0.5);
  if (typeof v === "number" || typeof v === "string") {
    const d = one(v, "payAwards", "The pay award");
    return d === null ? null : { AFC: d, NJC: d, LOCAL: d };
  }
  if (!isObj(v)) return r.fail("payAwards", 'should be a rate (0.03 or "3%") or { "AFC": 0.03, "NJC": 0.025, "byYear": { "2027/28": { "NJC": 0.02 } } }.');
  r.unknownKeys(v, ["AFC", "NJC", "LOCAL", "byYear"], "payAwards");
  const out: PayAwards = {};
  for (const k of ["AFC", "NJC", "LOCAL"] as const) if (v[k] !== undefined) out[k] = one(v[k], `payAwards.${k}`, `The ${k} pay award`);
  if (v.byYear !== undefined) {
    if (!isObj(v.byYear)) r.fail("payAwards.byYear", 'should map years to awards, e.g. { "2027/28": { "NJC": 0.02 } }.');
    else {
      const byYear: Record<string, Partial<Record<PayScheme, Decimal>>> = {};
      for (const [label, entry] of Object.entries(v.byYear)) {
        const p = `payAwards.byYear.${label}`;
        let fy: FinancialYear | null = null;
        try {
          fy = parseFinancialYear(label);
        } catch (e) {
          r.fail(p, (e as Error).message);
        }
        if (!fy) continue;
        if (typeof entry === "number" || typeof entry === "string") {
          const d = one(entry, p, `The ${fy.label} pay award`);
          if (d) byYear[fy.label] = { AFC: d, NJC: d, LOCAL: d };
          continue;
        }
        if (!isObj(entry)) {
          r.fail(p, 'should be a rate or { "AFC": …, "NJC": … }.');
          continue;
        }
        r.unknownKeys(entry, ["AFC", "NJC", "LOCAL"], p);
        const e: Partial<Record<PayScheme, Decimal>> = {};
        for (const k of ["AFC", "NJC", "LOCAL"] as const) {
          const d = entry[k] === undefined ? null : one(entry[k], `${p}.${k}`, `The ${fy.label} ${k} pay award`);
          if (d) e[k] = d;
        }
        byYear[fy.label] = e;
      }
      out.byYear = byYear;
    }
  }
  return out;
}

/** Checks a scenario and returns every problem found (an empty list when it is good). */
export function checkBoardScenario(json: unknown): { scenario: BoardScenario | null; problems: string[] } {
  const r = new Reader();
  if (!isObj(json)) return { scenario: null, problems: ['The scenario should be a JSON object, e.g. { "targetTerms": "NJC", "protection": { "policy": "CASH", "years": 3 } }.'] };
  // Sizes and plausible ranges first (scenarioLimits.ts): nothing below meets a value nested 100,000 deep or a 1e400.
  const limits = checkScenarioLimits(json);
  if (limits.shape.length > 0) return { scenario: null, problems: limits.shape };
  r.problems.push(...limits.ranges);
  r.unknownKeys(json, TOP_KEYS, "");

  const title = r.text(json.title, "title", DEFAULT_TITLE) || DEFAULT_TITLE;
  const organisation = r.text(json.organisation, "organisation", null) || null;

  let year: FinancialYear | null = null;
  if (json.financialYear !== undefined && json.financialYear !== null) {
    try {
      year = parseFinancialYear(json.financialYear);
    } catch (e) {
      r.fail("financialYear", (e as Error).message);
    }
  }
  const projectionYears = r.wholeNumber(json.projectionYears, "projectionYears", "The projection", 1, 40);

  // Target terms.
  let target: HarmonisationScenario["target"] | null = null;
  const tt = json.targetTerms;
  if (tt === undefined || tt === null) r.fail("targetTerms", 'is missing: say which terms staff are harmonised onto, "AFC" or "NJC".');
  else if (typeof tt === "string") {
    const terms = r.choice<TermsName>(tt, "targetTerms", "Target terms", ["AFC", "NJC"], { AGENDAFORCHANGE: "AFC", NHS: "AFC", GREENBOOK: "NJC", COUNCIL: "NJC" });
    if (terms) target = { terms };
  } else if (isObj(tt)) {
    const terms = r.choice<TermsName>(tt.terms, "targetTerms.terms", "Target terms", ["AFC", "NJC"], { AGENDAFORCHANGE: "AFC", NHS: "AFC", GREENBOOK: "NJC", COUNCIL: "NJC" });
    const c = conditionsOf(r, tt, "targetTerms");
    const hcas = tt.hcasArea === undefined ? null : r.choice<HcasChoice>(tt.hcasArea, "targetTerms.hcasArea", "The HCAS area", ["INNER", "OUTER", "FRINGE", "NONE"]);
    const allowance = tt.localAllowance === undefined ? null : r.money(tt.localAllowance, "targetTerms.localAllowance", "The local allowance");
    if (terms) target = { terms, ...(c ?? {}), hcasArea: hcas, localAllowance: allowance };
  } else r.fail("targetTerms", 'should be "AFC", "NJC", or { "terms": "NJC", "localAllowance": 1200 }.');

  let current: HarmonisationScenario["current"] = null;
  if (json.currentTerms !== undefined && json.currentTerms !== null) {
    if (!isObj(json.currentTerms)) r.fail("currentTerms", 'should be { "AFC": {…}, "NJC": {…} }.');
    else {
      r.unknownKeys(json.currentTerms, ["AFC", "NJC"], "currentTerms");
      current = {};
      for (const k of ["AFC", "NJC"] as const) {
        const c = conditionsOf(r, json.currentTerms[k], `currentTerms.${k}`);
        if (c) current[k] = c;
      }
    }
  }

  // Protection.
  let protection: HarmonisationScenario["protection"] = { kind: "NONE" };
  const p = json.protection;
  if (typeof p === "string") {
    const kind = r.choice<ProtectionKind>(p, "protection", "The protection policy", PROTECTION_KINDS, PROTECTION_ALIASES);
    if (kind) protection = { kind };
  } else if (isObj(p)) {
    r.unknownKeys(p, ["policy", "years", "taper"], "protection");
    const kind = r.choice<ProtectionKind>(p.policy, "protection.policy", "The protection policy", PROTECTION_KINDS, PROTECTION_ALIASES);
    const years = r.wholeNumber(p.years, "protection.years", "Protection years", 0, 40);
    let taper: Decimal[] | null = null;
    if (p.taper !== undefined) {
      if (!Array.isArray(p.taper)) r.fail("protection.taper", 'should list the share protected each year, e.g. ["100%", "50%", "25%"].');
      else taper = p.taper.map((x, i) => r.rate(x, `protection.taper[${i}]`, `Taper year ${i + 1}`) ?? new D(0));
    }
    // Only when no years were given: years out of range have had their own message.
    if ((kind === "CASH" || kind === "CASH_WITH_AWARDS") && (p.years === undefined || p.years === null)) r.fail("protection.years", `${kind} protection needs a number of years, e.g. 3.`);
    if (kind === "TAPERED" && (!taper || taper.length === 0)) r.fail("protection.taper", 'TAPERED protection needs a schedule, e.g. ["100%", "50%", "25%"].');
    if (kind) protection = { kind, years, taper };
  } else if (p !== undefined && p !== null) r.fail("protection", 'should be e.g. { "policy": "CASH", "years": 3 } or "NONE".');

  const payAwards = payAwardsOf(r, json.payAwards);
  const lgps = r.rate(json.lgpsEmployerRate, "lgpsEmployerRate", "The LGPS employer rate");
  const nhsRateBasis = json.nhsEmployerRate === undefined ? null : r.choice(json.nhsEmployerRate, "nhsEmployerRate", "The NHS employer rate basis", ["FULL", "LOCAL"] as const);

  let cover: Decimal | null = null;
  const lv = json.leaveValuation;
  if (lv !== undefined && lv !== null) {
    if (typeof lv === "string" && /^(none|no)$/i.test(lv.trim())) cover = new D(0);
    else if (typeof lv === "string" && /^(full|all)$/i.test(lv.trim())) cover = new D(1);
    else if (isObj(lv)) {
      r.unknownKeys(lv, ["coverProportion"], "leaveValuation");
      cover = r.rate(lv.coverProportion, "leaveValuation.coverProportion", "The share of time off covered", 5);
    } else cover = r.rate(lv, "leaveValuation", 'Leave valuation ("NONE", "FULL" or the share of time off covered)', 5);
  }

  const hoursBasis = json.hoursBasis === undefined ? null : r.choice(json.hoursBasis, "hoursBasis", "The hours basis", ["KEEP_FTE", "KEEP_HOURS"] as const);
  let jobMatch: JobMatchRow[] | null = null;
  if (json.jobMatch !== undefined && json.jobMatch !== null) {
    if (!Array.isArray(json.jobMatch) || json.jobMatch.some((m) => !isObj(m) || typeof m.from !== "string" || typeof m.to !== "string"))
      r.fail("jobMatch", 'should list matches such as [{ "from": "6", "to": "29-31" }] (from an AfC band or NJC points, to a target grade).');
    else {
      jobMatch = (json.jobMatch as Obj[]).map((m) => ({ from: String(m.from), to: String(m.to) }));
      for (const m of jobMatch)
        if (m.to.trim() === "") r.fail("jobMatch", `the match for "${m.from}" has no target grade: give "to" (an AfC band such as "6", or NJC points such as "29-31").`);
    }
  }

  const marking = r.text(json.protectiveMarking, "protectiveMarking", DEFAULT_MARKING) || DEFAULT_MARKING;
  if (marking.length > 60) r.fail("protectiveMarking", "should be a short marking such as OFFICIAL-SENSITIVE (at most 60 characters).");
  const includeNames = r.bool(json.includeNames, "includeNames", false);
  const pool = poolOf(r, json.pool);
  const staffList = staffListOf(r, json.staffList);
  const suppliedPay = suppliedPayOf(r, json.suppliedPay, year);
  const boardAskedTo = r.text(json.boardAskedTo, "boardAskedTo", null) || null;
  if (boardAskedTo && boardAskedTo.length > 2000) r.fail("boardAskedTo", "should be at most 2,000 characters: the decision in a few lines.");
  const figuresIn = json.figuresIn === undefined || json.figuresIn === null ? "POUNDS" : (r.choice(json.figuresIn, "figuresIn", "Figures in", ["POUNDS", "THOUSANDS"] as const, { "000": "THOUSANDS", K: "THOUSANDS", "£000": "THOUSANDS" }) ?? "POUNDS");

  if (r.problems.length > 0 || !target) return { scenario: null, problems: r.problems };
  const harmonisation: HarmonisationScenario = {
    target,
    current,
    year,
    projectionYears,
    protection,
    protectUnsocial: r.bool(json.protectUnsocial, "protectUnsocial", false),
    payAwards,
    lgpsEmployerRate: lgps,
    nhsRateBasis,
    coverProportion: cover,
    movePension: r.bool(json.movePension, "movePension", false),
    hoursBasis,
    jobMatch,
    increments: r.bool(json.increments, "increments", true),
    ...(suppliedPay.length > 0 ? { suppliedPay } : {}),
  };
  const appraisal = appraisalOf(r, json, harmonisation);
  if (r.problems.length > 0) return { scenario: null, problems: r.problems };
  return {
    scenario: {
      title,
      organisation,
      harmonisation,
      projectionYearsGiven: projectionYears !== null,
      protectiveMarking: marking,
      includeNames,
      pool,
      staffList,
      appraisal,
      boardAskedTo,
      figuresIn,
      input: json as unknown as BoardScenarioInput,
    },
    problems: [],
  };
}

/** One of the user's own pay figures as a scenario file (or a row of the workbook's SuppliedPay table) gives it. */
export interface SuppliedPayInput {
  /** "NJC" or "AFC" ("Agenda for Change" and "Green Book" are read too; anything else is refused by name). */
  scale: string;
  year?: string | number;
  point?: number | string;
  band?: string | number;
  step?: number;
  pay: number | string;
  note?: string;
}

/** The settings of a supplied figure, as named in a scenario file. */
export type SuppliedPayField = "scale" | "year" | "point" | "band" | "step" | "pay" | "note";

/**
 * The user's own pay figures (INTAKE, issue 9 item 6): `suppliedPay: [{ "scale": "NJC", "year": "2025/26",
 * "point": 44, "pay": 52300, "note": "local point, pay policy 2025" }]` (AfC: "band" and "step"). Each is
 * checked by the engine's one rule (suppliedPayProblem: only where the data has no figure; plausible pay).
 */
function suppliedPayOf(r: Reader, v: unknown, baseYear: FinancialYear | null): SuppliedPay[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return (r.fail("suppliedPay", `should list your own pay figures, e.g. ${SUPPLIED_PAY_EXAMPLE}.`), []);
  return suppliedPayEach(r, v, baseYear, (i) => `suppliedPay[${i}]`, false).figures;
}

const SUPPLIED_PAY_EXAMPLE = '[{ "scale": "NJC", "year": "2025/26", "point": 44, "pay": 52300, "note": "local point" }]';

/**
 * Checks supplied figures one by one: THE reading of a supplied figure, for a scenario file and the
 * workbook's table alike. Each problem is reported at `pathOf(i)` plus the setting (`.pay`); with
 * `atSetting`, a problem with the figure as a whole (the data already holds one; a second figure for a
 * point) is reported at the setting it rests on (the point or band), so a table can name a column.
 * Returns the figures without a problem and their indexes.
 */
function suppliedPayEach(r: Reader, entries: readonly unknown[], baseYear: FinancialYear | null, pathOf: (i: number) => string, atSetting: boolean): { figures: SuppliedPay[]; used: number[] } {
  const figures: SuppliedPay[] = [];
  const used: number[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const path = pathOf(i);
    if (!isObj(e)) return r.fail(path, `should be a figure such as ${SUPPLIED_PAY_EXAMPLE.slice(1, -1)}.`);
    r.unknownKeys(e, ["scale", "year", "point", "band", "step", "pay", "note"], path);
    const scale = r.choice(e.scale, `${path}.scale`, "The scale", ["NJC", "AFC"] as const, { AGENDAFORCHANGE: "AFC", GREENBOOK: "NJC" });
    let year: FinancialYear | null = baseYear ?? defaultBaseYear();
    if (e.year !== undefined && e.year !== null) {
      try {
        year = parseFinancialYear(e.year as string | number);
      } catch (err) {
        year = null;
        r.fail(`${path}.year`, (err as Error).message);
      }
    }
    let grade: string | null = null;
    let step = 1;
    if (scale === "NJC") {
      if (e.band !== undefined) r.fail(`${path}.band`, 'an NJC figure is for a spinal column point: give "point" (e.g. 44), not "band".');
      if (e.step !== undefined && e.step !== 1) r.fail(`${path}.step`, 'NJC pay is set by the point alone: leave "step" out.');
      if (typeof e.point !== "number" && typeof e.point !== "string") r.fail(`${path}.point`, "is missing: give the spinal column point, e.g. 44.");
      else grade = String(e.point);
    } else if (scale === "AFC") {
      if (e.point !== undefined) r.fail(`${path}.point`, 'an AfC figure is for a band and step: give "band" and "step", not "point".');
      if (typeof e.band !== "number" && typeof e.band !== "string") r.fail(`${path}.band`, 'is missing: give the AfC band, e.g. "8a".');
      else grade = String(e.band);
      const st = r.wholeNumber(e.step, `${path}.step`, "The AfC step", 1, 12);
      if (st === null && (e.step === undefined || e.step === null)) r.fail(`${path}.step`, "is missing: give the AfC step (1 = entry).");
      if (st === null) return;
      step = st;
    }
    const pay = e.pay === undefined || e.pay === null ? r.fail(`${path}.pay`, "is missing: give the full-time annual basic pay in £, e.g. 52300.") : r.money(e.pay, `${path}.pay`, "The pay");
    const note = r.text(e.note, `${path}.note`);
    if (note !== null && note.length > 200) r.fail(`${path}.note`, "should be at most 200 characters.");
    if (!scale || grade === null || pay === null || year === null) return;
    const figure: SuppliedPay = { scale, year, grade, step, pay, note: note || null };
    const gradeSetting = scale === "NJC" ? "point" : "band";
    const why = suppliedPayProblemAt(figure);
    if (why !== null) return r.fail(atSetting ? `${path}.${why.part === "grade" ? gradeSetting : why.part}` : path, why.message);
    const label = suppliedPayLabel(figure);
    if (seen.has(label)) return r.fail(atSetting ? `${path}.${gradeSetting}` : path, `a second figure for ${label}: keep one.`);
    seen.add(label);
    figures.push(figure);
    used.push(i);
  });
  return { figures, used };
}

/**
 * Supplied figures checked one by one, as the scenario file's `suppliedPay` is (suppliedPayEach),
 * for a caller that reports each problem in its own words and place (the task pane's SuppliedPay
 * table: by row and column). Problems name the entry (its index) and the setting; the figures
 * without a problem are returned, with their indexes.
 */
export function checkSuppliedPayEntries(
  entries: readonly unknown[],
  baseYear: FinancialYear | null,
): { figures: SuppliedPay[]; used: number[]; problems: { index: number; field: SuppliedPayField | null; message: string }[] } {
  const r = new Reader();
  const { figures, used } = suppliedPayEach(r, entries, baseYear, (i) => String(i), true);
  const problems = r.issues.map((p) => {
    const [index, field] = p.path.split(".");
    return { index: Number(index), field: (field as SuppliedPayField | undefined) ?? null, message: p.message };
  });
  return { figures, used, problems };
}

/** The staff list's whole-list values (INTAKE): `staffList: { employer, terms }`, both optional. */
function staffListOf(r: Reader, v: unknown): BoardScenario["staffList"] {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) return r.fail("staffList", 'should be settings such as { "employer": "Northshire NHS Trust", "terms": "AFC" }.');
  r.unknownKeys(v, ["employer", "terms"], "staffList");
  const employer = r.text(v.employer, "staffList.employer");
  if (employer !== null && (employer.trim() === "" || employer.length > 120)) r.fail("staffList.employer", "should be the employer's name (1 to 120 characters).");
  const terms = v.terms === undefined || v.terms === null ? null : r.choice(v.terms, "staffList.terms", "The terms of everyone in the list", ["AFC", "NJC"] as const);
  return { employer: employer?.trim() || null, terms };
}

// ---------------------------------------------------------------------------------------------
// The options appraisal
// ---------------------------------------------------------------------------------------------

const APPROACH_ALIASES: Record<string, OptionApproach> = {
  KEEPCURRENT: "KEEP_CURRENT",
  KEEP: "KEEP_CURRENT",
  CURRENT: "KEEP_CURRENT",
  NOHARMONISATION: "KEEP_CURRENT",
  PROTECTEDTRANSFER: "KEEP_CURRENT",
  LEVELUP: "LEVEL_UP",
  LEVELLEDUP: "LEVEL_UP",
  LEVELLINGUP: "LEVEL_UP",
  HARMONISE: "HARMONISE",
};

/**
 * Reads the options appraisal. Each option is the scenario with the option's settings applied,
 * checked by the same rules as the scenario (a problem is reported as "options[1].protection: …").
 * Returns null when the scenario lists no options and sets none of the appraisal's settings.
 */
function appraisalOf(r: Reader, json: Obj, harmonisation: HarmonisationScenario): BoardAppraisal | null {
  const given = APPRAISAL_KEYS.filter((k) => k !== "boardAskedTo" && k !== "figuresIn" && json[k] !== undefined && json[k] !== null);
  if (json.options === undefined || json.options === null) {
    for (const k of given) r.fail(k, 'applies to an options appraisal: add "options", e.g. [{ "name": "Stay as we are", "approach": "KEEP_CURRENT" }, { "name": "Onto Agenda for Change" }].');
    return null;
  }
  if (!Array.isArray(json.options) || json.options.length < 2 || json.options.length > 6) {
    r.fail("options", 'should list 2 to 6 options, each { "name": "…", and the settings it changes, e.g. "targetTerms", "protection" }.');
    return null;
  }
  const options: BoardOption[] = [];
  const names = new Set<string>();
  json.options.forEach((o, i) => {
    const path = `options[${i}]`;
    if (!isObj(o)) return r.fail(path, 'should be { "name": "…", "approach"?: "HARMONISE" | "KEEP_CURRENT" | "LEVEL_UP", and the settings it changes }.');
    r.unknownKeys(o, ["name", "approach", "description", ...OPTION_SETTINGS], path);
    const name = r.text(o.name, `${path}.name`, null);
    if (!name) return r.fail(`${path}.name`, 'is missing: give each option a short name a board will recognise, e.g. "Onto Agenda for Change, 3 years\' cash protection".');
    if (name.length > 80) return r.fail(`${path}.name`, "should be at most 80 characters (it heads a table column and a chart bar).");
    if (names.has(name.toLowerCase())) return r.fail(`${path}.name`, `"${name}" is the name of another option: give each option its own name.`);
    names.add(name.toLowerCase());
    const approach = o.approach === undefined || o.approach === null ? "HARMONISE" : r.choice<OptionApproach>(o.approach, `${path}.approach`, "The approach", ["HARMONISE", "KEEP_CURRENT", "LEVEL_UP"], APPROACH_ALIASES);
    if (!approach) return null;
    const changes = OPTION_SETTINGS.filter((k) => o[k] !== undefined);
    const merged: Obj = { ...json, pool: undefined, title: undefined };
    for (const k of APPRAISAL_KEYS) delete merged[k];
    for (const k of changes) merged[k] = o[k];
    const checked = checkBoardScenario(merged);
    if (!checked.scenario) {
      for (const p of checked.problems) r.problems.push(changes.some((k) => p.startsWith(k)) ? `${path}.${p}` : `${path} (with the scenario's settings): ${p}`);
      return null;
    }
    const h = checked.scenario.harmonisation;
    options.push({ name, approach, harmonisation: h, changes: [...changes], ignoresTargetColumn: h.target.terms !== harmonisation.target.terms });
  });
  const find = (key: "baselineOption" | "recommendedOption"): number | null => {
    const v = json[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") return r.fail(key, `should be the name of one of the options; got ${JSON.stringify(v)}.`);
    const i = options.findIndex((o) => o.name.toLowerCase() === v.trim().toLowerCase());
    if (i < 0) return r.fail(key, `"${v}" is not the name of an option. Options: ${options.map((o) => `"${o.name}"`).join(", ")}.`);
    return i;
  };
  const baseline = find("baselineOption") ?? 0;
  const recommended = find("recommendedOption");
  const planningYears = r.wholeNumber(json.planningYears, "planningYears", "The planning period", 1, 30) ?? DEFAULT_PLANNING_YEARS;
  const discountRate = r.rate(json.discountRate, "discountRate", "The discount rate", 0.2) ?? new D(GREEN_BOOK_DISCOUNT_RATE);
  const gdpDeflator = r.rate(json.gdpDeflator, "gdpDeflator", "The GDP deflator (general inflation)", 0.2, -0.05);
  return { options, baseline, recommended, planningYears, discountRate, gdpDeflator };
}

/**
 * Reads a board scenario from JSON (already parsed).
 * @throws ScenarioError listing every problem, each as "setting: what is wrong and what to write".
 */
export function parseBoardScenario(json: unknown): BoardScenario {
  const { scenario, problems } = checkBoardScenario(json);
  if (!scenario) throw new ScenarioError(problems);
  return scenario;
}
