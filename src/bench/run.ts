/**
 * `npm run bench`: prints how fast the add-in is on this machine. It asserts nothing.
 *
 *   npm run bench                   every figure (a few minutes)
 *   npm run bench -- --quick        fewer calls and the smaller sizes only (under a minute)
 *   npm run bench -- --only calls   one section: calls, tables, harmonise, boardpack, pane, readers, bundles
 *   npm run bench -- --baseline ../baseline/lib
 *                                   also runs the tables, harmonise and board pack figures against an
 *                                   older build's lib/ (compiled with `npx tsc -p tsconfig.cli.json`
 *                                   in a worktree of that commit; BENCH_BASELINE does the same) and
 *                                   prints them below each figure, measured in turn on this machine
 *
 * Sections whose code has not been written yet print "not available yet: <why>". The harmonisation
 * and board pack figures run in a child process per size, so each peak memory is that size's own.
 */
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import { bundleBenchmarks } from "./bundles";
import { callBenchmarks } from "./calls";
import { boardPackChild, type BoardPackFigures } from "./boardPack";
import { harmoniseChild, type HarmoniseFigures } from "./harmonise";
import { paneChild, type PaneFigures } from "./pane";
import { makeReaderCase, readReaderCase, READER_CASES, type ReaderFigures } from "./readers";
import { fmt, fmtBytes, fmtSeconds, machine } from "./measure";
import { tableBenchmarks, type TableFunctions } from "./tables";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULT_TAG = "BENCH-RESULT ";
const log = (line: string): void => console.log(line);

type Section = "calls" | "tables" | "harmonise" | "boardpack" | "pane" | "readers" | "bundles";
const SECTIONS: Section[] = ["calls", "tables", "harmonise", "boardpack", "pane", "readers", "bundles"];

/** A heap large enough for the 100,000-person harmonisation (about three quarters of this machine's memory). */
function childHeapMb(): number {
  return Math.max(4096, Math.floor((os.totalmem() / 1024 / 1024) * 0.75));
}

/** An older build to measure beside this one: its lib/ directory, and how the lines name it. */
interface Baseline {
  lib: string;
  label: string;
}

/** The one-minute load average, for each line measured (other work on the machine slows every figure). */
function load(): string {
  return `load ${os.loadavg()[0].toFixed(2)}`;
}

/** How many times faster `now` is than `before` (both seconds). */
function speedUp(before: number, now: number): string {
  return `${fmt(before / now, 1)}× faster`;
}

/** Runs a part of the benchmark in a child process: this build's, or a baseline build's own bench (its lib/bench/run.js). */
function runChild<T>(part: string, n: number, baseline: Baseline | null = null): { ok: true; value: T } | { ok: false; why: string } {
  // --expose-gc: the children collect garbage before measuring the heap a result holds.
  const script = baseline ? path.join(baseline.lib, "bench", "run.js") : __filename;
  const cwd = baseline ? path.resolve(baseline.lib, "..") : ROOT;
  const args = [`--max-old-space-size=${childHeapMb()}`, "--expose-gc", script, "--child", part, String(n)];
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60 * 1000 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith(RESULT_TAG));
  if (line) return { ok: true, value: JSON.parse(line.slice(RESULT_TAG.length)) as T };
  const why = r.error ? r.error.message : r.signal ? `stopped by ${r.signal}` : `exit code ${r.status}`;
  const tail = (r.stderr ?? "").trim().split("\n").filter((l) => l.trim() !== "").slice(-3).join(" / ");
  return { ok: false, why: `${why}${tail ? `: ${tail}` : ""}` };
}

function harmoniseSection(sizes: number[], baseline: Baseline | null): void {
  log(`  (each size in its own process, heap limit ${fmt(childHeapMb())} MB)`);
  for (const n of sizes) {
    const loadNow = load();
    const r = runChild<HarmoniseFigures | { unavailable: string }>("harmonise", n);
    if (!r.ok) {
      log(`  ${fmt(n).padStart(8)} people: failed: ${r.why}`);
      continue;
    }
    if ("unavailable" in r.value) {
      log(`  not available yet: ${r.value.unavailable}`);
      return;
    }
    const f = r.value;
    const total = f.readSeconds + f.harmoniseSeconds;
    log(
      `  ${fmt(n).padStart(8)} people: ${fmt(n / total).padStart(7)} staff/s  (read ${fmtSeconds(f.readSeconds)}, harmonise ${fmtSeconds(f.harmoniseSeconds)}); ` +
        `peak RSS ${fmtBytes(f.peakRssBytes)}, heap after ${fmtBytes(f.heapUsedBytes)} (${fmtBytes(f.heapUsedBytes / n)} a person); ${loadNow}`,
    );
    if (!baseline) continue;
    const loadBefore = load();
    const b = runChild<HarmoniseFigures | { unavailable: string }>("harmonise", n, baseline);
    if (!b.ok || "unavailable" in b.value) {
      log(`           ${baseline.label}: failed: ${b.ok ? (b.value as { unavailable: string }).unavailable : b.why}`);
      continue;
    }
    const g = b.value;
    log(
      `           ${baseline.label}: harmonise ${fmtSeconds(g.harmoniseSeconds)}, peak RSS ${fmtBytes(g.peakRssBytes)}, heap after ${fmtBytes(g.heapUsedBytes)}; ${loadBefore}` +
        ` (now ${speedUp(g.harmoniseSeconds, f.harmoniseSeconds)}, peak RSS ${fmt(g.peakRssBytes / f.peakRssBytes, 1)}× smaller)`,
    );
  }
}

