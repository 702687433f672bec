/**
 * Builds the board report model from validated staff and a scenario: harmonises each person (a
 * person the engine cannot cost is left out and reported against their row, never guessed),
 * totals by staff group, employer and year, settles the pool, and lists the assumptions and the
 * source of every rate used with its years.
 */
import { ALL_TABLES, DATA_VERSION } from "../data";
import type { ByYear, Sourced } from "../data/types";
import { EngineError } from "../engine/errors";
import { suppliedKey, suppliedPayLabel } from "../engine/scales";
import {
  addPence,
  costResolvedPence,
  decimalOfSum,
  describeProtection,
  describeScenario,
  FteSum,
  METHODS,
  pendingAwards,
  resolveScenario,
  TablesUsed,
  targetScheme,
  type CostLinePence,
  type PenceSum,
  type PersonCostsPence,
  type ResolvedScenario,
} from "../engine/harmonise";
import { D, sum, type Decimal } from "../engine/money";
import { percent, settlePool, settleYears, type ReserveYear } from "../engine/pool";
import type { StaffMember } from "../engine/staff";
import type { IntakeReport, RowIssue } from "../intake";
import { financialYear, type FinancialYear } from "../engine/years";
import type { BoardPool, BoardScenario } from "./scenario";
import { ScenarioError } from "./scenario";
import { appraisalSteps, type AppraisalOutput, type AppraisalStep } from "./appraisal";
import { PendingAwardReach, SuppliedYearsReach, confidenceLines } from "./confidence";
import { missingRateCause } from "./missingRates";
import type { AppraisalReport, BoardReport, ElementSet, GroupLine, PersonLine, PoolReport, ProjectionYear, SourceLine } from "./model";

/** The longest projection the pack chooses by itself when protection has no fixed end (mark-time, red-circling). */
export const MAX_AUTO_PROJECTION_YEARS = 15;
const MIN_PROJECTION_YEARS = 3;

/**
 * How much costing one step does, in person-years (people × years projected): 250 is about 50
 * people over a 5-year projection, about 7 ms on a development machine and well under 100 ms on a
 * slow one, so a caller that yields to the user interface between steps stays responsive.
 */
export const PERSON_YEARS_PER_STEP = 250;

