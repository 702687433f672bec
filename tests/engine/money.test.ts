import { allocate, roundPenny, D } from "../../src/engine/money";

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

