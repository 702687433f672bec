/**
 * The staff list is read, and the sheets laid out, a step at a time (as the costing is), so the
 * task pane can hand the thread back and honour Cancel in every stage. The steps give exactly what
 * the one-call functions give.
 */
import { readStaffRows, readStaffRowsSteps } from "../../src/intake";
import { buildBoardPack } from "../../src/report/boardPack";
import { boardWorkbookPlan, boardWorkbookPlanSteps, detailSheet, detailSheetSteps } from "../../src/sheets/board";
import { sampleScenario, sampleTable } from "./sample";

function drain<S, T>(gen: Generator<S, T, void>): { steps: S[]; value: T } {
  const steps: S[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { steps, value: r.value };
    steps.push(r.value);
  }
}

describe("reading the staff list in steps", () => {
  const table = sampleTable(); // a header and 406 rows
  const options = { firstRowNumber: 5 };

  it("yields every rowsPerStep rows read, and gives what readStaffRows gives", () => {
    const { steps, value } = drain(readStaffRowsSteps(table, options, 100));
    expect(steps).toEqual([100, 200, 300, 400]);
    expect(value).toEqual(readStaffRows(table, options));
  });

  it("yields nothing for a table shorter than a step", () => {
    expect(drain(readStaffRowsSteps(table.slice(0, 50), options)).steps).toEqual([]);
  });
});

describe("laying out the sheets in steps", () => {
  const report = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), generatedOn: "2026-11-29", version: "9.9.9" }).report;
  const people = report.people.length;

  it("the Detail sheet yields every rowsPerStep people and gives what detailSheet gives", () => {
    const { steps, value } = drain(detailSheetSteps(report, 100));
    expect(steps.map((s) => s.done)).toEqual([100, 200, 300, 400].filter((n) => n < people));
    expect(steps.every((s) => s.sheet === "Detail" && s.total === people)).toBe(true);
    expect(value).toEqual(detailSheet(report));
  });

  it("the whole pack yields before each sheet and gives what boardWorkbookPlan gives", () => {
    const { steps, value } = drain(boardWorkbookPlanSteps(report));
    expect([...new Set(steps.map((s) => s.sheet))]).toEqual(["Detail", "Projection", "Options", "Board summary", "Assumptions and sources"]);
    expect(value).toEqual(boardWorkbookPlan(report));
  });
});
