import { buildBoardPack } from "../../src/report/boardPack";
import { abs, longDate } from "../../src/sheets/board";
import { wrappedLines } from "../../src/sheets/layout";
import {
  a1,
  blocksOf,
  columnLetters,
  isFormula,
  planSheetNames,
  resolveSheetRefs,
  sheetRef,
  uniqueSheetName,
  type Formula,
  type TableBlock,
} from "../../src/sheets/plan";
import { sampleScenario, sampleTable, singleScenario } from "../report/sample";

const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), generatedOn: "2026-11-29", version: "0.1.0" });
const { workbook: plan, layout, report } = pack;
const d = layout.detail;
const n = report.people.length;

/** The Detail column `col` as the summary formulas must refer to it. */
function detailCol(col: number): string {
  return `'Detail'!$${columnLetters(col)}$${d.firstDataRow + 1}:$${columnLetters(col)}$${d.firstDataRow + n}`;
}

describe("sheet references", () => {
  it("resolve to the final, quoted sheet names", () => {
    const names = planSheetNames(plan, ["Detail", "board summary"]);
    expect(names.get("detail")).toBe("Detail (2)");
    expect(names.get("summary")).toBe("Board summary (2)");
    expect(resolveSheetRefs(`SUM(${sheetRef("detail")}!A1:A3)`, names)).toBe("SUM('Detail (2)'!A1:A3)");
    expect(resolveSheetRefs("{sheet:x}!A1", new Map([["x", "O'Brien"]]))).toBe("'O''Brien'!A1");
    expect(() => resolveSheetRefs("{sheet:nope}!A1", names)).toThrow(/not in the plan/);
    expect(uniqueSheetName("Pool: statement?", [])).toBe("Pool  statement");
  });

  it("every formula refers only to sheets in the plan, by their planned names", () => {
    const keys = new Set(plan.sheets.map((s) => s.key));
    const planned = new Set(plan.sheets.map((s) => s.name));
    const names = planSheetNames(plan);
    for (const s of plan.sheets)
      for (const b of s.blocks) {
        const cells = b.kind === "range" ? b.values.flat() : b.kind === "table" ? [...b.rows.flat(), ...b.columns.map((c) => c.total ?? null)] : [];
        for (const v of cells)
          if (v && isFormula(v as Formula)) {
            for (const m of (v as Formula).formula.matchAll(/\{sheet:([^}]+)\}/g)) expect(keys).toContain(m[1]);
            for (const m of (v as Formula).formula.matchAll(/'((?:[^']|'')+)'!/g)) expect(planned).toContain(m[1].replace(/''/g, "'"));
            expect(() => resolveSheetRefs((v as Formula).formula, names)).not.toThrow();
          }
      }
  });
});

describe("the Detail sheet", () => {
  it("is one real table, one row per person, with a SUBTOTAL totals row and frozen headings", () => {
    const sheet = plan.sheets.find((s) => s.key === "detail")!;
    const tables = sheet.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(1);
    expect(d.table.rows).toHaveLength(n);
    expect(d.table.showTotals).toBe(true);
    expect(new Set(d.table.columns.map((c) => c.header)).size).toBe(d.table.columns.length);
    expect(sheet.freeze).toEqual({ rows: d.firstDataRow, columns: 1 });
    expect(sheet.columnWidths).toHaveLength(d.table.columns.length);
    const money = d.table.columns.filter((c) => c.numberFormat?.startsWith("£"));
    expect(money.length).toBeGreaterThan(20);
    for (const c of money) expect(c.total).toBe("sum");
  });

  it("totals each option with a SUM over that person's elements, on the person's own row", () => {
    const o = d.col.options;
    for (const i of [0, 1, n - 1]) {
      const row = d.firstDataRow + i;
      const cells = d.table.rows[i];
      for (const key of ["current", "target", "levelledUp"] as const) {
        const { first, elements, total } = o[key];
        // The saved result is the engine's total for the person, which the elements add up to.
        const expected = report.people[i][key].total / 100; // whole pence to pounds
        expect(cells[total]).toEqual({ formula: `SUM(${a1(row, first, 1, elements.length)})`, result: expected });
        const values = cells.slice(first, first + elements.length) as number[];
        expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 6);
      }
      expect(cells[d.col.protectedTotal]).toEqual({
        formula: `${a1(row, o.target.total)}+${a1(row, d.col.protectionPayments)}+${a1(row, d.col.protectionOnCosts)}`,
        result: report.people[i].protection.total / 100,
      });
    }
  });
});

