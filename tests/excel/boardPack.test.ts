/**
 * The real board pack (src/report/boardPack.ts) through the Office.js renderer, against the
 * recording fake: the same round trips for 10 and 10,000 staff, staff text kept as text.
 */
import { applyPlan } from "../../src/excel/applyPlan";
import { buildBoardPack } from "../../src/report/boardPack";
import { parseBoardScenario } from "../../src/report/scenario";
import { FakeExcel } from "../../src/testSupport/recordingExcel";
import { SCENARIO, STAFF_HEADER, staffTable } from "./staffFixtures";

async function renderPack(rows: number, edit?: (t: (string | number)[][]) => void, scenario: object = SCENARIO) {
  const table = staffTable(rows);
  edit?.(table);
  const pack = buildBoardPack({ table, scenario: parseBoardScenario(scenario), generatedOn: "2026-11-29", version: "0.1.0", firstRowNumber: 1 });
  const fake = new FakeExcel();
  fake.workbook.seedTable("Staff", "StaffList", "A1", table);
  const result = await fake.run((ctx) => applyPlan(ctx, pack.workbook));
  return { pack, fake, result };
}

test("the board pack for 10 and for 10,000 staff: three syncs each (read, write, print set-up), the same actions, requests under 5 MB", async () => {
  const runs = [await renderPack(10), await renderPack(10_000)];
  for (const r of runs) {
    console.log(
      `board pack, ${r.pack.totalRows.toLocaleString("en-GB")} staff: ${r.fake.syncs} syncs, requests ${r.fake.requests.map((q) => q.bytes.toLocaleString("en-GB")).join(" + ")} bytes, ` +
        `${r.fake.log.length} actions; sheets ${r.result.sheets.map((s) => s.name).join(", ")}`,
    );
    expect(r.pack.issues).toEqual([]);
    expect(r.fake.requests.every((q) => q.bytes < 5_000_000)).toBe(true);
    expect(r.fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff", ...r.result.sheets.map((s) => s.name)]);
  }
  const [small, large] = runs;
  expect(small.fake.syncs).toBe(3);
  expect(large.fake.syncs).toBe(3);
  expect(large.fake.log.length).toBe(small.fake.log.length);
  expect(large.fake.workbook.tables.find((t) => t.name === "Detail")?.dataRows).toBe(10_000);
}, 180_000);

test("a bad row is left out, and a name that looks like markup or a formula stays text", async () => {
  const evil = "<img src=x onerror=alert(1)>";
  const { pack, fake } = await renderPack(
    6,
    (t) => {
      t[2][1] = evil;
      t[3][1] = "=HYPERLINK(\"http://example.com\",\"click\")";
      t[4][STAFF_HEADER.indexOf("FTE")] = "abc";
    },
    { ...SCENARIO, includeNames: true },
  );
  expect(pack.issues).toEqual([expect.objectContaining({ row: 5, column: "FTE" })]);
  const detail = fake.workbook.sheet("Detail");
  const texts = [...detail.cells.values()].filter((c) => c.kind === "text").map((c) => c.value);
  expect(texts).toContain(evil);
  expect(texts).toContain("=HYPERLINK(\"http://example.com\",\"click\")");
  const formulas = [...detail.cells.values()].filter((c) => c.kind === "formula").map((c) => String(c.value));
  expect(formulas.some((f) => f.includes("HYPERLINK"))).toBe(false);
});
