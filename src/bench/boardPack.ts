/**
 * The board pack for 1,000 to 100,000 staff: the time to build the sheet plan (read and validate
 * the list, cost everyone, lay out the sheets) and the longest step it takes (the task pane hands
 * the thread back between steps), the memory the plan needs, the number of context.sync() round trips
 * and the largest request when the Office.js renderer writes it (against the recording fake of the
 * Excel API in src/testSupport/recordingExcel.ts), and the time to write the .xlsx file.
 * Run in a child process per size, so that the peak memory is that size's own.
 */
import { nowNs, optionalModule, peakRssBytes, secondsSince } from "./measure";
import { FakeExcel } from "../testSupport/recordingExcel";
import { BENCH_JOB_MATCH } from "./harmonise";
import { staffTable } from "./staffList";

export interface BoardPackFigures {
  n: number;
  readSeconds: number;
  costSeconds: number;
  layoutSeconds: number;
  planSeconds: number;
  /**
   * The steps the plan was built in (buildBoardPackSteps) and the longest of them: the longest the
   * task pane holds the thread (it hands it back between steps). Null when the build is one call.
   */
  steps: { count: number; longestMs: number; longestCostMs: number; longestStage: string } | null;
  sheets: number;
  planCells: number;
  issues: number;
  /** Peak RSS when the plan was built (before writing it anywhere), and the heap the pack holds then. */
  planPeakRssBytes: number;
  planHeapBytes: number | null;
  office:
    | {
        seconds: number;
        /** Round trips and request sizes as the fake received them (serialised as Office.js sends them). */
        syncs: number;
        largestRequestBytes: number;
        totalRequestBytes: number;
        /** The renderer's own count and estimate of its largest write request. */
        rendererSyncs: number;
        rendererLargestBytes: number;
      }
    | { unavailable: string };
  xlsx: { seconds: number; bytes: number } | { unavailable: string };
  peakRssBytes: number;
}

interface PlanLike {
  sheets: { blocks?: unknown[] }[];
}

function countCells(plan: unknown): number {
  // Cells of every value block and table the plan holds (rows × columns), as a size measure.
  let cells = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      if (v.length > 0 && Array.isArray(v[0])) {
        for (const row of v) cells += (row as unknown[]).length;
        return;
      }
      for (const x of v) visit(x, depth + 1);
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(plan, 0);
  return cells;
}

export async function boardPackChild(n: number): Promise<BoardPackFigures | { unavailable: string }> {
  const pack = optionalModule<typeof import("../report/boardPack")>("../report/boardPack");
  if (!pack.ok) return { unavailable: `the board pack (src/report/boardPack.ts) is not built: ${pack.why}` };
  const scenarioMod = optionalModule<typeof import("../report/scenario")>("../report/scenario");
  if (!scenarioMod.ok) return { unavailable: `the board scenario (src/report/scenario.ts) is not built: ${scenarioMod.why}` };
  const scenario = scenarioMod.mod.parseBoardScenario({
    title: "Benchmark",
    financialYear: "2025/26",
    targetTerms: "AFC",
    protection: { policy: "CASH", years: 3 },
    lgpsEmployerRate: 0.195,
    jobMatch: BENCH_JOB_MATCH,
  });
  const table = staffTable(n);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const input = { table, scenario, generatedOn: "2026-01-01", version: "bench" };
  const stageStart = new Map<string, bigint>();
  const stageSeconds = new Map<string, number>();
  const onStep = (stage: string, done: number, total: number) => {
    if (!stageStart.has(stage)) stageStart.set(stage, nowNs());
    if (done === total) stageSeconds.set(stage, Number(nowNs() - stageStart.get(stage)!) / 1e9);
  };
  let steps: BoardPackFigures["steps"] = null;
  let result: import("../report/boardPack").BoardPackResult;
  const t0 = nowNs();
  if (typeof pack.mod.buildBoardPackSteps === "function") {
    // Drive the steps as the task pane does (without the pauses), timing each.
    const gen = pack.mod.buildBoardPackSteps(input);
    let count = 0;
    let longestMs = 0;
    let longestCostMs = 0;
    let longestStage = "";
    let last = nowNs();
    for (;;) {
      const r = gen.next();
      const now = nowNs();
      if (r.done) {
        result = r.value;
        break;
      }
      const ms = Number(now - last) / 1e6;
      last = now;
      count++;
      if (ms > longestMs) {
        longestMs = ms;
        longestStage = r.value.stage;
      }
      if (r.value.stage === "cost" && r.value.done > 0) longestCostMs = Math.max(longestCostMs, ms);
      onStep(r.value.stage, r.value.done, r.value.total);
    }
    steps = { count, longestMs, longestCostMs, longestStage };
  } else {
    result = pack.mod.buildBoardPack({ ...input, onProgress: onStep });
  }
  const planSeconds = secondsSince(t0);
  const planPeakRssBytes = peakRssBytes();
  gc?.();
  const planHeapBytes = gc ? process.memoryUsage().heapUsed - heapBefore : null;
  const plan = result.workbook as unknown as PlanLike;

  let office: BoardPackFigures["office"];
  const apply = optionalModule<typeof import("../excel/applyPlan")>("../excel/applyPlan");
  if (!apply.ok) office = { unavailable: `the Office.js renderer (src/excel/applyPlan.ts) is not built: ${apply.why}` };
  else {
    const excel = new FakeExcel();
    const t = nowNs();
    const r = await excel.run((ctx) => apply.mod.applyPlan(ctx as Excel.RequestContext, result.workbook, { isSetSupported: () => true }));
    office = {
      seconds: secondsSince(t),
      syncs: excel.syncs,
      largestRequestBytes: excel.requests.reduce((a, q) => Math.max(a, q.bytes), 0),
      totalRequestBytes: excel.requests.reduce((a, q) => a + q.bytes, 0),
      rendererSyncs: r.syncs,
      rendererLargestBytes: r.largestRequestBytes,
    };
  }

  let xlsx: BoardPackFigures["xlsx"];
  const render = optionalModule<typeof import("../xlsx/render")>("../xlsx/render");
  if (!render.ok) xlsx = { unavailable: `the .xlsx renderer (src/xlsx/render.ts) is not built: ${render.why}` };
  else {
    const t = nowNs();
    const buf = await render.mod.renderXlsx(result.workbook);
    xlsx = { seconds: secondsSince(t), bytes: buf.length };
  }

  return {
    n,
    readSeconds: stageSeconds.get("read") ?? 0,
    costSeconds: stageSeconds.get("cost") ?? 0,
    layoutSeconds: stageSeconds.get("layout") ?? 0,
    planSeconds,
    steps,
    sheets: plan.sheets.length,
    planCells: countCells(plan),
    issues: result.issues.length,
    planPeakRssBytes,
    planHeapBytes,
    office,
    xlsx,
    peakRssBytes: peakRssBytes(),
  };
}
