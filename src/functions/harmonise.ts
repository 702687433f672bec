import { EngineError, invalidNumber, invalidValue } from "../engine/errors";
import { rateOf, rateValue, type RateGiven } from "../engine/rates";
import {
  assimilate as assimilateGrade,
  harmonisePerson,
  matchesFrom,
  parseGrade,
  resolveScenario,
  type ConditionsOptions,
  type HarmonisationScenario,
  type HoursBasis,
  type JobMatchRow,
  type PersonResult,
  type ProtectionKind,
  type TargetTerms,
  type UnsocialRateInput,
  MissingRateError,
} from "../engine/harmonise";
import { D, ZERO, type Decimal } from "../engine/money";
import { ONE_RATIO, penceOf } from "../engine/pence";
import type { Scheme } from "../engine/oncosts";
import { AWARD_MAX, AWARD_MIN, scalePay, type ScaleRef } from "../engine/scales";
import type { StaffMember } from "../engine/staff";
import { TERMS_NAMES, type TermsName } from "../engine/terms";
import { award, choice, hcasArg, isOmitted, matrix, MAX_SERVICE_YEARS, num, optNum, out, pendingNjcAward, scalar, schemeArg, text, year as yearArg, type Cell } from "./args";
import { NJC_SPINE } from "../data/njc";
import { excelCall } from "./excelErrors";
import { scaleArg } from "./scaleArg";

/**
 * Harmonisation: compare a person's terms, level them up, assimilate them onto the receiving pay
 * structure and protect their pay. Rules live in src/engine/harmonise; these functions read the
 * arguments, call the engine and shape the result. Rates are fractions (30% is 0.3).
 */

// ---------------------------------------------------------------------------------------------
// Argument helpers (not exported: every export of this module is a custom function)
// ---------------------------------------------------------------------------------------------

const SETTING_NAMES = [
  "weeklyHours",
  "yearsInGrade",
  "hcasArea",
  "localAllowance",
  "gradeTop",
  "targetConditions",
  "targetHcasArea",
  "targetLocalAllowance",
  "targetStandardHours",
  "targetExtraLeaveDays",
  "targetNightRate",
  "targetSaturdayRate",
  "targetSundayRate",
  "targetPublicHolidayRate",
  "currentStandardHours",
  "currentExtraLeaveDays",
  "currentNightRate",
  "currentSaturdayRate",
  "currentSundayRate",
  "currentPublicHolidayRate",
  "coverProportion",
  "movePension",
  "hoursBasis",
  "nhsRate",
  "assumedAward",
] as const;
type SettingName = (typeof SETTING_NAMES)[number];
type Settings = Partial<Record<SettingName, Cell>>;

const squash = (s: string) => s.replace(/[\s_-]/g, "").toLowerCase();

/** A two-column range of setting names and values; a header row ("Setting", "Value") and blank rows are skipped. */
function settingsArg(v: unknown): Settings {
  if (isOmitted(scalarOrRange(v))) return {};
  const rows = matrix(v, "settings");
  if (rows[0].length < 2) throw invalidValue("settings must be a range of two columns: the setting's name, then its value.");
  const out: Settings = {};
  rows.forEach((row, i) => {
    const name = row[0];
    if (isOmitted(name)) return;
    const key = SETTING_NAMES.find((n) => squash(n) === squash(String(name)));
    if (!key) {
      if (i === 0 && /^(setting|name)s?$/i.test(String(name).trim())) return;
      throw invalidValue(`settings row ${i + 1}: "${String(name)}" is not a setting. Settings: ${SETTING_NAMES.join(", ")}.`);
    }
    out[key] = row[1];
  });
  return out;
}

/** scaleArg, with a range checked to be rows of cells first (Excel passes 2-D arrays; anything else is a bad argument). */
function scaleOf(v: unknown, name: string): ScaleRef {
  return scaleArg(Array.isArray(v) ? matrix(v, name) : v);
}

function scalarOrRange(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
}

