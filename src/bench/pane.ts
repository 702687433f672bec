/**
 * The longest time the task pane holds the thread in each stage of a board pack: reading (checking
 * the staff rows), costing, laying out the sheets and writing (building the write requests). The
 * pane's own drivers are used (buildBoardPackAsync and applyPlan with the pane's `timeSliced`,
 * 40 ms slices); a "hold" is the time from the pane getting the thread back to handing it back
 * again. The recording fake's own work in context.sync() (which is Excel's, in another process, in
 * real Office) is not counted; the round trips are.
 */
import { FakeExcel } from "../testSupport/recordingExcel";
import { applyPlan } from "../excel/applyPlan";
import { buildBoardPackAsync, type BoardPackStep } from "../report/boardPack";
import { parseBoardScenario } from "../report/scenario";
import { PANE_PEOPLE_PER_STEP, timeSliced } from "../taskpane/yieldToUi";
import { BENCH_JOB_MATCH } from "./harmonise";
import { staffTable } from "./staffList";

export interface PaneFigures {
  n: number;
  /** Longest hold in milliseconds, and the number of times the pane handed the thread back, per stage. */
  stages: { stage: string; longestMs: number; turns: number; seconds: number }[];
  syncs: number;
}

const now = () => performance.now();
const turnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function paneChild(n: number): Promise<PaneFigures> {
  const scenario = parseBoardScenario({
    title: "Benchmark",
    financialYear: "2025/26",
    targetTerms: "AFC",
    protection: { policy: "CASH", years: 3 },
    lgpsEmployerRate: 0.195,
    jobMatch: BENCH_JOB_MATCH,
  });
  const table = staffTable(n);
  const stats = new Map<string, { longestMs: number; turns: number; from: number; to: number }>();
  let stage = "read";
  let resumed = now();
  const hold = (): void => {
    const t = now();
    const s = stats.get(stage) ?? { longestMs: 0, turns: 0, from: resumed, to: t };
    s.longestMs = Math.max(s.longestMs, t - resumed);
    s.turns++;
    s.to = t;
    stats.set(stage, s);
  };
  // The pane's driver: hands the thread back every 40 ms of work (and at each new stage).
  const turn = async (): Promise<void> => {
    hold();
    await turnOfTheLoop();
    resumed = now();
  };
  const showStep = (step: BoardPackStep) => {
    stage = step.stage;
  };
  // A new stage's first step is shown (and given a turn) before its work: the hold so far belongs to the stage before.
  const slicedBuild = timeSliced<BoardPackStep>(() => undefined, { turn });
  resumed = now();
  const pack = await buildBoardPackAsync(
    { table, scenario, generatedOn: "2026-01-01", version: "bench" },
    {
      yieldToUi: (step) => {
        const t = slicedBuild(step);
        showStep(step);
        return t;
      },
      peoplePerStep: PANE_PEOPLE_PER_STEP,
    },
  );
  stage = "write";
  const excel = new FakeExcel();
  const slicedWrite = timeSliced<{ stage: string }>(() => undefined, { turn });
  await excel.run(async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    const sync = context.sync.bind(context);
    // The fake's own work in sync() stands for Excel's: not the pane's hold.
    (context as { sync: () => Promise<void> }).sync = async () => {
      hold();
      await sync();
      resumed = now();
    };
    resumed = now();
    return applyPlan(context, pack.workbook, { isSetSupported: () => true, yieldToUi: () => slicedWrite({ stage: "write" }) });
  });
  hold();
  const names: Record<string, string> = { read: "reading", cost: "costing", layout: "layout", write: "writing" };
  return {
    n,
    stages: ["read", "cost", "layout", "write"].map((k) => {
      const s = stats.get(k) ?? { longestMs: 0, turns: 0, from: 0, to: 0 };
      return { stage: names[k], longestMs: s.longestMs, turns: s.turns, seconds: (s.to - s.from) / 1000 };
    }),
    syncs: excel.syncs,
  };
}
