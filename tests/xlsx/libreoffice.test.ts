/**
 * Integration: the demo pipeline's .xlsx opened by a real spreadsheet engine.
 *
 * Runs `caretrust board` on the shipped sample (in process, exactly as `npm run demo` does). The
 * pack saves every formula's result (what the engine computed), so the proof that the formulas
 * themselves are right must not read those: a copy is made with every saved result stripped,
 * opened in LibreOffice headless with a fresh profile that forces recalculation on load
 * (OOXMLRecalcMode=0), every sheet exported to CSV, and LibreOffice's value of every formula cell
 * must equal the saved one (to the penny), cell by cell, as well as the engine's figures. Then the
 * pack as saved is opened with recalculation off (as Protected View, previews and viewers open it)
 * and must show every figure; both are printed to PDF and rendered to PNG (out/test-pages/) for a
 * person to look at.
 *
 * Skips, loudly, only when soffice is missing; under CI (CI set) a missing soffice is a failure.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/commands";
import { buildBoardPack } from "../../src/report/boardPack";
import { columnLetters } from "../../src/sheets/plan";
import type { Decimal } from "../../src/engine/money";
import { ROOT, sampleScenario, sampleTable } from "../report/sample";
import {
  convertToCsvPerSheet,
  convertToPdf,
  noRecalcProfile,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  recalcProfile,
  savedFormulas,
  sofficePath,
  stripSavedResults,
  withoutFullCalcOnLoad,
  type SavedFormula,
} from "./libreoffice";

const SOFFICE = sofficePath();
if (!SOFFICE) {
  const msg =
    "\n\n*** LibreOffice (soffice) NOT FOUND: the LibreOffice recalculation, PDF and PNG checks of the board pack are SKIPPED. ***\n" +
    "*** Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils                 ***\n\n";
  console.warn(msg);
  if (process.env.CI) throw new Error("LibreOffice is required under CI: soffice was not found." + msg);
}
const describeLO = SOFFICE ? describe : describe.skip;

const DATE = "2026-11-29";
const OUT = path.join(ROOT, "out", "test-libreoffice");
const PAGES = path.join(ROOT, "out", "test-pages");

async function runDemo(xlsx: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(["board", "--out", xlsx, "--date", DATE]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describeLO("the demo board pack in LibreOffice", () => {
  const xlsx = path.join(OUT, "board-pack.xlsx");
  const stripped = path.join(OUT, "stripped", "board-pack.xlsx");
  let saved: SavedFormula[];
  const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), generatedOn: DATE, version: JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version });
  const { report: r, layout } = pack;
  let sheets: Map<string, string[][]>;
  let demo: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    demo = await runDemo(xlsx);
    const bytes = fs.readFileSync(xlsx);
    saved = await savedFormulas(bytes);
    fs.mkdirSync(path.dirname(stripped), { recursive: true });
    fs.writeFileSync(stripped, await stripSavedResults(bytes));
    sheets = convertToCsvPerSheet(stripped, path.join(OUT, "csv"), recalcProfile());
  });

  /** A recalculated cell as a number (0-based row and column). */
  function cell(sheet: string, row: number, col: number): number {
    const rows = sheets.get(sheet);
    if (!rows) throw new Error(`no sheet ${sheet} in the CSV export: ${[...sheets.keys()].join(", ")}`);
    const text = rows[row]?.[col];
    // Raw values, except that LibreOffice writes percentage-formatted cells as "1.0160%".
    const value = text !== undefined && text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    if (text === undefined || text === "" || !Number.isFinite(value))
      throw new Error(`${sheet}!${columnLetters(col)}${row + 1} is "${text}", not a number`);
    return value;
  }
  function expectPenny(sheet: string, row: number, col: number, expected: Decimal | number): void {
    const want = typeof expected === "number" ? expected : expected.toNumber();
    const got = cell(sheet, row, col);
    if (Math.abs(got - want) >= 0.005) throw new Error(`${sheet}!${columnLetters(col)}${row + 1}: LibreOffice has ${got}, the engine ${want}`);
  }

  /** Whether LibreOffice's CSV text of a cell is the saved result: text equal; numbers to the penny, percentages to the digits shown. */
  function sameValue(text: string | undefined, want: string | number | null): boolean {
    if (text === undefined || want === null) return false;
    if (typeof want === "string") return text === want;
    if (text.endsWith("%")) {
      const decimals = (text.split(".")[1] ?? "").length - 1;
      return Math.abs(Number(text.slice(0, -1)) / 100 - want) <= (0.5 * 10 ** -Math.max(0, decimals)) / 100 + 1e-12;
    }
    return text !== "" && Math.abs(Number(text) - want) < 0.005;
  }

  it("the demo wrote the pack with a saved result in every formula cell, and a request to calculate on load", async () => {
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/^Wrote .*board-pack\.xlsx/);
    expect(demo.stdout).toContain("Current terms, 2025/26");
    expect(demo.stderr).toContain("3 people (3 of 407 rows of samples/staff.csv) left out of every figure");
    expect(saved.length).toBeGreaterThan(1800);
    expect(saved.filter((s) => s.saved === null || (typeof s.saved === "number" && !Number.isFinite(s.saved)))).toEqual([]);
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    // The stripped copy really has nothing saved.
    expect(await savedFormulas(fs.readFileSync(stripped))).toEqual(saved.map((s) => ({ ...s, saved: null })));
    expect([...sheets.keys()].sort()).toEqual(["Assumptions and sources", "Board summary", "Detail", "Options", "Pool statement", "Projection", "Rows left out"]);
  });

  it("LibreOffice's recalculation of the stripped copy equals the saved result in every formula cell", () => {
    const differ = saved
      .map((s) => ({ ...s, libreOffice: sheets.get(s.sheet)?.[s.row]?.[s.col] }))
      .filter((s) => !sameValue(s.libreOffice, s.saved))
      .map((s) => `${s.sheet}!${s.ref} =${s.formula}: saved ${s.saved}, LibreOffice ${s.libreOffice}`);
    expect(differ).toEqual([]);
    console.log(`${saved.length} formula cells: LibreOffice's recalculation equals the saved result in every one`);
  });

  it("opened with calculation off, the pack as saved shows every figure and both charts (PDF, PNG)", () => {
    // Without fullCalcOnLoad too, so nothing at all asks LibreOffice to calculate: it shows what is saved.
    const dir = path.join(OUT, "no-calc");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "board-pack.xlsx");
    return withoutFullCalcOnLoad(fs.readFileSync(xlsx)).then((bytes) => {
      fs.writeFileSync(file, bytes);
      const shown = convertToCsvPerSheet(file, path.join(dir, "csv"), noRecalcProfile());
      const blank = saved.filter((s) => !sameValue(shown.get(s.sheet)?.[s.row]?.[s.col], s.saved)).map((s) => `${s.sheet}!${s.ref}`);
      expect(blank).toEqual([]);
      const pdf = convertToPdf(file, dir, noRecalcProfile());
      const summary = pdfText(pdf).split("\f")[0];
      const h = pack.headline;
      // The summary shows whole pounds (the Detail sheet keeps the pence).
      for (const v of [h.current, h.target, h.protected, h.levelledUp]) expect(summary).toContain(`£${Math.round(v.toNumber()).toLocaleString("en-GB")}`);
      const pngs = pdfToPngs(pdf, path.join(dir, "page"), 70);
      expect(pngs.length).toBe(pdfPageCount(pdf));
      console.log(`The pack with calculation off, rendered for review: ${dir} (${pngs.length} pages)`);
    });
  });

  it("recalculates the Options sheet to the penny: discount factors, each option's years, totals, net present costs, changes from the baseline", () => {
    const a = r.appraisal!;
    const o = layout.options!;
    a.years.forEach((_, t) => expect(cell("Options", o.factorRow, o.firstYearCol + t)).toBeCloseTo(a.options[0].years[t].discountFactor.toNumber(), 12));
    a.options.forEach((opt, i) => {
      const rows = o.rowsOf[i];
      opt.years.forEach((y, t) => {
        expectPenny("Options", rows.recurring, o.firstYearCol + t, y.recurring);
        expectPenny("Options", rows.oneOff, o.firstYearCol + t, y.oneOff);
        expectPenny("Options", rows.total, o.firstYearCol + t, y.total);
      });
      expectPenny("Options", rows.recurring, o.totalCol, opt.recurringTotal);
      expectPenny("Options", rows.oneOff, o.totalCol, opt.oneOffTotal);
      expectPenny("Options", rows.total, o.totalCol, opt.total);
      expectPenny("Options", rows.total, o.npcCol, opt.presentCost);
    });
    const base = a.options[a.baseline];
    a.options
      .filter((x) => !x.baseline)
      .forEach((opt, k) => {
        const row = o.change!.row + 1 + k;
        expectPenny("Options", row, o.totalCol, opt.total.minus(base.total));
        expectPenny("Options", row, o.npcCol, opt.presentCost.minus(base.presentCost));
      });
    // The hand-worked net present costs (tests/report/appraisal.test.ts), recalculated by LibreOffice.
    expectPenny("Options", o.rowsOf[0].total, o.npcCol, 92272420.48);
    expectPenny("Options", o.rowsOf[1].total, o.npcCol, 92500211.71);
    expectPenny("Options", o.rowsOf[2].total, o.npcCol, 92387347.18);
  });

  it("recalculates the summary's options appraisal to the penny", () => {
    const a = r.appraisal!;
    const t = layout.summary.appraisal!;
    const base = a.options[a.baseline];
    a.options.forEach((opt, i) => {
      const row = t.row + 1 + i;
      expectPenny("Board summary", row, 1, opt.total);
      expectPenny("Board summary", row, 2, opt.presentCost);
      expectPenny("Board summary", row, 3, opt.presentCost.minus(base.presentCost));
      expectPenny("Board summary", row, 4, opt.oneOffTotal);
      expectPenny("Board summary", row, 5, opt.years[opt.years.length - 1].recurring);
      expectPenny("Board summary", row, 6, opt.years[opt.years.length - 1].recurring.minus(base.years[base.years.length - 1].recurring));
    });
  });

  it("recalculates the summary's options, headcount and FTE to the engine's figures", () => {
    const o = layout.summary.options.row + 1;
    const h = pack.headline;
    [h.current, h.target, h.protected, h.levelledUp].forEach((v, i) => {
      expectPenny("Board summary", o + i, 1, v);
      expectPenny("Board summary", o + i, 2, v.minus(h.current));
    });
    expect(cell("Board summary", o + 2, 3)).toBeCloseTo(h.protected.minus(h.current).dividedBy(h.current).toNumber(), 10);
    expect(cell("Board summary", layout.summary.facts.headcount.row, 1)).toBe(h.headcount);
    expectPenny("Board summary", layout.summary.facts.fte.row, 1, h.fte);
    expectPenny("Board summary", layout.summary.facts.fte.row + 1, 1, h.protectionTotal);
  });

  it("recalculates protection by year, by staff group and by employer to the penny", () => {
    const p = layout.summary.protection;
    r.headline.protectionByYear.forEach((y, i) => expectPenny("Board summary", p.row + 1 + i, 3, y.cost));
    expectPenny("Board summary", p.row + 1 + r.years.length, 3, r.headline.protectionTotal);
    for (const [table, lines] of [
      [layout.summary.byGroup, r.byGroup],
      [layout.summary.byEmployer, r.byEmployer],
    ] as const) {
      lines.forEach((g, i) => {
        const row = table.row + 1 + i;
        expect(cell("Board summary", row, 1)).toBe(g.headcount);
        expectPenny("Board summary", row, 2, g.fte);
        expectPenny("Board summary", row, 3, g.current);
        expectPenny("Board summary", row, 4, g.target);
        expectPenny("Board summary", row, 5, g.protected);
        expectPenny("Board summary", row, 6, g.levelledUp);
        expectPenny("Board summary", row, 7, g.protected.minus(g.current));
        expectPenny("Board summary", row, 9, g.levelledUp.minus(g.current));
      });
      const totals = table.row + 1 + lines.length;
      expect(cell("Board summary", totals, 1)).toBe(r.headline.headcount);
      expectPenny("Board summary", totals, 3, r.headline.current);
      expectPenny("Board summary", totals, 6, r.headline.levelledUp);
    }
  });

  it("recalculates every person's totals on the Detail sheet, and the SUBTOTAL totals row", () => {
    const d = layout.detail;
    const o = d.col.options;
    r.people.forEach((p, i) => {
      const row = d.firstDataRow + i;
      // A person's figures are whole pence; the cells are pounds.
      expectPenny("Detail", row, o.current.total, p.current.total / 100);
      expectPenny("Detail", row, o.target.total, p.target.total / 100);
      expectPenny("Detail", row, o.levelledUp.total, p.levelledUp.total / 100);
      expectPenny("Detail", row, d.col.protectedTotal, p.protection.total / 100);
    });
    const totals = d.firstDataRow + r.people.length;
    expectPenny("Detail", totals, o.current.total, r.headline.current);
    expectPenny("Detail", totals, d.col.protectedTotal, r.headline.protected);
    expectPenny("Detail", totals, d.col.fte, r.headline.fte);
  });

  it("recalculates the projection year by year", () => {
    const p = layout.projection;
    r.projection.forEach((y, i) => {
      expectPenny("Projection", p.firstDataRow + i, p.col.protected, y.protected);
      expectPenny("Projection", p.firstDataRow + i, 9, y.protected.minus(y.current));
    });
    const totals = p.firstDataRow + r.projection.length;
    expectPenny("Projection", totals, p.col.current, r.projection.reduce((a, y) => a + y.current.toNumber(), 0));
  });

  it("recalculates the pool statement and each partner's memorandum account; the check is zero", () => {
    const pl = layout.pool!;
    const pool = r.pool!;
    pool.partners.forEach((a, i) => {
      const row = pl.partners.row + 1 + i;
      expectPenny("Pool statement", row, 3, a.contribution);
      expectPenny("Pool statement", row, 5, a.shareOfExpenditure);
      expectPenny("Pool statement", row, 7, a.closing);
    });
    const totals = pl.partners.row + 1 + pool.partners.length;
    expectPenny("Pool statement", totals, 3, pool.total.contribution);
    expectPenny("Pool statement", totals, 5, pool.total.expenditure);
    expectPenny("Pool statement", totals, 6, pool.total.variance);
    expectPenny("Pool statement", pl.check.row, 1, 0);
    // The first partner's memorandum account starts three rows below the check, after its heading.
    const m = pl.check.row + 3;
    expectPenny("Pool statement", m + 3, 1, pool.partners[0].contribution);
    expectPenny("Pool statement", m + 6, 1, pool.partners[0].closing);
  });

  it("prints to PDF on A4 landscape with the marking, and renders pages to PNG", () => {
    const pdf = convertToPdf(xlsx, OUT, recalcProfile());
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    const text = pdfText(pdf);
    expect(text).toContain("OFFICIAL-SENSITIVE");
    expect(text).toContain(r.title);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toMatch(/£18,\d{3},\d{3}\.\d{2}/);
    const summary = text.split("\f")[0];
    expect(summary).not.toContain("###");
    // A board paper: the decision first, the recommendation, whole pounds, less cost in brackets.
    expect(summary).toContain("The board is asked to");
    expect(summary).toContain("Recommended: Onto Agenda for Change, 3 years' cash protection");
    expect(summary).toMatch(/\(£\d{1,3}(,\d{3})+\)/);
    expect(summary).not.toMatch(/£18,\d{3},\d{3}\.\d{2}/);
    fs.rmSync(PAGES, { recursive: true, force: true });
    fs.mkdirSync(PAGES, { recursive: true });
    const pngs = pdfToPngs(pdf, path.join(PAGES, "page"), 80);
    expect(pngs.length).toBe(pages);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(1000);
    console.log(`Board pack pages rendered for review: ${PAGES} (${pngs.length} pages)`);
  });
});
