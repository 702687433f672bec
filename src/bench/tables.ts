/**
 * Rows per second through the whole-table custom functions: one call for the whole list.
 * LEVELUPTABLE reads the benchmark's staff list (src/bench/staffList.ts) and costs every person
 * through the harmonisation engine for one year.
 */
import { FUNCTIONS } from "../functions/registry";
import { BENCH_JOB_MATCH } from "./harmonise";
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

export function tableBenchmarks(sizes: readonly number[], log: (line: string) => void): void {
  const costTable = FUNCTIONS.get("COSTTABLE");
  const salaryTable = FUNCTIONS.get("SALARYTABLE");
  const levelUpTable = FUNCTIONS.get("LEVELUPTABLE");
  const jobMatch = BENCH_JOB_MATCH.map((r) => [r.from, r.to]);
  for (const n of sizes) {
    const pays = payColumn(n);
    const schemes = schemeColumn(n);
    const rates = rateColumn(n);
    const grades = Array.from({ length: n }, (_, i) => [BANDS[i % BANDS.length]]);
    const steps = Array.from({ length: n }, (_, i) => [1 + (i % 2)]);
    const runs: { name: string; call: () => unknown }[] = [];
    if (costTable) runs.push({ name: "COSTTABLE", call: () => costTable(pays, schemes, "2025/26", rates) });
    if (salaryTable) runs.push({ name: "SALARYTABLE", call: () => salaryTable([["AFC"]], grades, steps, "2025/26") });
    if (levelUpTable) {
      const staff = staffTable(n);
      runs.push({ name: "LEVELUPTABLE", call: () => levelUpTable(staff, "AFC", "2025/26", 0.195, jobMatch) });
    }
    for (const r of runs) {
      const slow = r.name === "LEVELUPTABLE" && n >= 100000;
      if (!slow) r.call(); // warm up
      const s = best(slow ? 1 : n >= 100000 ? 2 : 5, () => void r.call());
      log(`  ${r.name.padEnd(12)} ${fmt(n).padStart(8)} rows: ${fmtSeconds(s).padStart(9)}  ${fmt(n / s).padStart(10)} rows/s`);
    }
  }
}
