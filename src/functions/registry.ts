import * as foundation from "./functions";
import * as tables from "./tables";
import * as harmonise from "./harmonise";
import * as pool from "./pool";

/**
 * Every custom function, by the name Excel shows (the JS function name upper-cased, as the
 * metadata generator derives it). The command line and the tests call functions through this
 * map, so they run exactly what Excel runs.
 */
const modules: Record<string, unknown>[] = [foundation, tables, harmonise, pool];

export type CustomFunction = (...args: unknown[]) => unknown;

export const FUNCTIONS: ReadonlyMap<string, CustomFunction> = new Map(
  modules.flatMap((m) =>
    Object.entries(m)
      .filter(([, v]) => typeof v === "function")
      .map(([k, v]) => [k.toUpperCase(), v as CustomFunction] as const),
  ),
);