function bool(v: Cell, name: string): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^\s*(true|yes|y)\s*$/i.test(v)) return true;
  if (typeof v === "string" && /^\s*(false|no|n)\s*$/i.test(v)) return false;
  if (v === 1 || v === 0) return v === 1;
  throw invalidValue(`${name} must be TRUE or FALSE; got "${String(v)}".`);
}

function optSetting<T>(st: Settings, key: SettingName, read: (v: Cell) => T): T | null {
  const v = st[key];
  return isOmitted(v) ? null : read(v as Cell);
}

/** Unsocial hours a week: one number (nights and Saturdays), or two cells (nights and Saturdays, Sundays and public holidays). */
function unsocialArg(v: unknown): [Decimal, Decimal] {
  const x = scalarOrRange(v);
  if (isOmitted(x)) return [ZERO, ZERO];
  const cells = Array.isArray(x) ? (matrix(x, "unsocialHours").flat() as Cell[]) : [x as Cell];
  if (cells.length > 2)
    throw invalidValue("unsocialHours is one number (hours a week on nights and Saturdays) or two cells (nights and Saturdays, Sundays and public holidays).");
  const rule = { min: 0, max: 80 };
  return [
    isOmitted(cells[0]) ? ZERO : num(cells[0], "unsocialHours (nights and Saturdays)", rule),
    cells.length < 2 || isOmitted(cells[1]) ? ZERO : num(cells[1], "unsocialHours (Sundays and public holidays)", rule),
  ];
}

/**
 * Unsocial hours a week as councils pay them: up to four cells, in order weekday nights,
 * Saturdays, Sundays, public holidays. A pair left blank (nights and Saturdays, or Sundays and
 * public holidays) is not given apart: that group comes from unsocialHours; one of a pair given
 * makes the other 0. Omitted: null.
 */
function councilHoursArg(v: unknown): CouncilHours | null {
  const x = scalarOrRange(v);
  if (isOmitted(x)) return null;
  const cells = Array.isArray(x) ? (matrix(x, "councilHours").flat() as Cell[]) : [x as Cell];
  if (cells.length > 4)
    throw invalidValue("councilHours is up to four cells: hours a week on weekday nights, Saturdays, Sundays and public holidays, in that order.");
  const words = ["weekday nights", "Saturdays", "Sundays", "public holidays"];
  const rule = { min: 0, max: 80 };
  return [0, 1, 2, 3].map((i) => (i >= cells.length || isOmitted(cells[i]) ? null : num(cells[i], `councilHours (${words[i]})`, rule))) as CouncilHours;
}
/** Hours a week on weekday nights, Saturdays, Sundays and public holidays; null where a cell is blank (that group is then taken from unsocialHours). */
type CouncilHours = [Decimal | null, Decimal | null, Decimal | null, Decimal | null];

function schemeFor(terms: TermsName, v: unknown): Scheme {
  return schemeArg(v, "scheme", terms === "AFC" ? "NHS" : "LGPS");
}

function conditionsFrom(st: Settings, side: "target" | "current", terms: TermsName | null): ConditionsOptions {
  return {
    standardHours: optSetting(st, `${side}StandardHours`, (v) => num(v, `${side}StandardHours`, { min: 0, minExclusive: true, max: 80 })),
    extraLeaveDays: optSetting(st, `${side}ExtraLeaveDays`, (v) => num(v, `${side}ExtraLeaveDays`, { min: 0, max: 60 }).toNumber()),
    unsocialRates: unsocialRatesFrom(st, side, terms),
  };
}

/** An enhancement rate: a fraction from 0 to 3 (0.5, "50%"), or exact as a ratio ("1/3" for time plus one third). */
function enhancementRate(v: Cell, name: string): RateGiven {
  if (typeof v === "string" && v.includes("/")) {
    const r = rateOf(v);
    if (rateValue(r).gt(3)) throw invalidNumber(`${name} must be at most 3 (time plus 300%); got ${v}.`);
    return r;
  }
  return num(v, name, { min: 0, max: 3 });
}

