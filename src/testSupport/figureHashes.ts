/**
 * Figure hashes: a SHA-256 of the canonical text of every figure the engine, the custom functions
 * and the board pack produce over fixed inputs, in named sets. Issue 15 rewrites the engine's
 * arithmetic; these hashes, recorded from the engine before the rewrite
 * (tests/engine/figure-hashes.json), prove that no figure moved. Test support only: the product
 * never imports this (ESLint forbids it in every product layer).
 *
 * Each set is a list of items (a person, a group total, a sheet, a function call), each hashed on
 * its own; the set's hash is the hash of the items' keys and hashes in order. With
 * FIGURE_HASHES_DUMP=dir the per-item hashes are written to dir/<set>.tsv (and, with
 * FIGURE_HASHES_DUMP_TEXT=1, each item's canonical text to dir/<set>.jsonl), so that a moved set
 * can be diffed item by item against a dump made before the change.
 *
 * Canonical text: JSON with object keys sorted and undefined keys left out; a Decimal is its
 * toString() as a string, with −0 written "0" (a −0 and a 0 are the same figure on a sheet);
 * a number −0 is "0"; an Error is its name, code or kind, and message.
 */
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { D, type Decimal } from "../engine/money";
import { EngineError } from "../engine/errors";
import type { StaffMember } from "../engine/staff";
import type { Scheme } from "../engine/oncosts";
import type { HcasChoice } from "../engine/terms";
import { financialYear, type FinancialYear } from "../engine/years";
import type { RateGiven } from "../engine/rates";
import type { LocalScaleRow, SuppliedPay } from "../engine/scales";
import {
  harmonisePerson,
  harmoniseStaff,
  type HarmonisationScenario,
  type JobMatchRow,
  type ProtectionPolicy,
  type StaffHarmonisation,
  type UnsocialRateInput,
} from "../engine/harmonise";
import { readStaffRows } from "../intake";
import { staffTable } from "../bench/staffList";
import { benchScenario } from "../bench/harmonise";
import { buildBoardPack, type BoardPackResult } from "../report/boardPack";
import { parseBoardScenario } from "../report/scenario";
import { parseScenarioText } from "../report/scenarioJson";
import { readStaffFile } from "../intake/readers";
import { staffHeadingCount } from "../cli/board";
import type { SheetPlan } from "../sheets/plan";
import { FUNCTIONS } from "../functions/registry";

// ---------------------------------------------------------------------------------------------
// Canonical text and the set hasher
// ---------------------------------------------------------------------------------------------

function writeCanonical(v: unknown, out: string[]): void {
  if (v === null || v === undefined) {
    out.push("null");
    return;
  }
  switch (typeof v) {
    case "number":
      out.push(Number.isFinite(v) ? (Object.is(v, -0) ? "0" : String(v)) : `"#${String(v)}"`);
      return;
    case "string":
      out.push(JSON.stringify(v));
      return;
    case "boolean":
      out.push(v ? "true" : "false");
      return;
    case "bigint":
      out.push(`"${v.toString()}n"`);
      return;
    case "function":
      out.push('"#function"');
      return;
  }
  if (D.isDecimal(v)) {
    const d = v as Decimal;
    out.push(JSON.stringify(d.isZero() ? "0" : d.toString()));
    return;
  }
  if (v instanceof Date) {
    out.push(JSON.stringify(v.toISOString()));
    return;
  }
  if (v instanceof Error) {
    const e = v as Error & { code?: unknown; kind?: unknown };
    writeCanonical({ error: e.name, code: e.code ?? e.kind ?? null, message: e.message }, out);
    return;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    out.push("[");
    const a = v as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) {
      if (i > 0) out.push(",");
      writeCanonical(a[i], out);
    }
    out.push("]");
    return;
  }
  if (v instanceof Map) {
    writeCanonical(Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])), out);
    return;
  }
  if (v instanceof Set) {
    writeCanonical([...v], out);
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  out.push("{");
  keys.forEach((k, i) => {
    if (i > 0) out.push(",");
    out.push(JSON.stringify(k), ":");
    writeCanonical(o[k], out);
  });
  out.push("}");
}

