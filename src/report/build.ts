/**
 * Builds the board report model from validated staff and a scenario: harmonises each person (a
 * person the engine cannot cost is left out and reported against their row, never guessed),
 * totals by staff group, employer and year, settles the pool, and lists the assumptions and the
 * source of every rate used with its years.
 */
import { ALL_TABLES, DATA_VERSION } from "../data";
import type { ByYear, Sourced } from "../data/types";
import { EngineError } from "../engine/errors";
import {
  addOptions,
  describeProtection,
  describeScenario,
  harmoniseResolved,
  METHODS,
  resolveScenario,
  zeroOptions,
  type CostLine,
  type OptionCosts,
  type YearTotals,
  type GroupTotals,
  type PersonResult,
  type ResolvedScenario,
} from "../engine/harmonise";
import { ZERO, sum, type Decimal } from "../engine/money";
import { percent, settlePool } from "../engine/pool";
import type { StaffMember } from "../engine/staff";
import type { RowIssue } from "../engine/staffRows";
import { financialYear, type FinancialYear } from "../engine/years";
import type { BoardPool, BoardScenario } from "./scenario";
import { ScenarioError } from "./scenario";
import type { BoardReport, ElementSet, GroupLine, PersonLine, PoolReport, ProjectionYear, SourceLine } from "./model";

/** The longest projection the pack chooses by itself when protection has no fixed end (mark-time, red-circling). */
export const MAX_AUTO_PROJECTION_YEARS = 15;
const MIN_PROJECTION_YEARS = 3;

export interface ReportInput {
  members: readonly StaffMember[];
  /** Row number of each member in the staff list (parallel to members). */
  memberRows: readonly number[];
  scenario: BoardScenario;
  generatedOn: string;
  version: string;
  /** Rows in the staff list, and those already left out by validation. */
  rows: { total: number; leftOut: number; issues: readonly RowIssue[] };
  /** Called as people are costed (done, total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
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

function elements(line: CostLine): ElementSet {
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

function personLine(p: PersonResult, row: number, includeNames: boolean): PersonLine {
  const y = p.years[0];
  const payments = y.protected.protection;
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
    protection: { payments, onCosts: y.protected.total.minus(y.target.total).minus(payments), total: y.protected.total },
    protectionContinues: p.protectionContinues,
  };
}

function groupLine(g: GroupTotals): GroupLine {
  const y = g.years[0];
  return { key: g.key, headcount: g.headcount, fte: g.fte, current: y.current.total, target: y.target.total, protected: y.protected.total, levelledUp: y.levelledUp.total };
}

/** Running totals for a group of people (or everyone), year by year: people are added as they are costed, and not kept. */
class Totals {
  headcount = 0;
  fte: Decimal = ZERO;
  private readonly sums: OptionCosts[];
  private readonly protectedCounts: number[];
  private readonly projected: boolean[];

  constructor(
    readonly key: string,
    private readonly years: readonly FinancialYear[],
  ) {
    this.sums = years.map(() => zeroOptions());
    this.protectedCounts = years.map(() => 0);
    this.projected = years.map(() => false);
  }

  add(p: PersonResult): void {
    this.headcount++;
    this.fte = this.fte.plus(p.current.fte);
    p.years.forEach((y, t) => {
      this.sums[t] = addOptions(this.sums[t], y);
      if (y.basicProtection.active || y.unsocialProtection?.active) this.protectedCounts[t]++;
      if (y.basis === "projected") this.projected[t] = true;
    });
  }

  /** Adds another set of totals (for the same years) into this one. */
  merge(o: Totals): void {
    this.headcount += o.headcount;
    this.fte = this.fte.plus(o.fte);
    this.sums.forEach((_, t) => {
      this.sums[t] = addOptions(this.sums[t], o.sums[t]);
      this.protectedCounts[t] += o.protectedCounts[t];
      this.projected[t] ||= o.projected[t];
    });
  }

