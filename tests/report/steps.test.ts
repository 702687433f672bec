import {
  BoardPackCancelled,
  buildBoardPack,
  buildBoardPackAsync,
  buildBoardPackSteps,
  type BoardPackInput,
  type BoardPackResult,
  type BoardPackStep,
} from "../../src/report/boardPack";
import { PERSON_YEARS_PER_STEP } from "../../src/report/build";
import { DETAIL_ROWS_PER_STEP } from "../../src/sheets/board";
import { STAFF_ROWS_PER_STEP } from "../../src/intake";
import { sampleScenario, sampleTable, singleScenario } from "./sample";

const GEN = { generatedOn: "2026-11-29", version: "9.9.9" };

/** Runs the generator by hand: every step, and the result. */
function runSteps(input: BoardPackInput, peoplePerStep?: number): { steps: BoardPackStep[]; result: BoardPackResult } {
  const gen = buildBoardPackSteps(input, { peoplePerStep });
  const steps: BoardPackStep[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { steps, result: r.value };
    steps.push(r.value);
  }
}

const costSteps = (steps: BoardPackStep[]) => steps.filter((s) => s.stage === "cost");

describe("buildBoardPackSteps", () => {
  // The single-scenario pack: the appraisal's own steps are checked below.
  const input: BoardPackInput = { table: sampleTable(), scenario: singleScenario(), ...GEN };
  const { steps, result } = runSteps(input);
  const costed = result.report.people.length; // 404 of the sample's 407 rows

  it("gives the same pack as buildBoardPack", () => {
    expect(result).toEqual(buildBoardPack(input));
  });

  it("yields its progress: reading, costing in steps, laying out sheet by sheet", () => {
    expect(steps[0]).toEqual({ stage: "read", done: 0, total: input.table.length });
    // 408 rows: a step part-way, after STAFF_ROWS_PER_STEP (250) rows, then the end.
    expect(steps[1]).toEqual({ stage: "read", done: STAFF_ROWS_PER_STEP, total: input.table.length });
    expect(steps[2]).toEqual({ stage: "read", done: input.table.length, total: input.table.length });
    const layout = steps.filter((s) => s.stage === "layout");
    // 404 people: the Detail sheet yields part-way every DETAIL_ROWS_PER_STEP (200) rows.
    expect(layout).toEqual([
      { stage: "layout", done: 0, total: costed, sheet: "Detail" },
      { stage: "layout", done: DETAIL_ROWS_PER_STEP, total: costed, sheet: "Detail" },
      { stage: "layout", done: 2 * DETAIL_ROWS_PER_STEP, total: costed, sheet: "Detail" },
      { stage: "layout", done: 0, total: 0, sheet: "Projection" },
      { stage: "layout", done: 0, total: 0, sheet: "Board summary" },
      { stage: "layout", done: 0, total: 0, sheet: "Assumptions and sources" },
    ]);
    expect(steps.slice(-layout.length)).toEqual(layout);
    const cost = costSteps(steps);
    expect(steps.slice(3, -layout.length)).toEqual(cost);
    expect(cost[0]).toEqual({ stage: "cost", done: 0, total: costed, pass: 1, years: 4 });
    expect(cost[cost.length - 1].done).toBe(costed);
    for (let i = 1; i < cost.length; i++) expect(cost[i].done).toBeGreaterThan(cost[i - 1].done);
    expect(cost.length).toBeGreaterThan(5);
  });

  it("costs at most PERSON_YEARS_PER_STEP person-years a step (well under 100 ms of work)", () => {
    const cost = costSteps(steps);
    for (let i = 1; i < cost.length; i++) expect((cost[i].done - cost[i - 1].done) * cost[i].years!).toBeLessThanOrEqual(PERSON_YEARS_PER_STEP);
    expect(cost[1].done).toBe(Math.floor(PERSON_YEARS_PER_STEP / 4));
  });

  it("takes the number of people a step from the caller, with the same result", () => {
    const small = runSteps(input, 7);
    expect(costSteps(small.steps).map((s) => s.done)).toEqual([...Array.from({ length: Math.floor(costed / 7) + 1 }, (_, i) => i * 7), costed]);
    expect(small.result).toEqual(result);
  });

  it("costs everyone again over more years when protection outlasts the projection, and says so", () => {
    const redCircle = { table: sampleTable(), scenario: singleScenario({ protection: { policy: "REDCIRCLE" }, pool: null }), ...GEN };
    const run = runSteps(redCircle);
    const cost = costSteps(run.steps);
    const passes = [...new Set(cost.map((s) => `${s.pass}:${s.years}`))];
    expect(passes).toEqual(["1:5", "2:10", "3:15"]);
    expect(cost.filter((s) => s.pass === 3).pop()!.done).toBe(costed);
    expect(run.result.report.years).toHaveLength(15);
    expect(run.result).toEqual(buildBoardPack(redCircle));
  });

  it("costs an appraisal's options after the scenario, in steps marked as the options', and gives the same pack", () => {
    const withOptions: BoardPackInput = { table: sampleTable(), scenario: sampleScenario(), ...GEN };
    const run = runSteps(withOptions);
    const cost = costSteps(run.steps);
    const options = cost.filter((s) => s.options);
    expect(cost.filter((s) => !s.options)).toEqual(costSteps(steps));
    expect(options[0]).toMatchObject({ done: 0, total: costed, years: 5, options: true });
    expect(options[options.length - 1].done).toBe(costed);
    // Three options over five years: 15 person-years a person, so at most 16 people a step.
    for (let i = 1; i < options.length; i++) expect(options[i].done - options[i - 1].done).toBeLessThanOrEqual(Math.floor(PERSON_YEARS_PER_STEP / 15));
    expect(run.result).toEqual(buildBoardPack(withOptions));
  });

  it("can be dropped part-way", () => {
    const gen = buildBoardPackSteps(input);
    for (let i = 0; i < 5; i++) gen.next();
    expect(gen.return(undefined as never)).toEqual({ done: true, value: undefined });
    expect(gen.next().done).toBe(true);
  });

  it("reports progress through buildBoardPack's onProgress as before: by stage, costing from the first step", () => {
    const calls: [string, number, number][] = [];
    buildBoardPack({ ...input, onProgress: (s, d, t) => calls.push([s, d, t]) });
    expect([...new Set(calls.map((c) => c[0]))]).toEqual(["read", "cost", "layout"]);
    const cost = calls.filter((c) => c[0] === "cost");
    expect(cost[0][1]).toBeGreaterThan(0);
    expect(cost[cost.length - 1]).toEqual(["cost", costed, costed]);
  });
});

