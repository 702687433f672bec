/**
 * Small timing helpers for the benchmark: wall-clock time with process.hrtime, and figures
 * formatted the way a person reads them (en-GB thousands separators).
 */
import * as os from "os";

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function secondsSince(start: bigint): number {
  return Number(nowNs() - start) / 1e9;
}

/** Times `body` once and returns seconds. */
export function time(body: () => void): number {
  const t = nowNs();
  body();
  return secondsSince(t);
}

/** The best of `repeats` timings of `body` (the least disturbed by other work on the machine). */
export function best(repeats: number, body: () => void): number {
  let b = Infinity;
  for (let i = 0; i < repeats; i++) b = Math.min(b, time(body));
  return b;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmt(n / 1024, 1)} KiB`;
  return `${fmt(n / 1024 / 1024, 2)} MiB`;
}

export function fmtSeconds(s: number): string {
  if (s < 1e-3) return `${fmt(s * 1e6, 1)} µs`;
  if (s < 1) return `${fmt(s * 1e3, 1)} ms`;
  return `${fmt(s, 2)} s`;
}

/** Peak resident set size of this process so far, in bytes (resourceUsage reports kilobytes). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function machine(): string {
  const cpus = os.cpus();
  const nproc = typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length;
  return [
    `date ${new Date().toISOString().slice(0, 10)}`,
    `node ${process.version}`,
    `nproc ${nproc}`,
    `cpu ${cpus[0]?.model ?? "unknown"}`,
    `memory ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB`,
    `${os.platform()} ${os.release()}`,
  ].join(", ");
}

/** Loads a module that may not be written yet: the module, or why not. */
export function optionalModule<T>(fromLib: string): { ok: true; mod: T } | { ok: false; why: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { ok: true, mod: require(fromLib) as T };
  } catch (e) {
    const m = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, why: m };
  }
}