/**
 * The rate settings of one side. On AfC terms NightRate is the nights-and-Saturdays rate and
 * SundayRate the Sundays-and-public-holidays rate (AfC's two groups); on council terms each of
 * NightRate, SaturdayRate, SundayRate and PublicHolidayRate is its own category's rate.
 */
function unsocialRatesFrom(st: Settings, side: "target" | "current", terms: TermsName | null): UnsocialRateInput {
  const rate = (key: SettingName) => optSetting(st, key, (v) => enhancementRate(v, key));
  const night = rate(`${side}NightRate`);
  const sunday = rate(`${side}SundayRate`);
  const saturday = rate(`${side}SaturdayRate`);
  const publicHoliday = rate(`${side}PublicHolidayRate`);
  if (terms === "AFC") {
    if (saturday !== null || publicHoliday !== null)
      throw invalidValue(
        `Agenda for Change pays Saturdays with weekday nights, and public holidays with Sundays: on AfC terms give ${side}NightRate (nights and Saturdays) and ${side}SundayRate (Sundays and public holidays), not ${saturday !== null ? `${side}SaturdayRate` : `${side}PublicHolidayRate`}.`,
      );
    return { nightsAndSaturdays: night, sundaysAndPublicHolidays: sunday };
  }
  return { nights: night, saturdays: saturday, sundays: sunday, publicHolidays: publicHoliday };
}

/** The target: "AFC", "NJC" or a local scale range (on the conditions the settings name, default the other side's). */
function targetFrom(targetTerms: unknown, current: TermsName, st: Settings): TargetTerms {
  const scale: ScaleRef = scaleOf(targetTerms, "targetTerms");
  const terms: TermsName =
    scale.kind === "LOCAL" ? optSetting(st, "targetConditions", (v) => choice(v, "targetConditions", TERMS_NAMES)) ?? (current === "AFC" ? "NJC" : "AFC") : scale.kind;
  return {
    terms,
    scale,
    hcasArea: optSetting(st, "targetHcasArea", (v) => hcasArg(v, "targetHcasArea")),
    localAllowance: optSetting(st, "targetLocalAllowance", (v) => num(v, "targetLocalAllowance", { min: 0 })),
    ...conditionsFrom(st, "target", terms),
  };
}

interface PersonArgs {
  member: StaffMember;
  scenario: HarmonisationScenario;
}

function personArgs(
  terms: unknown,
  grade: unknown,
  step: unknown,
  fte: unknown,
  yearsService: unknown,
  targetTerms: unknown,
  targetGrade: unknown,
  year: unknown,
  scheme: unknown,
  lgpsRate: unknown,
  unsocialHours: unknown,
  settings: unknown,
  councilHours: unknown,
): PersonArgs {
  const t = choice(terms, "terms", TERMS_NAMES);
  const st = settingsArg(settings);
  const s = optNum(step, "step", { min: 1, integer: true });
  const [nights, sundays] = unsocialArg(unsocialHours);
  const council = councilHoursArg(councilHours);
  const member: StaffMember = {
    ref: "this person",
    name: null,
    group: "",
    employer: "",
    terms: t,
    grade: text(grade, "grade"),
    step: s === null ? null : s.toNumber(),
    fte: num(fte, "fte", { min: 0, minExclusive: true, max: 1 }),
    weeklyHours: optSetting(st, "weeklyHours", (v) => num(v, "weeklyHours", { min: 0, minExclusive: true, max: 80 })),
    yearsService: num(yearsService, "yearsService", { min: 0, max: MAX_SERVICE_YEARS }),
    yearsInGrade: optSetting(st, "yearsInGrade", (v) => num(v, "yearsInGrade", { min: 0 })),
    scheme: schemeFor(t, scheme),
    hcasArea: optSetting(st, "hcasArea", (v) => hcasArg(v, "hcasArea")) ?? "NONE",
    localAllowance: optSetting(st, "localAllowance", (v) => num(v, "localAllowance", { min: 0 })) ?? ZERO,
    unsocialNightsAndSaturdays: nights,
    unsocialSundaysAndPublicHolidays: sundays,
    ...(council ? { unsocialNights: council[0], unsocialSaturdays: council[1], unsocialSundays: council[2], unsocialPublicHolidays: council[3] } : {}),
    targetGrade: text(targetGrade, "targetGrade"),
    gradeTop: optSetting(st, "gradeTop", (v) => num(v, "gradeTop", { min: 1, integer: true }).toNumber()),
  };
  const target = targetFrom(targetTerms, t, st);
  const fy = yearArg(year);
  const njcAward = pendingNjcAward(
    fy,
    t === "NJC" || target.scale?.kind === "NJC",
    optSetting(st, "assumedAward", (v) => award(v, "assumedAward")),
    "assumedAward in settings",
  );
  const scenario: HarmonisationScenario = {
    target,
    current: { [t]: conditionsFrom(st, "current", t) },
    year: fy,
    ...(njcAward !== null ? { payAwards: { byYear: { [fy.label]: { NJC: njcAward } } } } : {}),
    projectionYears: 1,
    protection: { kind: "NONE" },
    lgpsEmployerRate: optNum(lgpsRate, "lgpsRate", { min: 0, max: 1 }),
    nhsRateBasis: optSetting(st, "nhsRate", (v) => choice(v, "nhsRate", ["FULL", "LOCAL"] as const)),
    coverProportion: optSetting(st, "coverProportion", (v) => num(v, "coverProportion", { min: 0, max: 5 })),
    movePension: optSetting(st, "movePension", (v) => bool(v, "movePension")),
    hoursBasis: optSetting(st, "hoursBasis", (v) => choice<HoursBasis>(v, "hoursBasis", ["KEEP_FTE", "KEEP_HOURS"])),
  };
  return { member, scenario };
}

