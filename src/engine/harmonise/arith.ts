/**
 * Addition that shares instead of copying. Decimals are immutable, and decimal.js's `x.plus(0)`
 * is a new Decimal equal to x (and `0.plus(y)` one equal to y), so returning the non-zero operand
 * itself gives exactly the same figure without a new object. A person's cost lines are full of
 * zeros (no protection, no supplement, time off not valued, no unsocial hours), and a staff list
 * adds them thousands of times: sharing saves both the arithmetic and the memory.
 *
 * Exact for every figure within the engine's precision (34 significant digits), which every
 * money figure is: decimal.js would round a longer operand when copying it; these return it as is.
 */
import { ZERO, type Decimal } from "../money";

/** a + b, sharing a when b is 0 and b when a is 0 (same value and sign as `a.plus(b)`, -0 included). */
export function plus(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) return a.isZero() && (a.isNegative() || b.isNegative()) ? a.plus(b) : a;
  if (a.isZero()) return b;
  return a.plus(b);
}

/** The sum of many figures, skipping zeros; 0 (ZERO) when there are none (same value as `sum`). */
export function sumOf<T>(items: readonly T[], get: (item: T) => Decimal): Decimal {
  let total = ZERO;
  for (let i = 0; i < items.length; i++) total = plus(total, get(items[i]));
  return total;
}
