/**
 * Money in whole pence: the engine's integer money type and its one rounding rule.
 *
 * Every money rule works on pence held as JavaScript numbers, which are exact for every whole
 * number up to 2^53 (£90 trillion), and on rates held as exact ratios of whole numbers (23.78% is
 * 2378/10000, a third is 1/3). A product is rounded once, to the penny, half up (away from zero
 * for negatives: DESIGN.md, Conventions), by exact integer division; a product too large for a
 * number to hold exactly is worked in BigInt instead. This gives the very figures decimal.js gives
 * (it is the reference implementation in the tests) at the speed of plain numbers.
 *
 * decimal.js stays at the edges: reading published figures and user input (ratioOf, penceOf) and
 * building the figures shown (decimalOfPence).
 */
import { D, ZERO, type Decimal } from "./money";

/** A sum of money in whole pence: a safe integer. */
export type Pence = number;

/**
 * An exact ratio of whole numbers, denominator positive, in lowest terms. `big` holds it when its
 * numerator or denominator is too large for a safe integer (a 34-digit FTE); then num and den are NaN.
 */
export interface Ratio {
  readonly num: number;
  readonly den: number;
  readonly big?: readonly [bigint, bigint];
}

/** Products up to 2^52 are divided in numbers: a quotient off by one is then still exact to correct. */
const SAFE_PRODUCT = 2 ** 52;