  result(): GroupTotals {
    const years: YearTotals[] = this.years.map((year, t) => ({
      year,
      basis: this.projected[t] ? "projected" : "data",
      protectedCount: this.protectedCounts[t],
      ...this.sums[t],
    }));
    return { key: this.key, headcount: this.headcount, fte: this.fte, years, total: years.reduce<OptionCosts>((a, y) => addOptions(a, y), zeroOptions()) };
  }
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
function rollUp(pairs: Map<string, { group: string; employer: string; totals: Totals }>, by: "group" | "employer", years: readonly FinancialYear[]): GroupTotals[] {
  const out = new Map<string, Totals>();
  for (const p of pairs.values()) totalsByKey(out, p[by], years).merge(p.totals);
  return [...out.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => out.get(k)!.result());
}

/** Adds the data tables a person's costing drew on (mirrors harmoniseStaff's list). */
function noteTablesUsed(tables: Set<string>, m: StaffMember, p: PersonResult, s: ResolvedScenario): void {
  if (m.terms === "AFC" || s.target.terms === "AFC") tables.add("AFC_PAY").add("AFC_PROGRESSION").add("AFC_TERMS").add("AFC_UNSOCIAL");
  if (m.terms === "NJC" || s.target.terms === "NJC") tables.add("NJC_SPINE").add("NJC_TERMS").add("NJC_NIGHT_WORK");
  if (m.hcasArea !== "NONE" || (s.target.hcasArea && s.target.hcasArea !== "NONE")) tables.add("AFC_HCAS");
  for (const pk of [p.current, p.target]) {
    if (pk.scheme === "NHS") tables.add("NHS_EMPLOYER").add("NHS_MEMBER_TIERS");
    if (pk.scheme === "LGPS" || pk.scheme === "LGPS5050") tables.add("LGPS_BANDS");
  }
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
    for (const { year, usedFor, sourced } of perYear)
      for (const src of sourced.sources)
        out.push({ tableId: entry.id, table: entry.title, year, usedFor, provenance: sourced.provenance, publisher: src.publisher, title: src.title, url: src.url });
  }
  return out;
}

function poolReport(p: BoardPool, year: string): PoolReport {
  const st = settlePool(p.pool);
  return {
    name: p.name,
    year,
    partners: st.partners.map((a) => ({ ...a })),
    lines: st.lines.map((l, i) => ({ ...l, riskShare: p.lineRiskShareTexts[i] ?? `pool's: ${p.riskShareText}` })),
    riskPool: st.riskPool,
    underspendsElsewhere: st.underspendsElsewhere,
    total: st.total,
    settledAsWhole: st.settledAsWhole,
    riskShareText: p.riskShareText,
    fixedShares: !!p.pool.fixedShares,
  };
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
  const sc = input.scenario;
  let projectionYears = initialProjectionYears(sc);
  let s: ResolvedScenario;
  let years: FinancialYear[];
  let lines: PersonLine[];
  let costingIssues: RowIssue[];
  /** Running totals by (staff group, employer): one sum per person, rolled up afterwards. */
  let pairs: Map<string, { group: string; employer: string; totals: Totals }>;
  let tables: Set<string>;
  let continuing: number;

  // People are costed one at a time and only what the pack shows is kept (their base-year line and
  // running totals), so memory grows with the staff list by a few kilobytes a person.
  for (;;) {
    try {
      s = resolveScenario({ ...sc.harmonisation, projectionYears });
    } catch (e) {
      if (e instanceof EngineError) throw new ScenarioError([e.message]);
      throw e;
    }
    const base = s.year.start;
    years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(base + t));
    lines = [];
    costingIssues = [];
    pairs = new Map();
    tables = new Set(["EMPLOYER_NI", "APPRENTICESHIP_LEVY"]);
    continuing = 0;
    const n = input.members.length;
    const step = Math.max(1, Math.floor(n / 100));
    for (let i = 0; i < n; i++) {
      const m = input.members[i];
      let p: PersonResult | null = null;
      try {
        p = harmoniseResolved(m, s);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        costingIssues.push({ row: input.memberRows[i], column: "", message: `${m.ref} cannot be costed and is left out: ${e.message}` });
      }
      if (p) {
        lines.push(personLine(p, input.memberRows[i], sc.includeNames));
        const key = `${p.group}\u0000${p.employer}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { group: p.group, employer: p.employer, totals: new Totals(key, years) }));
        pair.totals.add(p);
        noteTablesUsed(tables, m, p, s);
        if (p.protectionContinues) continuing++;
      }
      if (input.onProgress && (i % step === 0 || i === n - 1)) input.onProgress(i + 1, n);
    }
    if (continuing === 0 || sc.projectionYearsGiven || projectionYears >= MAX_AUTO_PROJECTION_YEARS) break;
    projectionYears = Math.min(MAX_AUTO_PROJECTION_YEARS, projectionYears * 2);
  }
  s = s!;
  const all = new Totals("Total", years!);
  for (const p of pairs!.values()) all.merge(p.totals);
  const total = all.result();
  const byGroup = rollUp(pairs!, "group", years!);
  const byEmployer = rollUp(pairs!, "employer", years!);

  const projection: ProjectionYear[] = total.years.map((y) => ({
    year: y.year.label,
    basis: y.basis,
    protectedCount: y.protectedCount,
    current: y.current.total,
    target: y.target.total,
    protectionPayments: y.protected.protection,
    protected: y.protected.total,
    levelledUp: y.levelledUp.total,
  }));
  const protectionByYear = total.years.map((y) => ({ year: y.year.label, cost: y.protected.total.minus(y.target.total) }));
  const y0 = total.years[0];
  const zero = ZERO;

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

  const leftOut = input.rows.leftOut + costingIssues!.length;
  const read = input.rows.total - input.rows.leftOut;
  const protectionText = describeProtection(s.protection);
  const assumptions = [
    ...describeScenario(s),
    { label: "Staff list", value: `${input.rows.total} row${input.rows.total === 1 ? "" : "s"}; ${lines!.length} costed; ${leftOut} left out (listed on the "Rows left out" sheet)` },
    { label: "Staff names", value: sc.includeNames ? "shown on the Detail sheet (the scenario asked for them)" : "left out (board papers are often published)" },
    { label: "Protective marking", value: sc.protectiveMarking },
  ];
  if (sc.pool) {
    assumptions.push({ label: "Pooled budget", value: `${sc.pool.name}: ${sc.pool.pool.partners.join(", ")}; ${s.year.label}` });
    assumptions.push({
      label: "Pool shares",
      value: sc.pool.pool.fixedShares
        ? `fixed in the agreement: ${sc.pool.pool.partners.map((p, i) => `${p} ${percent(sc.pool!.pool.fixedShares![i] as Decimal)}`).join(", ")}`
        : "in proportion to contributions",
    });
    assumptions.push({ label: "Risk share", value: sc.pool.riskShareText });
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
      headcount: total.headcount,
      fte: total.fte,
      current: y0 ? y0.current.total : zero,
      target: y0 ? y0.target.total : zero,
      protected: y0 ? y0.protected.total : zero,
      levelledUp: y0 ? y0.levelledUp.total : zero,
      protectionByYear,
      protectionTotal: sum(protectionByYear.map((p) => p.cost)),
      rowsRead: read,
      rowsLeftOut: leftOut,
    },
    byGroup: byGroup.map(groupLine),
    byEmployer: byEmployer.map(groupLine),
    people: lines!,
    projection,
    protectionByGroup: byGroup.map((g) => ({ group: g.key, byYear: g.years.map((y) => y.protected.total.minus(y.target.total)) })),
    protectionContinuesFor: continuing!,
    pool,
    poolProblem,
    assumptions,
    methods: [...METHODS],
    sources: sourceLines(tables!, years!),
    rows: { total: input.rows.total, read, leftOut, issues: [...input.rows.issues, ...costingIssues!].sort((a, b) => a.row - b.row) },
  };
  return { report, costingIssues: costingIssues! };
}
