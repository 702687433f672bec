/**
 * Plausible ranges for every number in a scenario, and bounds on its text and lists (issue 16,
 * items 7 and 9): a value outside them is a named problem of that setting, never a 300-digit
 * figure, an overflowing SUM or a stack overflow. docs/board-pack.md lists them.
 *
 * This is one pass over the scenario as given (before checkBoardScenario reads it), so it also
 * covers settings added later: every number anywhere must be finite and within MAX_ANY_AMOUNT,
 * every text within MAX_TEXT_CHARS, every list within MAX_LIST_ENTRIES; the settings named in
 * RANGES have their own, tighter, documented ranges.
 */
import { showValue } from "../intake/safeText";
import { MAX_SCENARIO_DEPTH } from "./scenarioJson";

/** No scenario figure (in £ or otherwise) is larger than this: £100bn, well within what Excel holds to the penny (15 digits). */
export const MAX_ANY_AMOUNT = 1e11;
/** Free text in a scenario: the title and organisation are printed in headers; notes and descriptions are for people. */
export const MAX_TEXT_CHARS = 1000;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_LIST_ENTRIES = 10_000;

export interface ScenarioRange {
  /** The settings it applies to, as a pattern over the path ("pool.lines[0].expenditure"). */
  path: RegExp;
  /** What the setting is, for the message. */
  what: string;
  min: number;
  max: number;
  /** How the bounds are written in the message (money, rate, count). */
  unit: "£" | "rate" | "count" | "hours" | "days";
  why: string;
}

const POUNDS_CAP = 10_000_000_000;

/** The documented ranges (docs/board-pack.md, "Plausible ranges"). Rates are fractions (0.195) or percentages ("19.5%"). */
export const RANGES: readonly ScenarioRange[] = [
  { path: /^pool\.lines\[\d+\]\.(expenditure|contributions\[\d+\](\.base)?)$/, what: "An amount of the pool", min: 0, max: POUNDS_CAP, unit: "£", why: "the largest pooled budgets in England are a few £bn" },
  { path: /^pool\.lines\[\d+\]\.contributions\[\d+\]\.changes\[\d+\]$/, what: "An in-year change", min: -POUNDS_CAP, max: POUNDS_CAP, unit: "£", why: "the largest pooled budgets in England are a few £bn" },
  { path: /^pool\.(lines\[\d+\]\.)?riskShare\.parameters\[\d+\]$/, what: "A risk-share parameter", min: -POUNDS_CAP, max: POUNDS_CAP, unit: "£", why: "caps and thresholds are amounts of the pool" },
  { path: /^targetTerms\.localAllowance$/, what: "The local allowance", min: 0, max: 50_000, unit: "£", why: "London weighting and HCAS are a few thousand pounds a year" },
  { path: /^lgpsEmployerRate$/, what: "The LGPS employer rate", min: 0, max: 0.5, unit: "rate", why: "LGPS employer rates run from about 5% to 40%" },
];

/** Lists with their own bounds. */
export const LIST_LIMITS: readonly { path: RegExp; what: string; min: number; max: number; why: string }[] = [
  { path: /^pool\.partners$/, what: "A pool's partners", min: 1, max: 50, why: "a pooled budget has a handful of partners (each is a column of the pool statement)" },
  { path: /^pool\.lines$/, what: "A pool's service lines", min: 1, max: 500, why: "each is a row of the pool statement" },
  { path: /^pool\.lines\[\d+\]\.contributions\[\d+\]\.changes$/, what: "In-year changes to one contribution", min: 0, max: 120, why: "at most one a month over ten years" },
  { path: /^protection\.taper$/, what: "The taper schedule", min: 0, max: 40, why: "one share a year, and protection lasts at most 40 years" },
  { path: /^payAwards\.byYear$/, what: "Pay awards by year", min: 0, max: 100, why: "one entry a year" },
];

const NOTE_KEYS = /(^|\.)(description|notes(\[\d+\])?)$/;

function rateValue(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const m = /^\s*([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)\s*$/i.exec(v);
    if (m) return Number(m[1]) / (m[2] ? 100 : 1);
  }
  return null;
}

function moneyValue(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*[-+]?£?\s*[\d,]+(\.\d+)?\s*$/.test(v)) return Number(v.replace(/[£,\s]/g, ""));
  return null;
}

