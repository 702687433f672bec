/**
 * Rows per second through the whole-table custom functions: one call for the whole list.
 * LEVELUPTABLE reads the benchmark's staff list (src/bench/staffList.ts) and costs every person
 * through the harmonisation engine for one year.
 */
import { FUNCTIONS } from "../functions/registry";
import { BENCH_JOB_MATCH } from "./harmonise";
import * as os from "os";
import { best, fmt, fmtSeconds } from "./measure";
import { staffTable } from "./staffList";

function payColumn(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [i % 500 === 499 ? null : 18000 + ((i * 7919) % 60000) + 0.5 * (i % 2)]);
}
function schemeColumn(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [i % 3 === 2 ? "LGPS" : "NHS"]);
}
function rateColumn(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [i % 3 === 2 ? 0.195 : "FULL"]);
}
const BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b"];

/** The custom functions by name: this build's registry, or a baseline build's. */
export type TableFunctions = ReadonlyMap<string, (...args: never[]) => unknown>;

/** The calls of the whole-table functions for n rows, over the same inputs whichever build's functions they call. */
function tableRuns(functions: TableFunctions, n: number, inputs: TableInputs): { name: string; call: () => unknown }[] {
  const call = (name: string) => functions.get(name) as ((...args: unknown[]) => unknown) | undefined;
  const costTable = call("COSTTABLE");
  const salaryTable = call("SALARYTABLE");
  const levelUpTable = call("LEVELUPTABLE");
  const runs: { name: string; call: () => unknown }[] = [];
  if (costTable) runs.push({ name: "COSTTABLE", call: () => costTable(inputs.pays, inputs.schemes, "2025/26", inputs.rates) });
  if (salaryTable) runs.push({ name: "SALARYTABLE", call: () => salaryTable([["AFC"]], inputs.grades, inputs.steps, "2025/26") });
  if (levelUpTable) runs.push({ name: "LEVELUPTABLE", call: () => levelUpTable(inputs.staff, "AFC", "2025/26", 0.195, inputs.jobMatch) });
  return runs;
}

interface TableInputs {
  pays: unknown[][];
  schemes: unknown[][];
  rates: unknown[][];
  grades: unknown[][];
  steps: unknown[][];
  staff: unknown[][];
  jobMatch: string[][];
}

/** The best time of a run (one call for the whole list; LEVELUPTABLE at 100,000 rows once, it is slow). */
function timeRun(name: string, n: number, call: () => unknown): number {
  const slow = name === "LEVELUPTABLE" && n >= 100000;
  if (!slow) call(); // warm up
  return best(slow ? 1 : n >= 100000 ? 2 : 5, () => void call());
}

/**
 * Rows a second through each whole-table function at each size; with a baseline (an older build's
 * functions), each is timed again through the baseline right after, over the same inputs.
 */
export function tableBenchmarks(sizes: readonly number[], log: (line: string) => void, baseline: { label: string; functions: TableFunctions } | null = null): void {
  const jobMatch = BENCH_JOB_MATCH.map((r) => [r.from, r.to]);
  for (const n of sizes) {
    const inputs: TableInputs = {
      pays: payColumn(n),
      schemes: schemeColumn(n),
      rates: rateColumn(n),
      grades: Array.from({ length: n }, (_, i) => [BANDS[i % BANDS.length]]),
      steps: Array.from({ length: n }, (_, i) => [1 + (i % 2)]),
      staff: staffTable(n),
      jobMatch,
    };
    const before = baseline ? new Map(tableRuns(baseline.functions, n, inputs).map((r) => [r.name, r.call])) : null;
    for (const r of tableRuns(FUNCTIONS as TableFunctions, n, inputs)) {
      const loadNow = os.loadavg()[0].toFixed(2);
      const s = timeRun(r.name, n, r.call);
      let line = `  ${r.name.padEnd(12)} ${fmt(n).padStart(8)} rows: ${fmtSeconds(s).padStart(9)}  ${fmt(n / s).padStart(10)} rows/s  (load ${loadNow})`;
      const old = before?.get(r.name);
      if (old) {
        const loadBefore = os.loadavg()[0].toFixed(2);
        const b = timeRun(r.name, n, old);
        line += `;  ${baseline!.label}: ${fmtSeconds(b)}, ${fmt(n / b)} rows/s (load ${loadBefore}; now ${fmt(b / s, 1)}× faster)`;
      }
      log(line);
    }
  }
}
