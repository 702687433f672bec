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
import { main } from "../../src/cli/commands";
import { parseBoardScenario } from "../../src/report/scenario";
import { ROOT, sampleScenario, sampleScenarioJson } from "../report/sample";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeCorpus } = require("../../scripts/make-export-corpus.js") as { makeCorpus(dir: string): Promise<{ name: string; expect: "same" | "stop"; column?: string }[]> };

const scenario = sampleScenario();

async function pack(file: string, using = scenario): Promise<BoardPackResult> {
  const raw = await readStaffFile(file, { file, scoreHeader: staffHeadingCount });
  return buildBoardPack({ table: [], raw, scenario: using, generatedOn: "2026-12-07", version: "test" });
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

  test("caretrust init on the ESR-style export leaves the council rates to fill; filled with the sample's rates, it costs everyone to the sample's totals", async () => {
    const list = path.join(dir, "esr-title-rows.csv");
    const said = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["init", list, "--target", "AFC"])).toBe(0);
    } finally {
      said.mockRestore();
    }
    const starter = JSON.parse(fs.readFileSync(path.join(dir, "esr-title-rows.scenario.json"), "utf8"));
    // The council staff give their hours in AfC's groups: 55 rows need one rate for nights and Saturdays, 31 for Sundays and public holidays.
    expect(starter.currentTerms).toEqual({ NJC: { unsocialRates: { nightsAndSaturdays: "", sundaysAndPublicHolidays: "" } } });
    expect(starter.notes.map((n: string) => /^(\S+): (\d+) rows need/.exec(n)!.slice(1))).toEqual([
      ["currentTerms.NJC.unsocialRates.nightsAndSaturdays", "55"],
      ["currentTerms.NJC.unsocialRates.sundaysAndPublicHolidays", "31"],
    ]);
    // The sample pays Saturdays at time plus a third (the Green Book's night rate, so one rate for both) and Sundays and public holidays at time and a half.
    const { currentTerms: sampleRates, ...sampleSettings } = sampleScenarioJson();
    expect(sampleRates).toEqual({ NJC: { unsocialRates: { saturdays: "1/3", sundaysAndPublicHolidays: "50%" } } });
    starter.currentTerms.NJC.unsocialRates = { nightsAndSaturdays: "1/3", sundaysAndPublicHolidays: "50%" };
    const { title, description, notes, jobMatch, protection, ...rest } = starter;
    expect([title, description, notes.length, jobMatch, protection]).toEqual(["Harmonisation of esr-title-rows", expect.any(String), 2, [], { policy: "NONE" }]);
    const r = await pack(list, parseBoardScenario({ ...sampleSettings, ...rest }));
    expect(r.issues.filter((i) => /cannot be costed/.test(i.message))).toEqual([]);
    expect(totals(r)).toEqual(sample);
  });

  test("a pay column the calculator does not understand stops the run, naming it and the fix", async () => {
    const r = await pack(path.join(dir, "overtime-column.csv"));
    expect(r.headline.headcount).toBe(0);
    expect(r.intake.stops[0]).toMatchObject({ column: "Overtime", message: expect.stringMatching(/looks like an enhancement .* delete the column or rename it/) });
  });
});