export interface ReportInput {
  members: readonly StaffMember[];
  /** Row number of each member in the staff list (parallel to members). */
  memberRows: readonly number[];
  scenario: BoardScenario;
  generatedOn: string;
  version: string;
  /** Rows in the staff list, and those already left out by validation. */
  rows: { total: number; leftOut: number; issues: readonly RowIssue[]; intake?: IntakeReport };
  /** Called as people are costed (done, total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Progress while costing: people costed so far in this pass, of how many, and over how many years. */
export interface ReportStep {
  done: number;
  total: number;
  /** 1 for the first pass; 2 or more when protection outlasted the projection and everyone is costed again over more years. */
  pass: number;
  /** Years projected in this pass. */
  years: number;
  /** Present while the options of an appraisal are costed (every option for each person). */
  options?: true;
}

export interface ReportStepOptions {
  /** People costed between two steps; default PERSON_YEARS_PER_STEP ÷ the years projected. */
  peoplePerStep?: number;
}

const TERMS_WORDS = { AFC: "Agenda for Change", NJC: "NJC Green Book" } as const;

/** How many years to project when the scenario does not say: until protection ends, and at least 3. */
export function initialProjectionYears(s: BoardScenario): number {
  const h = s.harmonisation;
  if (s.projectionYearsGiven && h.projectionYears) return h.projectionYears;
  const p = h.protection;
  switch (p.kind) {
    case "CASH":
    case "CASH_WITH_AWARDS":
      return Math.max(MIN_PROJECTION_YEARS, (p.years ?? 0) + 1);
    case "TAPERED":
      return Math.max(MIN_PROJECTION_YEARS, (p.taper?.length ?? 0) + 1);
    case "MARKTIME":
      return Math.max(5, p.years !== null && p.years !== undefined ? p.years + 1 : 5);
    case "REDCIRCLE":
      return 5;
    default:
      return MIN_PROJECTION_YEARS;
  }
}

function elements(line: CostLinePence): ElementSet {
  return {
    basicPay: line.basicPay,
    supplement: line.supplement,
    unsocial: line.unsocial,
    employerNi: line.employerNi,
    employerPension: line.employerPension,
    apprenticeshipLevy: line.apprenticeshipLevy,
    leaveValue: line.leaveValue,
    hoursValue: line.hoursValue,
    total: line.total,
  };
}

const ASSIMILATION_WORDS = {
  LOWEST_NOT_BELOW: "lowest point not below current pay",
  BELOW_MINIMUM: "bottom of grade (a pay rise)",
  ABOVE_TOP: "top of grade (pay protected)",
} as const;

/** Where a person's pay rests on a figure the user supplied; the lists shared (most people have none). */
const SUPPLIED_SIDES = { none: [], current: ["current"], target: ["target"], both: ["current", "target"] } as const;
function suppliedSides(current: boolean, target: boolean): PersonLine["suppliedPay"] {
  return current ? (target ? SUPPLIED_SIDES.both : SUPPLIED_SIDES.current) : target ? SUPPLIED_SIDES.target : SUPPLIED_SIDES.none;
}

/** What the Detail sheet shows of a person: their base-year elements, in whole pence. The rest of their costing is not kept. */
function personLine(p: PersonCostsPence, row: number, includeNames: boolean, supplied: ReadonlySet<string>): PersonLine {
  const y = p.years[0];
  const payments = y.protected.protection;
  // With no protection payment the protected line is the target line: no on-costs on protection.
  const onCosts = y.protected.total - y.target.total - payments;
  return {
    row,
    ref: p.ref,
    name: includeNames ? p.name : null,
    group: p.group,
    employer: p.employer,
    terms: p.current.terms,
    currentPosition: p.current.positionLabel,
    targetGrade: p.assimilation.gradeLabel,
    targetPosition: p.assimilation.positionLabel,
    assimilation: ASSIMILATION_WORDS[p.assimilation.rule],
    fte: p.current.fte,
    current: elements(y.current),
    target: elements(y.target),
    levelledUp: elements(y.levelledUp),
    protection: { payments, onCosts, total: y.protected.total },
    protectionContinues: p.protectionContinues,
    schemes: { current: p.current.scheme, target: p.target.scheme },
    suppliedPay: suppliedSides(supplied.size > 0 && supplied.has(p.current.positionLabel), supplied.size > 0 && supplied.has(p.assimilation.positionLabel)),
  };
}

/** The figures the pack totals, each year: each option's total cost and the protection payments (whole pence). */
const TOTALLED = ["current", "target", "protectionPayments", "protected", "levelledUp"] as const;
type Totalled = (typeof TOTALLED)[number];

/**
 * Running totals for a group of people (or everyone), year by year: people are added as they are
 * costed, and not kept. Only the figures the pack shows are summed, in whole pence (made Decimals
 * when read): each option's total cost, the protection payments, the staff protected, and whether
 * the year is projected.
 */
class Totals {
  /** People, not rows: a person with several assignments (the same StaffMember.person) counts once. */
  headcount = 0;
  private readonly people = new Set<number>();
  private readonly fteSum = new FteSum();
  private readonly sums: Record<Totalled, PenceSum[]>;
  readonly protectedCount: number[];
  readonly projected: boolean[];

  constructor(
    readonly key: string,
    readonly years: readonly FinancialYear[],
  ) {
    const zeros = (): PenceSum[] => years.map(() => 0);
    this.sums = { current: zeros(), target: zeros(), protectionPayments: zeros(), protected: zeros(), levelledUp: zeros() };
    this.protectedCount = years.map(() => 0);
    this.projected = years.map(() => false);
  }

  get fte(): Decimal {
    return this.fteSum.value();
  }

  /** A totalled figure for each year, as Decimals. */
  byYear(figure: Totalled): Decimal[] {
    return this.sums[figure].map(decimalOfSum);
  }

