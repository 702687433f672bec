import { ColumnTextKeeper } from "../../../src/intake/readers/keepText";

describe("ColumnTextKeeper: texts kept by column", () => {
  it("gives back the text it is given in a column that repeats itself (long texts made strings of their own)", () => {
    const keeper = new ColumnTextKeeper();
    const long = "Northshire Community Health NHS Trust";
    for (let i = 0; i < 5_000; i++) expect(keeper.keep(3, `${long} ${i}`.slice(0, long.length))).toBe(long);
  });

  it("keeps every value of a column of references exactly, also once it has stopped sharing", () => {
    const keeper = new ColumnTextKeeper();
    const refs = Array.from({ length: 5_000 }, (_, i) => `ASSIGNMENT-${String(i).padStart(8, "0")}`);
    expect(refs.map((r) => keeper.keep(0, r))).toEqual(refs);
    // Another column keeps its own sharing.
    expect(keeper.keep(1, "Nursing")).toBe("Nursing");
  });
});
