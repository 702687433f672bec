/**
 * The integer money type (src/engine/pence.ts) against decimal.js: the rounding, the ratio
 * arithmetic and the readings of Decimals and of JavaScript numbers, on random inputs from a fixed
 * seed (tests/engine/propertySeed.ts), ties at half a unit and magnitudes up to 2^60 included.
 * The reference is decimal.js at 80 digits, exact for every value here (the largest product is
 * 2^120, 37 digits; a quotient that is not a tie is at least 2^-61 from one). Comparisons in the
 * properties are plain (same()), not expect(): a million expect() calls would be most of the time.
 */
import fc from "fast-check";
import DecimalBase from "decimal.js";
import { D } from "../../src/engine/money";
import {
  ceilRatio,
  compare,
  decimalOfPence,
  decimalOfRatio,
  dividedBy,
  exactPenceOfNumber,
  minus,
  penceOf,
  plus,
  ratio,
  ratioOf,
  roundHalfUp,
  roundHalfUpBig,
  roundRatio,
  roundTimes,
  roundedPenceOfNumber,
  times,
  type Ratio,
} from "../../src/engine/pence";
import { runs } from "./propertySeed";

const R = DecimalBase.clone({ precision: 80, rounding: DecimalBase.ROUND_HALF_UP });
type Rd = InstanceType<typeof R>;

/** Fails the property with both values when they differ (Object.is, but 0 and −0 are one value: decimal.js gives −0 where the engine gives 0). */
function same(actual: unknown, expected: unknown, what: string): void {
  if (actual === expected || Object.is(actual, expected)) return;
  throw new Error(`${what}: got ${String(actual)}, expected ${String(expected)}`);
}
function holds(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}
/** A reference Decimal as a number, −0 as 0 (the engine never gives −0). */
const n0 = (d: Rd): number => d.toNumber() + 0;

/** n ÷ d rounded half up, away from zero: decimal.js's ROUND_HALF_UP. */
const refRound = (n: bigint | number, d: bigint | number): Rd => new R(n.toString()).dividedBy(d.toString()).toDecimalPlaces(0, R.ROUND_HALF_UP);
const valueOf = (r: Ratio): Rd => (r.big ? new R(r.big[0].toString()).dividedBy(r.big[1].toString()) : new R(r.num).dividedBy(r.den));
const bigParts = (r: Ratio): [bigint, bigint] => (r.big ? [r.big[0], r.big[1]] : [BigInt(r.num), BigInt(r.den)]);

const bigGcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
/** A ratio is in lowest terms with a positive denominator, in numbers while both fit. */
function wellFormed(r: Ratio): void {
  const [n, d] = bigParts(r);
  holds(d > 0n, `denominator ${d} not positive`);
  holds(bigGcd(n, d) === 1n || (n === 0n && d === 1n), `${n}/${d} not in lowest terms`);
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const fits = n <= safe && n >= -safe && d <= safe;
  same(r.big === undefined, fits, `${n}/${d} held in numbers`);
  if (!r.big) same(Object.is(r.num, -0), false, "numerator −0");
}

/** A bigint of up to `bits` bits, either sign: magnitudes from 1 to 2^60 in one arbitrary. */
const bigOfBits = (maxBits: number) =>
  fc.integer({ min: 1, max: maxBits }).chain((bits) => fc.bigInt({ min: -(2n ** BigInt(bits)), max: 2n ** BigInt(bits) }));
const positiveBigOfBits = (maxBits: number) => fc.integer({ min: 1, max: maxBits }).chain((bits) => fc.bigInt({ min: 1n, max: 2n ** BigInt(bits) }));

