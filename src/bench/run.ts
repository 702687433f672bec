/**
 * `npm run bench`: prints how fast the add-in is on this machine. It asserts nothing.
 *
 *   npm run bench                   every figure (a few minutes)
 *   npm run bench -- --quick        fewer calls and the smaller sizes only (under a minute)
 *   npm run bench -- --only calls   one section: calls, tables, harmonise, boardpack, pane, readers, bundles
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
import { tableBenchmarks } from "./tables";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULT_TAG = "BENCH-RESULT ";
const log = (line: string): void => console.log(line);

type Section = "calls" | "tables" | "harmonise" | "boardpack" | "pane" | "readers" | "bundles";
const SECTIONS: Section[] = ["calls", "tables", "harmonise", "boardpack", "pane", "readers", "bundles"];

/** A heap large enough for the 100,000-person harmonisation (about three quarters of this machine's memory). */
function childHeapMb(): number {
  return Math.max(4096, Math.floor((os.totalmem() / 1024 / 1024) * 0.75));
}

function runChild<T>(part: string, n: number): { ok: true; value: T } | { ok: false; why: string } {
  // --expose-gc: the children collect garbage before measuring the heap a result holds.
  const args = [`--max-old-space-size=${childHeapMb()}`, "--expose-gc", __filename, "--child", part, String(n)];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60 * 1000 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith(RESULT_TAG));
  if (line) return { ok: true, value: JSON.parse(line.slice(RESULT_TAG.length)) as T };
  const why = r.error ? r.error.message : r.signal ? `stopped by ${r.signal}` : `exit code ${r.status}`;
  const tail = (r.stderr ?? "").trim().split("\n").filter((l) => l.trim() !== "").slice(-3).join(" / ");
  return { ok: false, why: `${why}${tail ? `: ${tail}` : ""}` };
}

function harmoniseSection(sizes: number[]): void {
  log(`  (each size in its own process, heap limit ${fmt(childHeapMb())} MB)`);
  for (const n of sizes) {
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
        `peak RSS ${fmtBytes(f.peakRssBytes)}, heap after ${fmtBytes(f.heapUsedBytes)} (${fmtBytes(f.heapUsedBytes / n)} a person)`,
    );
  }
}

function boardPackSection(sizes: number[]): void {
  for (const n of sizes) {
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
        `${fmt(n / f.planSeconds)} staff/s; ${f.sheets} sheets, ${fmt(f.planCells)} cells); peak RSS ${fmtBytes(f.peakRssBytes)}`,
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

  log(`Care Trust Calculator benchmark${quick ? " (--quick)" : ""}`);
  log(machine());
  log(`load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} (other work on the machine slows every figure)`);
  if (want("calls")) {
    const target = quick ? 100_000 : 1_000_000;
    log("");
    log(`Custom function calls per second (target ${fmt(target)} calls each, fewer if that would take over 60 s):`);
    callBenchmarks(target, 60, log);
  }
  if (want("tables")) {
    log("");
    log("Whole-table functions, one call for the whole list:");
    tableBenchmarks(quick ? [1_000] : [1_000, 100_000], log);
  }
  if (want("harmonise")) {
    log("");
    log("Staff costed per second through the whole harmonisation engine (read, assimilate onto AfC, cash protection, 5-year projection, totals):");
    harmoniseSection(quick ? [1_000] : [1_000, 10_000, 100_000]);
  }
  if (want("boardpack")) {
    log("");
    log("Board pack (harmonisation onto AfC, cash protection for 3 years):");
    boardPackSection(quick ? [1_000] : [1_000, 10_000, 50_000, 100_000]);
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