describe("the Board summary", () => {
  const s = layout.summary;

  it("takes each option's cost as a SUM over the Detail sheet's total column", () => {
    const o = d.col.options;
    const cols = [o.current.total, o.target.total, d.col.protectedTotal, o.levelledUp.total];
    const h = report.headline;
    const costs = [h.current, h.target, h.protected, h.levelledUp];
    s.options.rows.forEach((row, i) => expect(row[1]).toEqual({ formula: `SUM(${detailCol(cols[i])})`, result: costs[i].toNumber() }));
    expect(s.options.rows[2][2]).toEqual({ formula: `${a1(s.options.row + 3, 1)}-${abs(s.options.row + 1, 1)}`, result: h.protected.minus(h.current).toNumber() });
    expect(s.options.rows[2][3]).toEqual({
      formula: `IF(${abs(s.options.row + 1, 1)}=0,0,${a1(s.options.row + 3, 2)}/${abs(s.options.row + 1, 1)})`,
      result: h.protected.minus(h.current).dividedBy(h.current).toNumber(),
    });
  });

  it("sums each staff group exactly (EXACT, so = * ? in names match literally) from the Detail sheet", () => {
    const g = s.byGroup;
    expect(g.rows.map((r) => r[0])).toEqual(report.byGroup.map((x) => x.key));
    const first = g.row + 1;
    const g0 = report.byGroup[0];
    expect(g.rows[0][1]).toEqual({ formula: `SUMPRODUCT(--EXACT(${detailCol(d.col.group)},$A${first + 1}))`, result: g0.headcount });
    expect(g.rows[0][3]).toEqual({ formula: `SUMPRODUCT(--EXACT(${detailCol(d.col.group)},$A${first + 1}),${detailCol(d.col.options.current.total)})`, result: g0.current.toNumber() });
    // Each group's saved headcount is the number of people in it, counted here from the people.
    report.byGroup.forEach((x, i) => expect(g.rows[i][1]).toMatchObject({ result: report.people.filter((p) => p.group === x.key).length }));
    expect(s.byEmployer.rows[1][6]).toEqual({
      formula: `SUMPRODUCT(--EXACT(${detailCol(d.col.employer)},$A${s.byEmployer.row + 3}),${detailCol(d.col.options.levelledUp.total)})`,
      result: report.byEmployer[1].levelledUp.toNumber(),
    });
    expect(g.showTotals).toBe(true);
    const totalsRow = g.row + 1 + g.rows.length;
    expect(g.columns[8].total).toEqual({
      formula: `IF(${a1(totalsRow, 3)}=0,0,${a1(totalsRow, 7)}/${a1(totalsRow, 3)})`,
      result: report.headline.protected.minus(report.headline.current).dividedBy(report.headline.current).toNumber(),
    });
  });

  it("reads protection by year from the Projection sheet", () => {
    const p = layout.projection;
    expect(s.protection.rows).toHaveLength(report.years.length);
    expect(s.protection.rows[1][2]).toEqual({ formula: `'Projection'!${abs(p.firstDataRow + 1, p.col.payments)}`, result: report.projection[1].protectionPayments.toNumber() });
    expect(s.protection.rows[1][0]).toEqual({ formula: `'Projection'!${abs(p.firstDataRow + 1, p.col.year)}`, result: report.years[1] });
  });

  it("charts the differences: the change in net present cost from the baseline, by option (not bars from £0 that all look equal)", () => {
    const charts = blocksOf(plan, "chart").filter((c) => c.sheet.key === "summary");
    expect(charts).toHaveLength(1);
    const c = charts[0].block;
    const t = s.appraisal!;
    expect(c.categories).toEqual({ row: t.row + 1, col: 0, rowCount: 3, colCount: 1 });
    expect(t.columns[3].header).toMatch(/change from baseline/);
    expect(c.series[0].values).toEqual({ row: t.row + 1, col: 3, rowCount: 3, colCount: 1 });
    expect(c.title).toMatch(/change from the baseline/);
  });

  it("without options, charts each option's change from current terms in the base year", () => {
    const single = buildBoardPack({ table: sampleTable(), scenario: singleScenario(), generatedOn: "2026-11-29", version: "0.1.0" });
    const charts = blocksOf(single.workbook, "chart").filter((c) => c.sheet.key === "summary");
    expect(charts).toHaveLength(1);
    const o = single.layout.summary.options;
    expect(o.columns[2].header).toBe("Change from current");
    expect(charts[0].block.series[0].values).toEqual({ row: o.row + 1, col: 2, rowCount: 4, colCount: 1 });
    expect(single.workbook.sheets.map((x) => x.key)).not.toContain("options");
  });

  it("prints on A4 landscape with the title rows repeated and the marking in the header and footer", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.print.paper).toBe("A4");
      expect(sheet.print.orientation).toBe("landscape");
      expect(sheet.print.footer.left).toBe("OFFICIAL-SENSITIVE");
      expect(sheet.print.header?.center).toBe("OFFICIAL-SENSITIVE");
      expect(sheet.print.repeatRows).toBeDefined();
    }
  });

  it("prints the Detail sheet one page wide with the columns a reader needs: the elements and the assimilation wording collapsed", () => {
    const detail = plan.sheets.find((x) => x.key === "detail")!;
    const table = detail.blocks.find((b) => b.kind === "table")!;
    expect(table.kind).toBe("table");
    if (table.kind !== "table") return;
    expect(detail.print.fitToWidth).toBe(true);
    const hidden = new Set((detail.collapsedColumns ?? []).flatMap((g) => Array.from({ length: g.last - g.first + 1 }, (_, i) => g.first + i)));
    const shown = table.columns.map((c, i) => [c.header, i] as const).filter(([, i]) => !hidden.has(i)).map(([h]) => h);
    expect(shown).toEqual([
      "Employee reference", "Staff group", "Current employer", "Current terms", "Current pay point", "Target grade", "Assimilated to", "FTE",
      "Current: total", "Target: total", "Levelled up: total",
      "Protection payments 2025/26", "On-costs on protection", "Target with protection: total",
    ]);
    // Every element column of every option is in a collapsed group (opened with the + above it).
    for (const [h, i] of table.columns.map((c, i) => [c.header, i] as const)) if (/^(Current|Target|Levelled up): (?!total)/.test(h)) expect(hidden.has(i)).toBe(true);
    // Shown widths add up to about one A4 landscape page at the scale Excel fits them to (no wider than 2 pages at 100%).
    const width = detail.columnWidths.filter((_, i) => !hidden.has(i)).reduce((a, b) => a + b, 0);
    expect(width).toBeLessThan(260);
  });

  it("wraps the sources' publications and links and gives their rows the height of their lines", () => {
    const a = plan.sheets.find((x) => x.key === "assumptions")!;
    const sources = a.blocks.find((b) => b.kind === "table" && b.name === "Sources")!;
    if (sources.kind !== "table") throw new Error("no sources table");
    expect(sources.columns.find((c) => c.header === "Link")!.wrap).toBe(true);
    expect(sources.columns.find((c) => c.header === "Publication")!.wrap).toBe(true);
    // A link of more than one line's width gets a taller row: 48-character column, 46 usable characters a line.
    const i = sources.rows.findIndex((r) => String(r[6]).length > 46 * 2);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(a.rowHeights!.find((h) => h.row === sources.row + 1 + i)!.height).toBeGreaterThanOrEqual(45);
  });

  it("gives wrapped table headings the height they need", () => {
    const summary = plan.sheets.find((x) => x.key === "summary")!;
    const heights = new Map(summary.rowHeights!.map((h) => [h.row, h.height]));
    expect(heights.get(s.byGroup.row)).toBeGreaterThan(15);
    expect(wrappedLines("With protection: change %", 12)).toBe(4);
    expect(wrappedLines("Staff group", 34)).toBe(1);
    expect(wrappedLines("FTE", 7)).toBe(1);
  });
});