describe("roundHalfUp: THE rounding, half up away from zero", () => {
  test("worked examples: 5/2 is 3, −5/2 is −3, 7/3 is 2, −7/3 is −2, 1/2 is 1, 0 is 0 (never −0)", () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(-5, 2)).toBe(-3);
    expect(roundHalfUp(7, 3)).toBe(2);
    expect(roundHalfUp(-7, 3)).toBe(-2);
    expect(roundHalfUp(1, 2)).toBe(1);
    expect(Object.is(roundHalfUp(-1, 3), 0)).toBe(true);
    expect(Object.is(roundHalfUp(0, 7), 0)).toBe(true);
    // 2^53 + 1 is not a double: as a bigint it rounds exactly: (2^53 + 1) / 2 = 2^52 + 0.5 -> 2^52 + 1.
    expect(roundHalfUp(2n ** 53n + 1n, 2n)).toBe(2 ** 52 + 1);
  });

  test("numbers (safe integers, either sign) agree with decimal.js, magnitudes 1 to 2^53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 53 }).chain((bits) => fc.tuple(fc.integer({ min: -(2 ** Math.min(bits, 53)) + 1, max: 2 ** Math.min(bits, 53) - 1 }))),
        fc.integer({ min: 1, max: 52 }).chain((bits) => fc.integer({ min: 1, max: 2 ** bits })),
        ([n], d) => same(roundHalfUp(n, d), n0(refRound(n, d)), `roundHalfUp(${n}, ${d})`),
      ),
      runs(40_000),
    );
  });

  test("exact half ties in numbers and bigints round away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 58n), max: 2n ** 58n }), positiveBigOfBits(30), (k, halfDen) => {
        // (2k + 1) × halfDen ÷ (2 × halfDen) = k + ½ exactly.
        const n = (2n * k + 1n) * halfDen;
        const d = 2n * halfDen;
        const expected = BigInt(refRound(n, d).toFixed(0));
        same(expected, k >= 0n ? k + 1n : k, "the reference's tie"); // away from zero: 2.5 -> 3, −2.5 -> −3
        same(roundHalfUpBig(n, d), expected, `roundHalfUpBig(${n}, ${d})`);
        if (expected <= BigInt(Number.MAX_SAFE_INTEGER) && expected >= -BigInt(Number.MAX_SAFE_INTEGER)) {
          same(roundHalfUp(n, d), Number(expected) + 0, `roundHalfUp(${n}n, ${d}n)`);
          if (n <= 2n ** 52n && n >= -(2n ** 52n) && d <= 2n ** 52n) same(roundHalfUp(Number(n), Number(d)), Number(expected) + 0, `roundHalfUp(${n}, ${d})`);
        }
      }),
      runs(40_000),
    );
  });

  test("bigints up to 2^60 agree with decimal.js (and a result past 2^53 is refused by roundHalfUp, kept by roundHalfUpBig)", () => {
    fc.assert(
      fc.property(bigOfBits(60), positiveBigOfBits(60), fc.boolean(), (n, d, negativeDen) => {
        const den = negativeDen ? -d : d;
        const expected = BigInt(refRound(n, den).toFixed(0));
        same(roundHalfUpBig(n, den), expected, `roundHalfUpBig(${n}, ${den})`);
        if (expected <= BigInt(Number.MAX_SAFE_INTEGER) && expected >= -BigInt(Number.MAX_SAFE_INTEGER)) same(roundHalfUp(n, den), Number(expected) + 0, `roundHalfUp(${n}, ${den})`);
        else holds(throwsRange(() => roundHalfUp(n, den)), `roundHalfUp(${n}, ${den}) past 2^53 not refused`);
      }),
      runs(40_000),
    );
  });

  test("roundTimes (an amount × a ratio) agrees with decimal.js, across the number and BigInt paths", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 53 }).chain((bits) => fc.integer({ min: -(2 ** bits) + 1, max: 2 ** bits - 1 })),
        fc.integer({ min: -(10 ** 7), max: 10 ** 7 }),
        fc.integer({ min: 0, max: 8 }),
        (amount, num, places) => {
          const r = ratio(num, 10 ** places);
          const expected = refRound(BigInt(amount) * BigInt(r.num), r.den);
          if (expected.abs().lte(Number.MAX_SAFE_INTEGER)) same(roundTimes(amount, r), n0(expected), `roundTimes(${amount}, ${r.num}/${r.den})`);
          else holds(throwsRange(() => roundTimes(amount, r)), `roundTimes(${amount}, ${r.num}/${r.den}) past 2^53 not refused`);
        },
      ),
      runs(60_000),
    );
  });
});