  /** Adds a person's figures (person: their number, the same for each of their rows). */
  add(p: PersonCostsPence, person: number): void {
    this.count(person);
    this.fteSum.add(p.current.fte);
    for (let t = 0; t < p.years.length; t++) {
      const y = p.years[t];
      const sums = this.sums;
      sums.current[t] = addPence(sums.current[t], y.current.total);
      sums.target[t] = addPence(sums.target[t], y.target.total);
      sums.protectionPayments[t] = addPence(sums.protectionPayments[t], y.protected.protection);
      sums.protected[t] = addPence(sums.protected[t], y.protected.total);
      sums.levelledUp[t] = addPence(sums.levelledUp[t], y.levelledUp.total);
      if (y.basicProtection.active || y.unsocialProtection?.active) this.protectedCount[t]++;
      if (y.basis === "projected") this.projected[t] = true;
    }
  }

  /** Adds another set of totals (for the same years) into this one. */
  merge(o: Totals): void {
    for (const person of o.people) this.count(person);
    this.fteSum.add(o.fte);
    for (let t = 0; t < this.years.length; t++) {
      for (const k of TOTALLED) this.sums[k][t] = addSums(this.sums[k][t], o.sums[k][t]);
      this.protectedCount[t] += o.protectedCount[t];
      this.projected[t] ||= o.projected[t];
    }
  }

  private count(person: number): void {
    if (this.people.has(person)) return;
    this.people.add(person);
    this.headcount++;
  }

  /** The base year's line for the summary's group and employer tables. */
  line(): GroupLine {
    const base = (k: Totalled) => decimalOfSum(this.sums[k][0]);
    return { key: this.key, headcount: this.headcount, fte: this.fte, current: base("current"), target: base("target"), protected: base("protected"), levelledUp: base("levelledUp") };
  }