const POLICY_WORDS: Record<string, ProtectionKind> = {
  NONE: "NONE",
  CASH: "CASH",
  CASHWITHAWARDS: "CASH_WITH_AWARDS",
  CASHAWARDS: "CASH_WITH_AWARDS",
  MARKTIME: "MARKTIME",
  TAPERED: "TAPERED",
  TAPER: "TAPERED",
  REDCIRCLE: "REDCIRCLE",
  REDCIRCLED: "REDCIRCLE",
};

function policyArg(v: unknown): ProtectionKind {
  const x = scalar(v, "policy");
  if (isOmitted(x)) throw invalidValue("policy is missing. Use one of: NONE, CASH, CASH_WITH_AWARDS, MARKTIME, TAPERED, REDCIRCLE.");
  const k = POLICY_WORDS[String(x).toUpperCase().replace(/[^A-Z]/g, "")];
  if (!k) throw invalidValue(`policy "${String(x)}" is not recognised. Use one of: NONE, CASH, CASH_WITH_AWARDS, MARKTIME, TAPERED, REDCIRCLE.`);
  return k;
}

/** A list of numbers from a range, or from text such as "100%, 50%, 0%". */
function numberList(v: unknown, name: string, rule: { min: number; max: number }): Decimal[] {
  const x = scalarOrRange(v);
  const cells: Cell[] = Array.isArray(x) ? (matrix(x, name).flat() as Cell[]) : typeof x === "string" && /[,;]/.test(x) ? x.split(/[,;]/) : [x as Cell];
  const used = cells.filter((c) => !isOmitted(typeof c === "string" ? c.trim() : c));
  if (used.length === 0) throw invalidValue(`${name} is empty.`);
  return used.map((c, i) => num(typeof c === "string" ? c.trim() : c, `${name} (item ${i + 1})`, rule));
}

/** The settings that give an unsocial-hours rate: AfC's two groups are NightRate and SundayRate; on council terms each category has its own. */
function rateSettingHint(e: MissingRateError): string {
  const own = { nights: "NightRate", saturdays: "SaturdayRate", sundays: "SundayRate", publicHolidays: "PublicHolidayRate" } as const;
  const side = e.side;
  switch (e.category) {
    case "nightsAndSaturdays":
      return e.terms === "AFC" ? `${side}NightRate` : `${side}NightRate and ${side}SaturdayRate (the same rate for both), or the hours apart in councilHours`;
    case "sundaysAndPublicHolidays":
      return e.terms === "AFC" ? `${side}SundayRate` : `${side}SundayRate and ${side}PublicHolidayRate (the same rate for both), or the hours apart in councilHours`;
    default:
      return `${side}${own[e.category]}`;
  }
}