/** The canonical text of a value (see the file's comment). */
export function canonicalText(v: unknown): string {
  const out: string[] = [];
  writeCanonical(v, out);
  return out.join("");
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface FigureSetResult {
  name: string;
  /** Items hashed (people, totals, sheets, calls). */
  count: number;
  hash: string;
}

/** Hashes a set's items one by one, in order; optionally dumps them for a diff. */
export class FigureSetHasher {
  private readonly whole: Hash = createHash("sha256");
  private readonly lines: string[] | null;
  private readonly texts: string[] | null;
  count = 0;

  constructor(
    readonly name: string,
    dump: FigureDump | null = dumpFromEnv(),
  ) {
    this.lines = dump ? [] : null;
    this.texts = dump?.text ? [] : null;
    this.dump = dump;
  }
  private readonly dump: FigureDump | null;

  add(key: string, value: unknown): void {
    const text = canonicalText(value);
    const h = sha256(text);
    this.whole.update(`${key}\t${h}\n`);
    this.count++;
    this.lines?.push(`${key}\t${h}`);
    this.texts?.push(`${JSON.stringify(key)}\t${text}`);
  }

  finish(): FigureSetResult {
    const result = { name: this.name, count: this.count, hash: this.whole.digest("hex") };
    if (this.dump) {
      fs.mkdirSync(this.dump.dir, { recursive: true });
      fs.writeFileSync(path.join(this.dump.dir, `${this.name}.tsv`), (this.lines ?? []).join("\n") + "\n");
      if (this.texts) fs.writeFileSync(path.join(this.dump.dir, `${this.name}.jsonl`), this.texts.join("\n") + "\n");
    }
    return result;
  }
}

export interface FigureDump {
  dir: string;
  /** Also each item's canonical text (large). */
  text: boolean;
}

export function dumpFromEnv(): FigureDump | null {
  const dir = process.env.FIGURE_HASHES_DUMP;
  if (!dir) return null;
  return { dir, text: process.env.FIGURE_HASHES_DUMP_TEXT === "1" };
}

/** What the engine refused, as a figure: the error's kind and message. */
export function refusal(e: unknown): { refused: string; message: string } {
  if (e instanceof EngineError) return { refused: e.kind, message: e.message };
  if (e instanceof Error) return { refused: `unexpected ${e.name}`, message: e.message };
  return { refused: "unexpected", message: String(e) };
}

// ---------------------------------------------------------------------------------------------
// A seeded PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny 32-bit seeded generator, ample for test inputs. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const d = (v: string | number) => new D(v);

// ---------------------------------------------------------------------------------------------
// Set "random people": harmonisePerson over random staff and scenarios
// ---------------------------------------------------------------------------------------------

export const RANDOM_PEOPLE_SEED = 20261207;
export const RANDOM_PEOPLE_COUNT = 6000;

/** Steps of each band in the 2025/26 scale (the other years have the same shape). */
const AFC_STEPS: Record<string, number> = { "1": 1, "2": 1, "3": 2, "4": 2, "5": 3, "6": 3, "7": 3, "8a": 3, "8b": 3, "8c": 3, "8d": 3, "9": 3 };
const AFC_BANDS = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];
const NJC_RANGES = ["2-5", "3-6", "6-9", "10-13", "14-17", "17-20", "18-21", "22-25", "26-28", "29-32", "33-36", "37-40", "41-43"];

/** A council's own grades (the LOCAL target scale), pence in some steps. */
export const LOCAL_ROWS: readonly LocalScaleRow[] = [
  { grade: "A", steps: ["21500", "22100", "22850"].map(d) },
  { grade: "B", steps: ["24000.50", "25111", "26200"].map(d) },
  { grade: "C", steps: ["29876", "31250", "32999", "34100"].map(d) },
  { grade: "D", steps: ["38000", "40500"].map(d) },
  { grade: "E", steps: ["45250", "48333.33", "51000", "55555"].map(d) },
];

const JOB_MATCH_TO_AFC: readonly JobMatchRow[] = [
  { from: "2-6", to: "2" },
  { from: "7-11", to: "3" },
  { from: "12-17", to: "4" },
  { from: "18-23", to: "5" },
  { from: "24-29", to: "6" },
  { from: "30-35", to: "7" },
  { from: "36-49", to: "8a" },
  ...AFC_BANDS.map((b) => ({ from: b, to: b })),
];
const JOB_MATCH_TO_NJC: readonly JobMatchRow[] = [
  { from: "1", to: "2-5" },
  { from: "2", to: "3-6" },
  { from: "3", to: "6-9" },
  { from: "4", to: "10-13" },
  { from: "5", to: "17-20" },
  { from: "6", to: "22-25" },
  { from: "7", to: "29-32" },
  { from: "8a", to: "33-36" },
  { from: "8b", to: "37-40" },
  { from: "8c", to: "41-43" },
  { from: "8d", to: "41-43" },
  { from: "9", to: "41-43" },
  { from: "2-20", to: "14-17" },
  { from: "21-49", to: "29-32" },
];
const JOB_MATCH_TO_LOCAL: readonly JobMatchRow[] = [
  { from: "1", to: "A" },
  { from: "2", to: "A" },
  { from: "3", to: "A" },
  { from: "4", to: "B" },
  { from: "5", to: "B" },
  { from: "6", to: "C" },
  { from: "7", to: "D" },
  { from: "8a", to: "E" },
  { from: "8b", to: "E" },
  { from: "8c", to: "E" },
  { from: "8d", to: "E" },
  { from: "9", to: "E" },
  { from: "2-12", to: "A" },
  { from: "13-22", to: "B" },
  { from: "23-28", to: "C" },
  { from: "29-35", to: "D" },
  { from: "36-49", to: "E" },
];

const PROTECTIONS: readonly ProtectionPolicy[] = [
  { kind: "NONE" },
  { kind: "CASH", years: 3 },
  { kind: "CASH", years: 1 },
  { kind: "CASH_WITH_AWARDS", years: 2 },
  { kind: "CASH_WITH_AWARDS", years: 5 },
  { kind: "MARKTIME" },
  { kind: "MARKTIME", years: 2 },
  { kind: "TAPERED", taper: ["1", "0.5", "0"].map(d) },
  { kind: "TAPERED", taper: ["0.75", "0.5", "0.25", "0.1"].map(d) },
  { kind: "REDCIRCLE" },
];

type TargetChoice = "AFC" | "NJC" | "LOCAL_AFC" | "LOCAL_NJC";

const third: RateGiven = { numerator: d(1), denominator: d(3) };

/** Council rates as councils pay them, each category apart (the data holds no NJC unsocial rates). */
function councilRates(r: Rng): UnsocialRateInput {
  return r.pick<UnsocialRateInput>([
    { nights: third, saturdays: d("0.5"), sundays: d(1), publicHolidays: d("1.5") },
    { nightsAndSaturdays: d("0.5"), sundaysAndPublicHolidays: d(1) },
    { nightsAndSaturdays: d("0.3"), sundaysAndPublicHolidays: d("0.6"), publicHolidays: d(2) },
    { nights: d("0.2"), saturdays: d("0.25"), sundays: d("0.33"), publicHolidays: { numerator: d(2), denominator: d(3) } },
  ]);
}

const pendingYear = financialYear(2026);

