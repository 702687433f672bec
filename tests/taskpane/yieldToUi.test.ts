/** The task pane's time slicing (src/taskpane/yieldToUi.ts), with a fake clock: no browser needed. */
import { nextTurn, timeSliced } from "../../src/taskpane/yieldToUi";

type Step = { stage: string; done: number };

function slicer() {
  let clock = 0;
  const shown: Step[] = [];
  let turns = 0;
  const yieldToUi = timeSliced<Step>((s) => shown.push(s), {
    sliceMs: 40,
    now: () => clock,
    turn: async () => {
      turns++;
    },
  });
  return { yieldToUi, shown, turns: () => turns, advance: (ms: number) => (clock += ms) };
}

describe("timeSliced", () => {
  it("works on for a slice, then shows the step and hands the thread back", async () => {
    const t = slicer();
    await t.yieldToUi({ stage: "cost", done: 0 }); // a new stage: shown at once
    expect(t.turns()).toBe(1);
    for (let done = 50; done <= 300; done += 50) {
      t.advance(10);
      const turn = t.yieldToUi({ stage: "cost", done });
      if (turn) await turn;
    }
    // 60 ms of work after the first turn: one more turn, at 40 ms (done 200)
    expect(t.turns()).toBe(2);
    expect(t.shown.map((s) => s.done)).toEqual([0, 200]);
  });

  it("shows a new stage and hands the thread back at once, so its text is on screen before its work", async () => {
    const t = slicer();
    await t.yieldToUi({ stage: "cost", done: 0 });
    t.advance(1);
    expect(t.yieldToUi({ stage: "cost", done: 50 })).toBeUndefined();
    await t.yieldToUi({ stage: "layout", done: 0 });
    expect(t.shown.map((s) => s.stage)).toEqual(["cost", "layout"]);
    expect(t.turns()).toBe(2);
  });
});

describe("nextTurn", () => {
  it("resolves on a later task, after work already queued", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer queued first"), 0);
    await new Promise((r) => setTimeout(r, 5));
    const p = nextTurn().then(() => order.push("turn"));
    order.push("sync");
    await p;
    expect(order).toEqual(["timer queued first", "sync", "turn"]);
  });
});
