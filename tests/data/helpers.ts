import Decimal from "decimal.js";
import type { ByYear, Sourced } from "../../src/data/types";

export const YEARS = ["2023/24", "2024/25", "2025/26", "2026/27"] as const;

/** True for a Sourced<T> entry (as opposed to a ByYear table of them). */
export function isSourced(x: unknown): x is Sourced<unknown> {
  return typeof x === "object" && x !== null && "value" in x && "provenance" in x && "sources" in x;
}

/** A table as a list of [year label or "", entry]. */
export function entriesOf(table: ByYear<unknown> | Sourced<unknown>): [string, Sourced<unknown>][] {
  if (isSourced(table)) return [["", table]];
  return Object.entries(table as ByYear<unknown>);
}

/** Every string and null leaf in a value, with its path. */
export function leaves(value: unknown, path = ""): { path: string; leaf: string | null }[] {
  if (value === null) return [{ path, leaf: null }];
  if (typeof value === "string") return [{ path, leaf: value }];
  if (typeof value === "number" || typeof value === "boolean") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof value === "object") return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

export const d = (s: string | number) => new Decimal(s);

/** Round to the nearest whole pound, half up. */
export const roundPound = (x: Decimal) => x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