/** A scenario varied at random across every option the engine has. */
export function randomScenario(r: Rng): { scenario: HarmonisationScenario; target: TargetChoice } {
  const target = r.pick<TargetChoice>(["AFC", "NJC", "LOCAL_AFC", "LOCAL_NJC"]);
  const terms = target === "AFC" || target === "LOCAL_AFC" ? "AFC" : "NJC";
  const year: FinancialYear | null = r.pick([null, null, financialYear(2025), financialYear(2024), financialYear(2023), pendingYear]);
  const awards = r.pick([
    null,
    { AFC: d("0.03"), NJC: d("0.025") },
    { AFC: d("0.0275"), NJC: d("0.032"), LOCAL: d("0.015") },
    { AFC: d("0.02"), byYear: { "2027/28": { AFC: d("0.04"), NJC: d("0") }, "2028/29": { NJC: d("-0.01"), LOCAL: d("0.05") } } },
    { NJC: d("0.0333") },
  ]);
  const payAwards =
    year === pendingYear && r.chance(0.8)
      ? { ...(awards ?? {}), byYear: { ...(awards?.byYear ?? {}), "2026/27": { NJC: r.pick([d("0.033"), d(0), d("0.04")]) } } }
      : awards;
  const scenario: HarmonisationScenario = {
    target: {
      terms,
      scale: target.startsWith("LOCAL") ? { kind: "LOCAL", rows: LOCAL_ROWS } : null,
      hcasArea: terms === "AFC" && r.chance(0.2) ? r.pick<HcasChoice>(["INNER", "OUTER", "FRINGE", "NONE"]) : null,
      localAllowance: r.chance(0.2) ? r.pick([d(1200), d("3456.78"), d(0)]) : null,
      standardHours: r.chance(0.15) ? r.pick([d(35), d(36), d("37.5"), d(39)]) : null,
      extraLeaveDays: r.chance(0.2) ? r.int(0, 4) : null,
      unsocialRates:
        terms === "NJC"
          ? r.chance(0.9)
            ? councilRates(r)
            : null
          : r.chance(target === "LOCAL_AFC" ? 0.9 : 0.15)
            ? { nightsAndSaturdays: d("0.35"), sundaysAndPublicHolidays: third }
            : null,
    },
    current: {
      NJC: r.chance(0.9) ? { unsocialRates: councilRates(r), standardHours: r.chance(0.1) ? d(36) : null, extraLeaveDays: r.chance(0.1) ? 2 : null } : undefined,
      AFC: r.chance(0.1) ? { extraLeaveDays: 1, standardHours: r.chance(0.5) ? d("37.5") : d(37) } : undefined,
    },
    year,
    projectionYears: r.pick([null, null, 1, 3, 8]),
    protection: r.pick(PROTECTIONS),
    protectUnsocial: r.chance(0.5),
    payAwards,
    lgpsEmployerRate: r.chance(0.04) ? null : r.pick([d("0.195"), d("0.18375"), d("0.2235"), d("0.165"), d("0.21")]),
    nhsRateBasis: r.pick([null, "FULL", "LOCAL"] as const),
    coverProportion: r.pick([null, d(0), d("0.75"), d(1), d("1.3")]),
    movePension: r.pick([null, true, false]),
    hoursBasis: r.pick([null, "KEEP_FTE", "KEEP_HOURS"] as const),
    jobMatch: target === "AFC" ? JOB_MATCH_TO_AFC : target === "NJC" ? JOB_MATCH_TO_NJC : JOB_MATCH_TO_LOCAL,
    increments: r.pick([null, true, false]),
  };
  return { scenario, target };
}

const FTES = ["1", "1", "0.8", "0.6", "0.5", "0.53", "0.4", "0.75", "0.27", "0.6667", "0.123", "0.9", "0.3333"];
const GROUPS = ["Nursing", "Social work", "Admin and clerical", "Care workers", "Allied health professionals"];

/** An FTE likely to give half-penny ties: pay × k/400 or k/800 of a whole-pound salary. */
function tieProneFte(r: Rng): string {
  const den = r.pick([400, 800, 1600]);
  return new D(r.int(1, den)).dividedBy(den).toString();
}

