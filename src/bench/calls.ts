/**
 * Custom function calls per second, called exactly as Excel calls them (arguments as Excel
 * passes them, through the registry), against the same cost worked in plain JavaScript numbers:
 * the ratio is the price of exact decimal arithmetic and of checking every argument.
 */
import * as os from "os";
import { employerCost, employerCostPence } from "../engine/oncosts";
import { D } from "../engine/money";
import { financialYear } from "../engine/years";
import { FUNCTIONS, type CustomFunction } from "../functions/registry";
import { fmt, nowNs, secondsSince } from "./measure";

export interface CallFigures {
  name: string;
  calls: number;
  seconds: number;
  perSecond: number;
  nsPerCall: number;
}

const PAYS = Array.from({ length: 1000 }, (_, i) => 18000 + i * 97.37);
const SALARY_ARGS: unknown[][] = [
  ["AFC", "6", 2, "2025/26"],
  ["AFC", 5, null, "2025/26"],
  ["AFC", "8a", 3, "2025/26"],
  ["NJC", 23, null, "2025/26"],
  ["AFC", "3", 2, 2025],
  ["NJC", "SCP 30", null, "2025/26"],
  ["AFC", "Band 7", 1, null],
];
const COST_ARGS: unknown[][] = PAYS.map((p, i) => (i % 3 === 2 ? [p, "LGPS", "2025/26", 0.195] : [p, "NHS", "2025/26", null]));
const RISK_ARGS: unknown[][] = PAYS.map((p, i) => [(i % 2 ? -1 : 1) * p * 10, [[500000], [300000], [200000]], "PROPORTIONAL", null]);

/** Runs `calls` calls of fn cycling through the argument lists; returns seconds. Every argument list must give a value, not an error. */
function run(fn: CustomFunction, argLists: unknown[][], calls: number): number {
  for (const args of argLists) fn(...args); // an argument list the function refuses stops the bench here, with its Excel error
  let sink = 0;
  const t = nowNs();
  for (let i = 0, k = 0; i < calls; i++, k = k + 1 === argLists.length ? 0 : k + 1) {
    const r = fn(...argLists[k]);
    if (r !== undefined) sink++;
  }
  const s = secondsSince(t);
  if (sink !== calls) throw new Error("a call returned nothing");
  return s;
}

/** How many calls to time: `target`, unless that would take longer than `budgetSeconds` at the calibrated speed. */
function callsFor(fn: CustomFunction, argLists: unknown[][], target: number, budgetSeconds: number): number {
  const probe = Math.min(target, 20000);
  run(fn, argLists, probe); // warm up (JIT)
  const s = run(fn, argLists, probe);
  const fits = Math.floor((budgetSeconds * probe) / s);
  return Math.max(probe, Math.min(target, Math.floor(fits / 1000) * 1000));
}

function figures(name: string, fn: CustomFunction, argLists: unknown[][], target: number, budget: number): CallFigures {
  const calls = callsFor(fn, argLists, target, budget);
  const seconds = run(fn, argLists, calls);
  return { name, calls, seconds, perSecond: calls / seconds, nsPerCall: (seconds * 1e9) / calls };
}

/**
 * The same employer cost in plain JS numbers: NI 15% above £5,000, NHS employer pension 23.78%,
 * levy 0.5%, each rounded to the penny with Math.round (which is not half-up on binary floats:
 * the comparison counts how often it misses by a penny).
 */
export function plainCost(pay: number): number {
  const p = Math.round(pay * 100) / 100;
  const ni = p > 5000 ? Math.round((p - 5000) * 0.15 * 100) / 100 : 0;
  const pension = Math.round(p * 0.2378 * 100) / 100;
  const levy = Math.round(p * 0.005 * 100) / 100;
  return p + ni + pension + levy;
}

/**
 * With a baseline (an older build's registry: npm run bench -- --baseline <its lib/>), each
 * function is timed again through that build right after this build's, with the same arguments.
 */