/** Runs the engine for one person, naming the setting to give when an unsocial-hours rate is missing. */
function withSettingHint<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof MissingRateError) throw new EngineError(e.kind, `${e.message} In settings: ${rateSettingHint(e)}.`);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Custom functions
// ---------------------------------------------------------------------------------------------

/**
 * The levelled-up annual cost of one person: every element of pay and terms at the better of their current and the target terms, with employer on-costs.
 * @customfunction
 * @helpurl https://localhost:3000/help/levelup.html
 * @param terms The terms they are on now: "AFC" (Agenda for Change) or "NJC" (Green Book).
 * @param grade Their AfC band ("5", "8a") or NJC spinal column point (e.g. 30).
 * @param step Their AfC pay step, 1 = entry (leave empty for the NJC; empty for AfC = the step their years in band give).
 * @param fte Full-time equivalent, more than 0 and at most 1.
 * @param yearsService Completed years of service (NHS reckonable or local government continuous), for leave and sick pay.
 * @param targetTerms The terms they are harmonised onto: "AFC", "NJC", or a range holding a local scale (grade, then the pay for each step).
 * @param targetGrade The job match: an AfC band ("6"), an NJC grade as spinal column points ("29-32"), or a local grade.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [scheme] Their pension scheme: "NHS", "LGPS", "LGPS5050" or "NONE". Default NHS for AfC, LGPS for the NJC. Kept on transfer unless the settings say movePension.
 * @param [lgpsRate] The LGPS fund's employer rate as a fraction (0.195 for 19.5%); required when the LGPS is involved.
 * @param [unsocialHours] Unsocial hours worked a week as Agenda for Change groups them: one number (nights and Saturdays) or two cells (nights and Saturdays, Sundays and public holidays).
 * @param [settings] A two-column range of other settings and values, e.g. coverProportion 0.5, targetSundayRate 0.5, targetSaturdayRate 0.5, hcasArea "OUTER", movePension TRUE (see the help page for the list).
 * @param [councilHours] Unsocial hours worked a week as councils pay them, each at its own rate: up to four cells, weekday nights, Saturdays, Sundays, public holidays.
 * @returns The levelled-up annual cost in £: pay, employer NI, employer pension, levy, and leave and hours valued at the cover proportion.
 */
export function levelUp(
  terms: any,
  grade: any,
  step: any,
  fte: any,
  yearsService: any,
  targetTerms: any[][],
  targetGrade: any,
  year?: any,
  scheme?: any,
  lgpsRate?: any,
  unsocialHours?: any[][],
  settings?: any[][],
  councilHours?: any[][],
): number {
  return excelCall(() => {
    const a = personArgs(terms, grade, step, fte, yearsService, targetTerms, targetGrade, year, scheme, lgpsRate, unsocialHours, settings, councilHours);
    return out(withSettingHint(() => harmonisePerson(a.member, a.scenario)).years[0].levelledUp.total);
  });
}

const COMPARE_HEADER = ["Element", "Unit", "Current terms", "Target terms", "Levelled up", "Difference (target − current, £ a year)", "Better for the employee", "How worked out"];
const SIDE_WORDS = { CURRENT: "Current", TARGET: "Target", EQUAL: "Equal", "": "" } as const;

function cellOf(v: Decimal | number | string | null): number | string {
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "string") return v;
  return out(v);
}

