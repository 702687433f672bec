/**
 * The board pack as worksheets: the report model laid out as a WorkbookPlan (pure data), the same
 * for the Office.js and the ExcelJS renderer.
 *
 * Sheets, in order:
 *  - Board summary: the options (current, target, with protection, levelled up) with the
 *    difference from current in £ and %, a native chart of the options, headcount and FTE, the
 *    cost of protection by year, the same by staff group and by current employer, and the basis.
 *  - Detail: one row per person, every element current / target / levelled up, row totals as SUM
 *    formulas, a totals row of SUBTOTAL(109, …).
 *  - Projection: year by year until protection ends, with a chart, and protection by staff group.
 *  - Pool statement (when the scenario has a pool): partners, service lines, the check that the
 *    shares add up, and each partner's memorandum account.
 *  - Assumptions and sources: every assumption, how each figure is worked out, and the source of
 *    every rate used with its years. On its own sheet because it runs to 60+ rows and would push
 *    the summary past its page; the summary keeps a short "Basis" block that points to it.
 *  - Rows left out (when there are problems in the staff list): row, column and what to change.
 *
 * Every summary figure is a formula over the Detail or Projection sheet, so a reader can audit it
 * and a spreadsheet recalculating the file reproduces the engine's totals.
 */
import { intakeReportLines, payLeftOutWords, rowsLeftOutForProblem } from "../intake/report";
import { groupMissingRates } from "../report/missingRates";
import { D, type Decimal } from "../engine/money";
import { FteSum } from "../engine/harmonise";
import type { Pence } from "../engine/pence";
import { ELEMENTS, type AppraisalOption, type BoardReport, type ElementDef, type GroupLine, type OptionKey, type PersonLine, type PoolYearsReport } from "../report/model";
import { fitWidth, headingHeights, widthFitting, wrapText } from "./layout";
import {
  a1,
  columnLetters,
  NUMBER_FORMATS,
  quoteSheetName,
  tableColumnRange,
  type Block,
  type CellRange,
  type CellStyle,
  type ChartBlock,
  formula as planFormula,
  type Formula,
  type PlanValue,
  type PrintSetup,
  type RangeBlock,
  type SheetPlan,
  type TableBlock,
  type TableColumn,
  type WorkbookPlan,
} from "./plan";

/** The sheets' planned names. Formulas spell other sheets by these names, quoted ('Detail'!A1): a
 * renderer that has to give a sheet another name (the workbook already has a "Detail") rewrites the
 * references (src/sheets/references.ts); the .xlsx renderer writes a fresh workbook and never does. */
export const SHEET_NAMES = {
  summary: "Board summary",
  options: "Options",
  detail: "Detail",
  projection: "Projection",
  pool: "Pool statement",
  assumptions: "Assumptions and sources",
  issues: "Rows left out",
} as const;

export const SHEET_KEYS = {
  summary: "summary",
  options: "options",
  detail: "detail",
  projection: "projection",
  pool: "pool",
  assumptions: "assumptions",
  issues: "issues",
} as const;

const MONEY = NUMBER_FORMATS.money;
const PCT = NUMBER_FORMATS.percent;
const FTE_FMT = "0.00";
const STYLE = {
  title: { bold: true, fontSize: 14, fontColor: "#005EB8" } as CellStyle,
  subtitle: { italic: true, fontSize: 10, fontColor: "#425563" } as CellStyle,
  note: { fontSize: 9, fontColor: "#425563" } as CellStyle,
  heading: { bold: true, fontSize: 11, fontColor: "#003087", borderBottom: true } as CellStyle,
  label: { bold: true } as CellStyle,
  warning: { bold: true, fontColor: "#AE2573" } as CellStyle,
};

/** A formula and the value the engine computed for it (saved with it in the .xlsx). */
const f = (formula: string, result: Decimal | number | string): Formula =>
  planFormula(formula, typeof result === "object" ? result.toNumber() : result);
const n = (d: Decimal): number => d.toNumber();
/**
 * Whole pence as the number of pounds a cell holds: the double nearest the exact sum, as
 * Decimal.toNumber() gives it (a division of two whole numbers is correctly rounded).
 */
const pounds = (p: Pence): number => p / 100;