  /** Cost of protection (payments and their on-costs) each year: target with protection − target. */
  protectionByYear(): Decimal[] {
    return this.years.map((_, t) => decimalOfSum(subtractSums(this.sums.protected[t], this.sums.target[t])));
  }
}

/** a + b for two running sums, exactly. */
function addSums(a: PenceSum, b: PenceSum): PenceSum {
  return typeof b === "number" ? addPence(a, b) : BigInt(a) + b;
}

/** a − b for two running sums, exactly. */
function subtractSums(a: PenceSum, b: PenceSum): PenceSum {
  return typeof b === "number" ? addPence(a, -b) : BigInt(a) - b;
}

function totalsByKey(map: Map<string, Totals>, key: string, years: readonly FinancialYear[]): Totals {
  let t = map.get(key);
  if (!t) {
    t = new Totals(key, years);
    map.set(key, t);
  }
  return t;
}

/** Totals by one part of the (group, employer) pairs, sorted by key. */
function rollUp(pairs: Map<string, { group: string; employer: string; totals: Totals }>, by: "group" | "employer", years: readonly FinancialYear[]): Totals[] {
  const out = new Map<string, Totals>();
  for (const p of pairs.values()) totalsByKey(out, p[by], years).merge(p.totals);
  return [...out.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => out.get(k)!);
}

function isSourced(t: ByYear<unknown> | Sourced<unknown>): t is Sourced<unknown> {
  return "sources" in t && "value" in t && "provenance" in t;
}

/** The data year a financial year reads from a dated table: its own, else the latest before it (held), else the earliest. */
export function dataYearFor(table: ByYear<unknown>, fy: FinancialYear): string {
  const years = Object.keys(table).sort();
  if (table[fy.label]) return fy.label;
  const before = years.filter((y) => y < fy.label);
  return before.length > 0 ? before[before.length - 1] : years[0];
}

/** Every source of every table used, with the data years used and the projection years they serve. */
export function sourceLines(used: ReadonlySet<string>, years: readonly FinancialYear[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const entry of ALL_TABLES) {
    if (!used.has(entry.id)) continue;
    const t = entry.table;
    const perYear: { year: string; usedFor: string[]; sourced: Sourced<unknown> }[] = [];
    if (isSourced(t)) perYear.push({ year: "all years", usedFor: years.map((y) => y.label), sourced: t });
    else {
      const byData = new Map<string, string[]>();
      for (const fy of years) {
        const dy = dataYearFor(t, fy);
        byData.set(dy, [...(byData.get(dy) ?? []), fy.label]);
      }
      for (const [dy, usedFor] of [...byData].sort()) perYear.push({ year: dy, usedFor, sourced: t[dy] });
    }
    for (const { year, usedFor, sourced } of perYear) {
      // The pack cites publications; secondary evidence (a test fixture, a job listing, a calculator site) is in docs/data-sources.md.
      const publications = sourced.sources.filter((src) => src.role !== "evidence");
      const line = { tableId: entry.id, note: sourced.note ?? null, table: entry.title, year, usedFor, provenance: sourced.provenance };
      for (const src of publications) out.push({ ...line, publisher: src.publisher, title: src.title, url: src.url });
      if (publications.length === 0)
        out.push({ ...line, publisher: "(not confirmed)", title: "The publication for these figures could not be read here; the checks made are listed in docs/data-sources.md", url: "" });
    }
  }
  return out;
}

function poolReport(p: BoardPool, payYear: string): PoolReport {
  // A pool over several years shows its last year in detail, and every year in "over the years".
  const multi = p.multiYear ? settleYears(p.multiYear) : null;
  const st = multi ? multi.years[multi.years.length - 1].statement : settlePool(p.pool);
  return {
    name: p.name,
    year: p.year ?? payYear,
    partners: st.partners.map((a) => ({ ...a })),
    aligned: st.aligned ? st.aligned.partners.map((a) => ({ ...a })) : null,
    years: multi
      ? {
          years: multi.years.map((y) => y.year.label),
          riskShares: p.yearRiskShareTexts,
          partners: [...multi.partners],
          byYear: multi.years.map((y) => y.partners),
          reserve: multi.years[0].reserve ? multi.years.map((y) => y.reserve as ReserveYear) : null,
          changes: multi.years.flatMap((y) => y.changes.map((c) => ({ ...c, year: y.year.label }))),
          outstanding: multi.outstanding,
        }
      : null,
    lines: st.lines.map((l, i) => ({ ...l, riskShare: p.lineRiskShareTexts[i] ?? `pool's: ${p.riskShareText}` })),
    riskPool: st.riskPool,
    underspendsElsewhere: st.underspendsElsewhere,
    total: st.total,
    settledAsWhole: st.settledAsWhole,
    riskShareText: p.riskShareText,
    fixedShares: !!p.pool.fixedShares,
  };
}

/** The appraisal's steps as report steps (the pass stays the scenario's last, so "pass 2" still means "over more years"). */
function* optionSteps(steps: Generator<AppraisalStep, AppraisalOutput, void>, pass: number): Generator<ReportStep, AppraisalOutput, void> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { done: r.value.done, total: r.value.total, pass, years: r.value.years, options: true };
  }
}

/** What the board is asked to do, when the scenario does not say: written from the scenario. */
export function defaultBoardAsk(sc: BoardScenario, people: number, s: ResolvedScenario, appraisal: AppraisalReport | null): string {
  if (appraisal) {
    const last = appraisal.years[appraisal.years.length - 1];
    const rec = appraisal.recommended !== null ? appraisal.options[appraisal.recommended] : null;
    return (
      `The board is asked to note the cost of the ${appraisal.options.length} options for the terms of the ${appraisal.headcount} staff, year by year from ${appraisal.years[0]} to ${last}, ` +
      `with the one-off cost of pay protection shown apart from the recurring cost and the net present cost of each; ` +
      (rec ? `and to agree the recommended option: "${rec.name}".` : "and to choose between them.")
    );
  }
  return (
    `The board is asked to note the cost of harmonising the terms of the ${people} staff onto ${TERMS_WORDS[s.target.terms]} terms from ${s.year.label} ` +
    `(${describeProtection(s.protection).replace(/^./, (c) => c.toLowerCase())}), against the cost of their current terms and of levelling up, and to agree the approach.`
  );
}

export interface ReportOutput {
  report: BoardReport;
  /** People the engine could not cost, by row: they are left out of every figure. */
  costingIssues: RowIssue[];
}

/**
 * Builds the report.
 * @throws ScenarioError when the scenario itself cannot be applied (nothing could be costed).
 */