describe("ratios: exact arithmetic in lowest terms", () => {
  const anyRatio = fc.oneof(
    fc.tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 6 })).map(([n, d]) => ratio(n, d)),
    fc.tuple(bigOfBits(60), positiveBigOfBits(60)).map(([n, d]) => ratio(n, d)),
    fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 12 })).map(([n, p]) => ratio(n, 10 ** p)),
  );

  test("times, plus, minus, dividedBy and compare agree with decimal.js and BigInt cross-multiplication", () => {
    fc.assert(
      fc.property(anyRatio, anyRatio, (a, b) => {
        const [an, ad] = bigParts(a);
        const [bn, bd] = bigParts(b);
        const equals = (r: Ratio, n: bigint, d: bigint, what: string): void => {
          wellFormed(r);
          const [rn, rd] = bigParts(r);
          same(rn * d, n * rd, what);
        };
        equals(times(a, b), an * bn, ad * bd, "times");
        equals(plus(a, b), an * bd + bn * ad, ad * bd, "plus");
        equals(minus(a, b), an * bd - bn * ad, ad * bd, "minus");
        if (bn !== 0n) equals(dividedBy(a, b), an * bd, ad * bn, "dividedBy");
        else holds(throwsRange(() => dividedBy(a, b)), "division by 0 not refused");
        const l = an * bd;
        const r = bn * ad;
        same(compare(a, b), l < r ? -1 : l > r ? 1 : 0, "compare");
        same(valueOf(a).comparedTo(valueOf(b)), compare(a, b), "compare against decimal.js");
        const rounded = refRound(an, ad);
        if (rounded.abs().lte(Number.MAX_SAFE_INTEGER)) same(roundRatio(a), n0(rounded), "roundRatio");
        const ceil = valueOf(a).ceil();
        if (ceil.abs().lte(Number.MAX_SAFE_INTEGER)) same(ceilRatio(a), n0(ceil), "ceilRatio");
      }),
      runs(30_000),
    );
  });

  test("ratio(): lowest terms, positive denominator, 0 as 0/1 (never −0), denominator 0 refused", () => {
    expect(ratio(6, -4)).toEqual({ num: -3, den: 2 });
    expect(Object.is(ratio(0, -5).num, 0)).toBe(true);
    expect(ratio(0, -5).den).toBe(1);
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });
});