export const ZERO_RATIO: Ratio = Object.freeze({ num: 0, den: 1 });
export const ONE_RATIO: Ratio = Object.freeze({ num: 1, den: 1 });

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** num ÷ den in lowest terms (den must not be 0). */
export function ratio(num: number | bigint, den: number | bigint): Ratio {
  if (typeof num === "number" && typeof den === "number" && Number.isSafeInteger(num) && Number.isSafeInteger(den)) {
    if (den === 0) throw new RangeError("ratio: denominator 0");
    if (den < 0) [num, den] = [-num, -den];
    const g = gcd(num, den) || 1;
    return { num: num / g + 0, den: den / g };
  }
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("ratio: denominator 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = bigGcd(n, d) || 1n;
  n /= g;
  d /= g;
  const small = BigInt(Number.MAX_SAFE_INTEGER);
  if (n <= small && n >= -small && d <= small) return { num: Number(n), den: Number(d) };
  return { num: NaN, den: NaN, big: [n, d] };
}

/** A ratio's numerator and denominator as BigInts. */
export function bigParts(r: Ratio): readonly [bigint, bigint] {
  return parts(r);
}

function parts(r: Ratio): readonly [bigint, bigint] {
  return r.big ?? [BigInt(r.num), BigInt(r.den)];
}

/** a × b, exactly. */
export function times(a: Ratio, b: Ratio): Ratio {
  if (a.big === undefined && b.big === undefined) {
    const n = a.num * b.num;
    const d = a.den * b.den;
    if (Math.abs(n) <= SAFE_PRODUCT && d <= SAFE_PRODUCT) return ratio(n, d);
  }
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return ratio(an * bn, ad * bd);
}

/** a ÷ b, exactly (b must not be 0). */
export function dividedBy(a: Ratio, b: Ratio): Ratio {
  const [bn, bd] = parts(b);
  if (bn === 0n) throw new RangeError("dividedBy: division by 0");
  return times(a, ratio(bd, bn));
}

/** a + b, exactly. */
export function plus(a: Ratio, b: Ratio): Ratio {
  if (a.big === undefined && b.big === undefined) {
    const n = a.num * b.den + b.num * a.den;
    const d = a.den * b.den;
    if (Math.abs(a.num * b.den) <= SAFE_PRODUCT && Math.abs(b.num * a.den) <= SAFE_PRODUCT && d <= SAFE_PRODUCT) return ratio(n, d);
  }
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return ratio(an * bd + bn * ad, ad * bd);
}

/** a − b, exactly. */
export function minus(a: Ratio, b: Ratio): Ratio {
  return plus(a, b.big ? { num: NaN, den: NaN, big: [-b.big[0], b.big[1]] } : { num: -b.num, den: b.den });
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Ratio, b: Ratio): number {
  if (a.big === undefined && b.big === undefined) {
    const l = a.num * b.den;
    const r = b.num * a.den;
    if (Math.abs(l) <= SAFE_PRODUCT && Math.abs(r) <= SAFE_PRODUCT) return l < r ? -1 : l > r ? 1 : 0;
  }
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  const l = an * bd;
  const r = bn * ad;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Whether r ≥ n ÷ d (n, d whole numbers, d positive), without making a ratio. */
export function atLeast(r: Ratio, n: number, d = 1): boolean {
  if (r.big === undefined) {
    const left = r.num * d;
    const right = n * r.den;
    if (Math.abs(left) <= SAFE_PRODUCT && Math.abs(right) <= SAFE_PRODUCT) return left >= right;
  }
  const [rn, rd] = parts(r);
  return rn * BigInt(d) >= BigInt(n) * rd;
}

export function isZero(r: Ratio): boolean {
  return r.big === undefined && r.num === 0;
}

/**
 * num ÷ den to a whole number, half up (away from zero): THE rounding rule of the engine. Exact:
 * in numbers while both are at most 2^52 (the quotient may be a unit out; the remainder puts it
 * right), otherwise in BigInt.
 */
export function roundHalfUp(num: number | bigint, den: number | bigint): number {
  if (typeof num === "number" && typeof den === "number" && Math.abs(num) <= SAFE_PRODUCT && den > 0 && den <= SAFE_PRODUCT) {
    const a = Math.abs(num);
    let q = Math.floor(a / den);
    let r = a - q * den;
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
    if (2 * r >= den) q += 1;
    return num < 0 && q !== 0 ? -q : q;
  }
  const out = Number(roundHalfUpBig(BigInt(num), BigInt(den)));
  if (!Number.isSafeInteger(out)) throw new RangeError("roundHalfUp: the result is beyond 2^53");
  return out + 0;
}

/** roundHalfUp in BigInt, for figures that may pass 2^53 (den must not be 0). */
export function roundHalfUpBig(num: bigint, den: bigint): bigint {
  let n = num;
  let d = den;
  if (d < 0n) [n, d] = [-n, -d];
  const negative = n < 0n;
  if (negative) n = -n;
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  return negative ? -q : q;
}

/** An amount in pence (or any whole number) × a ratio, rounded half up to a whole number. */
export function roundTimes(amount: number, r: Ratio): number {
  if (r.big === undefined) {
    const n = amount * r.num;
    if (Math.abs(n) <= SAFE_PRODUCT) return roundHalfUp(n, r.den);
  }
  const [rn, rd] = parts(r);
  return roundHalfUp(BigInt(amount) * rn, rd);
}

/** A ratio rounded half up to a whole number. */
export function roundRatio(r: Ratio): number {
  return r.big === undefined ? roundHalfUp(r.num, r.den) : roundHalfUp(r.big[0], r.big[1]);
}

/** A ratio rounded half up to a whole number, as a bigint (for figures that may pass 2^53). */
export function roundRatioBig(r: Ratio): bigint {
  const [n, d] = parts(r);
  return roundHalfUpBig(n, d);
}

/** The smallest whole number at or above a ratio. */
export function ceilRatio(r: Ratio): number {
  const [n, d] = parts(r);
  const q = n / d; // towards zero
  const out = Number(q * d < n ? q + 1n : q);
  if (!Number.isSafeInteger(out)) throw new RangeError("ceilRatio: the result is beyond 2^53");
  return out + 0;
}

/** A whole number as a ratio. */
export function whole(n: number): Ratio {
  return { num: n + 0, den: 1 };
}

const RATIOS = new WeakMap<Decimal, Ratio>();

/** A Decimal as an exact ratio (every finite Decimal is one: its digits over a power of ten). Cached per Decimal object. */
export function ratioOf(d: Decimal): Ratio {
  let r = RATIOS.get(d);
  if (r !== undefined) return r;
  if (!d.isFinite()) throw new RangeError(`ratioOf: ${d.toString()} is not a finite number`);
  // Most figures are short decimals ("0.8", "37.5", "31049"): read from their digits.
  const text = d.toString();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m && m[2].length + (m[3]?.length ?? 0) <= 15) {
    const places = m[3]?.length ?? 0;
    r = ratio(Number(`${m[1]}${m[2]}${m[3] ?? ""}`), 10 ** places);
    RATIOS.set(d, r);
    return r;
  }
  const places = d.decimalPlaces();
  if (places === 0 && d.abs().lte(Number.MAX_SAFE_INTEGER)) r = whole(d.toNumber());
  else if (places <= 15 && d.abs().times(10 ** places).lte(Number.MAX_SAFE_INTEGER)) r = ratio(d.times(10 ** places).toNumber(), 10 ** places);
  else {
    const scaled = d.times(new D(10).pow(places));
    r = ratio(BigInt(scaled.toFixed(0)), 10n ** BigInt(places));
  }
  RATIOS.set(d, r);
  return r;
}

/**
 * Pounds given as a JavaScript number (as Excel passes a cell) in pence, read as the engine reads a
 * number: new D(x) takes the shortest decimal that gives x back (String(x)); that decimal is what
 * is rounded. Up to £2^33 (£8.6 billion) the double's error is far below a thousandth of a penny:
 * x × 100 lies within 0.0002 of the decimal's pence, so Math.round of it is that decimal rounded
 * half up wherever it is not within 0.01 of a half penny. Null where the number cannot be
 * settled this way (negative, −0, larger, not finite, or near a half penny with more than two
 * decimals): the caller then takes the decimal path.
 */
const NUMBER_PENCE_LIMIT = 2 ** 33;

/** The number's decimal rounded half up to the penny, in pence (see above); null where only the decimal path can tell. */
export function roundedPenceOfNumber(x: number): Pence | null {
  if (!(x > 0 && x < NUMBER_PENCE_LIMIT)) return x === 0 && 1 / x > 0 ? 0 : null;
  const h = x * 100;
  const p = Math.round(h);
  return h - p <= 0.49 && p - h <= 0.49 ? p : null;
}

/**
 * The number's decimal in pence when it is a whole number of pence (31049.5, not 31049.567), else
 * null. p / 100 is the double nearest the decimal p/100, and below £2^33 two amounts a penny
 * apart never share a double, so p / 100 === x exactly when String(x) has at most two decimals.
 */
export function exactPenceOfNumber(x: number): Pence | null {
  if (!(x > 0 && x < NUMBER_PENCE_LIMIT)) return x === 0 && 1 / x > 0 ? 0 : null;
  const p = Math.round(x * 100);
  return p / 100 === x ? p : null;
}

const PENCE = new WeakMap<Decimal, Pence>();

/**
 * A money Decimal in whole pence. Money in the engine is to the penny (the scales, allowances and
 * rounded results are); anything finer is a caller's mistake and is refused. Cached per Decimal object.
 */
export function penceOf(d: Decimal): Pence {
  let p = PENCE.get(d);
  if (p !== undefined) return p;
  const r = ratioOf(d);
  const hundredths = times(r, whole(100));
  if (hundredths.big !== undefined || hundredths.den !== 1) throw new RangeError(`penceOf: ${d.toString()} is not a whole number of pence`);
  p = hundredths.num + 0;
  PENCE.set(d, p);
  return p;
}

/** Pence as the Decimal of pounds the figures shown are made of (0, never −0). */
export function decimalOfPence(p: Pence): Decimal {
  return p === 0 ? ZERO : new D(`${p}e-2`);
}

/** A ratio as a Decimal (for display and the edges only: a third is rounded to 34 digits). */
export function decimalOfRatio(r: Ratio): Decimal {
  const [n, d] = parts(r);
  return new D(n.toString()).dividedBy(new D(d.toString()));
}