/** A random member of staff (with a target grade fitting the scenario's target, or none: the job match then applies). */
export function randomMember(r: Rng, i: number, target: TargetChoice, scenario: HarmonisationScenario): StaffMember {
  const afc = r.chance(0.5);
  const grade = afc ? r.pick(AFC_BANDS) : String(r.chance(0.06) ? r.int(44, 49) : r.pick([2, 3, r.int(2, 43), r.int(2, 43)]));
  const step = afc ? (r.chance(0.05) ? null : r.chance(0.02) ? 4 : r.int(1, AFC_STEPS[grade])) : null;
  const fte = d(r.chance(0.25) ? tieProneFte(r) : r.pick(FTES));
  const std = afc ? d("37.5") : d(37);
  const weeklyHours = r.chance(0.35) ? r.pick([fte.times(std), d("22.5"), d(30), d("18.75"), d("15.5"), d("37.5"), d(37), d("7.25")]) : null;
  const yearsService = r.int(0, 40);
  const yearsInGrade = r.chance(0.4) ? null : d(r.int(0, Math.min(yearsService, 12)));
  const scheme: Scheme = r.chance(0.6) ? (afc ? "NHS" : r.pick(["LGPS", "LGPS5050"])) : r.pick(["NHS", "LGPS", "LGPS5050", "NONE"]);
  // Hours given apart, as councils pay them, for most people on or going to council terms.
  const council = r.chance(afc ? (target === "NJC" || target === "LOCAL_NJC" ? 0.8 : 0.2) : 0.9);
  const nsTotal = r.chance(0.4) ? d(r.pick(["4", "7.5", "2.25", "12", "0.5", "3"])) : d(0);
  const spTotal = r.chance(0.3) ? d(r.pick(["2", "7.5", "1.75", "8", "0.25"])) : d(0);
  let split: Partial<StaffMember> = {};
  if (council && (nsTotal.gt(0) || spTotal.gt(0))) {
    const nights = nsTotal.times(r.pick(["0", "0.5", "1", "0.25"])).toDecimalPlaces(2);
    const sundays = spTotal.times(r.pick(["0", "0.5", "1"])).toDecimalPlaces(2);
    split = { unsocialNights: nights, unsocialSaturdays: nsTotal.minus(nights), unsocialSundays: sundays, unsocialPublicHolidays: spTotal.minus(sundays) };
  }
  let targetGrade: string | null = null;
  if (r.chance(0.75)) {
    if (target === "AFC") targetGrade = r.pick(AFC_BANDS.slice(1));
    else if (target === "NJC") targetGrade = r.pick(NJC_RANGES);
    else targetGrade = r.pick(LOCAL_ROWS).grade;
  }
  const member: StaffMember = {
    ref: `P${i}`,
    name: r.chance(0.3) ? `Person ${i}` : null,
    group: r.pick(GROUPS),
    employer: afc ? "Northshire NHS Trust" : "Northshire County Council",
    terms: afc ? "AFC" : "NJC",
    grade,
    step,
    fte,
    weeklyHours,
    yearsService: d(yearsService),
    yearsInGrade,
    scheme,
    hcasArea: afc ? r.pick<HcasChoice>(["NONE", "NONE", "INNER", "OUTER", "FRINGE"]) : "NONE",
    localAllowance: !afc && r.chance(0.3) ? r.pick([d(1200), d("2500.50"), d(4567)]) : d(0),
    unsocialNightsAndSaturdays: nsTotal,
    unsocialSundaysAndPublicHolidays: spTotal,
    ...split,
    targetGrade,
    gradeTop: afc ? undefined : r.chance(0.5) ? Math.min(49, Number(grade) + r.int(0, 4)) : null,
  };
  // A high spinal column point is beyond the data: its pay is supplied (most of the time).
  if (!afc && Number(grade) >= 44 && r.chance(0.8)) {
    const fy = scenario.year ?? financialYear(2025);
    const supplied: SuppliedPay = { scale: "NJC", year: fy, grade, step: 1, pay: d(60000 + Number(grade) * 1234 + 0.5), note: "local figure" };
    scenario.suppliedPay = [supplied];
  }
  return member;
}

/** One person's figures: the whole PersonResult, or the engine's refusal. */
export function personFigures(m: StaffMember, scenario: HarmonisationScenario): unknown {
  try {
    return harmonisePerson(m, scenario);
  } catch (e) {
    return refusal(e);
  }
}

/** Set "random people": RANDOM_PEOPLE_COUNT random people, each under its own random scenario. */
export function hashRandomPeople(count = RANDOM_PEOPLE_COUNT, seed = RANDOM_PEOPLE_SEED): FigureSetResult {
  const r = new Rng(seed);
  const h = new FigureSetHasher("random-people");
  for (let i = 0; i < count; i++) {
    const { scenario, target } = randomScenario(r);
    const m = randomMember(r, i, target, scenario);
    h.add(`${i} ${m.ref}`, personFigures(m, scenario));
  }
  return h.finish();
}

// ---------------------------------------------------------------------------------------------
// Set "staff totals": harmoniseStaff over the benchmark's staff list
// ---------------------------------------------------------------------------------------------

/**
 * The parts of a staff result that are hashed. When the result keeps people in columns, point
 * `staffResultParts` at the per-person objects built on demand; the hash must not move.
 */
export interface StaffResultParts {
  people: Iterable<unknown>;
  byGroup: unknown;
  byEmployer: unknown;
  total: unknown;
  assumptions: unknown;
  methods: unknown;
  tablesUsed: unknown;
}

export function staffResultParts(result: StaffHarmonisation): StaffResultParts {
  // The result keeps its people in columns: each person's object is built on demand (person(i),
  // the very PersonResult the result once held), so the hash is of the same content.
  function* people(): Iterable<unknown> {
    for (let i = 0; i < result.count; i++) yield result.person(i);
  }
  return { ...result, people: people() };
}

/** Hashes a staff result: each person, each group and employer total, the total, and the words. */
export function hashStaffResult(name: string, parts: StaffResultParts): FigureSetResult {
  const h = new FigureSetHasher(name);
  let i = 0;
  for (const p of parts.people) h.add(`people ${i++} ${(p as { ref?: string }).ref ?? ""}`, p);
  for (const [key, list] of [["byGroup", parts.byGroup], ["byEmployer", parts.byEmployer]] as const)
    for (const g of list as { key?: string }[]) h.add(`${key} ${g.key ?? ""}`, g);
  h.add("total", parts.total);
  h.add("assumptions", parts.assumptions);
  h.add("methods", parts.methods);
  h.add("tablesUsed", parts.tablesUsed);
  return h.finish();
}

/** The benchmark's staff list of n people, read as the benchmark reads it (src/bench/harmonise.ts). */
export function benchMembers(n: number): StaffMember[] {
  const read = readStaffRows(staffTable(n), { year: financialYear(2025), targetTerms: "AFC" });
  if (read.issues.length > 0 || read.members.length !== n) throw new Error(`the benchmark's staff list of ${n} read with ${read.issues.length} problems`);
  return read.members;
}

/** Set "staff totals" (and the large sets): harmoniseStaff over the benchmark's list and scenario. */
export function hashBenchStaff(n: number, name = `staff-totals-${n}`): FigureSetResult {
  const members = benchMembers(n);
  const result = harmoniseStaff(members, benchScenario());
  return hashStaffResult(name, staffResultParts(result));
}