function boardPackSection(sizes: number[], baseline: Baseline | null): void {
  for (const n of sizes) {
    const loadNow = load();
    const r = runChild<BoardPackFigures | { unavailable: string }>("boardpack", n);
    if (!r.ok) {
      log(`  ${fmt(n).padStart(8)} rows: failed: ${r.why}`);
      continue;
    }
    if ("unavailable" in r.value) {
      log(`  not available yet: ${r.value.unavailable}`);
      return;
    }
    const f = r.value;
    log(
      `  ${fmt(n).padStart(8)} rows: sheet plan ${fmtSeconds(f.planSeconds)} (read ${fmtSeconds(f.readSeconds)}, cost ${fmtSeconds(f.costSeconds)}, layout ${fmtSeconds(f.layoutSeconds)}; ` +
        `${fmt(n / f.planSeconds)} staff/s; ${f.sheets} sheets, ${fmt(f.planCells)} cells); peak RSS ${fmtBytes(f.peakRssBytes)}; ${loadNow}`,
    );
    log(
      `           plan built: peak RSS ${f.planPeakRssBytes ? fmtBytes(f.planPeakRssBytes) : "?"}` +
        (f.planHeapBytes !== null && f.planHeapBytes !== undefined ? `, heap held by the pack ${fmtBytes(f.planHeapBytes)} (${fmtBytes(f.planHeapBytes / n)} a person)` : "") +
        (f.steps
          ? `; ${fmt(f.steps.count)} steps, longest ${fmt(f.steps.longestMs, 1)} ms (${f.steps.longestStage}), longest costing step ${fmt(f.steps.longestCostMs, 1)} ms`
          : "; built in one call (no steps)"),
    );
    if ("unavailable" in f.office) log(`           Office.js: not available yet: ${f.office.unavailable}`);
    else
      log(
        `           Office.js: ${f.office.syncs} context.sync() round trips, largest request ${fmt(f.office.largestRequestBytes)} bytes, ${fmt(f.office.totalRequestBytes)} in all ` +
          `(renderer's own count ${f.office.rendererSyncs}, estimate ${fmt(f.office.rendererLargestBytes)} bytes; ${fmtSeconds(f.office.seconds)} against the recording fake)`,
      );
    if ("unavailable" in f.xlsx) log(`           .xlsx: not available yet: ${f.xlsx.unavailable}`);
    else log(`           .xlsx: written in ${fmtSeconds(f.xlsx.seconds)}, ${fmtBytes(f.xlsx.bytes)}`);
    if (!baseline) continue;
    const loadBefore = load();
    const b = runChild<BoardPackFigures | { unavailable: string }>("boardpack", n, baseline);
    if (!b.ok || "unavailable" in b.value) {
      log(`           ${baseline.label}: failed: ${b.ok ? (b.value as { unavailable: string }).unavailable : b.why}`);
      continue;
    }
    const g = b.value;
    log(
      `           ${baseline.label}: sheet plan ${fmtSeconds(g.planSeconds)} (read ${fmtSeconds(g.readSeconds)}, cost ${fmtSeconds(g.costSeconds)}, layout ${fmtSeconds(g.layoutSeconds)}); ` +
        `plan built: peak RSS ${fmtBytes(g.planPeakRssBytes)}${g.steps ? `, longest step ${fmt(g.steps.longestMs, 1)} ms (${g.steps.longestStage})` : ""}; ${loadBefore} (now ${speedUp(g.planSeconds, f.planSeconds)})`,
    );
  }
}

function paneSection(sizes: number[]): void {
  for (const n of sizes) {
    const r = runChild<PaneFigures>("pane", n);
    if (!r.ok) {
      log(`  ${fmt(n).padStart(8)} staff: failed: ${r.why}`);
      continue;
    }
    const stages = r.value.stages.map((s) => `${s.stage} ${fmt(s.longestMs, 1)} ms (${fmt(s.turns)} turns in ${fmtSeconds(s.seconds)})`).join(", ");
    log(`  ${fmt(n).padStart(8)} staff: longest hold: ${stages}; ${r.value.syncs} context.sync() round trips`);
  }
}

