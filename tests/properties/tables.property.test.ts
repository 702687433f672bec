/**
 * Whole-table functions agree, row by row, with the one-person functions: a good row gives
 * exactly what COSTBREAKDOWN / SALARY give for that row alone, a bad row gives the same error
 * code in every cell of that row (and only there), a blank row is blank.
 */
import fc from "fast-check";
import * as f from "../../src/functions/functions";
import { costTable, salaryTable } from "../../src/functions/tables";
import { anyCell, anyNumber, KEYWORDS, type CellValue } from "./arbitraries";
import { call, describe as show, resultProblem } from "./contract";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SEED = process.env.PROPERTY_SEED === undefined ? 20250401 : process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED);

const payCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 150000 }) },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: anyCell },
);
const schemeCell = fc.oneof(fc.constantFrom<CellValue>("NHS", "LGPS", "LGPS5050", "NONE", "nhs", null, "", 0), anyCell);
const rateCell = fc.oneof(fc.constantFrom<CellValue>(null, "", "FULL", "LOCAL", 0.195, 0.2378, 1.2, -0.1), anyCell);
const yearArg = fc.constantFrom<CellValue>(null, "2023/24", "2024/25", "2025/26", "2026/27", 2025, 45900, "2019/20");

type Cellish = number | string | { code: string; message: string };
const isError = (c: unknown): c is { code: string; message: string } => c instanceof CustomFunctions.Error;

function expectRowMatches(row: Cellish[], single: () => unknown, width: number, isBlank: boolean, ctx: string): void {
  if (isBlank) {
    if (!row.every((c) => c === "")) throw new Error(`${ctx}: a blank row spilled ${show(row)}`);
    return;
  }
  const o = call(single, []);
  if (o.kind === "threw") {
    const code = (o.error as { code: string }).code;
    if (!row.every((c) => isError(c) && c.code === code)) throw new Error(`${ctx}: expected ${code} in every cell, got ${show(row)}`);
  } else {
    const expected = (Array.isArray(o.value) ? (o.value as unknown[][])[0] : [o.value]) as unknown[];
    if (row.length !== width || row.some((c, j) => c !== expected[j])) throw new Error(`${ctx}: expected ${show(expected)}, got ${show(row)}`);
  }
}

test("COSTTABLE row i is COSTBREAKDOWN of row i, or its error, or blank", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(payCell, schemeCell, rateCell), { minLength: 1, maxLength: 30 }),
      fc.boolean(),
      yearArg,
      (rows, oneScheme, year) => {
        const pays = rows.map(([p]) => [p]);
        const schemes = oneScheme ? [[rows[0][1]]] : rows.map(([, s]) => [s]);
        const rates = rows.map(([, , r]) => [r]);
        const o = call(costTable as (...a: unknown[]) => unknown, [pays, schemes, year, rates]);
        if (o.kind === "threw") {
          // Only a whole-call problem may throw: the year.
          const yearBad = call(f.costBreakdown as (...a: unknown[]) => unknown, [1, "NONE", year]).kind === "threw" && year !== "2019/20";
          if (!yearBad)
            throw new Error(`COSTTABLE threw ${show(o.error)} for ${show({ pays, schemes, year, rates })}`);
          return;
        }
        const problem = resultProblem(o.value);
        if (problem) throw new Error(problem);
        const out = o.value as Cellish[][];
        if (out.length !== rows.length) throw new Error(`spilled ${out.length} rows for ${rows.length}`);
        rows.forEach(([p, s0, r], i) => {
          const s = oneScheme ? rows[0][1] : s0;
          const blank = p === null || p === "" || (p === 0 && (s === null || s === "" || s === 0));
          expectRowMatches(out[i], () => f.costBreakdown(p, s, year, r), 5, blank, `row ${i + 1} ${show([p, s, r])}`);
        });
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});

test("SALARYTABLE row i is SALARY of row i, or its error, or blank", () => {
  const scale = fc.constantFrom<CellValue>("AFC", "NJC", "afc", "LOCAL", null);
  const grade = fc.oneof(fc.constantFrom<CellValue>(...KEYWORDS), fc.integer({ min: 0, max: 60 }), anyCell);
  const step = fc.oneof(fc.constantFrom<CellValue>(null, 1, 2, 3, 4, 1.5, ""), anyCell);
  fc.assert(
    fc.property(fc.array(fc.tuple(scale, grade, step), { minLength: 1, maxLength: 30 }), yearArg, (rows, year) => {
      const o = call(salaryTable as (...a: unknown[]) => unknown, [rows.map(([s]) => [s]), rows.map(([, g]) => [g]), rows.map(([, , st]) => [st]), year]);
      if (o.kind === "threw") {
        if (call(f.salary as (...a: unknown[]) => unknown, ["AFC", 5, null, year]).kind === "threw" && year !== "2019/20") return;
        throw new Error(`SALARYTABLE threw ${show(o.error)}`);
      }
      const problem = resultProblem(o.value);
      if (problem) throw new Error(problem);
      const out = o.value as Cellish[][];
      rows.forEach(([s, g, st], i) => {
        const blank = g === null || g === "" || (g === 0 && (s === null || s === "" || s === 0));
        expectRowMatches(out[i], () => f.salary([[s]], g, st, year), 1, blank, `row ${i + 1} ${show([s, g, st])}`);
      });
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