function bound(r: ScenarioRange, x: number): string {
  if (r.unit === "£") return `£${x.toLocaleString("en-GB")}`;
  if (r.unit === "rate") return `${+(x * 100).toFixed(6)}%`;
  return x.toLocaleString("en-GB");
}

export interface ScenarioLimitProblems {
  /** Nesting too deep, text or lists too long, numbers not finite: nothing else should read the scenario. */
  shape: string[];
  /** Settings outside their plausible range: problems of those settings, reported with the others. */
  ranges: string[];
}

/** Every problem of both kinds, in one list ("path: what is wrong and what is plausible"). */
export function scenarioLimitProblems(json: unknown): string[] {
  const p = checkScenarioLimits(json);
  return [...p.shape, ...p.ranges];
}

/**
 * Every setting outside its plausible range, every text or list too long, every number not finite,
 * nesting too deep. Iterative, so any nesting is safe.
 */
export function checkScenarioLimits(json: unknown): ScenarioLimitProblems {
  const problems: string[] = [];
  const ranges: string[] = [];
  const work: { value: unknown; path: string; depth: number }[] = [{ value: json, path: "", depth: 0 }];
  while (work.length > 0) {
    const { value, path, depth } = work.pop()!;
    const where = path === "" ? "The scenario" : showValue(path, 200);
    if (depth > MAX_SCENARIO_DEPTH) {
      problems.push(`${where}: nested more than ${MAX_SCENARIO_DEPTH} deep; no setting is.`);
      continue;
    }
    if (Array.isArray(value)) {
      const limit = LIST_LIMITS.find((l) => l.path.test(path));
      const max = limit?.max ?? MAX_LIST_ENTRIES;
      if (value.length > max) {
        problems.push(`${where}: ${limit ? `${limit.what} may number at most ${max.toLocaleString("en-GB")} (${limit.why})` : `at most ${max.toLocaleString("en-GB")} entries`}; got ${value.length.toLocaleString("en-GB")}.`);
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) work.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > MAX_LIST_ENTRIES) {
        problems.push(`${where}: at most ${MAX_LIST_ENTRIES.toLocaleString("en-GB")} settings; got ${entries.length.toLocaleString("en-GB")}.`);
        continue;
      }
      for (let i = entries.length - 1; i >= 0; i--) work.push({ value: entries[i][1], path: path === "" ? entries[i][0] : `${path}.${entries[i][0]}`, depth: depth + 1 });
      continue;
    }
    if (typeof value === "string") {
      const max = NOTE_KEYS.test(path) ? MAX_NOTE_CHARS : path === "title" || path === "organisation" ? MAX_TITLE_CHARS : MAX_TEXT_CHARS;
      if (value.length > max) {
        problems.push(`${where}: at most ${max.toLocaleString("en-GB")} characters; got ${value.length.toLocaleString("en-GB")} (${showValue(value, 40)}).`);
        continue;
      }
    }
    const range = RANGES.find((r) => r.path.test(path));
    if (typeof value === "number" && !Number.isFinite(value)) {
      problems.push(`${where}: a number too large for any figure (the file says something like 1e400); ${range ? `${range.what} is from ${bound(range, range.min)} to ${bound(range, range.max)}` : "correct it"}.`);
      continue;
    }
    if (range) {
      const x = range.unit === "rate" ? rateValue(value) : range.unit === "£" ? moneyValue(value) : typeof value === "number" ? value : null;
      if (x !== null && Number.isFinite(x) && (x < range.min || x > range.max)) {
        // Negative amounts, and rates outside 0 to 100%, have their own message (with a hint) where the setting is read.
        const readerSays = (range.unit === "£" && x < 0 && range.min === 0) || (range.unit === "rate" && (x < 0 || x > 1));
        if (!readerSays)
          ranges.push(`${where}: ${range.what} must be from ${bound(range, range.min)} to ${bound(range, range.max)} (${range.why}); got ${showValue(String(value), 40)}.`);
      }
      continue;
    }
    if (typeof value === "number" && Math.abs(value) > MAX_ANY_AMOUNT)
      ranges.push(`${where}: ${showValue(String(value), 40)} is larger than any scenario figure (at most ${MAX_ANY_AMOUNT.toLocaleString("en-GB")}).`);
  }
  return { shape: problems, ranges };
}