/** A formula for one row of a table, given the row: its row-free text (`#4` for column 4 of the row) worked out once. */
type RowFormula = (row: number) => string;
function rowFormula(template: string): RowFormula {
  const parts = template.split(/#(\d+)/);
  // parts alternate: text, a column's letters, text, …
  const letters = parts.map((p, k) => (k % 2 === 1 ? columnLetters(Number(p)) : p));
  return (row) => {
    let out = letters[0];
    for (let k = 1; k < letters.length; k += 2) out += `${letters[k]}${row + 1}${letters[k + 1]}`;
    return out;
  };
}
/** The people's FTEs added, the very Decimal adding them one by one gives (FteSum: in whole numbers where it can). */
function fteTotal(people: readonly PersonLine[]): Decimal {
  const sum = new FteSum();
  for (const p of people) sum.add(p.fte);
  return sum.value();
}
const total = (values: readonly Decimal[]): Decimal => values.reduce((a, v) => a.plus(v), new D(0));
/** What pctOf gives: part ÷ whole, 0 when the whole is 0. */
const ratio = (part: Decimal, whole: Decimal): Decimal => (whole.isZero() ? new D(0) : part.dividedBy(whole));

/** An absolute A1 reference: $B$5 or $B$5:$B$404. */
export function abs(row: number, col: number, rowCount = 1, colCount = 1): string {
  return a1(row, col, rowCount, colCount).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function absRange(r: CellRange): string {
  return abs(r.row, r.col, r.rowCount, r.colCount);
}

/** "Basic pay" -> "basic pay"; "HCAS / London weighting" stays as it is. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** "2026-11-29" -> "29 November 2026"; anything else as given. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

function provenanceLine(r: BoardReport): string {
  return `Care Trust Calculator ${r.version} · produced ${longDate(r.generatedOn)} · rates data ${r.dataVersion} · ${r.marking}`;
}

function print(r: BoardReport, repeatRows: { first: number; last: number } | undefined, extra: Partial<PrintSetup> = {}): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    repeatRows,
    header: { center: r.marking },
    footer: { left: r.marking, center: r.title, right: "Page {page} of {pages}" },
    ...extra,
  };
}

function titleBlocks(r: BoardReport, title: string, subtitle: string): RangeBlock[] {
  return [
    { kind: "range", row: 0, col: 0, values: [[title]], style: STYLE.title },
    { kind: "range", row: 1, col: 0, values: [[subtitle]], style: STYLE.subtitle },
    { kind: "range", row: 2, col: 0, values: [[provenanceLine(r)]], style: STYLE.note },
  ];
}

function heading(row: number, text: string): RangeBlock {
  return { kind: "range", row, col: 0, values: [[text]], style: STYLE.heading };
}

function note(row: number, text: string, style: CellStyle = STYLE.note): RangeBlock {
  return { kind: "range", row, col: 0, values: [[text]], style };
}

/** A percentage of two cells that is 0 rather than #DIV/0! when the base is 0. */
function pctOf(part: string, whole: string): string {
  return `IF(${whole}=0,0,${part}/${whole})`;
}

// ---------------------------------------------------------------------------------------------
// Detail
// ---------------------------------------------------------------------------------------------

const OPTION_WORDS: Record<Exclude<OptionKey, "protected">, string> = { current: "Current", target: "Target", levelledUp: "Levelled up" };
const DETAIL_OPTIONS = ["current", "target", "levelledUp"] as const;

/** Where each column of the Detail table is, so other sheets can point at it. */
export interface DetailLayout {
  table: TableBlock;
  headerRow: number;
  firstDataRow: number;
  /** Data rows (at least 1: an empty table holds one blank row). */
  rowCount: number;
  col: {
    ref: number;
    name: number | null;
    group: number;
    employer: number;
    fte: number;
    /** First column of each option's elements and its total column. */
    options: Record<(typeof DETAIL_OPTIONS)[number], { first: number; elements: ElementDef[]; total: number }>;
    protectionPayments: number;
    protectionOnCosts: number;
    protectedTotal: number;
  };
}

export function detailElements(r: BoardReport): ElementDef[] {
  return ELEMENTS.filter((e) => !e.timeOff || r.valuesTimeOff);
}

/** Rows of the Detail table laid out between two steps (a few tens of milliseconds' work at most). */
export const DETAIL_ROWS_PER_STEP = 200;

/** Progress while the sheets are laid out: the sheet, and for the Detail sheet the rows laid out so far. */
export interface LayoutStep {
  sheet: string;
  done: number;
  total: number;
}

/** Runs a layout generator to its end. */
function drain<T>(steps: Generator<LayoutStep, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export function detailSheet(r: BoardReport): { sheet: SheetPlan; layout: DetailLayout } {
  return drain(detailSheetSteps(r));
}

/** The Detail sheet, yielding after every `rowsPerStep` people laid out. */
export function* detailSheetSteps(r: BoardReport, rowsPerStep = DETAIL_ROWS_PER_STEP): Generator<LayoutStep, { sheet: SheetPlan; layout: DetailLayout }, void> {
  const headerRow = 4;
  const firstDataRow = headerRow + 1;
  const els = detailElements(r);
  const columns: TableColumn[] = [];
  const widths: number[] = [];
  const add = (header: string, width: number, numberFormat: string | null = null, total: TableColumn["total"] = null): number => {
    columns.push({ header, numberFormat, total });
    widths.push(width);
    return columns.length - 1;
  };
  const people = r.people;
  // Text columns as wide as their longest text (between a least and a most width), measured as the rows are laid out.
  const fitted: { col: number; min: number; max: number; longest: number }[] = [];
  const addFitted = (header: string, min: number, max: number, numberFormat: string | null = null, total: TableColumn["total"] = null): number => {
    const col = add(header, min, numberFormat, total);
    fitted.push({ col, min, max, longest: 0 });
    return col;
  };
  const ref = addFitted("Employee reference", 11, 20, NUMBER_FORMATS.text, "Total");
  const name = r.includeNames ? addFitted("Name", 12, 30, NUMBER_FORMATS.text) : null;
  const group = addFitted("Staff group", 12, 34, NUMBER_FORMATS.text);
  const employer = addFitted("Current employer", 12, 40, NUMBER_FORMATS.text);
  add("Current terms", 9);
  addFitted("Current pay point", 12, 24);
  addFitted("Target grade", 10, 24);
  addFitted("Assimilated to", 12, 24);
  const assimilation = addFitted("Assimilation", 12, 36);
  const fte = add("FTE", 7, FTE_FMT, "sum");
  const options = {} as DetailLayout["col"]["options"];
  for (const o of DETAIL_OPTIONS) {
    const first = columns.length;
    for (const e of els) add(`${OPTION_WORDS[o]}: ${lowerFirst(e.label)}`, 14, MONEY, "sum");
    const total = add(`${OPTION_WORDS[o]}: total`, 13, MONEY, "sum");
    options[o] = { first, elements: els, total };
  }
  const protectionPayments = add(`Protection payments ${r.baseYear}`, 12, MONEY, "sum");
  const protectionOnCosts = add("On-costs on protection", 12, MONEY, "sum");
  const protectedTotal = add("Target with protection: total", 13, MONEY, "sum");

  // Every row's formulas are the same but for the row number: their column letters are found once.
  const optionSum = Object.fromEntries(DETAIL_OPTIONS.map((o) => [o, rowFormula(`SUM(#${options[o].first}:#${options[o].first + els.length - 1})`)])) as Record<OptionKey, RowFormula>;
  const protectedSum = rowFormula(`#${options.target.total}+#${protectionPayments}+#${protectionOnCosts}`);
  const elementKeys = els.map((e) => e.key);
  const sumOfElements = (set: PersonLine["current"]): Pence => {
    let sum = 0;
    for (const k of elementKeys) sum += set[k];
    return sum;
  };

  // A staff list has few distinct FTEs, each one Decimal shared by the people on it: each made a number once.
  const fteNumbers = new Map<Decimal, number>();
  const fteNumber = (fte: Decimal): number => {
    let v = fteNumbers.get(fte);
    if (v === undefined) fteNumbers.set(fte, (v = n(fte)));
    return v;
  };

  const rowFor = (p: PersonLine, i: number): PlanValue[] => {
    const row = firstDataRow + i;
    // Made at its full width and filled in column order (no regrowing: 100,000 rows are held at once).
    const cells = new Array<PlanValue>(columns.length);
    let at = 0;
    const put = (v: PlanValue): void => {
      cells[at++] = v;
    };
    put(p.ref);
    if (name !== null) put(p.name ?? "");
    for (const v of [p.group, p.employer, p.terms, positionShown(p, "current"), p.targetGrade, positionShown(p, "target"), p.assimilation]) put(v);
    put(fteNumber(p.fte));
    for (const o of DETAIL_OPTIONS) {
      const set = p[o];
      for (const k of elementKeys) put(pounds(set[k]));
      put(f(optionSum[o](row), pounds(sumOfElements(set))));
    }
    put(pounds(p.protection.payments));
    put(pounds(p.protection.onCosts));
    put(f(protectedSum(row), pounds(sumOfElements(p.target) + p.protection.payments + p.protection.onCosts)));
    for (const c of fitted) c.longest = Math.max(c.longest, (cells[c.col] as string).length);
    return cells;
  };

  const rows: PlanValue[][] = [];
  for (let i = 0; i < people.length; i++) {
    rows.push(rowFor(people[i], i));
    if ((i + 1) % rowsPerStep === 0 && i + 1 < people.length) yield { sheet: SHEET_NAMES.detail, done: i + 1, total: people.length };
  }
  for (const c of fitted) widths[c.col] = widthFitting(c.longest, c.min, c.max);
  const table: TableBlock = {
    kind: "table",
    name: "Detail",
    row: headerRow,
    col: 0,
    columns,
    rows,
    showTotals: true,
    style: "TableStyleLight9",
  };
  const rowCount = Math.max(1, r.people.length);
  // A band over each option's columns, so the headings read "Current … Target … Levelled up".
  const band: PlanValue[] = columns.map(() => null);
  // Over each option's total: its element columns are collapsed until the reader opens them.
  // (The totals' headings name the option; the band names them again over the elements once opened.)
  band[options.current.first] = `Current terms, ${r.baseYear} (£ a year)`;
  band[options.target.first] = `Target terms, no protection, ${r.baseYear}`;
  band[options.levelledUp.first] = "Levelled up: the better of each element";
  band[protectionPayments] = "With protection";
  const blocks: Block[] = [
    ...titleBlocks(
      r,
      `Detail: cost per person, ${r.baseYear}`,
      `One row per person costed (${r.people.length}). ${r.includeNames ? "Names are shown because the scenario asked for them." : "Names are left out (board papers are often published)."} ` +
        "Each total is a SUM of the elements to its left; the totals row uses SUBTOTAL(109), so a filter shows the total of the rows shown.",
    ),
    { kind: "range", row: headerRow - 1, col: 0, values: [band], style: { bold: true, fontColor: "#003087" } },
    table,
  ];
  return {
    sheet: {
      key: SHEET_KEYS.detail,
      name: SHEET_NAMES.detail,
      blocks,
      columnWidths: widths,
      freeze: { rows: firstDataRow, columns: name !== null ? 2 : 1 },
      // Opened and printed with the totals a reader needs, one page wide: the element columns of each
      // option and the assimilation wording are collapsed (the + above them opens them).
      collapsedColumns: [
        { first: assimilation, last: assimilation },
        ...DETAIL_OPTIONS.map((o) => ({ first: options[o].first, last: options[o].first + els.length - 1 })),
      ],
      // The title is in the page header too, on every page.
      print: print(r, { first: headerRow - 1, last: headerRow }, {
        header: { left: `Detail: cost per person, ${r.baseYear}`, center: r.marking },
      }),
      tabColor: "#768692",
    },
    layout: {
      table,
      headerRow,
      firstDataRow,
      rowCount,
      col: { ref, name, group, employer, fte, options, protectionPayments, protectionOnCosts, protectedTotal },
    },
  };
}

/** A whole Detail column as an absolute reference on the Detail sheet. */
function detailColumn(d: DetailLayout, col: number): string {
  return `${quoteSheetName(SHEET_NAMES.detail)}!${absRange(tableColumnRange(d.table, col))}`;
}

// ---------------------------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------------------------

export interface ProjectionLayout {
  table: TableBlock;
  firstDataRow: number;
  col: { year: number; protectedCount: number; current: number; target: number; payments: number; onCosts: number; protected: number; levelledUp: number };
}

export function projectionSheet(r: BoardReport): { sheet: SheetPlan; layout: ProjectionLayout } {
  const headerRow = 5;
  const first = headerRow + 1;
  const columns: TableColumn[] = [
    { header: "Year", numberFormat: NUMBER_FORMATS.text, total: "Total" },
    { header: "Basis", numberFormat: NUMBER_FORMATS.text },
    { header: "Staff protected", numberFormat: NUMBER_FORMATS.integer },
    { header: "Current terms", numberFormat: MONEY, total: "sum" },
    { header: "Target terms, no protection", numberFormat: MONEY, total: "sum" },
    { header: "Protection payments", numberFormat: MONEY, total: "sum" },
    { header: "On-costs on protection", numberFormat: MONEY, total: "sum" },
    { header: "Target with protection", numberFormat: MONEY, total: "sum" },
    { header: "Levelled up", numberFormat: MONEY, total: "sum" },
    { header: "With protection less current", numberFormat: MONEY, total: "sum" },
    { header: "Levelled up less current", numberFormat: MONEY, total: "sum" },
  ];
  const rows = r.projection.map((y, i): PlanValue[] => {
    const row = first + i;
    return [
      y.year,
      `${y.basis === "data" ? "published rates" : "projected"}${y.supplied ? "; pay supplied by you" : ""}`,
      y.protectedCount,
      n(y.current),
      n(y.target),
      n(y.protectionPayments),
      n(y.protected.minus(y.target).minus(y.protectionPayments)),
      f(`${a1(row, 4)}+${a1(row, 5)}+${a1(row, 6)}`, y.protected),
      n(y.levelledUp),
      f(`${a1(row, 7)}-${a1(row, 3)}`, y.protected.minus(y.current)),
      f(`${a1(row, 8)}-${a1(row, 3)}`, y.levelledUp.minus(y.current)),
    ];
  });
  const table: TableBlock = { kind: "table", name: "Projection", row: headerRow, col: 0, columns, rows, showTotals: true, style: "TableStyleMedium2" };
  const count = Math.max(1, rows.length);
  const last = r.years[r.years.length - 1];
  const subtitle =
    `${r.subtitle} Year by year from ${r.baseYear} to ${last} (£ a year). ` +
    "Later years use the pay awards assumed where no published scale exists (basis \"projected\").";
  const blocks: Block[] = [...titleBlocks(r, "Projection: year by year until protection ends", subtitle)];
  blocks.push(
    note(
      3,
      r.protectionContinuesFor > 0
        ? `Protection is still paid to ${r.protectionContinuesFor} staff in ${last}, the last year shown.`
        : `Protection has ended for everyone by ${last}.`,
      r.protectionContinuesFor > 0 ? STYLE.warning : STYLE.note,
    ),
  );
  blocks.push(table);

  // A chart of the options by year.
  const chartRow = headerRow + count + 3;
  const chart: ChartBlock = {
    kind: "chart",
    type: "columnClustered",
    title: "Cost by year: current, with protection and levelled up",
    categories: { row: first, col: 0, rowCount: count, colCount: 1 },
    series: [
      { name: "Current terms", values: { row: first, col: 3, rowCount: count, colCount: 1 } },
      { name: "Target with protection", values: { row: first, col: 7, rowCount: count, colCount: 1 } },
      { name: "Levelled up", values: { row: first, col: 8, rowCount: count, colCount: 1 } },
    ],
    anchor: { row: chartRow, col: 0, colSpan: 7, rowSpan: 18 },
    axisNumberFormat: NUMBER_FORMATS.moneyWhole,
    axisMin: 0,
  };
  blocks.push(chart);

  // Protection by staff group and year.
  const gHead = chartRow + 20;
  blocks.push(heading(gHead - 1, "Cost of protection by staff group (payments and on-costs, £)"));
  const gCols: TableColumn[] = [
    { header: "Staff group", numberFormat: NUMBER_FORMATS.text, total: "Total" },
    ...r.years.map((y) => ({ header: y, numberFormat: MONEY, total: "sum" as const })),
    { header: "All years", numberFormat: MONEY, total: "sum" },
  ];
  const gRows = r.protectionByGroup.map((g, i): PlanValue[] => [
    g.group,
    ...g.byYear.map(n),
    f(`SUM(${a1(gHead + 1 + i, 1, 1, r.years.length)})`, total(g.byYear)),
  ]);
  blocks.push({ kind: "table", name: "ProtectionByGroup", row: gHead, col: 0, columns: gCols, rows: gRows, showTotals: true, style: "TableStyleLight9" });

  const widths = [14, 16, 14, 16, 16, 16, 16, 16, 16, 16, 16];
  for (let i = widths.length; i < r.years.length + 2; i++) widths.push(16);
  widths[0] = Math.max(14, ...r.protectionByGroup.map((g) => Math.min(30, g.group.length + 2)));
  return {
    sheet: {
      key: SHEET_KEYS.projection,
      name: SHEET_NAMES.projection,
      blocks,
      columnWidths: widths,
      freeze: { rows: first, columns: 1 },
      print: print(r, { first: 0, last: 2 }),
      tabColor: "#00A499",
    },
    layout: { table, firstDataRow: first, col: { year: 0, protectedCount: 2, current: 3, target: 4, payments: 5, onCosts: 6, protected: 7, levelledUp: 8 } },
  };
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

export interface SummaryLayout {
  options: TableBlock;
  byGroup: TableBlock;
  byEmployer: TableBlock;
  protection: TableBlock;
  facts: { headcount: CellRange; fte: CellRange };
  /** The options appraisal side by side, when the scenario has options. */
  appraisal: TableBlock | null;
}

function groupTable(
  name: string,
  row: number,
  label: string,
  lines: readonly GroupLine[],
  keyCol: number,
  d: DetailLayout,
  money: string = MONEY,
): TableBlock {
  const key = detailColumn(d, keyCol);
  const columns: TableColumn[] = [
    { header: label, numberFormat: NUMBER_FORMATS.text, total: "Total" },
    { header: "Headcount", numberFormat: NUMBER_FORMATS.integer, total: "sum" },
    { header: "FTE", numberFormat: FTE_FMT, total: "sum" },
    { header: "Current terms", numberFormat: money, total: "sum" },
    { header: "Target, no protection", numberFormat: money, total: "sum" },
    { header: "Target with protection", numberFormat: money, total: "sum" },
    { header: "Levelled up", numberFormat: money, total: "sum" },
    { header: "With protection: change", numberFormat: money, total: "sum" },
    { header: "With protection: change %", numberFormat: PCT },
    { header: "Levelled up: change", numberFormat: money, total: "sum" },
    { header: "Levelled up: change %", numberFormat: PCT },
  ];
  const totalsRow = row + 1 + Math.max(1, lines.length);
  const all = (pick: (g: GroupLine) => Decimal) => total(lines.map(pick));
  columns[8].total = f(pctOf(a1(totalsRow, 7), a1(totalsRow, 3)), ratio(all((g) => g.protected.minus(g.current)), all((g) => g.current)));
  columns[10].total = f(pctOf(a1(totalsRow, 9), a1(totalsRow, 3)), ratio(all((g) => g.levelledUp.minus(g.current)), all((g) => g.current)));
  const o = d.col.options;
  const rows = lines.map((g, i): PlanValue[] => {
    const r = row + 1 + i;
    const me = `$A${r + 1}`;
    return [
      g.key,
      f(`SUMPRODUCT(--EXACT(${key},${me}))`, g.headcount),
      f(`SUMPRODUCT(--EXACT(${key},${me}),${detailColumn(d, d.col.fte)})`, g.fte),
      f(`SUMPRODUCT(--EXACT(${key},${me}),${detailColumn(d, o.current.total)})`, g.current),
      f(`SUMPRODUCT(--EXACT(${key},${me}),${detailColumn(d, o.target.total)})`, g.target),
      f(`SUMPRODUCT(--EXACT(${key},${me}),${detailColumn(d, d.col.protectedTotal)})`, g.protected),
      f(`SUMPRODUCT(--EXACT(${key},${me}),${detailColumn(d, o.levelledUp.total)})`, g.levelledUp),
      f(`${a1(r, 5)}-${a1(r, 3)}`, g.protected.minus(g.current)),
      f(pctOf(a1(r, 7), a1(r, 3)), ratio(g.protected.minus(g.current), g.current)),
      f(`${a1(r, 6)}-${a1(r, 3)}`, g.levelledUp.minus(g.current)),
      f(pctOf(a1(r, 9), a1(r, 3)), ratio(g.levelledUp.minus(g.current), g.current)),
    ];
  });
  return { kind: "table", name, row, col: 0, columns, rows, showTotals: true, style: "TableStyleLight9" };
}

/** The money format of the board's sheets: whole pounds or £000, negatives in brackets (the Detail sheet keeps pence). */
export function boardMoney(r: BoardReport): string {
  return r.figuresIn === "THOUSANDS" ? NUMBER_FORMATS.moneyThousands : NUMBER_FORMATS.moneyBoard;
}

/** "(£ a year)" or "(£000 a year)": the unit a board table's heading states. */
function unit(r: BoardReport, what = ""): string {
  return `${r.figuresIn === "THOUSANDS" ? "£000" : "£"}${what ? ` ${what}` : ""}`;
}

/** 1234567.891 -> "1,234,568"; negatives in brackets, as the board's sheets show them. */
export function wholePounds(d: Decimal, figuresIn: BoardReport["figuresIn"] = "POUNDS"): string {
  const thousands = figuresIn === "THOUSANDS";
  const v = d.abs().dividedBy(thousands ? 1000 : 1).toDecimalPlaces(0, D.ROUND_HALF_UP).toFixed(0);
  const grouped = v.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = thousands ? `£${grouped}k` : `£${grouped}`;
  return d.isNegative() && !d.isZero() ? `(${text})` : text;
}

/** The width, in characters, a paragraph line may take on the summary before it reaches the page edge. */
const SUMMARY_LINE = 170;

/** A paragraph, one line a row; returns the row after it. */
function paragraph(blocks: Block[], row: number, text: string, style: CellStyle = {}, indent = "   "): number {
  const lines = wrapText(text, SUMMARY_LINE, indent);
  blocks.push({ kind: "range", row, col: 0, values: lines.map((l) => [l]), style });
  return row + lines.length;
}

/** Terms a board member may not know, explained in a line each. */
export function glossary(r: BoardReport): [string, string][] {
  const rate = r.appraisal ? `${r.appraisal.discountRate.times(100).toString()}%` : "3.5%";
  const out: [string, string][] = [
    ["Current terms", "What staff cost on the terms they transferred on, which TUPE protects: no change."],
    ["Target terms", "The terms staff are moved onto. Each person goes to the lowest point of their new grade that is not below their current pay."],
    ["Protection", "Payments that stop a person's pay falling when their new pay is lower, for a time (cash protection for a set number of years; mark-time until the new pay catches up). They end: a one-off cost."],
    ["Levelled up", "Every element of pay and terms at the better of the two sides for each person (the higher pay, the more leave, the shorter week): the most harmonising could cost, for good."],
    ["Change from current / baseline", "The option's cost less the cost of current terms (or of the baseline option): more cost is shown plain, less cost in brackets."],
    ["On-costs", "What the employer pays on top of pay: employer National Insurance, employer pension contributions and the Apprenticeship Levy."],
  ];
  if (r.appraisal)
    out.push(
      ["Recurring / one-off", "Recurring: the cost of an option's terms, which carries on after the period. One-off: protection payments and their on-costs, which end."],
      ["Net present cost", `All the years' costs added up after discounting later years at ${rate} a year (HM Treasury Green Book), so options whose costs fall at different times compare fairly.`],
    );
  out.push(["Derived / projected", "Derived: a rate worked out from a published table and a published award, not read from the publication. Projected: a later year resting on the pay awards assumed."]);
  return out;
}

export function summarySheet(r: BoardReport, d: DetailLayout, p: ProjectionLayout, opt: OptionsLayout | null): { sheet: SheetPlan; layout: SummaryLayout } {
  const blocks: Block[] = [];
  const org = r.organisation ? `${r.organisation}. ` : "";
  blocks.push(...titleBlocks(r, r.title, `${org}${r.subtitle}`));
  const BOARD = boardMoney(r);
  const a = r.appraisal;

  // The decision.
  blocks.push(heading(4, "The decision"));
  let row = paragraph(blocks, 5, r.boardAskedTo, { fontSize: 11 }, "");
  if (a && a.recommended !== null) {
    const rec = a.options[a.recommended];
    row = paragraph(blocks, row, `Recommended: ${rec.name}. ${rec.description}.`, { bold: true, fontColor: "#003087" }, "");
  }
  row += 1;

  // The options appraisal, side by side, and a chart of the differences from the baseline.
  let appraisalTable: TableBlock | null = null;
  if (a && opt) {
    const last = a.years[a.years.length - 1];
    blocks.push(heading(row, `The options over ${a.years.length} years, ${a.years[0]} to ${last} (${unit(r, "cash")}; net present cost at ${a.discountRate.times(100).toString()}% a year)`));
    const head = row + 1;
    const base = a.options[a.baseline];
    const ref = (rr: number, cc: number) => `${quoteSheetName(SHEET_NAMES.options)}!${abs(rr, cc)}`;
    const changeCol = 3;
    appraisalTable = {
      kind: "table",
      name: "AppraisalSummary",
      row: head,
      col: 0,
      columns: [
        { header: "Option", numberFormat: NUMBER_FORMATS.text },
        { header: `Total over ${a.years.length} years`, numberFormat: BOARD },
        { header: "Net present cost", numberFormat: BOARD },
        { header: `Net present cost: change from baseline`, numberFormat: BOARD },
        { header: "One-off: protection over the period", numberFormat: BOARD },
        { header: `Recurring cost in ${last}`, numberFormat: BOARD },
        { header: `Recurring in ${last}: change from baseline`, numberFormat: BOARD },
        { header: "Protection", numberFormat: NUMBER_FORMATS.text },
      ],
      rows: a.options.map((o, i): PlanValue[] => {
        const rr = opt.rowsOf[i];
        const here = head + 1 + i;
        const baseRow = head + 1 + a.baseline;
        const role = o.baseline ? " (baseline)" : o.recommended ? " (recommended)" : "";
        const lastRec = o.years[o.years.length - 1].recurring;
        const baseLastRec = base.years[base.years.length - 1].recurring;
        return [
          `${o.name}${role}`,
          f(ref(rr.total, opt.totalCol), o.total),
          f(ref(rr.total, opt.npcCol), o.presentCost),
          f(`${a1(here, 2)}-${abs(baseRow, 2)}`, o.presentCost.minus(base.presentCost)),
          f(ref(rr.oneOff, opt.totalCol), o.oneOffTotal),
          f(ref(rr.recurring, opt.firstYearCol + a.years.length - 1), lastRec),
          f(`${a1(here, 5)}-${abs(baseRow, 5)}`, lastRec.minus(baseLastRec)),
          protectionWords(o, last),
        ];
      }),
      showTotals: false,
      style: "TableStyleMedium2",
    };
    blocks.push(appraisalTable);
    row = head + 1 + a.options.length + 1;
    row = paragraph(blocks, row, `Baseline: ${base.name}. Every option is costed for the same ${a.headcount} staff with the same pay awards; "Terms used" below explains the terms, and the Options sheet has every year.`, STYLE.note);
    row += 1;
    blocks.push({
      kind: "chart",
      type: "barClustered",
      title: `Net present cost over ${a.years.length} years: change from the baseline (${unit(r)})`,
      categories: { row: head + 1, col: 0, rowCount: a.options.length, colCount: 1 },
      series: [{ name: "Change from baseline", values: { row: head + 1, col: changeCol, rowCount: a.options.length, colCount: 1 } }],
      anchor: { row, col: 0, colSpan: 6, rowSpan: 12 },
      axisNumberFormat: BOARD,
      dataLabels: true,
      legend: false,
      colors: ["#005EB8"],
    });
    row += 13;
  }

  // The scenario shown on the Detail sheet, in its base year.
  const shown = a?.options.find((o) => o.shownInDetail);
  blocks.push(
    heading(
      row,
      a
        ? `The Detail sheet's scenario${shown ? ` ("${shown.name}")` : ""} in ${r.baseYear}: current, target, protected and levelled up (${unit(r, "a year")})`
        : `The options compared: cost in ${r.baseYear} (${unit(r, "a year")}, pay and employer on-costs)`,
    ),
  );
  const oHead = row + 1;
  const o = d.col.options;
  const h = r.headline;
  const optionRows: [string, number, Decimal][] = [
    ["Current terms (no change)", o.current.total, h.current],
    ["Target terms, no protection", o.target.total, h.target],
    ["Target terms with protection", d.col.protectedTotal, h.protected],
    ["Levelled up (best of both)", o.levelledUp.total, h.levelledUp],
  ];
  const cur = abs(oHead + 1, 1);
  const options: TableBlock = {
    kind: "table",
    name: "Options",
    row: oHead,
    col: 0,
    columns: [
      { header: "Option", numberFormat: NUMBER_FORMATS.text },
      { header: `Cost ${r.baseYear}`, numberFormat: BOARD },
      { header: "Change from current", numberFormat: BOARD },
      { header: "Change from current (%)", numberFormat: PCT },
    ],
    rows: optionRows.map(([label, col, cost], i) => {
      const rr = oHead + 1 + i;
      return [label, f(`SUM(${detailColumn(d, col)})`, cost), f(`${a1(rr, 1)}-${cur}`, cost.minus(h.current)), f(pctOf(a1(rr, 2), cur), ratio(cost.minus(h.current), h.current))];
    }),
    showTotals: false,
    style: "TableStyleMedium2",
  };
  blocks.push(options);

  // Key facts.
  const factsRow = oHead + 6;
  const headcount = { row: factsRow, col: 1, rowCount: 1, colCount: 1 };
  const fte = { row: factsRow + 1, col: 1, rowCount: 1, colCount: 1 };
  const projTotals = p.table.row + 1 + Math.max(1, p.table.rows.length);
  // The key facts: labels, then each figure with its own format.
  blocks.push({ kind: "range", row: factsRow, col: 1, values: [[f(`COUNTA(${detailColumn(d, d.col.ref)})`, r.people.length)]], style: { numberFormat: NUMBER_FORMATS.integer, bold: true } });
  blocks.push({ kind: "range", row: factsRow + 1, col: 1, values: [[f(`SUM(${detailColumn(d, d.col.fte)})`, fteTotal(r.people))]], style: { numberFormat: FTE_FMT, bold: true } });
  blocks.push({
    kind: "range",
    row: factsRow + 2,
    col: 1,
    values: [
      [
        f(
          `${quoteSheetName(SHEET_NAMES.projection)}!${abs(projTotals, p.col.payments)}+${quoteSheetName(SHEET_NAMES.projection)}!${abs(projTotals, p.col.onCosts)}`,
          total(r.projection.map((y) => y.protected.minus(y.target))),
        ),
      ],
    ],
    style: { numberFormat: BOARD, bold: true },
  });
  // People, not sheet rows (the intake counts a person with several rows once, and blank, note and total rows not at all).
  const leftOut = r.rows.peopleLeftOut;
  blocks.push({ kind: "range", row: factsRow + 3, col: 1, values: [[leftOut]], style: { numberFormat: NUMBER_FORMATS.integer, bold: true, ...(leftOut > 0 ? { fontColor: "#AE2573" } : {}) } });
  blocks.push({ kind: "range", row: factsRow, col: 0, values: [["Staff costed (headcount)"], ["Full-time equivalent"], [`Cost of protection, ${r.years[0]} to ${r.years[r.years.length - 1]}`], [`People left out (${r.rows.leftOut} staff-list row${r.rows.leftOut === 1 ? "" : "s"}${leftOutPay(r) ? `; ${leftOutPay(r)}` : ""}; see "Rows left out")`]], style: STYLE.label });

  // Without an appraisal, the chart shows the options' differences from current terms, to the right.
  if (!a)
    blocks.push({
      kind: "chart",
      type: "barClustered",
      title: `Change from current terms, ${r.baseYear} (${unit(r, "a year")})`,
      categories: { row: oHead + 1, col: 0, rowCount: 4, colCount: 1 },
      series: [{ name: "Change from current", values: { row: oHead + 1, col: 2, rowCount: 4, colCount: 1 } }],
      anchor: { row: oHead - 1, col: 5, colSpan: 6, rowSpan: 12 },
      axisNumberFormat: BOARD,
      dataLabels: true,
      legend: false,
      colors: ["#005EB8"],
    });

  // Protection by year, from the Projection sheet.
  const pHead = factsRow + 7;
  blocks.push(heading(pHead - 1, `Cost of protection by year (${unit(r)})`));
  const proj = (rr: number, col: number) => `${quoteSheetName(SHEET_NAMES.projection)}!${abs(rr, col)}`;
  const protection: TableBlock = {
    kind: "table",
    name: "ProtectionByYear",
    row: pHead,
    col: 0,
    columns: [
      { header: "Year", numberFormat: NUMBER_FORMATS.text, total: "Total" },
      { header: "Staff protected", numberFormat: NUMBER_FORMATS.integer },
      { header: "Protection payments", numberFormat: BOARD, total: "sum" },
      { header: "Cost with on-costs", numberFormat: BOARD, total: "sum" },
    ],
    rows: r.projection.map((y, i) => {
      const pr = p.firstDataRow + i;
      return [
        f(proj(pr, p.col.year), y.year),
        f(proj(pr, p.col.protectedCount), y.protectedCount),
        f(proj(pr, p.col.payments), y.protectionPayments),
        f(`${proj(pr, p.col.payments)}+${proj(pr, p.col.onCosts)}`, y.protected.minus(y.target)),
      ];
    }),
    showTotals: true,
    style: "TableStyleLight9",
  };
  blocks.push(protection);

  // How firm the figures are.
  // After the protection table, so no table is split by the first page's edge (paragraphs may run on).
  let cRow = pHead + Math.max(1, r.projection.length) + 3;
  blocks.push(heading(cRow, "How firm the figures are"));
  cRow += 1;
  if (r.confidence.length === 0) cRow = paragraph(blocks, cRow, "Every rate is read from its publication; nothing rests on a derived, pending or user-supplied figure.");
  for (const c of r.confidence) cRow = paragraph(blocks, cRow, `• ${c.people} staff, ${wholePounds(c.amount, r.figuresIn)}: ${c.text}`);


  // By staff group and by employer.
  const gHead = cRow + 3;
  blocks.push(heading(gHead - 1, `By staff group, ${r.baseYear} (${unit(r, "a year")})`));
  const byGroup = groupTable("ByStaffGroup", gHead, "Staff group", r.byGroup, d.col.group, d, BOARD);
  blocks.push(byGroup);
  const eHead = gHead + Math.max(1, r.byGroup.length) + 4;
  blocks.push(heading(eHead - 1, `By current employer, ${r.baseYear} (${unit(r, "a year")})`));
  const byEmployer = groupTable("ByEmployer", eHead, "Current employer", r.byEmployer, d.col.employer, d, BOARD);
  blocks.push(byEmployer);

  // The basis, in short.
  let bRow = eHead + Math.max(1, r.byEmployer.length) + 4;
  blocks.push(heading(bRow - 1, "Basis of the figures"));
  const pick = (label: string) => r.assumptions.find((x) => x.label === label)?.value;
  const basis: [string, string][] = [
    ["Harmonisation year", r.baseYear],
    ["Target terms", pick("Target terms") ?? r.targetTerms],
    ["Pay protection", pick("Pay protection") ?? ""],
    ["Pay awards assumed", pick("Pay awards assumed") ?? ""],
    ["Pension", `${pick("Pension") ?? ""}; LGPS employer rate ${pick("LGPS employer rate") ?? "not given"}; NHS ${pick("NHS Pension employer rate") ?? ""}`],
    ["Leave and hours", pick("Leave and hours valued at") ?? ""],
    ["Staff list", pick("Staff list") ?? ""],
    ["Figures", `${r.figuresIn === "THOUSANDS" ? "in £000" : "in whole pounds"} on this sheet, negatives in brackets; the Detail sheet has every figure to the penny.`],
    ["More", 'Every assumption, method and the source of every rate: sheet "Assumptions and sources".'],
  ];
  blocks.push({ kind: "range", row: bRow, col: 0, values: basis.map(([x]) => [x]), style: STYLE.label });
  blocks.push({ kind: "range", row: bRow, col: 1, values: basis.map(([, b]) => [b]) });
  bRow += basis.length;
  if (r.poolProblem) {
    blocks.push(note(bRow + 1, `The pooled budget statement is not included: ${r.poolProblem}`, STYLE.warning));
    bRow += 2;
  }

  // Terms used.
  let gRow = bRow + 2;
  blocks.push(heading(gRow - 1, "Terms used"));
  for (const [term, meaning] of glossary(r)) {
    const lines = wrapText(meaning, SUMMARY_LINE - 36, "");
    blocks.push({ kind: "range", row: gRow, col: 0, values: [[term]], style: STYLE.label });
    blocks.push({ kind: "range", row: gRow, col: 1, values: lines.map((l) => [l]) });
    gRow += lines.length;
  }

  return {
    sheet: {
      key: SHEET_KEYS.summary,
      name: SHEET_NAMES.summary,
      blocks,
      columnWidths: [a ? 58 : 34, 15, 15, 15, 15, 15, 15, a ? 30 : 15, 12, 15, 12],
      freeze: { rows: 3, columns: 0 },
      print: print(r, { first: 0, last: 2 }),
      tabColor: "#005EB8",
    },
    layout: { options, byGroup, byEmployer, protection, facts: { headcount, fte }, appraisal: appraisalTable },
  };
}

/** When an option's protection ends, in words. */
function protectionWords(o: AppraisalOption, last: string): string {
  if (o.approach !== "HARMONISE") return "none needed";
  if (o.protectedInFinalYear > 0) return `still paid to ${o.protectedInFinalYear} staff in ${last}`;
  return o.lastProtectionYear ? `ends after ${o.lastProtectionYear}` : "none paid";
}

// ---------------------------------------------------------------------------------------------
// Options appraisal
// ---------------------------------------------------------------------------------------------

/** Where the Options sheet's figures are, so the summary can point at them. */
export interface OptionsLayout {
  rate: CellRange;
  deflator: CellRange;
  /** The row of discount factors (one cell per year, from firstYearCol). */
  factorRow: number;
  firstYearCol: number;
  totalCol: number;
  npcCol: number;
  byYear: TableBlock;
  /** The rows of each option's recurring, one-off and total lines in byYear. */
  rowsOf: { recurring: number; oneOff: number; total: number }[];
  change: TableBlock | null;
  forGood: TableBlock;
}

export function optionsSheet(r: BoardReport): { sheet: SheetPlan; layout: OptionsLayout } | null {
  const a = r.appraisal;
  if (!a) return null;
  const BOARD = boardMoney(r);
  const n = a.years.length;
  const last = a.years[n - 1];
  const base = a.options[a.baseline];
  const blocks: Block[] = [
    ...titleBlocks(
      r,
      `Options appraisal: ${a.options.length} options over ${n} years, ${a.years[0]} to ${last}`,
      `The same ${a.headcount} staff and the same pay awards in every option. Baseline: ${base.name}.${a.recommended !== null ? ` Recommended: ${a.options[a.recommended].name}.` : ""}`,
    ),
  ];

  // Settings: the discount rate and deflator are cells every factor below reads, so a reader can try another rate.
  blocks.push(heading(4, "Settings (change the discount rate here and every figure below follows)"));
  const rate: CellRange = { row: 5, col: 1, rowCount: 1, colCount: 1 };
  const deflator: CellRange = { row: 6, col: 1, rowCount: 1, colCount: 1 };
  blocks.push({ kind: "range", row: 5, col: 0, values: [["Discount rate a year (HM Treasury Green Book: 3.5% real)"], ["GDP deflator a year (0: cash figures discounted as they are)"]], style: STYLE.label });
  blocks.push({ kind: "range", row: 5, col: 1, values: [[n2(a.discountRate)], [a.gdpDeflator ? n2(a.gdpDeflator) : 0]], style: { numberFormat: "0.00%", fill: "#FFF2CC" } });

  // Cost by year.
  const head = 10;
  const firstYearCol = 2;
  const totalCol = firstYearCol + n;
  const npcCol = totalCol + 1;
  blocks.push(heading(head - 2, `Cost of each option by year (${unit(r, "cash")}: pay and employer on-costs, with the pay awards assumed)`));
  const factorRow = head - 1;
  const factorCells: PlanValue[] = a.years.map((_, t) => f(`1/((1+${abs(rate.row, rate.col)})*(1+${abs(deflator.row, deflator.col)}))^${t}`, a.options[0].years[t].discountFactor));
  blocks.push({ kind: "range", row: factorRow, col: 0, values: [["Discount factor: 1 / ((1 + rate) × (1 + deflator))^t", `t = 0 for ${a.years[0]}`]], style: { italic: true } });
  blocks.push({ kind: "range", row: factorRow, col: firstYearCol, values: [factorCells], style: { italic: true, numberFormat: NUMBER_FORMATS.factor } });
  const factorRange = abs(factorRow, firstYearCol, 1, n);
  const rows: PlanValue[][] = [];
  const rowsOf: OptionsLayout["rowsOf"] = [];
  a.options.forEach((o, i) => {
    const rec = head + 1 + i * 3;
    const one = rec + 1;
    const tot = rec + 2;
    rowsOf.push({ recurring: rec, oneOff: one, total: tot });
    const role = o.baseline ? " (baseline)" : o.recommended ? " (recommended)" : "";
    rows.push([`${o.name}${role}`, "Recurring: the option's terms", ...o.years.map((y) => n2(y.recurring)), f(`SUM(${a1(rec, firstYearCol, 1, n)})`, o.recurringTotal), null]);
    rows.push([null, "One-off: protection and its on-costs", ...o.years.map((y) => n2(y.oneOff)), f(`SUM(${a1(one, firstYearCol, 1, n)})`, o.oneOffTotal), null]);
    rows.push([
      null,
      "Total",
      ...o.years.map((y, t) => f(`${a1(rec, firstYearCol + t)}+${a1(one, firstYearCol + t)}`, y.total)),
      f(`SUM(${a1(tot, firstYearCol, 1, n)})`, o.total),
      f(`ROUND(SUMPRODUCT(${a1(tot, firstYearCol, 1, n)},${factorRange}),2)`, o.presentCost),
    ]);
  });
  const byYear: TableBlock = {
    kind: "table",
    name: "AppraisalByYear",
    row: head,
    col: 0,
    columns: [
      { header: "Option", numberFormat: NUMBER_FORMATS.text },
      { header: "Cost", numberFormat: NUMBER_FORMATS.text },
      ...a.years.map((y) => ({ header: y, numberFormat: BOARD })),
      { header: `Total over ${n} years`, numberFormat: BOARD },
      { header: "Net present cost", numberFormat: BOARD },
    ],
    rows,
    showTotals: false,
    style: "TableStyleLight9",
  };
  blocks.push(byYear);
  let row = head + 1 + rows.length + 2;

  // Change from the baseline.
  let change: TableBlock | null = null;
  const others = a.options.map((o, i) => ({ o, i })).filter(({ o }) => !o.baseline);
  if (others.length > 0) {
    blocks.push(heading(row - 1, `Change from the baseline, ${base.name} (${unit(r)}; in brackets: costs less than the baseline)`));
    const b = rowsOf[a.baseline].total;
    change = {
      kind: "table",
      name: "AppraisalChange",
      row,
      col: 0,
      columns: byYear.columns.map((c, k) => ({ ...c, header: k === 1 ? "Change in" : c.header })),
      rows: others.map(({ o, i }): PlanValue[] => {
        const t = rowsOf[i].total;
        return [
          o.name,
          "Total cost",
          ...o.years.map((y, k) => f(`${a1(t, firstYearCol + k)}-${a1(b, firstYearCol + k)}`, y.total.minus(base.years[k].total))),
          f(`${a1(t, totalCol)}-${a1(b, totalCol)}`, o.total.minus(base.total)),
          f(`${a1(t, npcCol)}-${a1(b, npcCol)}`, o.presentCost.minus(base.presentCost)),
        ];
      }),
      showTotals: false,
      style: "TableStyleLight9",
    };
    blocks.push(change);
    row += 1 + others.length + 3;
  }

  // What each option costs for good, once protection has ended.
  blocks.push(heading(row - 1, `Once protection has ended: what each option costs for good (${unit(r)})`));
  const fg = row;
  const forGood: TableBlock = {
    kind: "table",
    name: "AppraisalForGood",
    row: fg,
    col: 0,
    columns: [
      { header: "Option", numberFormat: NUMBER_FORMATS.text },
      { header: "Protection", numberFormat: NUMBER_FORMATS.text },
      { header: "One-off: protection over the period", numberFormat: BOARD },
      { header: `Recurring cost in ${last}`, numberFormat: BOARD },
      { header: `Recurring in ${last}: change from baseline`, numberFormat: BOARD },
    ],
    rows: a.options.map((o, i): PlanValue[] => {
      const lastRec = o.years[n - 1].recurring;
      return [
        o.name,
        protectionWords(o, last),
        f(a1(rowsOf[i].oneOff, totalCol), o.oneOffTotal),
        f(a1(rowsOf[i].recurring, totalCol - 1), lastRec),
        f(`${a1(rowsOf[i].recurring, totalCol - 1)}-${a1(rowsOf[a.baseline].recurring, totalCol - 1)}`, lastRec.minus(base.years[n - 1].recurring)),
      ];
    }),
    showTotals: false,
    style: "TableStyleLight9",
  };
  blocks.push(forGood);
  row = fg + 1 + a.options.length + 2;

  // What each option is, and how the figures are worked out.
  blocks.push(heading(row - 1, "The options"));
  for (const o of a.options) {
    const changes = o.changes.length > 0 ? ` Differs from the scenario's settings in: ${o.changes.join(", ")}.` : "";
    row = paragraphAt(blocks, row, `${o.name}: ${o.description}.${changes}${o.shownInDetail ? " The Detail and Projection sheets show this option." : ""}`);
  }
  row += 2;
  blocks.push(heading(row - 1, "How the figures are worked out"));
  for (const m of a.method) row = paragraphAt(blocks, row, m);

  const widths = [58, 34, ...a.years.map(() => 14), 16, 16];
  return {
    sheet: {
      key: SHEET_KEYS.options,
      name: SHEET_NAMES.options,
      blocks,
      columnWidths: widths,
      freeze: { rows: 3, columns: 0 },
      print: print(r, { first: 0, last: 2 }),
      tabColor: "#41B6E6",
    },
    layout: { rate, deflator, factorRow, firstYearCol, totalCol, npcCol, byYear, rowsOf, change, forGood },
  };
}

/** A paragraph on a sheet whose printable width is about SUMMARY_LINE characters. */
function paragraphAt(blocks: Block[], row: number, text: string): number {
  return paragraph(blocks, row, text, {}, "   ");
}

const n2 = (d: Decimal): number => d.toNumber();

// ---------------------------------------------------------------------------------------------
// Pool statement
// ---------------------------------------------------------------------------------------------

export interface PoolLayout {
  partners: TableBlock;
  lines: TableBlock;
  /** The cell holding partners + risk pool + underspends elsewhere − variance (0 when the shares add up). */
  check: CellRange;
  /** The aligned budgets' table, when the pool has aligned lines. */
  aligned: TableBlock | null;
}

export function poolSheet(r: BoardReport): { sheet: SheetPlan; layout: PoolLayout } | null {
  const pool = r.pool;
  if (!pool) return null;
  const blocks: Block[] = [
    ...titleBlocks(
      r,
      `Pooled budget statement: ${pool.name}, ${pool.year}`,
      `Risk share: ${pool.riskShareText}${pool.lines.some((l) => !l.riskShare.startsWith("pool's")) ? " (lines with a rule of their own show it below)" : ""}. Shares ${pool.fixedShares ? "fixed in the agreement" : "in proportion to contributions"}. ` +
        "Variance = expenditure less contributions: an overspend is positive, an underspend negative; what a partner bears has the same sign.",
    ),
  ];
  // Partners.
  const pHead = 5;
  blocks.push(heading(pHead - 1, "Partners: contributions, shares and what each bears (£)"));
  const partnerRows = pool.partners.map((a, i): PlanValue[] => {
    const row = pHead + 1 + i;
    return [
      a.partner,
      n(a.base),
      n(a.changes),
      f(`${a1(row, 1)}+${a1(row, 2)}`, a.base.plus(a.changes)),
      n(a.share),
      f(`${a1(row, 3)}+${a1(row, 6)}`, a.base.plus(a.changes).plus(a.varianceBorne)),
      n(a.varianceBorne),
      f(`${a1(row, 3)}-${a1(row, 5)}`, a.varianceBorne.negated()),
      n(a.overspendsMet),
      n(a.underspends),
      a.shareOfOverspends === null ? null : n(a.shareOfOverspends),
    ];
  });
  const partners: TableBlock = {
    kind: "table",
    name: "PoolPartners",
    row: pHead,
    col: 0,
    columns: [
      { header: "Partner", numberFormat: NUMBER_FORMATS.text, total: "Total" },
      { header: "Base contribution", numberFormat: MONEY, total: "sum" },
      { header: "In-year changes", numberFormat: MONEY, total: "sum" },
      { header: "Contribution", numberFormat: MONEY, total: "sum" },
      { header: "Share of pool", numberFormat: "0.00%", total: "sum" },
      { header: "Share of expenditure", numberFormat: MONEY, total: "sum" },
      { header: "Over (under) spend borne", numberFormat: MONEY, total: "sum" },
      { header: "Due to (from) partner", numberFormat: MONEY, total: "sum" },
      { header: "Overspends met (gross)", numberFormat: MONEY, total: "sum" },
      { header: "Underspends (gross)", numberFormat: MONEY, total: "sum" },
      { header: "Share of overspends met", numberFormat: "0.00%", total: "sum" },
    ],
    rows: partnerRows,
    showTotals: true,
    style: "TableStyleMedium2",
  };
  blocks.push(partners);
  const np = pool.partners.length;

  // Aligned budgets, apart: each partner bears its own (never shared, never met from the pool's underspends).
  let alignedTable: TableBlock | null = null;
  const aHead = pHead + np + 5;
  if (pool.aligned) {
    blocks.push(heading(aHead - 1, "Aligned budgets beside the pool: each partner bears its own (£)"));
    alignedTable = {
      kind: "table",
      name: "PoolAligned",
      row: aHead,
      col: 0,
      columns: [
        { header: "Partner", numberFormat: NUMBER_FORMATS.text, total: "Total" },
        { header: "Contribution (aligned)", numberFormat: MONEY, total: "sum" },
        { header: "Its own over (under) spend", numberFormat: MONEY, total: "sum" },
        { header: "Spent on its aligned lines", numberFormat: MONEY, total: "sum" },
      ],
      rows: pool.aligned.map((a, i): PlanValue[] => [a.partner, n(a.contribution), n(a.varianceBorne), f(`${a1(aHead + 1 + i, 1)}+${a1(aHead + 1 + i, 2)}`, a.contribution.plus(a.varianceBorne))]),
      showTotals: true,
      style: "TableStyleLight9",
    };
    blocks.push(alignedTable);
  }

  // Service lines.
  const lHead = pool.aligned ? aHead + np + 5 : pHead + np + 5;
  blocks.push(heading(lHead - 1, "Service lines (£)"));
  const lineCols: TableColumn[] = [
    { header: "Service line", numberFormat: NUMBER_FORMATS.text, total: "Total" },
    { header: "Risk share", numberFormat: NUMBER_FORMATS.text },
  ];
  pool.partners.forEach((a) => lineCols.push({ header: `${a.partner}: contribution`, numberFormat: MONEY, total: "sum" }));
  const cTotal = lineCols.length;
  lineCols.push({ header: "Total contribution", numberFormat: MONEY, total: "sum" });
  const withIncome = pool.lines.some((l) => !l.incomeBudget.isZero() || !l.incomeActual.isZero());
  const cIncome = lineCols.length + 1;
  if (withIncome)
    lineCols.push({ header: "Income budgeted", numberFormat: MONEY, total: "sum" }, { header: "Income received", numberFormat: MONEY, total: "sum" });
  const cExp = lineCols.length;
  lineCols.push({ header: "Expenditure", numberFormat: MONEY, total: "sum" });
  const cVar = lineCols.length;
  lineCols.push({ header: "Variance", numberFormat: MONEY, total: "sum" });
  pool.partners.forEach((a) => lineCols.push({ header: `${a.partner}: bears`, numberFormat: MONEY, total: "sum" }));
  const cRisk = lineCols.length;
  lineCols.push({ header: "Risk pool", numberFormat: MONEY, total: "sum" });
  const cElse = lineCols.length;
  lineCols.push({ header: "Met from underspends elsewhere", numberFormat: MONEY, total: "sum" });
  const lineRows = pool.lines.map((l, i): PlanValue[] => {
    const row = lHead + 1 + i;
    const cells: PlanValue[] = [l.name, l.riskShare, ...l.contributions.map(n)];
    cells.push(f(`SUM(${a1(row, 2, 1, np)})`, total(l.contributions)));
    if (withIncome) cells.push(n(l.incomeBudget), n(l.incomeActual));
    // Variance = expenditure − contributions − income received.
    cells.push(n(l.expenditure), f(`${a1(row, cExp)}-${a1(row, cTotal)}${withIncome ? `-${a1(row, cIncome)}` : ""}`, l.variance));
    cells.push(...l.borne.map(n));
    cells.push(n(l.riskPool), n(l.underspendsElsewhere));
    return cells;
  });
  const lines: TableBlock = { kind: "table", name: "PoolLines", row: lHead, col: 0, columns: lineCols, rows: lineRows, showTotals: true, style: "TableStyleLight9" };
  blocks.push(lines);

  // The check: what partners bear + risk pool + underspends elsewhere = the variance.
  const lTotals = lHead + 1 + Math.max(1, pool.lines.length);
  const pTotals = pHead + 1 + Math.max(1, np);
  const cRow = lTotals + 2;
  const checkBlocks: RangeBlock[] = [];
  if (pool.settledAsWhole) {
    // The gross view (src/engine/pool/gross.ts): say how to read the partners' line figures.
    checkBlocks.push({
      kind: "range",
      row: cRow,
      col: 0,
      values: [
        [
          "Settled as a whole (WATERFALL): a line's underspend is shown against the partners who fund that line, negative where it arose and positive on the overspent lines it paid for; the risk pool's and outside underspends' parts are shown in their own columns.",
        ],
      ],
      style: { italic: true },
    });
  }
  const check: CellRange = { row: cRow + (pool.settledAsWhole ? 2 : 0), col: 1, rowCount: 1, colCount: 1 };
  const lineVariances = total(pool.lines.map((l) => l.variance));
  const absorbed = total(pool.lines.map((l) => l.riskPool.plus(l.underspendsElsewhere)));
  const alignedBorne = pool.aligned ? total(pool.aligned.map((a) => a.varianceBorne)) : new D(0);
  const checkResult = total(pool.partners.map((a) => a.varianceBorne)).plus(alignedBorne).plus(absorbed).minus(lineVariances);
  // The aligned budgets' own over- and underspends are in the lines' variance too.
  const risk = `${a1(lTotals, cRisk)}+${a1(lTotals, cElse)}${pool.aligned ? `+${a1(aHead + 1 + np, 2)}` : ""}`;
  checkBlocks.push({
    kind: "range",
    row: check.row,
    col: 0,
    values: [[pool.aligned ? "Check: borne + aligned + risk pool + elsewhere − variance = 0" : "Check: borne + risk pool + elsewhere − variance = 0", f(`${a1(pTotals, 6)}+${risk}-${a1(lTotals, cVar)}`, checkResult)]],
    columnFormats: [null, MONEY],
    style: { italic: true },
  });
  blocks.push(...checkBlocks);

  // Memorandum accounts.
  let mRow = check.row + 3;
  blocks.push(heading(mRow - 1, "Memorandum accounts: each partner's own audit trail (£)"));
  pool.partners.forEach((a, i) => {
    const pr = pHead + 1 + i;
    blocks.push({ kind: "range", row: mRow, col: 0, values: [[`Memorandum account: ${a.partner}`]], style: STYLE.label });
    blocks.push({
      kind: "range",
      row: mRow + 1,
      col: 0,
      values: [
        ["Contribution agreed (base)", f(a1(pr, 1), a.base)],
        ["In-year changes", f(a1(pr, 2), a.changes)],
        ["Total contribution to the pool", f(a1(pr, 3), a.base.plus(a.changes))],
        ["Share of the pool's expenditure", f(a1(pr, 5), a.base.plus(a.changes).plus(a.varianceBorne))],
        ["   of which over (under) spend borne", f(a1(pr, 6), a.varianceBorne)],
        ["Balance due to (from) the partner", f(a1(pr, 7), a.varianceBorne.negated())],
        ["Gross: its money met of the lines' overspends", f(a1(pr, 8), a.overspendsMet)],
        ["Gross: its part of the lines' underspends", f(a1(pr, 9), a.underspends)],
      ],
      columnFormats: [null, MONEY],
    });
    mRow += 10;
  });

  if (pool.years) mRow = poolYearsBlocks(pool.years, mRow + 1, blocks);

  const widths = [44, fitWidth(pool.lines.map((l) => l.riskShare), 16, 30), ...lineCols.slice(2).map(() => 16)];
  while (widths.length < 14) widths.push(16);
  return {
    sheet: { key: SHEET_KEYS.pool, name: SHEET_NAMES.pool, blocks, columnWidths: widths, freeze: { rows: 3, columns: 0 }, print: print(r, { first: 0, last: 2 }), tabColor: "#330072" },
    layout: { partners, lines, check, aligned: alignedTable },
  };
}

/**
 * The pool over the years (src/engine/pool/years.ts): each partner by year, the reserve's ledger,
 * the dated changes, and a chart of the reserve and each partner's position. Returns the next free row.
 */
function poolYearsBlocks(y: PoolYearsReport, top: number, blocks: Block[]): number {
  let row = top;
  blocks.push(heading(row, `Over the years, ${y.years[0]} to ${y.years[y.years.length - 1]} (£)`));
  blocks.push({
    kind: "range",
    row: row + 1,
    col: 0,
    values: [["Each year is settled under that year's rule, then the reserve meets an overspend (or keeps part of an underspend), then repayments are deferred or made. Due to (from) partner: positive is paid back to it, negative is paid in by it."]],
    style: { italic: true },
  });
  row += 3;
  const head = row;
  const yRows: PlanValue[][] = [];
  y.byYear.forEach((partners, k) =>
    partners.forEach((a) => {
      const r = head + 1 + yRows.length;
      const settlement = a.borne.plus(a.aligned).plus(a.deferred).plus(a.lent).plus(a.repaid).plus(a.repaidToIt).plus(a.reserveTopUp);
      yRows.push([
        y.years[k],
        a.partner,
        y.riskShares[k] ?? "",
        n(a.contribution),
        n(a.varianceBorne),
        n(a.metByReserve),
        n(a.toReserve),
        n(a.contingency),
        f(`SUM(${a1(r, 4, 1, 4)})`, a.varianceBorne.plus(a.metByReserve).plus(a.toReserve).plus(a.contingency)),
        n(a.aligned),
        n(a.deferred),
        n(a.lent.plus(a.repaid).plus(a.repaidToIt)),
        n(a.reserveTopUp),
        f(`-SUM(${a1(r, 8, 1, 5)})`, settlement.negated()),
        n(a.owedAtEnd),
      ]);
    }),
  );
  blocks.push({
    kind: "table",
    name: "PoolYears",
    row: head,
    col: 0,
    columns: [
      { header: "Year", numberFormat: NUMBER_FORMATS.text, total: "Total" },
      { header: "Partner", numberFormat: NUMBER_FORMATS.text },
      { header: "Risk share that year", numberFormat: NUMBER_FORMATS.text },
      { header: "Contribution", numberFormat: MONEY, total: "sum" },
      { header: "Over (under) spend under the rule", numberFormat: MONEY, total: "sum" },
      { header: "Met by the reserve", numberFormat: MONEY, total: "sum" },
      { header: "Kept in the reserve", numberFormat: MONEY, total: "sum" },
      { header: "Contingency", numberFormat: MONEY, total: "sum" },
      { header: "Borne", numberFormat: MONEY, total: "sum" },
      { header: "Aligned (own)", numberFormat: MONEY, total: "sum" },
      { header: "Deferred", numberFormat: MONEY, total: "sum" },
      { header: "Repaid (lent)", numberFormat: MONEY, total: "sum" },
      { header: "Reserve top-up paid", numberFormat: MONEY, total: "sum" },
      { header: "Due to (from) partner", numberFormat: MONEY, total: "sum" },
      { header: "Owed at year end", numberFormat: MONEY },
    ],
    rows: yRows,
    showTotals: true,
    style: "TableStyleMedium2",
  });
  row = head + yRows.length + 3;

  // The reserve's ledger: closing = opening + top-ups − draws.
  let reserveHead: number | null = null;
  if (y.reserve) {
    blocks.push(heading(row, "The reserve's ledger (£)"));
    reserveHead = row + 1;
    const rh = reserveHead;
    blocks.push({
      kind: "table",
      name: "PoolReserve",
      row: rh,
      col: 0,
      columns: [
        { header: "Year", numberFormat: NUMBER_FORMATS.text },
        { header: "Opening", numberFormat: MONEY },
        { header: "Top-ups", numberFormat: MONEY },
        { header: "Draws", numberFormat: MONEY },
        { header: "Closing", numberFormat: MONEY },
        { header: "Movements", numberFormat: NUMBER_FORMATS.text },
      ],
      rows: y.reserve.map((r, k): PlanValue[] => [
        y.years[k],
        n(r.opening),
        n(r.topUps),
        n(r.draws),
        f(`${a1(rh + 1 + k, 1)}+${a1(rh + 1 + k, 2)}-${a1(rh + 1 + k, 3)}`, r.closing),
        r.detail.map((d) => `${d.label} ${d.amount.toFixed(2)}`).join("; "),
      ]),
      showTotals: false,
      style: "TableStyleLight9",
    });
    row = rh + y.reserve.length + 3;
  }

  // Dated changes.
  if (y.changes.length > 0) {
    blocks.push(heading(row, "Dated changes to contributions"));
    blocks.push({
      kind: "table",
      name: "PoolChanges",
      row: row + 1,
      col: 0,
      columns: [
        { header: "Year", numberFormat: NUMBER_FORMATS.text },
        { header: "Date", numberFormat: NUMBER_FORMATS.text },
        { header: "Partner", numberFormat: NUMBER_FORMATS.text },
        { header: "Line", numberFormat: NUMBER_FORMATS.text },
        { header: "Kind", numberFormat: NUMBER_FORMATS.text },
        { header: "Amount", numberFormat: MONEY },
        { header: "Note", numberFormat: NUMBER_FORMATS.text },
      ],
      rows: y.changes.map((c): PlanValue[] => [c.year, c.date, c.partner, c.line, CHANGE_WORDS[c.kind], n(c.amount), c.note]),
      showTotals: false,
      style: "TableStyleLight9",
    });
    row += y.changes.length + 4;
  }

  // The chart's figures: the reserve at each year end and each partner's position (what it has borne so far).
  blocks.push(heading(row, "The reserve and each partner's position at each year end (£)"));
  const ch = row + 1;
  const cumulative = y.partners.map(() => new D(0));
  const chartRows: PlanValue[][] = y.years.map((label, k) => {
    y.byYear[k].forEach((a, i) => (cumulative[i] = cumulative[i].plus(a.borne).plus(a.aligned)));
    return [label, y.reserve ? n(y.reserve[k].closing) : null, ...cumulative.map(n)];
  });
  blocks.push({
    kind: "range",
    row: ch,
    col: 0,
    values: [["Year", "Reserve at year end", ...y.partners.map((p) => `${p}: borne to date`)], ...chartRows],
    columnFormats: [null, MONEY, ...y.partners.map(() => MONEY)],
    style: undefined,
  });
  const count = y.years.length;
  blocks.push({
    kind: "chart",
    type: "columnClustered",
    title: "The reserve and what each partner has borne, by year end",
    categories: { row: ch + 1, col: 0, rowCount: count, colCount: 1 },
    series: [
      ...(y.reserve ? [{ name: "Reserve at year end", values: { row: ch + 1, col: 1, rowCount: count, colCount: 1 } }] : []),
      ...y.partners.map((p, i) => ({ name: `${p}: borne to date`, values: { row: ch + 1, col: 2 + i, rowCount: count, colCount: 1 } })),
    ],
    anchor: { row: ch + count + 2, col: 0, colSpan: 8, rowSpan: 18 },
    axisNumberFormat: NUMBER_FORMATS.moneyWhole,
  });
  return ch + count + 22;
}

const CHANGE_WORDS: Record<string, string> = {
  VIREMENT_OUT: "Virement out of the pool",
  ONE_OFF: "One-off contribution",
  ADVANCE: "Advanced from next year",
  CONTINGENCY: "Contingency held by the partner",
};

// ---------------------------------------------------------------------------------------------
// Assumptions and sources; rows left out
// ---------------------------------------------------------------------------------------------

/** Assumptions sheet column widths: the assumptions (A, B) and the sources (A to G) share them. */
const ASSUMPTION_WIDTHS = [34, 60, 26, 10, 18, 10, 48] as const;

/** Points a line of 11-point text takes. */
const LINE_POINTS = 15;

/**
 * The height of a row whose cells wrap: the most lines any of its texts takes at its column's
 * width (words wrap; a word longer than the width, such as a link, breaks every `width`
 * characters); null for one line (the default height).
 */
export function wrappedHeight(cells: readonly (readonly [string, number])[]): number | null {
  let lines = 1;
  for (const [text, width] of cells) {
    const usable = Math.max(1, width - 2);
    const n = wrapText(text, usable).reduce((k, line) => k + Math.max(1, Math.ceil(line.length / usable)), 0);
    lines = Math.max(lines, n);
  }
  return lines > 1 ? lines * LINE_POINTS : null;
}

export function assumptionsSheet(r: BoardReport): { sheet: SheetPlan; sources: TableBlock; assumptions: TableBlock } {
  const blocks: Block[] = [
    ...titleBlocks(r, "Assumptions and sources", "Every figure in this pack follows from these assumptions, these methods and these published rates."),
  ];
  const aHead = 5;
  blocks.push(heading(aHead - 1, "Assumptions"));
  const assumptions: TableBlock = {
    kind: "table",
    name: "Assumptions",
    row: aHead,
    col: 0,
    columns: [
      { header: "Assumption", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Value", numberFormat: NUMBER_FORMATS.text, wrap: true },
    ],
    rows: r.assumptions.map((a) => [a.label, a.value]),
    showTotals: false,
    style: "TableStyleLight9",
  };
  blocks.push(assumptions);
  // Wrapped cells get the height of their lines (a renderer does not fit row heights itself).
  const rowHeights: { row: number; height: number }[] = [];
  r.assumptions.forEach((a, i) => {
    const h = wrappedHeight([[a.value, ASSUMPTION_WIDTHS[1]]]);
    if (h !== null) rowHeights.push({ row: aHead + 1 + i, height: h });
  });
  let row = aHead + Math.max(1, r.assumptions.length) + 3;
  blocks.push(heading(row - 1, "How the figures are worked out"));
  // A line a row, no wider than the sheet's columns, so the page is not widened by text running on.
  const methodLines = r.methods.flatMap((m, i) => wrapText(`${i + 1}. ${m}`, ASSUMPTION_WIDTHS.reduce((a, b) => a + b, 0) - 10, "    ").map((l) => [l]));
  blocks.push({ kind: "range", row, col: 0, values: methodLines });
  row += methodLines.length + 2;
  blocks.push(heading(row - 1, "Sources of every rate used, with the years used"));
  const sources: TableBlock = {
    kind: "table",
    name: "Sources",
    row,
    col: 0,
    // Long titles and links wrap inside their columns, so the table ends at the page edge.
    columns: [
      { header: "Rate table", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Publication", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Publisher", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Data year", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Used for", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Provenance", numberFormat: NUMBER_FORMATS.text, wrap: true },
      { header: "Link", numberFormat: NUMBER_FORMATS.text, wrap: true },
    ],
    rows: r.sources.map((s) => [s.table, s.title, s.publisher, s.year, s.usedFor.join(", "), s.provenance, s.url]),
    showTotals: false,
    style: "TableStyleLight9",
  };
  blocks.push(sources);
  r.sources.forEach((s, i) => {
    const h = wrappedHeight([[s.table, ASSUMPTION_WIDTHS[0]], [s.title, ASSUMPTION_WIDTHS[1]], [s.publisher, ASSUMPTION_WIDTHS[2]], [s.usedFor.join(", "), ASSUMPTION_WIDTHS[4]], [s.url, ASSUMPTION_WIDTHS[6]]]);
    if (h !== null) rowHeights.push({ row: row + 1 + i, height: h });
  });
  row += Math.max(1, r.sources.length) + 3;
  blocks.push(heading(row - 1, "Versions"));
  blocks.push({
    kind: "range",
    row,
    col: 0,
    values: [
      ["Care Trust Calculator (add-in) version", r.version],
      ["Rates data compiled", r.dataVersion],
      ["Pack produced", longDate(r.generatedOn)],
      ["Provenance", "official: read from the publication; secondary: from a source agreeing with the official structure; derived: computed from an official table by an official award rule"],
    ],
    columnFormats: [null, NUMBER_FORMATS.text],
  });
  return {
    sheet: {
      key: SHEET_KEYS.assumptions,
      name: SHEET_NAMES.assumptions,
      blocks,
      columnWidths: [...ASSUMPTION_WIDTHS],
      rowHeights,
      freeze: { rows: 3, columns: 0 },
      print: print(r, { first: 0, last: 2 }),
      tabColor: "#ED8B00",
    },
    sources,
    assumptions,
  };
}

/**
 * "Rows left out": how the staff list was read (the intake report: columns used and not used,
 * hidden rows, rows that are not staff, notes) above every problem by row and column. Written
 * whenever there is something to say: a problem, a column not used, a hidden row or a note.
 */
export function issuesSheet(r: BoardReport): SheetPlan | null {
  const intake = r.rows.intake;
  const said = intake ? intakeReportLines(intake, { issues: false }) : [];
  const worthSaying = intake !== null && (intake.columnsNotUsed.length > 0 || intake.hiddenRows.length > 0 || intake.notes.length > 0 || intake.readerNotes.length > 0);
  if (r.rows.issues.length === 0 && !worthSaying) return null;
  // Rows left out for want of an unsocial-hours rate: the fix is one scenario setting each, said once above the rows.
  const rates = groupMissingRates(r.rows.issues).groups;
  const blocks: SheetPlan["blocks"] = [
    ...titleBlocks(
      r,
      "How the staff list was read, and rows left out",
      `${r.rows.peopleLeftOut} ${r.rows.peopleLeftOut === 1 ? "person" : "people"} (${r.rows.leftOut} of ${r.rows.total} staff rows) left out of every figure${leftOutPay(r) ? ` (${leftOutPay(r)})` : ""}. ` +
        (rates.length > 0
          ? "Each problem says what to change in the staff list or, for the rates below, in the scenario; correct them and produce the pack again."
          : "Each problem says what to change in the staff list; correct them and produce the pack again."),
    ),
  ];
  let row = 4;
  if (said.length > 0) {
    blocks.push(heading(row, "How the staff list was read"));
    blocks.push({ kind: "range", row: row + 1, col: 0, values: said.map((line) => [line.trimStart()]), style: STYLE.note });
    row += said.length + 2;
  }
  if (rates.length > 0) {
    blocks.push(heading(row, "Rates the scenario must give"));
    blocks.push({ kind: "range", row: row + 1, col: 0, values: rates.map((g) => [g.message]), style: STYLE.note });
    row += rates.length + 2;
  }
  const head = row;
  blocks.push(heading(head - 1, "Rows left out"));
  blocks.push({
    kind: "table",
    name: "RowsLeftOut",
    row: head,
    col: 0,
    columns: [
      { header: "Row", numberFormat: NUMBER_FORMATS.integer },
      { header: "Column", numberFormat: NUMBER_FORMATS.text },
      { header: "Problem", numberFormat: NUMBER_FORMATS.text },
    ],
    rows: r.rows.issues.length > 0 ? r.rows.issues.map((i) => [i.row, i.column, i.message]) : [[null, "", "No row was left out."]],
    showTotals: false,
    style: "TableStyleLight9",
  });
  return {
    key: SHEET_KEYS.issues,
    name: SHEET_NAMES.issues,
    blocks,
    columnWidths: [8, 26, 120],
    freeze: { rows: 3, columns: 0 },
    print: print(r, { first: 0, last: 2 }),
    tabColor: "#AE2573",
  };
}

// ---------------------------------------------------------------------------------------------

export interface BoardLayout {
  detail: DetailLayout;
  projection: ProjectionLayout;
  summary: SummaryLayout;
  options: OptionsLayout | null;
  pool: PoolLayout | null;
  sources: TableBlock;
}

/** The whole pack as a workbook plan, with where things are (for tests and the task pane). */
export function boardWorkbookPlan(r: BoardReport): { plan: WorkbookPlan; layout: BoardLayout } {
  return drain(boardWorkbookPlanSteps(r));
}

/**
 * The board pack's sheets, a step at a time (as the costing in src/report/boardPack.ts): it yields
 * before each sheet and every few hundred rows of the Detail sheet, so the task pane can hand the
 * thread back and honour Cancel while a long staff list is laid out. Pure; the same plan as
 * boardWorkbookPlan.
 */
export function* boardWorkbookPlanSteps(r: BoardReport): Generator<LayoutStep, { plan: WorkbookPlan; layout: BoardLayout }, void> {
  const people = r.people.length;
  yield { sheet: SHEET_NAMES.detail, done: 0, total: people };
  const detail = yield* detailSheetSteps(r);
  yield { sheet: SHEET_NAMES.projection, done: 0, total: 0 };
  const projection = projectionSheet(r);
  if (r.appraisal) yield { sheet: SHEET_NAMES.options, done: 0, total: 0 };
  const optionsPlan = optionsSheet(r);
  yield { sheet: SHEET_NAMES.summary, done: 0, total: 0 };
  const summary = summarySheet(r, detail.layout, projection.layout, optionsPlan?.layout ?? null);
  const pool = poolSheet(r);
  yield { sheet: SHEET_NAMES.assumptions, done: 0, total: 0 };
  const assumptions = assumptionsSheet(r);
  const issues = issuesSheet(r);
  const sheets = [summary.sheet, ...(optionsPlan ? [optionsPlan.sheet] : []), detail.sheet, projection.sheet];
  if (pool) sheets.push(pool.sheet);
  sheets.push(assumptions.sheet);
  if (issues) sheets.push(issues);
  for (const sheet of sheets) {
    const heights = headingHeights(sheet);
    if (heights.length > 0) sheet.rowHeights = heights;
  }
  return {
    plan: { sheets, properties: { title: r.title, version: r.version, created: r.generatedOn } },
    layout: { detail: detail.layout, projection: projection.layout, summary: summary.layout, options: optionsPlan?.layout ?? null, pool: pool?.layout ?? null, sources: assumptions.sources },
  };
}

/** A person's pay point as the Detail sheet shows it: marked where its pay is a figure the user supplied. */
function positionShown(p: PersonLine, which: "current" | "target"): string {
  const text = which === "current" ? p.currentPosition : p.targetPosition;
  return p.suppliedPay.includes(which) ? `${text} (pay supplied by you)` : text;
}

/** The pay the rows left out carry, in words ("" when none was left out or the list was not read by the intake). */
function leftOutPay(r: BoardReport): string {
  const intake = r.rows.intake;
  if (!intake || r.rows.leftOut === 0) return "";
  // Rows the engine could not cost after the intake read them: their pay is not worked out here.
  return payLeftOutWords(intake, Math.max(0, r.rows.leftOut - rowsLeftOutForProblem(intake)));
}
