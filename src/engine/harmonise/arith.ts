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
import { D, ZERO, type Decimal } from "../money";

/** a + b, sharing a when b is 0 and b when a is 0 (same value and sign as `a.plus(b)`, -0 included). */
export function plus(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) return a.isZero() && (a.isNegative() || b.isNegative()) ? a.plus(b) : a;
  if (a.isZero()) return b;
  return a.plus(b);
}

/**
 * The sum of many figures (the same value as money's `sum`, 0 as the shared ZERO). Figures to the
 * penny, which every cost-line figure is, are added as whole numbers of pence, exactly (JavaScript
 * numbers hold every whole number up to 2^53 pence, £90 trillion), and the total made a Decimal
 * once: a Decimal addition allocates, and staff totals add up hundreds of thousands of figures.
 * Any figure not to the penny, or a total beyond 2^53 pence, is added in decimal instead.
 */
export function sumOf<T>(items: readonly T[], get: (item: T) => Decimal): Decimal {
  let pence = 0;
  let i = 0;
  for (; i < items.length; i++) {
    const p = penceOf(get(items[i]));
    if (p === null) break;
    pence += p;
    if (!Number.isSafeInteger(pence)) break;
  }
  if (i === items.length) return pence === 0 ? ZERO : new D(`${pence}e-2`);
  let total = ZERO;
  for (let j = 0; j < items.length; j++) total = plus(total, get(items[j]));
  return total;
}

/** decimal.js keeps a value's digits in base 10^7 words, aligned so that a word boundary falls at the decimal point. */
const LOG_BASE = 7;

/**
 * A figure in whole pence, exactly, from decimal.js's documented representation (digits `d` in
 * base 10^7, `e` the decimal exponent of the first digit, `s` the sign); null when the figure has
 * more than two decimal places or is too large to count exactly in a JavaScript number.
 */
export function penceOf(x: Decimal): number | null {
  const d = x.d;
  if (!d) return null; // NaN or ±Infinity
  // The first word's place value is 10^(7k): k words to the left of the point (negative: to the right).
  const k = Math.floor(x.e / LOG_BASE);
  let p = 0;
  for (let i = 0; i < d.length; i++) {
    const power = LOG_BASE * (k - i) + 2; // this word's place value, in pence: ..., 10^9, 10^2, 10^-5, ...
    if (power >= 0) p += d[i] * 10 ** power;
    else if (power === 2 - LOG_BASE && d[i] % 100000 === 0) p += d[i] / 100000; // the first 7 decimal places: only the first two may be non-zero
    else return null;
  }
  if (!Number.isSafeInteger(p)) return null;
  return x.s < 0 && p !== 0 ? -p : p;
}