// ---------------------------------------------------------------------------------------------
// Set "sample board pack": the shipped sample built to the sheet plan, as `npm run demo` does
// ---------------------------------------------------------------------------------------------

const ROOT = path.join(__dirname, "..", "..");

/** The sample packs: the demo's scenario, and the pool-over-years sample, on the sample staff list. */
export const SAMPLE_SCENARIOS = ["scenario.json", "scenario-pool-years.json"];

/** What a pack shows: every cell's value, or formula and result; table headings and totals; charts' ranges. Formats and widths left out. */
export function sheetFigures(sheet: SheetPlan): unknown {
  return {
    key: sheet.key,
    name: sheet.name,
    blocks: sheet.blocks.map((b) => {
      switch (b.kind) {
        case "range":
          return { kind: b.kind, row: b.row, col: b.col, values: b.values };
        case "table":
          return { kind: b.kind, name: b.name, row: b.row, col: b.col, columns: b.columns.map((c) => ({ header: c.header, total: c.total ?? null })), rows: b.rows, showTotals: b.showTotals };
        case "chart":
          return { kind: b.kind, type: b.type, title: b.title, categories: b.categories, series: b.series };
      }
    }),
  };
}

/** Hashes a board pack's figures: each sheet, the headline, the problems and warnings. */
export function addBoardPackFigures(h: FigureSetHasher, label: string, pack: BoardPackResult): void {
  for (const sheet of pack.workbook.sheets) h.add(`${label} sheet ${sheet.key}`, sheetFigures(sheet));
  h.add(`${label} properties`, pack.workbook.properties);
  h.add(`${label} headline`, pack.headline);
  h.add(`${label} rows`, { totalRows: pack.totalRows, skippedRows: pack.skippedRows });
  h.add(`${label} issues`, pack.issues);
  h.add(`${label} warnings`, pack.warnings);
}

/** Set "sample board pack": samples/staff.csv with each sample scenario, read and built as the CLI does (src/cli/board.ts), date and version fixed. */
export async function hashSampleBoardPack(): Promise<FigureSetResult> {
  const h = new FigureSetHasher("sample-board-pack");
  const staffFile = path.join(ROOT, "samples", "staff.csv");
  for (const name of SAMPLE_SCENARIOS) {
    const read = parseScenarioText(fs.readFileSync(path.join(ROOT, "samples", name), "utf8"));
    if (read.problems.length > 0) throw new Error(`samples/${name}: ${read.problems.join(" ")}`);
    const scenario = parseBoardScenario(read.json);
    const raw = await readStaffFile(staffFile, { file: "samples/staff.csv", scoreHeader: staffHeadingCount });
    const pack = buildBoardPack({ table: [], raw, includeHidden: false, scenario, generatedOn: "2026-12-07", version: "0.0.0-figure-hashes" });
    addBoardPackFigures(h, name, pack);
  }
  return h.finish();
}

// ---------------------------------------------------------------------------------------------
// Set "functions": the custom functions through the registry, as Excel calls them
// ---------------------------------------------------------------------------------------------

export const FUNCTION_CALLS_SEED = 4242;
export const FUNCTION_CALLS_COUNT = 3600;

type Args = unknown[];

const YEARS_ARG = [null, "2025/26", "2024/25", "2023/24", 2025, "2026/27", "2025-26"];
const SCHEMES_ARG = ["NHS", "LGPS", "LGPS5050", "NONE", "nhs", "PPF"];
const LOCAL_RANGE = [
  ["A", 21500, 22100, 22850],
  ["B", 24000.5, 25111, 26200],
  ["C", 29876, 31250, 32999],
];

/** A pay in £: whole pounds, pence, half-penny-prone figures, and now and then something Excel users type by mistake. */
function payArg(r: Rng): unknown {
  const k = r.int(0, 19);
  if (k === 0) return r.pick(["£30,000", "thirty", -5, "", null, true]);
  if (k <= 4) return r.int(0, 160000);
  if (k <= 8) return r.int(0, 16000000) / 100;
  if (k <= 10) return r.pick([5000, 12570, 50270, 125140, 9100, 24465, 31049, 47810, 109179]) + r.pick([0, 0.01, -0.01, 0.005, 0.5]);
  return r.int(0, 9000000) / 100;
}

function rateArg(r: Rng): unknown {
  return r.pick([null, "FULL", "LOCAL", 0.195, 0.18375, 0.2235, 0.1, 1.2, "local"]);
}

function termsPosition(r: Rng): { terms: string; grade: unknown; step: unknown } {
  if (r.chance(0.5)) {
    const band = r.pick(AFC_BANDS);
    return { terms: "AFC", grade: r.chance(0.2) && /^\d$/.test(band) ? Number(band) : band, step: r.chance(0.1) ? null : r.int(1, AFC_STEPS[band] + (r.chance(0.05) ? 1 : 0)) };
  }
  return { terms: "NJC", grade: r.chance(0.05) ? r.int(44, 50) : r.int(2, 43), step: null };
}

function targetArg(r: Rng, from: string): { targetTerms: unknown; targetGrade: unknown } {
  const k = r.int(0, 4);
  if (k === 0) return { targetTerms: [LOCAL_RANGE[0], LOCAL_RANGE[1], LOCAL_RANGE[2]], targetGrade: r.pick(["A", "B", "C"]) };
  const to = k <= 2 ? (from === "AFC" ? "NJC" : "AFC") : r.pick(["AFC", "NJC"]);
  return { targetTerms: r.chance(0.2) ? [[to]] : to, targetGrade: to === "AFC" ? r.pick(AFC_BANDS.slice(1)) : r.pick(NJC_RANGES) };
}