describe("reading Decimals and numbers", () => {
  test("ratioOf is the Decimal's exact value (any digits, any exponent); penceOf is it in pence, or refuses a fraction of a penny", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -5, max: 30 }), (digits, exponent) => {
        const d = new D(`${digits}e${-exponent}`);
        const r = ratioOf(d);
        wellFormed(r);
        holds(decimalOfRatio(r).eq(d), `ratioOf(${d.toString()}) back to a Decimal`);
        holds(valueOf(r).eq(new R(d.toString())), `ratioOf(${d.toString()})`);
        const hundredths = new R(d.toString()).times(100);
        if (hundredths.isInteger() && hundredths.abs().lte(Number.MAX_SAFE_INTEGER)) {
          same(penceOf(d), n0(hundredths), `penceOf(${d.toString()})`);
          holds(decimalOfPence(penceOf(d)).eq(d), `decimalOfPence(penceOf(${d.toString()}))`);
        } else holds(throwsRange(() => penceOf(d)), `penceOf(${d.toString()}) not refused`);
      }),
      runs(30_000),
    );
  });

  /** What today's code reads from a number: new D(x) (its shortest decimal), rounded half up to the penny. */
  const refRoundedPence = (x: number): number => new R(x).times(100).toDecimalPlaces(0, R.ROUND_HALF_UP).toNumber();

  const doubles = fc.oneof(
    fc.double({ min: 0, max: 2 ** 34, noNaN: true }), // any double: most have 10+ decimals
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.integer({ min: 0, max: 2 ** 40 }).map((p) => p / 100), // to the penny
    fc.integer({ min: 0, max: 2 ** 37 }).map((k) => (10 * k + 5) / 1000), // a half penny in its decimal: 31049.565
    fc.tuple(fc.integer({ min: 0, max: 2 ** 33 }), fc.integer({ min: 1, max: 9 })).map(([k, e]) => (k * 10 ** e + 10 ** e / 2) / 10 ** (e + 2)), // …0.5 at any place
    fc.tuple(fc.integer({ min: 0, max: 2 ** 33 }), fc.integer({ min: -3, max: 3 })).map(([p, ulps]) => {
      // a few doubles either side of a half penny: 31049.565 ± a few ulps, 0.004999999…
      let x = (p + 0.5) / 100;
      for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : nextDown(x);
      return x;
    }),
    fc.constantFrom(0, 2 ** 33 - 0.005, 2 ** 33, 2 ** 33 + 0.01, 8589934591.995, 1e15, 1e21, Number.MAX_VALUE, Number.MIN_VALUE, 5e-324),
  );

  test("roundedPenceOfNumber: the number's decimal rounded half up to the penny, as new D(x) and roundPenny give, or null (the decimal path)", () => {
    fc.assert(
      fc.property(doubles, (x) => {
        const p = roundedPenceOfNumber(x);
        if (p !== null) same(p, refRoundedPence(x), `roundedPenceOfNumber(${x})`);
      }),
      runs(60_000),
    );
  });

  test("roundedPenceOfNumber settles almost every pay without the decimal path", () => {
    let settled = 0;
    const pays = fc.sample(fc.double({ min: 0, max: 1e6, noNaN: true }), { numRuns: 10_000, seed: 7 });
    for (const x of pays) if (roundedPenceOfNumber(x) !== null) settled++;
    expect(settled / pays.length).toBeGreaterThan(0.97); // within 0.01 of a half penny: about 2%
  });

  test("exactPenceOfNumber: the pence exactly when the number's decimal has at most two decimals", () => {
    fc.assert(
      fc.property(doubles, (x) => {
        const p = exactPenceOfNumber(x);
        const hundredths = new R(x).times(100);
        if (p === null) holds(!(hundredths.isInteger() && x < 2 ** 33), `exactPenceOfNumber(${x}) refused a whole number of pence`);
        else holds(hundredths.eq(p), `exactPenceOfNumber(${x}) is ${p}`);
      }),
      runs(60_000),
    );
  });

  test("−0, negatives, NaN and Infinity are left to the decimal path (which gives today's message)", () => {
    for (const x of [-0, -0.01, -1e9, NaN, Infinity, -Infinity]) {
      expect(roundedPenceOfNumber(x)).toBeNull();
      expect(exactPenceOfNumber(x)).toBeNull();
    }
    expect(roundedPenceOfNumber(0)).toBe(0);
    // 31049.565 is a half penny in its decimal: the double is just below it, the decimal is not: the decimal path decides.
    expect(roundedPenceOfNumber(31049.565)).toBeNull();
    expect(refRoundedPence(31049.565)).toBe(3104957);
    // Worked: 31049.5 -> 3,104,950 pence; 31049.567 -> 3,104,956.7 -> 3,104,957; 0.004 -> 0.
    expect(roundedPenceOfNumber(31049.5)).toBe(3104950);
    expect(roundedPenceOfNumber(31049.567)).toBe(3104957);
    expect(roundedPenceOfNumber(0.004)).toBe(0);
  });

  test("pence / 100 is the very number Excel was shown before: Decimal.toNumber() of the same figure", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 53 }).chain((bits) => fc.integer({ min: -(2 ** bits) + 1, max: 2 ** bits - 1 })), (p) => {
        same(p / 100, decimalOfPence(p).toNumber(), `${p} pence as shown before`);
        same(p / 100, Number(new R(p).dividedBy(100).toString()), `${p} pence, nearest double`);
      }),
      runs(60_000),
    );
  });
});

function throwsRange(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof RangeError;
  }
}

const view = new DataView(new ArrayBuffer(8));
/** The next double up (for x ≥ 0). */
function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
/** The next double down (for x > 0). */
function nextDown(x: number): number {
  if (x === 0) return 0;
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
