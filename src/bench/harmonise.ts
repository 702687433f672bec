/**
 * Staff costed per second through the whole harmonisation engine: a staff table read and
 * validated (readStaffRows), then every person harmonised onto Agenda for Change with cash
 * protection, projected five years, and totalled by group and employer (harmoniseStaff).
 * Run in a child process per size, so that the peak memory is that size's own.
 */
import { D } from "../engine/money";
import { readStaffRows } from "../intake";
import type { StaffMember } from "../engine/staff";
import { financialYear } from "../engine/years";
import { optionalModule, peakRssBytes, time } from "./measure";
import { staffTable } from "./staffList";

export interface HarmoniseFigures {
  n: number;
  members: number;
  readSeconds: number;
  harmoniseSeconds: number;
  people: number;
  peakRssBytes: number;
  heapUsedBytes: number;
}

/** NJC spinal column points to AfC bands, roughly by pay, for the benchmark's scenario. */
export const BENCH_JOB_MATCH = [
  { from: "1-6", to: "2" },
  { from: "7-11", to: "3" },
  { from: "12-17", to: "4" },
  { from: "18-23", to: "5" },
  { from: "24-29", to: "6" },
  { from: "30-35", to: "7" },
  { from: "36-43", to: "8a" },
  ...["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"].map((b) => ({ from: b, to: b })),
];

export function benchScenario() {
  return {
    target: { terms: "AFC" as const },
    protection: { kind: "CASH" as const, years: 3 },
    lgpsEmployerRate: new D("0.195"),
    jobMatch: BENCH_JOB_MATCH,
  };
}

/** harmoniseStaff's result: a count of people (its columns), or (before issue 15) every person held. */
type StaffResult = { count: number } | { people: unknown[] };

interface HarmoniseModule {
  harmoniseStaff(members: readonly StaffMember[], scenario: unknown): StaffResult;
}

export function harmoniseChild(n: number): HarmoniseFigures | { unavailable: string } {
  const engine = optionalModule<HarmoniseModule>("../engine/harmonise");
  if (!engine.ok) return { unavailable: `the harmonisation engine (src/engine/harmonise) is not built: ${engine.why}` };
  const table = staffTable(n);
  let members: StaffMember[] = [];
  let issues = 0;
  const readSeconds = time(() => {
    const r = readStaffRows(table, { year: financialYear(2025), targetTerms: "AFC" });
    members = r.members;
    issues = r.issues.length;
  });
  if (issues > 0 || members.length !== n) return { unavailable: `the benchmark's staff list read with ${issues} problems (${members.length} of ${n} rows)` };
  let result: StaffResult | null = null;
  let failed: string | null = null;
  const harmoniseSeconds = time(() => {
    try {
      result = engine.mod.harmoniseStaff(members, benchScenario());
    } catch (e) {
      failed = e instanceof Error ? e.message.slice(0, 300) : String(e);
    }
  });
  if (failed !== null || result === null) return { unavailable: `the harmonisation engine refused the benchmark's staff list: ${failed}` };
  const peak = peakRssBytes();
  // The heap with the result held (and the staff list and table), after collecting the garbage of building it.
  (globalThis as { gc?: () => void }).gc?.();
  const heapUsedBytes = process.memoryUsage().heapUsed;
  const held = result as StaffResult;
  const people = "count" in held ? held.count : held.people.length;
  return { n, members: members.length, readSeconds, harmoniseSeconds, people, peakRssBytes: peak, heapUsedBytes };
}