function settingsArg(r: Rng): unknown {
  if (r.chance(0.4)) return null;
  const rows: unknown[][] = [];
  const options: (() => unknown[])[] = [
    () => ["coverProportion", r.pick([0.5, "50%", 1, 0])],
    () => ["hcasArea", r.pick(["OUTER", "INNER", "FRINGE"])],
    () => ["movePension", r.pick([true, false])],
    () => ["hoursBasis", r.pick(["KEEP_FTE", "KEEP_HOURS"])],
    () => ["nhsRate", r.pick(["FULL", "LOCAL"])],
    () => ["weeklyHours", r.pick([30, 22.5, 37])],
    () => ["yearsInGrade", r.int(0, 6)],
    () => ["localAllowance", 1200],
    () => ["targetLocalAllowance", 2345.67],
    () => ["targetStandardHours", 36],
    () => ["targetExtraLeaveDays", 2],
    () => ["gradeTop", r.int(20, 43)],
  ];
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) rows.push(r.pick(options)());
  if (r.chance(0.3)) rows.unshift(["Setting", "Value"]);
  return rows;
}

function unsocialArgs(r: Rng, councilShare: number): { unsocialHours: unknown; councilHours: unknown } {
  if (r.chance(0.35)) return { unsocialHours: null, councilHours: null };
  if (r.chance(councilShare)) return { unsocialHours: null, councilHours: [[r.pick([0, 3, 7.5]), r.pick([0, 4, 2.25]), r.pick([0, 6, 1.75]), r.pick([0, 1, 0.5])]] };
  if (r.chance(0.3)) return { unsocialHours: r.pick([4, 7.5]), councilHours: null };
  return { unsocialHours: [[r.pick([4, 7.5, 2.25]), r.pick([null, 2, 7.5])]], councilHours: null };
}

/** LEVELUP and COMPARE take the same arguments. */
function personArgs(r: Rng): Args {
  const p = termsPosition(r);
  const t = targetArg(r, p.terms);
  const targetNjc = t.targetTerms === "NJC" || (Array.isArray(t.targetTerms) && t.targetTerms[0][0] === "NJC");
  // Hours as councils pay them where council terms are involved (most of the time), else as AfC groups them.
  const u = unsocialArgs(r, p.terms === "NJC" || targetNjc ? 0.85 : 0.1);
  const fte = r.chance(0.3) ? r.int(1, 800) / 800 : r.pick([1, 0.8, 0.6, 0.53, 0.5, "60%"]);
  const year = r.pick(YEARS_ARG);
  let settings = settingsArg(r) as unknown[][] | null;
  // Council terms have no national unsocial rates in the data, and 2026/27's NJC award is pending: give them most of the time.
  const extra: unknown[][] = [];
  const council = (side: string) => [[`${side}NightRate`, "1/3"], [`${side}SaturdayRate`, 0.5], [`${side}SundayRate`, 1], [`${side}PublicHolidayRate`, 1.5]];
  if (p.terms === "NJC" && r.chance(0.85)) extra.push(...council("current"));
  if (targetNjc && r.chance(0.85)) extra.push(...council("target"));
  if (p.terms === "AFC" && r.chance(0.1)) extra.push(["currentNightRate", 0.3]);
  if (!targetNjc && r.chance(0.1)) extra.push(["targetSundayRate", "1/3"]);
  if (year === "2026/27" && r.chance(0.8)) extra.push(["assumedAward", 0.033]);
  if (extra.length > 0) {
    const names = new Set(extra.map((e) => e[0]));
    settings = [...(settings ?? []).filter((row) => !names.has(row[0])), ...extra];
  }
  return [
    p.terms, p.grade, p.step, fte, r.int(0, 40), t.targetTerms, t.targetGrade, year,
    r.pick([null, null, ...SCHEMES_ARG.slice(0, 4)]), r.pick([null, 0.195, 0.195, 0.18375, 0.2235]), u.unsocialHours, settings, u.councilHours,
  ];
}

function column<T>(n: number, make: () => T): T[][] {
  return Array.from({ length: n }, () => [make()]);
}

const POOL_METHODS = ["PROPORTIONAL", "FIXED", "LEAD", "CAPPED", "TIERED", "RISKPOOL", "OWN", "WATERFALL", "CAPPED/PROPORTIONAL", "proportional"];

function poolParameters(r: Rng, method: string, partners: number): unknown {
  switch (method) {
    case "FIXED":
      return partners === 2 ? [["60%"], ["40%"]] : [["50%"], ["30%"], ["20%"]];
    case "LEAD":
      return r.int(1, partners);
    case "CAPPED":
    case "CAPPED/PROPORTIONAL":
      return column(partners, () => r.pick([null, 20000, 15000.5, 100000]));
    case "TIERED":
      return [[r.int(10000, 200000)], ["FIXED"], ...Array.from({ length: partners }, () => [1 / partners]), ["PROPORTIONAL"]];
    case "RISKPOOL":
      return [[r.int(0, 500000), "PROPORTIONAL"]];
    case "OWN":
      return column(partners, () => r.int(-50000, 50000));
    case "WATERFALL":
      return [[r.int(0, 50000), r.int(0, 50000)]];
    default:
      return null;
  }
}

const money = (r: Rng, lo: number, hi: number) => (r.chance(0.5) ? r.int(lo, hi) : r.int(lo * 100, hi * 100) / 100);

let benchRowsCache: unknown[][] | null = null;
const benchRows = () => (benchRowsCache ??= staffTable(400).slice(1));

