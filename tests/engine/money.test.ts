import { roundPenny, D } from "../../src/engine/money";
import { allocate } from "../../src/engine/allocate";
import fc from "fast-check";
import { runs } from "./propertySeed";

const s = (xs: InstanceType<typeof D>[]) => xs.map((x) => x.toFixed(2));

describe("roundPenny rounds half up to the penny", () => {
  test.each([
    ["204.115", "204.12"],
    ["204.114", "204.11"],
    ["-204.115", "-204.12"],
    ["0.005", "0.01"],
    ["0.004999", "0.00"],
  ])("%s -> %s", (input, expected) => expect(roundPenny(input).toFixed(2)).toBe(expected));
});

describe("allocate splits to the penny by largest remainder", () => {
  test("£100 three ways: the spare penny goes to the first of the tied parts", () => {
    // 10,000p / 3 = 3,333.33p each; floors 3,333 x 3 = 9,999p; 1p left -> part 1.
    expect(s(allocate("100", [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
  });
  test("an overspend (negative) splits with the same rule, signs kept", () => {
    expect(s(allocate("-100", [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
  });
  test("largest remainder wins over position", () => {
    // £10.00 by 1:2:4 (sum 7): exact 142.857p, 285.714p, 571.428p; floors 142+285+571 = 998p;
    // 2p left go to the largest remainders .857 (part 1) and .714 (part 2).
    expect(s(allocate("10", [1, 2, 4]))).toEqual(["1.43", "2.86", "5.71"]);
  });
  test("a tie in remainder goes to the larger weight", () => {
    // £0.02 by 1:3 (sum 4): exact 0.5p and 1.5p; floors 0 + 1 = 1p; 1p left; remainders tie at .5,
    // so it goes to the larger weight (part 2).
    expect(s(allocate("0.02", [1, 3]))).toEqual(["0.00", "0.02"]);
  });
  test("weights that sum to zero are refused", () => {
    expect(() => allocate("10", [1, -1])).toThrow(/sum to zero/);
  });
});


describe("allocate in whole pence against a decimal.js largest-remainder split", () => {
  /**
   * The reference: the largest-remainder split worked in decimal.js at 80 digits, each remainder
   * as (amount × weight − its whole part × Σweights) ÷ Σweights, so equal remainders are equal and
   * ties go to the larger weight, then the earlier part, as the rule says. (The 34-digit split the
   * integer one replaced rounded two equal remainders of different-sized shares apart, so with a
   * negative weight it could hand a penny to the wrong one of two tied parts.)
   */
  function reference(amount: string, weights: readonly string[]): string[] {
    const Dx = D.clone({ precision: 80 });
    const total = new Dx(amount).toDecimalPlaces(2, Dx.ROUND_HALF_UP);
    const w = weights.map((x) => new Dx(x));
    const weightSum = w.reduce((a, b) => a.plus(b), new Dx(0));
    const pence = total.times(100);
    const sign = pence.isNegative() ? -1 : 1;
    const absPence = pence.abs();
    const exact = w.map((wi) => absPence.times(wi).dividedBy(weightSum));
    const floors = exact.map((e) => e.toDecimalPlaces(0, Dx.ROUND_DOWN));
    let leftover = absPence.minus(floors.reduce((a, b) => a.plus(b), new Dx(0))).toNumber();
    const rems = w.map((wi, i) => absPence.times(wi).minus(floors[i].times(weightSum)).dividedBy(weightSum));
    const order = rems.map((rem, i) => ({ i, rem, weight: w[i] })).sort((a, b) => b.rem.comparedTo(a.rem) || b.weight.comparedTo(a.weight) || a.i - b.i);
    const parts = floors.slice();
    for (let k = 0; leftover > 0; k = (k + 1) % order.length, leftover--) parts[order[k].i] = parts[order[k].i].plus(1);
    for (let k = order.length - 1; leftover < 0; k = (k - 1 + order.length) % order.length, leftover++) parts[order[k].i] = parts[order[k].i].minus(1);
    return parts.map((p) => (p.isZero() ? p.abs() : p.times(sign)).dividedBy(100).toFixed(2));
  }
  it("gives the same parts for random amounts and weights, negative weights and ties included", () => {
    const money = fc.integer({ min: -50_000_000, max: 50_000_000 }).map((p) => (p / 100).toFixed(2));
    const weight = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map((p) => (p / 100).toFixed(2)), fc.constantFrom("1", "2", "3", "0.5", "1e-7"), fc.integer({ min: -300, max: 300 }).map(String));
    fc.assert(
      fc.property(money, fc.array(weight, { minLength: 1, maxLength: 7 }), (amount, weights) => {
        const sumW = weights.reduce((a, b) => a.plus(b), new D(0));
        fc.pre(!sumW.isZero());
        expect(allocate(amount, weights).map((p) => p.toFixed(2))).toEqual(reference(amount, weights));
      }),
      runs(20_000),
    );
  });
});
