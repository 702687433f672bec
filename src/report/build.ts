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
  describeProtection,
  describeScenario,
  harmoniseResolved,
  METHODS,
  resolveScenario,
  totalsFor,
  type CostLine,
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

function groupBy(people: readonly PersonResult[], key: (p: PersonResult) => string, years: FinancialYear[]): GroupTotals[] {
  const groups = new Map<string, PersonResult[]>();
  for (const p of people) {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => totalsFor(k, groups.get(k)!, years));
}

/** The data tables the costing drew on (mirrors harmoniseStaff's list). */
function tablesUsed(members: readonly StaffMember[], people: readonly PersonResult[], s: ResolvedScenario): Set<string> {
  const tables = new Set<string>(["EMPLOYER_NI", "APPRENTICESHIP_LEVY"]);
  for (const m of members) {
    if (m.terms === "AFC" || s.target.terms === "AFC") tables.add("AFC_PAY").add("AFC_PROGRESSION").add("AFC_TERMS").add("AFC_UNSOCIAL");
    if (m.terms === "NJC" || s.target.terms === "NJC") tables.add("NJC_SPINE").add("NJC_TERMS").add("NJC_NIGHT_WORK");
    if (m.hcasArea !== "NONE" || (s.target.hcasArea && s.target.hcasArea !== "NONE")) tables.add("AFC_HCAS");
  }
  for (const p of people)
    for (const pk of [p.current, p.target]) {
      if (pk.scheme === "NHS") tables.add("NHS_EMPLOYER").add("NHS_MEMBER_TIERS");
      if (pk.scheme === "LGPS" || pk.scheme === "LGPS5050") tables.add("LGPS_BANDS");
    }
  return tables;
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
  let people: PersonResult[] = [];
  let costed: StaffMember[] = [];
  let rowsOf: number[] = [];
  let costingIssues: RowIssue[] = [];

  for (;;) {
    try {
      s = resolveScenario({ ...sc.harmonisation, projectionYears });
    } catch (e) {
      if (e instanceof EngineError) throw new ScenarioError([e.message]);
      throw e;
    }
    people = [];
    costed = [];
    rowsOf = [];
    costingIssues = [];
    const n = input.members.length;
    const step = Math.max(1, Math.floor(n / 100));
    for (let i = 0; i < n; i++) {
      const m = input.members[i];
      try {
        people.push(harmoniseResolved(m, s));
        costed.push(m);
        rowsOf.push(input.memberRows[i]);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        costingIssues.push({ row: input.memberRows[i], column: "", message: `${m.ref} cannot be costed and is left out: ${e.message}` });
      }
      if (input.onProgress && (i % step === 0 || i === n - 1)) input.onProgress(i + 1, n);
    }
    const continuing = people.some((p) => p.protectionContinues);
    if (!continuing || sc.projectionYearsGiven || projectionYears >= MAX_AUTO_PROJECTION_YEARS) break;
    projectionYears = Math.min(MAX_AUTO_PROJECTION_YEARS, projectionYears * 2);
  }
  s = s!;

  const years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(s.year.start + t));
  const total = totalsFor("Total", people, years);
  const byGroup = groupBy(people, (p) => p.group, years);
  const byEmployer = groupBy(people, (p) => p.employer, years);
  const lines = people.map((p, i) => personLine(p, rowsOf[i], sc.includeNames));

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

  const leftOut = input.rows.leftOut + costingIssues.length;
  const read = input.rows.total - input.rows.leftOut;
  const protectionText = describeProtection(s.protection);
  const assumptions = [
    ...describeScenario(s),
    { label: "Staff list", value: `${input.rows.total} row${input.rows.total === 1 ? "" : "s"}; ${people.length} costed; ${leftOut} left out (listed on the "Rows left out" sheet)` },
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
    subtitle: `${people.length} staff harmonised onto ${TERMS_WORDS[s.target.terms]} terms from ${s.year.label}. ${protectionText}.`,
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
      headcount: people.length,
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
    people: lines,
    projection,
    protectionByGroup: byGroup.map((g) => ({ group: g.key, byYear: g.years.map((y) => y.protected.total.minus(y.target.total)) })),
    protectionContinuesFor: people.filter((p) => p.protectionContinues).length,
    pool,
    poolProblem,
    assumptions,
    methods: [...METHODS],
    sources: sourceLines(tablesUsed(costed, people, s), years),
    rows: { total: input.rows.total, read, leftOut, issues: [...input.rows.issues, ...costingIssues].sort((a, b) => a.row - b.row) },
  };
  return { report, costingIssues };
}