/** Each function's arguments, made at random (mostly valid; some not, for the errors). */
export const FUNCTION_ARGS: Record<string, (r: Rng) => Args> = {
  SALARY: (r) => {
    if (r.chance(0.15)) return [LOCAL_RANGE, r.pick(["A", "B", "C", "D"]), r.int(1, 4)];
    const p = termsPosition(r);
    const year = r.pick(YEARS_ARG);
    return [r.chance(0.2) ? [[p.terms]] : p.terms, p.grade, p.step, year, year === "2026/27" && r.chance(0.7) ? r.pick([0, 0.033]) : null];
  },
  HCAS: (r) => [payArg(r), r.pick(["INNER", "OUTER", "FRINGE", "NONE", "inner", "LONDON"]), r.pick(YEARS_ARG)],
  EMPLOYERNI: (r) => [payArg(r), r.pick(YEARS_ARG)],
  PENSION: (r) => [payArg(r), r.pick(SCHEMES_ARG), r.pick(YEARS_ARG), rateArg(r)],
  EMPLOYEEPENSION: (r) => [payArg(r), r.pick(SCHEMES_ARG), r.pick(YEARS_ARG)],
  LEVY: (r) => [payArg(r), r.pick(YEARS_ARG)],
  COST: (r) => [payArg(r), r.pick(SCHEMES_ARG), r.pick(YEARS_ARG), rateArg(r)],
  COSTBREAKDOWN: (r) => [payArg(r), r.pick(SCHEMES_ARG), r.pick(YEARS_ARG), rateArg(r)],
  HOURLY: (r) => [payArg(r), r.pick(["AFC", "NJC", 36, "37.5", 0, "x"])],
  LEAVE: (r) => [r.pick(["AFC", "NJC", "afc"]), r.pick([0, 1, 2, 4, 5, 9, 10, 25, 40, -1, 0.5])],
  COSTTABLE: (r) => {
    const n = r.int(1, 12);
    return [column(n, () => payArg(r)), r.chance(0.3) ? r.pick(SCHEMES_ARG) : column(n, () => r.pick(SCHEMES_ARG)), r.pick(YEARS_ARG), r.chance(0.3) ? rateArg(r) : column(n, () => rateArg(r))];
  },
  SALARYTABLE: (r) => {
    const n = r.int(1, 10);
    const ps = Array.from({ length: n }, () => termsPosition(r));
    const year = r.pick(YEARS_ARG);
    return [ps.map((p) => [p.terms]), ps.map((p) => [p.grade]), ps.map((p) => [p.step]), year, year === "2026/27" && r.chance(0.7) ? 0.033 : null];
  },
  LEVELUPTABLE: (r) => {
    const n = r.int(1, 8);
    const start = r.int(0, 390);
    const table = benchRows();
    const rows = table.slice(start, start + n);
    const target = r.pick(["AFC", "NJC"]);
    const jobMatch = target === "AFC" ? JOB_MATCH_TO_AFC.map((m) => [m.from, m.to]) : JOB_MATCH_TO_NJC.map((m) => [m.from, m.to]);
    const year = r.pick(YEARS_ARG);
    return [[staffTable(0)[0], ...rows], target, year, r.pick([null, 0.195, 0.18375]), r.chance(0.9) ? jobMatch : null, r.pick([null, 0, 0.5, 1]), year === "2026/27" ? 0.033 : null];
  },
  LEVELUP: personArgs,
  COMPARE: personArgs,
  ASSIMILATE: (r) => {
    const p = termsPosition(r);
    const t = targetArg(r, p.terms);
    const year = r.pick(YEARS_ARG);
    const useMapping = r.chance(0.2);
    const mapping = t.targetTerms === "AFC" ? JOB_MATCH_TO_AFC.map((m) => [m.from, m.to]) : JOB_MATCH_TO_NJC.map((m) => [m.from, m.to]);
    return [p.terms, p.grade, p.step, t.targetTerms, useMapping ? null : t.targetGrade, year, useMapping ? mapping : null, year === "2026/27" ? 0.033 : null];
  },
  PROTECTION: (r) => {
    const p = termsPosition(r);
    const t = targetArg(r, p.terms);
    const policy = r.pick(["NONE", "CASH", "CASH_WITH_AWARDS", "MARKTIME", "TAPERED", "REDCIRCLE", "cash"]);
    const term =
      policy === "TAPERED" ? r.pick<unknown>([[["100%,50%,0%"]], [[1, 0.5, 0.25]], [["75%"]]]) : policy === "MARKTIME" ? r.pick([null, [[2]]]) : policy === "NONE" || policy === "REDCIRCLE" ? null : [[r.int(0, 5)]];
    const year = r.pick(YEARS_ARG);
    return [p.terms, p.grade, p.step, t.targetTerms, t.targetGrade, policy, term, year, r.pick([null, 1, 3, 5, 10]), r.pick([null, [[0.03]], [[0.02, 0.03, 0.025]], 0.0275]), year === "2026/27" ? 0.033 : null];
  },
  ALLOCATE: (r) => {
    const n = r.int(1, 6);
    return [money(r, -1000000, 1000000), r.chance(0.7) ? column(n, () => r.pick([r.int(0, 1000), null, 1, 3])) : [Array.from({ length: n }, () => r.int(0, 99))]];
  },
  POOLSHARES: (r) => {
    const n = r.int(2, 3);
    return [column(n, () => money(r, 0, 900000)), r.chance(0.3) ? (n === 2 ? [[0.6], ["40%"]] : [[0.5], [0.3], [0.2]]) : null];
  },
  RISKSHARE: (r) => {
    const n = r.int(2, 3);
    const method = r.pick(POOL_METHODS);
    return [money(r, -300000, 300000), column(n, () => money(r, 50000, 900000)), method, poolParameters(r, method.toUpperCase(), n)];
  },
  POOLACCOUNT: (r) => {
    const n = r.int(2, 3);
    const method = r.pick(POOL_METHODS.filter((m) => m !== "OWN"));
    const contributions = column(n, () => money(r, 50000, 900000));
    const total = contributions.reduce((s, [c]) => s + (c as number), 0);
    return [
      column(n, () => r.pick(["ICB", "Council", "Trust", "Hospice"])).map((row, i) => [`${row[0]} ${i + 1}`]),
      contributions,
      Math.round(total * (0.85 + r.float() * 0.3)),
      method,
      poolParameters(r, method.toUpperCase(), n),
      r.chance(0.3) ? column(n, () => r.pick([null, 20000, -5000])) : null,
      r.chance(0.2) ? (n === 2 ? [["60%"], ["40%"]] : [[0.5], [0.3], [0.2]]) : null,
    ];
  },
  POOLLINES: (r) => {
    const lines = r.int(1, 3);
    const contributions = [0, 1].map(() => Array.from({ length: lines }, () => money(r, 0, 400000)));
    const spent = [Array.from({ length: lines }, (_, j) => Math.round((contributions[0][j] + contributions[1][j]) * (0.8 + r.float() * 0.4)))];
    const method = r.pick([null, "PROPORTIONAL", "WATERFALL", "OWN", [Array.from({ length: lines }, () => r.pick(["PROPORTIONAL", "ALIGNED", "FIXED"]))]]);
    const params = method === "WATERFALL" ? [[0, 15000]] : Array.isArray(method) && method[0].includes("FIXED") ? [["60%"], ["40%"]] : null;
    return [[["ICB"], ["Council"]], contributions, spent, method, params, null, r.chance(0.2) ? [[0.6], [0.4]] : null, r.pick([null, "VARIANCE", "SPENT"])];
  },
  RESERVELEDGER: (r) => {
    const n = r.int(1, 4);
    return [money(r, 0, 200000), [Array.from({ length: n }, () => r.pick([0, 10000, 50000.5]))], [Array.from({ length: n }, () => r.pick([0, 20000, 30000]))], r.pick([null, [["2023/24"]], [["Year 1"]]])];
  },
  POOLYEARS: (r) => {
    const years = r.int(1, 3);
    const yearLabels = [["2023/24", "2024/25", "2025/26"].slice(0, years)];
    const contributions = [0, 1].map(() => Array.from({ length: years }, () => money(r, 100000, 800000)));
    const expenditure = [Array.from({ length: years }, (_, j) => Math.round((contributions[0][j] + contributions[1][j]) * (0.9 + r.float() * 0.2)))];
    const method = r.pick<unknown>([null, "PROPORTIONAL", [Array.from({ length: years }, (_, j) => (j === 0 ? "PROPORTIONAL" : "FIXED"))]]);
    const params = Array.isArray(method) ? [Array.from({ length: years - 1 }, () => ["60%", "40%"]).flat()] : null;
    const reserve = r.pick<unknown>([null, [[80000, 1, 50000]], [[0, 0.5, null, false]]]);
    return [[["NHS Board"], ["Council"]], yearLabels, contributions, expenditure, method, params && params[0].length > 0 ? params : null, reserve, null, null, r.pick([null, "PARTNERS", "RESERVE"])];
  },
};