/**
 * Compares one person's current and target terms element by element: pay, supplements, unsocial hours, hours, leave, sick pay, pension and on-costs, with the levelled-up figure and the difference in money. Spills a table with a header row.
 * @customfunction
 * @helpurl https://localhost:3000/help/compare.html
 * @param terms The terms they are on now: "AFC" (Agenda for Change) or "NJC" (Green Book).
 * @param grade Their AfC band ("5", "8a") or NJC spinal column point (e.g. 30).
 * @param step Their AfC pay step, 1 = entry (leave empty for the NJC; empty for AfC = the step their years in band give).
 * @param fte Full-time equivalent, more than 0 and at most 1.
 * @param yearsService Completed years of service (NHS reckonable or local government continuous), for leave and sick pay.
 * @param targetTerms The terms they are harmonised onto: "AFC", "NJC", or a range holding a local scale (grade, then the pay for each step).
 * @param targetGrade The job match: an AfC band ("6"), an NJC grade as spinal column points ("29-32"), or a local grade.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [scheme] Their pension scheme: "NHS", "LGPS", "LGPS5050" or "NONE". Default NHS for AfC, LGPS for the NJC.
 * @param [lgpsRate] The LGPS fund's employer rate as a fraction (0.195 for 19.5%); required when the LGPS is involved.
 * @param [unsocialHours] Unsocial hours worked a week as Agenda for Change groups them: one number (nights and Saturdays) or two cells (nights and Saturdays, Sundays and public holidays).
 * @param [settings] A two-column range of other settings and values, e.g. coverProportion 0.5, targetSundayRate 0.5, targetSaturdayRate 0.5 (see the help page for the list).
 * @param [councilHours] Unsocial hours worked a week as councils pay them, each at its own rate: up to four cells, weekday nights, Saturdays, Sundays, public holidays.
 * @returns A table with a header row: element, unit, current, target, levelled up, difference in £, the better side and how each figure is worked out.
 */
export function compare(
  terms: any,
  grade: any,
  step: any,
  fte: any,
  yearsService: any,
  targetTerms: any[][],
  targetGrade: any,
  year?: any,
  scheme?: any,
  lgpsRate?: any,
  unsocialHours?: any[][],
  settings?: any[][],
  councilHours?: any[][],
): any[][] {
  return excelCall(() => {
    const a = personArgs(terms, grade, step, fte, yearsService, targetTerms, targetGrade, year, scheme, lgpsRate, unsocialHours, settings, councilHours);
    const r: PersonResult = withSettingHint(() => harmonisePerson(a.member, a.scenario));
    return [
      COMPARE_HEADER,
      ...r.comparison.map((row) => [
        row.element,
        row.unit,
        cellOf(row.current),
        cellOf(row.target),
        cellOf(row.levelledUp),
        cellOf(row.difference),
        SIDE_WORDS[row.better],
        row.method,
      ]),
    ];
  });
}

/** Job-match rows from a two-column range (current grade, target grade); a header row is skipped. */
function mappingArg(v: unknown): JobMatchRow[] {
  const rows = matrix(v, "mapping");
  if (rows[0].length < 2) throw invalidValue("mapping must be a range of two columns: the current grade (AfC band or NJC points such as \"29-32\"), then the target grade.");
  const out: JobMatchRow[] = [];
  rows.forEach((row, i) => {
    if (isOmitted(row[0]) && isOmitted(row[1])) return;
    if (isOmitted(row[0]) || isOmitted(row[1])) throw invalidValue(`mapping row ${i + 1}: give both the current grade and the target grade.`);
    out.push({ from: String(row[0]).trim(), to: String(row[1]).trim() });
  });
  return out;
}

/**
 * The step (AfC or local scale) or spinal column point (NJC) a person assimilates to: the lowest point of the target grade whose pay is not below their current pay; above the top of the grade, the top (protection then applies).
 * @customfunction
 * @helpurl https://localhost:3000/help/assimilate.html
 * @param terms The pay scale they are on now: "AFC", "NJC", or a range holding a local scale.
 * @param grade Their AfC band, NJC spinal column point, or local grade.
 * @param step Their AfC or local pay step, 1 = entry (leave empty for the NJC).
 * @param targetTerms The pay scale they move onto: "AFC", "NJC", or a range holding a local scale.
 * @param targetGrade The job match: an AfC band ("6"), an NJC grade as spinal column points ("29-32"), or a local grade. Leave empty to look it up in the mapping.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [mapping] A two-column job-match table: current grade (AfC band, or NJC points such as "29-32"), then target grade. Used when targetGrade is empty.
 * @param [assumedAward] For a year whose NJC award is pending (2026/27): the award to assume on the 2025/26 rates (0 for those rates, 0.033 for the employers' offer). Required there when the NJC is involved.
 * @returns The target step (AfC, local) or spinal column point (NJC).
 */
