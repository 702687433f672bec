/**
 * Hand-made sheet plans shaped like the board pack (a summary with headline figures, a group table
 * with totals and a chart; a detail sheet with one row per person), for the renderer tests.
 */
import { NUMBER_FORMATS, type SheetPlan, type TableColumn, type WorkbookPlan } from "../../src/sheets/plan";

const GROUPS = ["Nursing", "Social work", "Admin and clerical", "Allied health professionals", "Support workers"];
const EMPLOYERS = ["Northshire NHS Trust", "Northshire County Council"];

export const DETAIL_COLUMNS: TableColumn[] = [
  { header: "Employee reference", total: "Total" },
  { header: "Name" },
  { header: "Staff group" },
  { header: "Current employer" },
  { header: "Current terms" },
  { header: "Band or grade" },
  { header: "FTE", numberFormat: NUMBER_FORMATS.decimal2, total: "sum" },
  ...[
    "Current basic pay",
    "Current supplements",
    "Current employer NI",
    "Current employer pension",
    "Current apprenticeship levy",
    "Current total cost",
    "Target basic pay",
    "Target supplements",
    "Target employer NI",
    "Target employer pension",
    "Target apprenticeship levy",
    "Target total cost",
    "Levelled-up basic pay",
    "Levelled-up total cost",
    "Difference",
  ].map((header): TableColumn => ({ header, numberFormat: NUMBER_FORMATS.money, total: "sum" })),
  { header: "Difference %", numberFormat: NUMBER_FORMATS.percent },
];

/** One person's detail row; deterministic from i. `names` maps i to a name (default "Person i"). */
export function detailRow(i: number, name: (i: number) => string | null = (k) => `Person ${k}`): (string | number | null)[] {
  const basic = 24000 + ((i * 7919) % 30000) + ((i * 37) % 100) / 100;
  const money = (f: number) => Math.round(basic * f * 100) / 100;
  return [
    `E${String(100000 + i)}`,
    name(i),
    GROUPS[i % GROUPS.length],
    EMPLOYERS[i % 2],
    i % 2 === 0 ? "AfC" : "NJC",
    i % 2 === 0 ? String(3 + (i % 6)) : `SCP ${10 + (i % 30)}`,
    Math.round((0.5 + (i % 6) / 10) * 100) / 100,
    money(1),
    money(0.05),
    money(0.11),
    money(0.2068),
    money(0.005),
    money(1.3718),
    money(1.02),
    money(0.04),
    money(0.112),
    money(0.19),
    money(0.005),
    money(1.372),
    money(1.03),
    money(1.41),
    money(0.04),
    0.0291,
  ];
}

export interface FixtureOptions {
  rows: number;
  name?: (i: number) => string | null;
  /** Planned sheet names (to test clashes). */
  summaryName?: string;
  detailName?: string;
  marking?: string;
}

/** A two-sheet board pack plan with `rows` detail rows. The summary refers to the detail sheet by name. */
export function boardPlan(opts: FixtureOptions): WorkbookPlan {
  const summaryName = opts.summaryName ?? "Board summary";
  const detailName = opts.detailName ?? "Detail";
  const rows = Array.from({ length: opts.rows }, (_, i) => detailRow(i, opts.name));
  const columnSum = (col: number): number => Math.round(rows.reduce((a, r) => a + Number(r[col]), 0) * 100) / 100;
  const detailTop = 3; // title, note, blank, then the table's header on row 4
  const firstData = detailTop + 2; // 1-based row number of the first data row
  const lastData = firstData + Math.max(opts.rows, 1) - 1;
  const quoted = `'${detailName.replace(/'/g, "''")}'`;
  const marking = opts.marking ?? "OFFICIAL-SENSITIVE";

  const summary: SheetPlan = {
    key: "summary",
    name: summaryName,
    blocks: [
      { kind: "range", row: 0, col: 0, values: [["Board summary: harmonisation of terms"]], style: { bold: true, fontSize: 16 } },
      {
        kind: "range",
        row: 2,
        col: 0,
        values: [
          ["Headcount", opts.rows],
          ["FTE", { formula: `SUM(${quoted}!G${firstData}:G${lastData})`, result: columnSum(6) }],
          ["Current cost", { formula: `SUM(${quoted}!M${firstData}:M${lastData})`, result: columnSum(12) }],
          ["Cost on target terms", { formula: `SUM(${quoted}!S${firstData}:S${lastData})`, result: columnSum(18) }],
          ["Levelled-up cost", { formula: `SUM(DetailTable[Levelled-up total cost])`, result: columnSum(20) }],
        ],
        columnFormats: [null, NUMBER_FORMATS.money],
        style: { wrap: false },
      },
      {
        kind: "table",
        name: "GroupTable",
        row: 9,
        col: 0,
        columns: [
          { header: "Staff group", total: "Total" },
          { header: "Current cost", numberFormat: NUMBER_FORMATS.money, total: "sum" },
          { header: "Target cost", numberFormat: NUMBER_FORMATS.money, total: "sum" },
        ],
        rows: GROUPS.map((g, i) => [g, 1_000_000 + i * 12345.67, 1_050_000 + i * 12000.5]),
        showTotals: true,
        style: "TableStyleMedium2",
      },
      {
        kind: "chart",
        type: "columnClustered",
        title: "Cost by staff group",
        categories: { row: 10, col: 0, rowCount: GROUPS.length, colCount: 1 },
        series: [
          { name: "Current cost", values: { row: 10, col: 1, rowCount: GROUPS.length, colCount: 1 } },
          { name: "Target cost", values: { row: 10, col: 2, rowCount: GROUPS.length, colCount: 1 } },
        ],
        anchor: { row: 9, col: 4, colSpan: 7, rowSpan: 16 },
        axisNumberFormat: NUMBER_FORMATS.moneyWhole,
      },
      {
        kind: "range",
        row: 18,
        col: 0,
        values: [
          ["Assumptions"],
          ["Pay award 2026/27", 0.03],
          ["Add-in version", "0.1.0"],
        ],
        columnFormats: [null, NUMBER_FORMATS.percent],
      },
    ],
    columnWidths: [34, 18, 18, 4],
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 }, footer: { left: marking, right: "Care Trust Calculator 0.1.0" } },
    tabColor: "#0F6CBD",
  };

  const detail: SheetPlan = {
    key: "detail",
    name: detailName,
    blocks: [
      { kind: "range", row: 0, col: 0, values: [["Detail: one row per person"]], style: { bold: true, fontSize: 14 } },
      { kind: "range", row: 1, col: 0, values: [[`${opts.rows} staff; names ${opts.name ? "included" : "left out"}.`]], style: { italic: true } },
      { kind: "table", name: "DetailTable", row: detailTop, col: 0, columns: DETAIL_COLUMNS, rows, showTotals: true },
    ],
    columnWidths: [14, 24, 22, 26, 8, 8, 6, ...Array(15).fill(14), 10],
    freeze: { rows: detailTop + 1, columns: 2 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { first: detailTop, last: detailTop }, footer: { left: marking } },
  };

  return { sheets: [summary, detail], properties: { title: "Board pack", version: "0.1.0", created: "2026-04-01" } };
}
