import { D, type Decimal } from "../../../src/engine/money";
import { both, shareVariance, type Arrangement, type Rule, type ShareContext, type VarianceShare } from "../../../src/engine/pool";

/** Decimals as strings of exact pence, as the published tables read. */
export const s = (xs: readonly Decimal[]): string[] => xs.map((x) => x.toFixed(2));
export const d = (x: string | number): Decimal => new D(x);
export const ds = (xs: readonly (string | number)[]): Decimal[] => xs.map(d);

/** A context where shares follow contributions (RISKSHARE's). */
export function byContribution(contributions: readonly (string | number)[], names?: string[]): ShareContext {
  const c = ds(contributions);
  return { weights: c, contributions: c, names };
}

/** Shares `variance` under `rule` (both ways, or an arrangement) and returns the parts as strings. */
export function share(variance: string | number, contributions: readonly (string | number)[], rule: Rule | Arrangement): VarianceShare & { pence: string[] } {
  const arrangement = "method" in rule ? both(rule) : rule;
  const r = shareVariance(variance, arrangement, byContribution(contributions));
  return { ...r, pence: s(r.parts) };
}