export function assimilate(terms: any[][], grade: any, step: any, targetTerms: any[][], targetGrade: any, year?: any, mapping?: any[][], assumedAward?: any): number {
  return excelCall(() => {
    const current = scaleOf(terms, "terms");
    const target = scaleOf(targetTerms, "targetTerms");
    const fy = yearArg(year);
    const njcAward = pendingNjcAward(fy, current.kind === "NJC" || target.kind === "NJC", award(assumedAward, "assumedAward"));
    const g = text(grade, "grade");
    const st = optNum(step, "step", { min: 1, integer: true });
    const currentPay = scalePay(current, g, st === null ? null : st.toNumber(), fy, njcAward).pay;
    let match = isOmitted(scalar(targetGrade, "targetGrade")) ? null : text(targetGrade, "targetGrade");
    if (match === null) {
      if (isOmitted(scalarOrRange(mapping))) throw invalidValue("targetGrade is missing: give the target grade, or a mapping range to look it up in.");
      const rows = mappingArg(mapping);
      const row = rows.find((r) => (current.kind === "LOCAL" ? r.from.toLowerCase() === g.toLowerCase() : matchesFrom(r, current.kind, g)));
      if (!row) throw invalidValue(`The mapping has no row for grade ${g}: add a row with it (or a spinal column point range containing it) in the first column.`);
      match = row.to;
    }
    const scenario = resolveScenario({
      target: { terms: target.kind === "AFC" ? "AFC" : "NJC", scale: target },
      protection: { kind: "NONE" },
      year: fy,
      ...(njcAward !== null ? { payAwards: { byYear: { [fy.label]: { NJC: njcAward } } } } : {}),
    });
    const a = assimilateGrade(penceOf(currentPay), parseGrade(match, target), fy, scenario, ONE_RATIO);
    return a.position.scale === "NJC" ? a.position.point : a.position.step;
  });
}

const PROTECTION_HEADER = ["Year", "Target point", "Target pay", "Protected level", "Pay", "Protection payment", "Protected", "Scale figures"];

/**
 * The year-by-year protected pay of a full-time person assimilated onto a new grade, under a pay protection policy. Spills a table with a header row.
 * @customfunction
 * @helpurl https://localhost:3000/help/protection.html
 * @param terms The terms they are on now: "AFC" or "NJC".
 * @param grade Their AfC band or NJC spinal column point.
 * @param step Their AfC pay step, 1 = entry (leave empty for the NJC).
 * @param targetTerms The pay scale they move onto: "AFC", "NJC", or a range holding a local scale.
 * @param targetGrade The job match: an AfC band ("6"), an NJC grade as spinal column points ("29-32"), or a local grade.
 * @param policy "NONE", "CASH" (frozen for N years), "CASH_WITH_AWARDS" (with pay awards for N years), "MARKTIME" (held until the target pay overtakes it), "TAPERED" (a share of the loss each year) or "REDCIRCLE" (personal, with awards, no end).
 * @param [term] CASH and CASH_WITH_AWARDS: the number of years (required). MARKTIME: an optional cut-off in years. TAPERED: the share protected each year, as a range or text such as "100%,50%,0%".
 * @param [year] The harmonisation year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [years] Years to show, from the harmonisation year. Default 5, or longer to show the protection end.
 * @param [awards] The award assumed each year after the harmonisation year (0.03 for 3%; -10% to +25%): one number, or a range, one rate a year (the last repeats). For scales beyond the data or pending, and protected pay with awards. Default 0.
 * @param [assumedAward] When the harmonisation year's NJC award is pending (2026/27): the award to assume for it on the 2025/26 rates. Required there when the NJC is involved.
 * @returns A table with a header row: year, target point, target pay, protected level, pay, protection payment, whether protected, and whether the scale figures are from the data or projected.
 */