describe("buildBoardPackAsync", () => {
  // The single-scenario pack: the appraisal's own steps are checked below.
  const input: BoardPackInput = { table: sampleTable(), scenario: singleScenario(), ...GEN };
  const expected = buildBoardPack(input);
  const { steps } = runSteps(input);

  it("hands the thread back after every step and gives the same pack as buildBoardPack", async () => {
    const seen: BoardPackStep[] = [];
    let otherWork = 0; // work that only runs when the driver yields to the event loop
    const result = await buildBoardPackAsync(input, {
      yieldToUi: (step) => {
        seen.push(step);
        return new Promise<void>((resolve) =>
          setImmediate(() => {
            otherWork++;
            resolve();
          }),
        );
      },
    });
    expect(seen).toEqual(steps);
    expect(otherWork).toBe(steps.length);
    expect(result).toEqual(expected);
  });

  it("waits for each yield before the next step", async () => {
    const gates: (() => void)[] = [];
    const seen: BoardPackStep[] = [];
    const done = buildBoardPackAsync(input, {
      yieldToUi: (step) => {
        seen.push(step);
        return new Promise<void>((resolve) => gates.push(resolve));
      },
    });
    const settle = () => new Promise((r) => setImmediate(r));
    await settle();
    expect(seen).toHaveLength(1);
    await settle();
    expect(seen).toHaveLength(1); // still waiting for the user interface
    gates[0]();
    await settle();
    expect(seen).toHaveLength(2);
    for (let i = 1; i < steps.length; i++) {
      gates[i]();
      await settle();
    }
    expect(await done).toEqual(expected);
  });

  it("goes straight on when yieldToUi returns nothing, and calls onProgress as buildBoardPack does", async () => {
    const sync: string[] = [];
    const async: string[] = [];
    buildBoardPack({ ...input, onProgress: (s, d, t) => sync.push(`${s} ${d}/${t}`) });
    let yields = 0;
    const result = await buildBoardPackAsync({ ...input, onProgress: (s, d, t) => async.push(`${s} ${d}/${t}`) }, { yieldToUi: () => void yields++ });
    expect(yields).toBe(steps.length);
    expect(async).toEqual(sync);
    expect(result).toEqual(expected);
  });

  it("stops when cancelled, between steps", async () => {
    let yields = 0;
    await expect(
      buildBoardPackAsync(input, {
        yieldToUi: async () => {
          yields++;
        },
        cancelled: () => yields >= 3,
      }),
    ).rejects.toBeInstanceOf(BoardPackCancelled);
    expect(yields).toBe(3);
  });

  it("stops with the error when yieldToUi fails", async () => {
    let yields = 0;
    await expect(
      buildBoardPackAsync(input, {
        yieldToUi: () => {
          if (++yields === 4) return Promise.reject(new Error("pane closed"));
        },
      }),
    ).rejects.toThrow("pane closed");
    expect(yields).toBe(4);
  });
});