function readersSection(quick: boolean): void {
  log("  (each file made by one process and read by another, so the peak memory is the reading's own)");
  READER_CASES.forEach((c, i) => {
    if (quick && i !== 0 && i !== 3) return;
    const made = runChild<{ bytes: number }>("readers-make", i);
    if (!made.ok) {
      log(`  ${c.name}: could not make the file: ${made.why}`);
      return;
    }
    const r = runChild<ReaderFigures>("readers-read", i);
    if (!r.ok) {
      log(`  ${c.name}: failed: ${r.why}`);
      return;
    }
    const f = r.value;
    const size = `${fmt(f.bytes / 1e6, 1)} MB`;
    if (f.refused) {
      log(`  ${c.name}: ${size}, refused in ${fmtSeconds(f.readSeconds)}, peak RSS ${fmtBytes(f.peakRssBytes)}: "${f.refused}…"`);
      return;
    }
    const check = f.checkSeconds === null ? "" : `, checked by the intake in ${fmtSeconds(f.checkSeconds)} (${fmt(f.staffRows ?? 0)} staff rows good), read and checked ${fmtSeconds(f.readSeconds + f.checkSeconds)} (processor time ${fmtSeconds(f.cpuSeconds)})`;
    log(`  ${c.name}: ${size}, ${fmt(f.rows)} rows read in ${fmtSeconds(f.readSeconds)}${check}; peak RSS ${fmtBytes(f.peakRssBytes)}`);
  });
}

/** The baseline's commit, if its lib/ sits in a git worktree (for the lines' label), else its folder. */
function baselineName(lib: string): string {
  const r = spawnSync("git", ["-C", path.resolve(lib, ".."), "rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : lib;
}

/** The baseline build's custom functions, loaded beside this build's (a module of its own). */
function baselineFunctions(baseline: Baseline): TableFunctions {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(baseline.lib, "functions", "registry")) as { FUNCTIONS: TableFunctions }).FUNCTIONS;
}

async function child(part: string, n: number): Promise<void> {
  const value =
    part === "harmonise"
      ? harmoniseChild(n)
      : part === "boardpack"
        ? await boardPackChild(n)
        : part === "pane"
          ? await paneChild(n)
          : part === "readers-make"
            ? makeReaderCase(n)
            : part === "readers-read"
              ? await readReaderCase(n)
              : { unavailable: `no part ${part}` };
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(value)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) return child(argv[childAt + 1], Number(argv[childAt + 2]));
  const quick = argv.includes("--quick");
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] as Section) : null;
  if (only && !SECTIONS.includes(only)) throw new Error(`--only takes one of: ${SECTIONS.join(", ")}`);
  const want = (s: Section) => only === null || only === s;
  const baselineAt = argv.indexOf("--baseline");
  const baselineLib = baselineAt >= 0 ? argv[baselineAt + 1] : process.env.BENCH_BASELINE;
  const baseline: Baseline | null = baselineLib ? { lib: path.resolve(baselineLib), label: `before (${baselineName(path.resolve(baselineLib))})` } : null;

  log(`Care Trust Calculator benchmark${quick ? " (--quick)" : ""}`);
  log(machine());
  log(`load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} (other work on the machine slows every figure)`);
  if (baseline) log(`baseline: ${baseline.lib}, measured after each figure of this build (calls, tables, harmonise and board pack), in the same run`);
  if (want("calls")) {
    const target = quick ? 100_000 : 1_000_000;
    log("");
    log(`Custom function calls per second (target ${fmt(target)} calls each, fewer if that would take over 60 s):`);
    callBenchmarks(target, 60, log, baseline ? { label: baseline.label, functions: baselineFunctions(baseline) } : null);
  }
  if (want("tables")) {
    log("");
    log("Whole-table functions, one call for the whole list:");
    tableBenchmarks(quick ? [1_000] : [1_000, 100_000], log, baseline ? { label: baseline.label, functions: baselineFunctions(baseline) } : null);
  }
  if (want("harmonise")) {
    log("");
    log("Staff costed per second through the whole harmonisation engine (read, assimilate onto AfC, cash protection, 5-year projection, totals):");
    harmoniseSection(quick ? [1_000] : baseline ? [10_000, 100_000] : [1_000, 10_000, 100_000], baseline);
  }
  if (want("boardpack")) {
    log("");
    log("Board pack (harmonisation onto AfC, cash protection for 3 years):");
    boardPackSection(quick ? [1_000] : baseline ? [10_000, 100_000] : [1_000, 10_000, 50_000, 100_000], baseline);
  }
  if (want("pane")) {
    log("");
    log("Task pane: the longest time it holds the thread in each stage (its own 40 ms slices; the fake's work in sync() not counted):");
    paneSection(quick ? [10_000] : [10_000, 40_000]);
  }
  if (want("readers")) {
    log("");
    log("Reading staff files (src/intake/readers), time and peak memory:");
    readersSection(quick);
  }
  if (want("bundles")) {
    log("");
    log("Built bundles (dist/):");
    bundleBenchmarks(ROOT, log);
  }
  log("");
  log(`load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