export function protection(
  terms: any,
  grade: any,
  step: any,
  targetTerms: any[][],
  targetGrade: any,
  policy: any,
  term?: any[][],
  year?: any,
  years?: any,
  awards?: any[][],
  assumedAward?: any,
): any[][] {
  return excelCall(() => {
    const t = choice(terms, "terms", TERMS_NAMES);
    const kind = policyArg(policy);
    const termX = scalarOrRange(term);
    let protectionYears: number | null = null;
    let taper: Decimal[] = [];
    if (kind === "TAPERED") {
      if (isOmitted(termX)) throw invalidValue('TAPERED needs term: the share protected each year, e.g. "100%,50%,0%" or a range of fractions.');
      taper = numberList(term, "term", { min: 0, max: 1 });
    } else if (kind === "CASH" || kind === "CASH_WITH_AWARDS" || kind === "MARKTIME") {
      if (isOmitted(termX)) {
        if (kind !== "MARKTIME") throw invalidValue(`${kind} protection needs term: the number of years it lasts (e.g. 3).`);
      } else protectionYears = num(term, "term", { min: 0, max: 40, integer: true }).toNumber();
    }
    const shown = optNum(years, "years", { min: 1, max: 40, integer: true });
    const defaultYears = Math.max(5, (protectionYears ?? 0) + 1, taper.length + 1);
    const fy = yearArg(year);
    const scale = scaleOf(targetTerms, "targetTerms");
    const njcAward = pendingNjcAward(fy, t === "NJC" || scale.kind === "NJC", award(assumedAward, "assumedAward"));
    const rates = isOmitted(scalarOrRange(awards)) ? [ZERO] : numberList(awards, "awards", { min: AWARD_MIN.toNumber(), max: AWARD_MAX.toNumber() });
    const byYear: Record<string, Partial<Record<"AFC" | "NJC" | "LOCAL", Decimal>>> = {};
    if (njcAward !== null) byYear[fy.label] = { NJC: njcAward };
    rates.forEach((r, i) => {
      const y = fy.start + 1 + i;
      byYear[`${y}/${String((y + 1) % 100).padStart(2, "0")}`] = { AFC: r, NJC: r, LOCAL: r };
    });
    const last = rates[rates.length - 1];
    const s = optNum(step, "step", { min: 1, integer: true });
    const member: StaffMember = {
      ref: "this person",
      name: null,
      group: "",
      employer: "",
      terms: t,
      grade: text(grade, "grade"),
      step: s === null ? null : s.toNumber(),
      fte: new D(1),
      weeklyHours: null,
      yearsService: ZERO,
      yearsInGrade: null,
      scheme: "NONE",
      hcasArea: "NONE",
      localAllowance: ZERO,
      unsocialNightsAndSaturdays: ZERO,
      unsocialSundaysAndPublicHolidays: ZERO,
      targetGrade: text(targetGrade, "targetGrade"),
    };
    const r = harmonisePerson(member, {
      target: { terms: scale.kind === "LOCAL" ? (t === "AFC" ? "NJC" : "AFC") : scale.kind, scale, hcasArea: "NONE" },
      year: fy,
      projectionYears: shown === null ? defaultYears : shown.toNumber(),
      protection: { kind, years: protectionYears, taper },
      payAwards: { AFC: last, NJC: last, LOCAL: last, byYear },
    });
    return [
      PROTECTION_HEADER,
      ...r.years.map((y) => [
        y.year.label,
        y.targetPackage.positionLabel,
        out(y.basicProtection.targetPay),
        y.basicProtection.protectedLevel === null ? "" : out(y.basicProtection.protectedLevel),
        out(y.basicProtection.paid),
        out(y.basicProtection.payment),
        y.basicProtection.active ? "Yes" : "No",
        y.targetPackage.basis === "data" ? "data" : NJC_SPINE[y.year.label]?.pending && (y.targetPackage.position.scale === "NJC" || t === "NJC") ? "projected (NJC award pending: assumed)" : "projected",
      ]),
    ];
  });
}
