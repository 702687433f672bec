/**
 * The Pool statement over several years (samples/scenario-pool-years.json) written by the command
 * line and recalculated by LibreOffice from a copy with every saved result stripped: each formula
 * (the partners' accounts, the aligned budgets, the lines with income, each year's borne and
 * settlement, the reserve ledger's closing balances) must come to the result the engine saved.
 */
import fs from "fs";
import path from "path";
import { main } from "../../src/cli/commands";
import { ROOT } from "../report/sample";
import { convertToCsvPerSheet, convertToPdf, pdfToPngs, recalcProfile, savedFormulas, sofficePath, stripSavedResults, type SavedFormula } from "./libreoffice";

const describeLO = sofficePath() ? describe : describe.skip;
const OUT = path.join(ROOT, "out", "test-pool-years");

describeLO("a pool over three years, recalculated by LibreOffice", () => {
  const xlsx = path.join(OUT, "pool-years.xlsx");
  let saved: SavedFormula[];
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["board", "--scenario", path.join(ROOT, "samples", "scenario-pool-years.json"), "--out", xlsx, "--date", "2026-12-07"])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    saved = (await savedFormulas(fs.readFileSync(xlsx))).filter((s) => s.sheet === "Pool statement");
    const stripped = path.join(OUT, "stripped", "pool-years.xlsx");
    fs.mkdirSync(path.dirname(stripped), { recursive: true });
    fs.writeFileSync(stripped, await stripSavedResults(fs.readFileSync(xlsx)));
    sheets = convertToCsvPerSheet(stripped, path.join(OUT, "csv"), recalcProfile());
  }, 240000);

  it("every formula on the Pool statement recalculates to the saved result", () => {
    expect(saved.length).toBeGreaterThan(40);
    const differ = saved
      .map((s) => ({ ...s, lo: sheets.get(s.sheet)?.[s.row]?.[s.col] }))
      .filter((s) => s.lo === undefined || typeof s.saved !== "number" || Math.abs(Number(s.lo) - s.saved) >= 0.005)
      .map((s) => `${s.ref} =${s.formula}: saved ${s.saved}, LibreOffice ${s.lo}`);
    expect(differ).toEqual([]);
    console.log(`Pool statement over three years: ${saved.length} formula cells, LibreOffice equals the engine in every one`);
  });

  it("prints, with the chart of the reserve and the partners' positions (PDF, PNG)", () => {
    const pdf = convertToPdf(xlsx, OUT, recalcProfile());
    const pngs = pdfToPngs(pdf, path.join(OUT, "page"), 60);
    expect(pngs.length).toBeGreaterThan(3);
    console.log(`Rendered for review: ${OUT} (${pngs.length} pages)`);
  });
});