describe("the Projection and Pool statement sheets", () => {
  it("adds target, payments and on-costs into the protected cost by formula, and sums the years", () => {
    const p = layout.projection;
    const row = p.firstDataRow;
    expect(p.table.rows[0][p.col.protected]).toEqual({ formula: `${a1(row, 4)}+${a1(row, 5)}+${a1(row, 6)}`, result: report.projection[0].protected.toNumber() });
    expect(p.table.columns[p.col.current].total).toBe("sum");
  });

  it("derives contributions, shares of expenditure and balances by formula, and checks the shares add up", () => {
    const pl = layout.pool!;
    const t = pl.partners;
    const r0 = t.row + 1;
    const a = report.pool!.partners[0];
    expect(t.rows[0][3]).toEqual({ formula: `${a1(r0, 1)}+${a1(r0, 2)}`, result: a.contribution.toNumber() });
    expect(t.rows[0][5]).toEqual({ formula: `${a1(r0, 3)}+${a1(r0, 6)}`, result: a.shareOfExpenditure.toNumber() });
    expect(t.rows[0][7]).toEqual({ formula: `${a1(r0, 3)}-${a1(r0, 5)}`, result: a.closing.toNumber() });
    const sheet = plan.sheets.find((x) => x.key === "pool")!;
    const check = sheet.blocks.find((b) => b.kind === "range" && b.row === pl.check.row && b.values[0][0]?.toString().startsWith("Check"));
    expect(check).toBeDefined();
  });
});

describe("small helpers", () => {
  it("formats dates in words and absolute references", () => {
    expect(longDate("2026-11-29")).toBe("29 November 2026");
    expect(longDate("soon")).toBe("soon");
    expect(abs(4, 27, 10, 1)).toBe("$AB$5:$AB$14");
  });
});
