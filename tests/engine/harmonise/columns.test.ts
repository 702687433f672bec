/**
 * The columns store (src/engine/harmonise/columns.ts): sums of whole pence stay exact past 2^53
 * pence (£90 trillion), where a JavaScript number can no longer count every penny, and FTEs add
 * up to the Decimal that adding them one by one gives.
 */
import { CostColumns, FteSum, addPence, decimalOfSum } from "../../../src/engine/harmonise/columns";
import { D } from "../../../src/engine/money";
import { LINE_KEYS } from "../../../src/engine/harmonise/view";
import type { CostLinePence, PersonCostsPence } from "../../../src/engine/harmonise";
import { financialYear } from "../../../src/engine/years";

const TWO_52 = 2 ** 52;

/** A cost line with every element at `pence` (only what the store reads is filled in). */
function line(pence: number): CostLinePence {
  return Object.fromEntries(LINE_KEYS.map((k) => [k, pence])) as CostLinePence;
}

/** A person costed for one year with every figure of every option at `pence` (the fields the store reads). */
function person(pence: number, fte: string): PersonCostsPence {
  const year = { current: line(pence), target: line(pence), protected: line(pence), levelledUp: line(pence), basis: "data", basicProtection: { active: false }, unsocialProtection: null };
  return { current: { fte: new D(fte) }, years: [year] } as unknown as PersonCostsPence;
}

describe("sums of pence past 2^53", () => {
  test("addPence carries on in BigInt once a sum leaves the safe integers", () => {
    // 2^53 − 1 + 2 = 9,007,199,254,740,993: a number would give ...992.
    expect(addPence(Number.MAX_SAFE_INTEGER, 2)).toBe(9007199254740993n);
    expect(addPence(9007199254740993n, -5)).toBe(9007199254740988n);
    expect(addPence(100, 23)).toBe(123);
    expect(decimalOfSum(9007199254740993n).toString()).toBe("90071992547409.93");
    expect(decimalOfSum(0n).toString()).toBe("0");
  });

  test("totals of two people at 2^52 + 1 and 2^52 + 2 pence are the exact 2^53 + 3 pence", () => {
    const years = [financialYear(2025)];
    const columns = new CostColumns(2, 1);
    columns.setPerson(0, person(TWO_52 + 1, "1"), 0, 0);
    columns.setPerson(1, person(TWO_52 + 2, "0.5"), 0, 0);
    const { byGroup } = columns.totalsByGroupAndEmployer(1, 1);
    const g = byGroup[0].toGroupTotals("All", years);
    // (2^52 + 1) + (2^52 + 2) = 9,007,199,254,740,995 pence; in doubles it would be ...996.
    expect(g.years[0].current.total.toString()).toBe("90071992547409.95");
    expect(g.total.levelledUp.basicPay.toString()).toBe("90071992547409.95");
    expect(g.headcount).toBe(2);
    expect(g.fte.toString()).toBe("1.5");
  });
});

describe("FTE sums", () => {
  test("FTEs of up to 8 decimal places add exactly; a longer one carries on in decimal.js, as adding one by one does", () => {
    const ftes = ["0.6", "0.8", "0.53333333", "1", "0.4"].map((x) => new D(x));
    const sum = new FteSum();
    for (const f of ftes) sum.add(f);
    expect(sum.value().toString()).toBe(ftes.reduce((a, f) => a.plus(f), new D(0)).toString()); // 3.33333333
    // 20 hours of a 37.5-hour week: 0.5333… to 34 digits.
    const long = [new D("0.6"), new D(20).dividedBy("37.5"), new D("0.25"), new D(7).dividedBy(37.5)];
    const sumLong = new FteSum();
    for (const f of long) sumLong.add(f);
    expect(sumLong.value().toString()).toBe(long.reduce((a, f) => a.plus(f), new D(0)).toString());
  });
});