/** One call as Excel makes it: its value, or the Excel error it raises (code and message). */
export function callFigures(name: string, args: Args): unknown {
  const fn = FUNCTIONS.get(name);
  if (!fn) return { missing: name };
  try {
    return { value: fn(...args) };
  } catch (e) {
    return { thrown: e };
  }
}

/** Set "functions": FUNCTION_CALLS_COUNT calls, the functions taken in turn, each with random arguments. */
export function hashFunctionCalls(count = FUNCTION_CALLS_COUNT, seed = FUNCTION_CALLS_SEED): FigureSetResult {
  const r = new Rng(seed);
  const names = Object.keys(FUNCTION_ARGS);
  const h = new FigureSetHasher("functions");
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length];
    const args = FUNCTION_ARGS[name](r);
    h.add(`${i} ${name}`, { args, result: callFigures(name, args) });
  }
  return h.finish();
}

// ---------------------------------------------------------------------------------------------
// All sets
// ---------------------------------------------------------------------------------------------

/** The sets tests/engine/figureHashes.test.ts recomputes, by name. */
export const FIGURE_SETS: Readonly<Record<string, () => FigureSetResult | Promise<FigureSetResult>>> = {
  "random-people": () => hashRandomPeople(),
  "staff-totals": () => hashBenchStaff(1000, "staff-totals"),
  "sample-board-pack": () => hashSampleBoardPack(),
  functions: () => hashFunctionCalls(),
};

/** The large sets: harmoniseStaff over the benchmark's list at these sizes (scripts/figure-hashes.js --large only: slow and heavy today). */
export const LARGE_SIZES = [10000, 100000];
export const largeSetName = (n: number) => `staff-totals-${n}`;

/** How a moved set is reported: which set, how to find the first item that moved. */
export function movedMessage(name: string, got: { count: number; hash: string }, want: { count: number; hash: string }): string {
  return [
    `Figure set "${name}" moved: ${got.count} items hashing ${got.hash}, recorded ${want.count} items hashing ${want.hash} (tests/engine/figure-hashes.json).`,
    "Some figure the engine, a custom function or the board pack produces differs from the engine before issue 15's rewrite.",
    "To find the first item that moved: on a commit before the change run `FIGURE_HASHES_DUMP=/tmp/before FIGURE_HASHES_DUMP_TEXT=1 npx jest tests/engine/figureHashes -w 1`,",
    `on yours the same with /tmp/after, then \`diff /tmp/before/${name}.tsv /tmp/after/${name}.tsv | head\` names the items and`,
    `the same line of /tmp/before/${name}.jsonl and /tmp/after/${name}.jsonl shows their figures (docs/development.md, "Proof that no figure moved").`,
  ].join("\n");
}