export function buildReport(input: ReportInput): ReportOutput {
  const steps = buildReportSteps(input);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    // Progress as before: after each step, and never "0 done" (the first call follows the first person costed).
    if (input.onProgress && r.value.done > 0) input.onProgress(r.value.done, r.value.total);
  }
}

/**
 * Builds the report one step at a time: costs people in steps of a few dozen (ReportStepOptions),
 * yielding progress after each, and returns the report. Pure: the caller decides what happens
 * between steps (nothing, for buildReport; a turn of the user interface's event loop, for the
 * task pane). Dropping the generator part-way (return()) leaves nothing behind.
 * @throws ScenarioError when the scenario itself cannot be applied (nothing could be costed).
 */
export function* buildReportSteps(input: ReportInput, options: ReportStepOptions = {}): Generator<ReportStep, ReportOutput, void> {
  const sc = input.scenario;
  let projectionYears = initialProjectionYears(sc);
  let s: ResolvedScenario;
  let years: FinancialYear[];
  let lines: PersonLine[];
  let costingIssues: RowIssue[];
  /** Running totals by (staff group, employer): one sum per person, rolled up afterwards. */
  let pairs: Map<string, { group: string; employer: string; totals: Totals }>;
  /** A number for each person (their rows share it), for counting heads: numbers are quicker to look up than names. */
  let personNumbers: Map<string, number>;
  let tables: TablesUsed;
  let continuing: number;
  let pendingReach: PendingAwardReach;
  let suppliedReach: SuppliedYearsReach;
  /** Index (in input.members) of each person costed, in order. */
  let costedIndex: number[];
  let pass = 0;

  // People are costed one at a time and only what the pack shows is kept (their base-year line and
  // running totals), so memory grows with the staff list by a few kilobytes a person.
  for (;;) {
    pass++;
    try {
      s = resolveScenario({ ...sc.harmonisation, projectionYears });
    } catch (e) {
      if (e instanceof EngineError) throw new ScenarioError([e.message]);
      throw e;
    }
    if (pass === 1) checkLgpsRateGiven(input.members, s);
    // The Detail sheet shows the base year: marked where its pay rests on a figure supplied for that year or an earlier one.
    const suppliedPositions = new Set((s.suppliedPay ?? []).filter((f) => f.year.start <= s.year.start).map((f) => suppliedKey(f.scale, f.grade, f.step)));
    const base = s.year.start;
    years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(base + t));
    lines = [];
    costedIndex = [];
    costingIssues = [];
    pairs = new Map();
    personNumbers = new Map();
    tables = new TablesUsed();
    continuing = 0;
    pendingReach = new PendingAwardReach(pendingAwards(s, years), years, s.suppliedPay);
    suppliedReach = new SuppliedYearsReach(s.suppliedPay, years);
    const n = input.members.length;
    const perStep = Math.max(1, Math.floor(options.peoplePerStep ?? PERSON_YEARS_PER_STEP / s.projectionYears));
    yield { done: 0, total: n, pass, years: s.projectionYears };
    for (let i = 0; i < n; i++) {
      const m = input.members[i];
      let p: PersonCostsPence | null = null;
      try {
        p = costResolvedPence(m, s);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        costingIssues.push(costingIssue(m, input.memberRows[i], e));
      }
      if (p) {
        lines.push(personLine(p, input.memberRows[i], sc.includeNames, suppliedPositions));
        costedIndex.push(i);
        const key = `${p.group}\u0000${p.employer}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { group: p.group, employer: p.employer, totals: new Totals(key, years) }));
        const personKey = m.person === undefined ? `ref:${m.ref.toUpperCase()}` : `person:${m.person.toUpperCase()}`;
        let person = personNumbers.get(personKey);
        if (person === undefined) personNumbers.set(personKey, (person = personNumbers.size));
        pair.totals.add(p, person);
        pendingReach.add(p, person);
        suppliedReach.add(p, person);
        tables.note(m, p, s);
        if (p.protectionContinues) continuing++;
      }
      if ((i + 1) % perStep === 0 || i === n - 1) yield { done: i + 1, total: n, pass, years: s.projectionYears };
    }
    if (continuing === 0 || sc.projectionYearsGiven || projectionYears >= MAX_AUTO_PROJECTION_YEARS) break;
    projectionYears = Math.min(MAX_AUTO_PROJECTION_YEARS, projectionYears * 2);
  }
  s = s!;
  const all = new Totals("Total", years!);
  for (const p of pairs!.values()) all.merge(p.totals);
  const byGroup = rollUp(pairs!, "group", years!);
  const byEmployer = rollUp(pairs!, "employer", years!);

  const [current, target, protectionPayments, protectedCost, levelledUp] = TOTALLED.map((k) => all.byYear(k));
  const projection: ProjectionYear[] = years!.map((y, t) => ({
    year: y.label,
    basis: all.projected[t] ? "projected" : "data",
    ...((t === 0 ? lines!.some((p) => p.suppliedPay.length > 0) : suppliedReach!.reaches(t)) ? { supplied: true as const } : {}),
    protectedCount: all.protectedCount[t],
    current: current[t],
    target: target[t],
    protectionPayments: protectionPayments[t],
    protected: protectedCost[t],
    levelledUp: levelledUp[t],
  }));
  const allProtection = all.protectionByYear();
  const protectionByYear = years!.map((y, t) => ({ year: y.label, cost: allProtection[t] }));
  const headline = all.line();

  let pool: PoolReport | null = null;
  let poolProblem: string | null = null;
  if (sc.pool) {
    try {
      pool = poolReport(sc.pool, s.year.label);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      poolProblem = e.message;
    }
  }

  // The options appraisal, for the people the scenario costed.
  let appraisal: AppraisalReport | null = null;
  let appraisalIssues: RowIssue[] = [];
  if (sc.appraisal) {
    const members = costedIndex!.map((i) => input.members[i]);
    const out = yield* optionSteps(appraisalSteps(sc.appraisal, members, costedIndex!.map((i) => input.memberRows[i]), options.peoplePerStep), pass);
    appraisal = out.appraisal;
    appraisalIssues = out.issues;
  }

  const leftOut = input.rows.leftOut + costingIssues!.length;
  const read = input.rows.total - input.rows.leftOut;
  const protectionText = describeProtection(s.protection);
  const assumptions = [
    ...describeScenario(s),
    ...(s.suppliedPay ?? []).map((f) => ({ label: "Pay supplied by you", value: `${suppliedPayLabel(f)}: £${f.pay.toNumber().toLocaleString("en-GB", { minimumFractionDigits: f.pay.isInteger() ? 0 : 2 })} a year full-time (supplied by you${f.note ? `: ${f.note}` : ""}; not in the published data)` })),
    { label: "Staff list", value: `${input.rows.total} row${input.rows.total === 1 ? "" : "s"}; ${lines!.length} costed; ${leftOut} left out (listed on the "Rows left out" sheet)` },
    { label: "Staff names", value: sc.includeNames ? "shown on the Detail sheet (the scenario asked for them)" : "left out (board papers are often published)" },
    { label: "Protective marking", value: sc.protectiveMarking },
  ];
  if (sc.pool) {
    const poolYears = sc.pool.multiYear ? `${sc.pool.multiYear.years.length} years to ${sc.pool.year}` : (sc.pool.year ?? s.year.label);
    assumptions.push({ label: "Pooled budget", value: `${sc.pool.name}: ${sc.pool.pool.partners.join(", ")}; ${poolYears}` });
    assumptions.push({
      label: "Pool shares",
      value: sc.pool.pool.fixedShares
        ? `fixed in the agreement: ${sc.pool.pool.partners.map((p, i) => `${p} ${percent(sc.pool!.pool.fixedShares![i] as Decimal)}`).join(", ")}`
        : "in proportion to contributions",
    });
    assumptions.push({
      label: "Risk share",
      value: sc.pool.multiYear
        ? sc.pool.multiYear.years.map((y, k) => `${String(y.year)}: ${sc.pool!.yearRiskShareTexts[k]}`).join("; ")
        : sc.pool.riskShareText,
    });
    if (sc.pool.multiYear?.reserve) {
      const rv = sc.pool.multiYear.reserve;
      assumptions.push({
        label: "Pool reserve",
        value: `opening £${String(rv.opening)}; ${rv.drawOnOverspend === false ? "overspends not met from it" : "meets an overspend before the partners"}; keeps ${percent(new D(String(rv.topUpFromUnderspend ?? 0)))} of an underspend${rv.ceiling !== null && rv.ceiling !== undefined ? ` up to £${String(rv.ceiling)}` : ""}`,
      });
    }
  }

  const report: BoardReport = {
    title: sc.title,
    organisation: sc.organisation,
    subtitle: `${lines!.length} staff harmonised onto ${TERMS_WORDS[s.target.terms]} terms from ${s.year.label}. ${protectionText}.`,
    generatedOn: input.generatedOn,
    version: input.version,
    dataVersion: DATA_VERSION,
    marking: sc.protectiveMarking,
    includeNames: sc.includeNames,
    baseYear: s.year.label,
    years: years.map((y) => y.label),
    targetTerms: s.target.terms,
    valuesTimeOff: !s.coverProportion.isZero(),
    headline: {
      headcount: headline.headcount,
      fte: headline.fte,
      current: headline.current,
      target: headline.target,
      protected: headline.protected,
      levelledUp: headline.levelledUp,
      protectionByYear,
      protectionTotal: sum(protectionByYear.map((p) => p.cost)),
      rowsRead: read,
      rowsLeftOut: leftOut,
    },
    byGroup: byGroup.map((g) => g.line()),
    byEmployer: byEmployer.map((g) => g.line()),
    people: lines!,
    projection,
    protectionByGroup: byGroup.map((g) => ({ group: g.key, byYear: g.protectionByYear() })),
    protectionContinuesFor: continuing!,
    pool,
    poolProblem,
    assumptions,
    methods: [...METHODS],
    sources: sourceLines(tables!.ids(), years!),
    rows: {
      total: input.rows.total,
      read,
      leftOut,
      issues: [...input.rows.issues, ...costingIssues!, ...appraisalIssues].sort((a, b) => a.row - b.row),
      // People, not rows: those the intake left out, and each person the engine could not cost.
      peopleLeftOut: (input.rows.intake?.peopleLeftOut ?? input.rows.leftOut) + costingIssues!.length,
      intake: input.rows.intake ?? null,
    },
    appraisal,
    boardAskedTo: sc.boardAskedTo ?? defaultBoardAsk(sc, lines!.length, s, appraisal),
    figuresIn: sc.figuresIn,
    confidence: [],
  };
  report.confidence = confidenceLines(report, sc, s, pendingReach!.lines(), suppliedReach!.lines());
  return { report, costingIssues: costingIssues! };
}

/** A person the engine cannot cost, as a row left out; a missing unsocial-hours rate keeps its cause, so the rows wanting it can be told once. */
function costingIssue(m: StaffMember, row: number, e: EngineError): RowIssue {
  const issue: RowIssue = { row, column: "", message: `${m.ref} cannot be costed and is left out: ${e.message}` };
  const cause = missingRateCause(e);
  if (cause) issue.missingRate = cause;
  return issue;
}

const isLgps = (scheme: string) => scheme === "LGPS" || scheme === "LGPS5050";

/**
 * LGPS employer rates are set by each fund, so the scenario must give one whenever anyone is in the
 * LGPS on either side. Without it every such person would be left out one by one, and the board
 * figures would quietly cover the rest: one clear message about the scenario instead.
 */
function checkLgpsRateGiven(members: readonly StaffMember[], s: ResolvedScenario): void {
  if (s.lgpsEmployerRate !== null) return;
  const inLgps = members.filter((m) => isLgps(m.scheme) || isLgps(targetScheme(m.scheme, s.target.terms, s.movePension))).length;
  if (inLgps > 0)
    throw new ScenarioError([
      `lgpsEmployerRate: ${inLgps} of the ${members.length} staff are in the LGPS on current or target terms. LGPS employer rates are set by each pension fund's valuation: give your fund's employer rate (e.g. "19.5%").`,
    ]);
}
