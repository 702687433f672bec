/**
 * The export corpus (scripts/make-export-corpus.js): the sample's people in the shapes staff lists
 * really arrive in. Each is costed to the same totals as the sample itself, or stops naming the
 * column and the fix.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { readStaffFile } from "../../src/intake/readers";
import { buildBoardPack, type BoardPackResult } from "../../src/report/boardPack";
import { staffHeadingCount } from "../../src/cli/board";
import { ROOT, sampleScenario } from "../report/sample";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeCorpus } = require("../../scripts/make-export-corpus.js") as { makeCorpus(dir: string): Promise<{ name: string; expect: "same" | "stop"; column?: string }[]> };

const scenario = sampleScenario();

async function pack(file: string): Promise<BoardPackResult> {
  const raw = await readStaffFile(file, { file, scoreHeader: staffHeadingCount });
  return buildBoardPack({ table: [], raw, scenario, generatedOn: "2026-12-07", version: "test" });
}

const totals = (r: BoardPackResult) => {
  const h = r.headline;
  return { headcount: h.headcount, fte: h.fte.toString(), current: h.current.toString(), target: h.target.toString(), protected: h.protected.toString(), levelledUp: h.levelledUp.toString(), leftOut: r.skippedRows };
};

describe("the export corpus", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-corpus-"));
  let files: { name: string; expect: "same" | "stop"; column?: string }[] = [];
  let sample: ReturnType<typeof totals>;

  beforeAll(async () => {
    files = await makeCorpus(dir);
    sample = totals(await pack(path.join(ROOT, "samples", "staff.csv")));
  });

  test("makes every shape", () => {
    expect(files.map((f) => f.name).sort()).toEqual(
      ["council-cover-sheet.xlsx", "esr-title-rows.csv", "hidden-leavers.xlsx", "overtime-column.csv", "semicolon.csv", "tab-separated.txt", "unusual-headings.csv", "windows-1252.csv"].sort(),
    );
    expect(sample.headcount).toBeGreaterThan(400);
  });

  for (const name of ["esr-title-rows.csv", "semicolon.csv", "windows-1252.csv", "unusual-headings.csv", "tab-separated.txt", "council-cover-sheet.xlsx", "hidden-leavers.xlsx"]) {
    test(`${name} is costed to the sample's totals`, async () => {
      const r = await pack(path.join(dir, name));
      expect(totals(r)).toEqual(sample);
      if (name === "hidden-leavers.xlsx") expect(r.intake.hiddenRows).toHaveLength(10);
      if (name === "esr-title-rows.csv") {
        expect(r.intake.rowsAboveHeader).toBe(3);
        expect(r.intake.columnsNotUsed.map((c) => c.heading)).toEqual(expect.arrayContaining(["Organisation", "Position Title", "Annual Salary"]));
      }
      if (name === "council-cover-sheet.xlsx") expect(r.intake.notes.join(" ")).toMatch(/"Grade" is not read as a point/);
    });
  }

  test("a pay column the calculator does not understand stops the run, naming it and the fix", async () => {
    const r = await pack(path.join(dir, "overtime-column.csv"));
    expect(r.headline.headcount).toBe(0);
    expect(r.intake.stops[0]).toMatchObject({ column: "Overtime", message: expect.stringMatching(/looks like an enhancement .* delete the column or rename it/) });
  });
});
