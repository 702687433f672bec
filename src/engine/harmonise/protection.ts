/**
 * Pay protection year by year. Year 0 is the harmonisation (base) year. `base` is the pay being
 * protected (the person's pay on their current terms in the base year); `targets` the pay on the
 * target terms each year; `awards` the award assumed each year (awards[0] is unused).
 *
 * Protection applies only when the target pay in the base year is below `base`. Each year the
 * person is paid the higher of the target pay and the protected level:
 * - NONE: no protected level.
 * - CASH (N years): the base, frozen, for years 0..N-1.
 * - CASH_WITH_AWARDS (N years): the base, uplifted by each year's award, for years 0..N-1.
 * - MARKTIME (optional cut-off N): the base, frozen, until the target pay reaches it (or year N).
 * - TAPERED (schedule): target + share × (base − target), the share for that year from the
 *   schedule, 0 after it ends.
 * - REDCIRCLE: the base, uplifted by each year's award, with no end date: a personal salary.
 */
import { ZERO } from "../money";
import { ratioOf, roundTimes, type Pence, type Ratio } from "../pence";
import type { ProtectionYearPence, ResolvedScenario } from "./types";

/**
 * `onePlusAwards[t]` is 1 + the award assumed in year t, exactly (awards[0] is unused). All money
 * is whole pence; each uplift and each tapered level is rounded to the penny, half up.
 */
export function protectionSchedule(policy: ResolvedScenario["protection"], base: Pence, targets: readonly Pence[], onePlusAwards: readonly Ratio[]): ProtectionYearPence[] {
  const applies = targets.length > 0 && policy.kind !== "NONE" && base > targets[0];
  // The base uplifted by each year's award: only CASH_WITH_AWARDS and REDCIRCLE read it.
  const uplifts = applies && (policy.kind === "CASH_WITH_AWARDS" || policy.kind === "REDCIRCLE");
  let uplifted = base;
  let overtaken = false;
  return targets.map((target, t) => {
    if (uplifts && t > 0) uplifted = roundTimes(uplifted, onePlusAwards[t]);
    let level: Pence | null = null;
    if (applies) {
      switch (policy.kind) {
        case "CASH":
          if (t < (policy.years ?? 0)) level = base;
          break;
        case "CASH_WITH_AWARDS":
          if (t < (policy.years ?? 0)) level = uplifted;
          break;
        case "MARKTIME":
          if (target >= base) overtaken = true;
          if (!overtaken && (policy.years === null || t < policy.years)) level = base;
          break;
        case "TAPERED": {
          // After the schedule, and for a share of 0, the level is the target pay itself (decimal.js counts +0 as positive).
          const share = t < policy.taper.length ? policy.taper[t] : ZERO;
          // target + share × (base − target), to the penny: target is whole pence, so only the share's part is rounded.
          if (share.isPositive() && base > target) level = target + roundTimes(base - target, ratioOf(share));
          break;
        }
        case "REDCIRCLE":
          level = uplifted;
          break;
      }
    }
    if (level === null || !(level > target)) return { targetPay: target, protectedLevel: level, paid: target, payment: 0, active: false };
    return { targetPay: target, protectedLevel: level, paid: level, payment: level - target, active: true };
  });
}

export function describeProtection(p: ResolvedScenario["protection"]): string {
  switch (p.kind) {
    case "NONE":
      return "No protection";
    case "CASH":
      return `Cash protection, frozen, for ${p.years} year${p.years === 1 ? "" : "s"}`;
    case "CASH_WITH_AWARDS":
      return `Cash protection with pay awards, for ${p.years} year${p.years === 1 ? "" : "s"}`;
    case "MARKTIME":
      return `Mark-time: pay held until the target pay overtakes it${p.years === null ? "" : `, for at most ${p.years} year${p.years === 1 ? "" : "s"}`}; awards to the target pay only`;
    case "TAPERED":
      return `Tapered: ${p.taper.map((x) => `${x.times(100).toDecimalPlaces(2).toString()}%`).join(", ")} of the pay loss in successive years, then none`;
    case "REDCIRCLE":
      return "Red-circled: a personal salary, uplifted by pay awards, with no end date";
  }
}