export function callBenchmarks(
  target: number,
  budgetSeconds: number,
  log: (line: string) => void,
  baseline: { label: string; functions: ReadonlyMap<string, unknown> } | null = null,
): void {
  const get = (name: string): CustomFunction | null => FUNCTIONS.get(name) ?? null;
  const results: CallFigures[] = [];
  const before = new Map<string, { figures: CallFigures; load: string } | string>();
  const salary = get("SALARY");
  const cost = get("COST");
  const riskShare = get("RISKSHARE");
  const attempt = (name: string, fn: CustomFunction | null, args: unknown[][]): void => {
    if (!fn) return log(`  ${name}: not available yet: no ${name} in the custom function registry (src/functions/registry.ts)`);
    try {
      results.push(figures(name, fn, args, target, budgetSeconds));
    } catch (e) {
      const err = e as { code?: string; message?: string };
      log(`  ${name}: failed: the benchmark's arguments gave ${err.code ?? "an error"} ${err.message ?? String(e)}`);
      return;
    }
    if (!baseline) return;
    const old = baseline.functions.get(name) as CustomFunction | undefined;
    if (!old) return void before.set(name, `no ${name} in that build`);
    try {
      const load = os.loadavg()[0].toFixed(2);
      before.set(name, { figures: figures(name, old, args, target, budgetSeconds), load });
    } catch (e) {
      before.set(name, `failed: ${(e as { message?: string }).message ?? String(e)}`);
    }
  };
  attempt("SALARY", salary, SALARY_ARGS);
  attempt("COST", cost, COST_ARGS);
  attempt("RISKSHARE", riskShare, RISK_ARGS);
  for (const r of results) {
    log(`  ${r.name.padEnd(10)} ${fmt(r.perSecond).padStart(11)} calls/s  (${fmt(r.nsPerCall, 0)} ns a call; ${fmt(r.calls)} calls in ${fmt(r.seconds, 2)} s)`);
    const b = before.get(r.name);
    if (typeof b === "string") log(`  ${"".padEnd(10)} ${baseline!.label}: ${b}`);
    else if (b)
      log(
        `  ${"".padEnd(10)} ${baseline!.label}: ${fmt(b.figures.perSecond)} calls/s (${fmt(b.figures.nsPerCall, 0)} ns a call; load ${b.load}; now ${fmt(b.figures.nsPerCall / r.nsPerCall, 1)}× faster)`,
      );
  }

  // The baselines: the engine alone (no argument checks), and plain JS numbers.
  const nhs = COST_ARGS.filter((a) => a[1] === "NHS").map((a) => a[0] as number);
  const fy = financialYear(2025);
  const n = results.find((r) => r.name === "COST")?.calls ?? target;
  const cycle = (calls: number, body: (pay: number) => unknown): number => {
    for (let i = 0; i < Math.min(calls, 200000); i++) body(nhs[i % nhs.length]);
    const t = nowNs();
    for (let i = 0, k = 0; i < calls; i++, k = k + 1 === nhs.length ? 0 : k + 1) body(nhs[k]);
    return (secondsSince(t) * 1e9) / calls;
  };
  const engineNs = cycle(n, (pay) => employerCost(new D(pay), "NHS", fy, null).total);
  const nhsPence = nhs.map((pay) => Math.round(pay * 100));
  let k = 0;
  const penceNs = cycle(Math.max(n, 1_000_000), () => employerCostPence(nhsPence[k++ % nhsPence.length], "NHS", fy, null).total);
  let acc = 0;
  // Plain numbers are fast: always a million calls (and as many to warm up), so the JIT has settled.
  const plainNs = cycle(Math.max(n, 1_000_000), (pay) => (acc += plainCost(pay)));
  const costNs = results.find((r) => r.name === "COST")?.nsPerCall;
  log(`  engine alone (employerCost on a Decimal, no argument checks): ${fmt(1e9 / engineNs)} a second (${fmt(engineNs, 0)} ns)`);
  log(`  integer rules alone (employerCostPence on whole pence):       ${fmt(1e9 / penceNs)} a second (${fmt(penceNs, 1)} ns)`);
  log(`  plain JS numbers, same cost:                                   ${fmt(1e9 / plainNs)} a second (${fmt(plainNs, 1)} ns)${acc > 0 ? "" : " "}`);
  if (costNs !== undefined) log(`  price of exact arithmetic and checks: COST is ${fmt(costNs / plainNs, 0)} times the plain-number cost (engine alone ${fmt(engineNs / plainNs, 0)} times)`);

  // How often the plain-number version is a penny out (why the engine uses decimals).
  let differ = 0;
  const sample = 100000;
  for (let i = 0; i < sample; i++) {
    const pay = 12000 + i * 1.37;
    const exact = employerCost(new D(pay.toFixed(2)), "NHS", fy, null).total.toNumber();
    if (Math.abs(plainCost(Number(pay.toFixed(2))) - exact) > 0.001) differ++;
  }
  log(`  plain numbers differ from the exact cost by a penny or more for ${fmt(differ)} of ${fmt(sample)} pays (£12,000 to £149,000 in steps of £1.37)`);
}
