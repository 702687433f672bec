/**
 * What a finance officer can put in a cell, as fast-check arbitraries: numbers of every kind JS
 * can hold (negative, zero, huge, tiny, fractional, NaN, ±Infinity, -0), text (both the keywords
 * the functions know and arbitrary strings), booleans, an omitted argument (null, as Excel passes
 * it, and undefined, as JS passes a missing one), and ranges of mixed cells in every shape:
 * rectangular, ragged, a single row or column, empty.
 */
import fc from "fast-check";

/** Words and figures the functions understand, so that calls get past coercion and reach the engine. */
export const KEYWORDS = [
  "AFC", "NJC", "NHS", "LGPS", "LGPS5050", "NONE", "FULL", "LOCAL", "INNER", "OUTER", "FRINGE",
  "PROPORTIONAL", "FIXED", "CAPPED", "LEAD", "TIERED", "CONTRIBUTIONS", "CASH", "MARKTIME", "TAPERED", "ASSIMILATE", "LEVELUP",
  "2023/24", "2024/25", "2025/26", "2026/27", "2025-26", "2019/20", "2025/27",
  "1", "5", "6", "8a", "8D", "Band 7", "9", "10", "SCP 7", "30", "43",
  "£31,049", "19.5%", "0.195", "-1", "1e400", "  ", "", "N/A", "TRUE", "#VALUE!",
];

const specialNumbers = fc.constantFrom(
  0, -0, 1, -1, 0.5, 2, 3, 7, 2025, 2026, 45900, 46000, 0.195, 0.2378, 1.5, 37.5, 100, 5000, 12570, 31049, 50270, 125140,
  1e6, 1e15, 1e21, 1.7e308, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, -1e308, 1e-7,
  NaN, Infinity, -Infinity,
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: specialNumbers },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 200000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.double() }, // includes NaN, ±Infinity, -0, subnormals
);

export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
);

export type CellValue = number | string | boolean | null | undefined;

export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 4, arbitrary: anyText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, "") },
);

/** A rectangular range of h × w cells, each row drawn from the same mix. */
const rectangular: fc.Arbitrary<CellValue[][]> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([h, w]) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));

/** A column of numbers and blanks, the commonest real range (pays, contributions). */
const numericColumn: fc.Arbitrary<CellValue[][]> = fc.array(
  fc.oneof(anyNumber, fc.constantFrom(null, "", 0)).map((c) => [c]),
  { minLength: 1, maxLength: 8 },
);

/** A column of keywords: schemes, scales, bands. */
const keywordColumn: fc.Arbitrary<CellValue[][]> = fc.array(fc.constantFrom(...KEYWORDS).map((c) => [c]), { minLength: 1, maxLength: 8 });

/** Ragged rows and empty ranges: Excel never sends these, but the command line and other callers can. */
const malformed: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 5 }),
  fc.constantFrom([], [[]], [[], []], [[1], []], [[1, 2], [3]]),
  fc.array(anyCell, { minLength: 1, maxLength: 4 }), // a flat array: one dimension only
);

export const anyRange: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: rectangular },
  { weight: 3, arbitrary: numericColumn },
  { weight: 2, arbitrary: keywordColumn },
  { weight: 1, arbitrary: fc.constantFrom([[1]], [["NHS"]], [[null]], [[""]], [[0]]) },
  { weight: 1, arbitrary: malformed },
);

/** One argument: a single value (as a cell holds), or a range. */
export const anyArg: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: anyCell }, { weight: 2, arbitrary: anyRange });

/** Arguments for a function of `arity` parameters: from none to all of them, plus one extra now and then. */
export function argsFor(arity: number): fc.Arbitrary<unknown[]> {
  return fc.array(anyArg, { minLength: 0, maxLength: arity + 1 });
}

/** Freezes a generated argument, so that a function writing into its input fails loudly. */
export function deepFreeze<T>(v: T): T {
  if (Array.isArray(v)) {
    v.forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}
