/**
 * Proof that no figure moved (issue 15): every figure of the engine, the custom functions and the
 * sample board pack, over fixed inputs, hashes as it did before the integer-pence rewrite
 * (tests/engine/figure-hashes.json, recorded from the decimal.js engine). A set that moves names
 * itself and says how to find the first item that moved (docs/development.md, "Proof that no
 * figure moved"). The large sets (10,000 and 100,000 people) are checked by
 * `node scripts/figure-hashes.js --check --large`, not here.
 */
import fs from "fs";
import path from "path";
import { FIGURE_SETS, benchMembers, canonicalText, hashStaffResult, movedMessage, staffResultParts, type FigureSetResult } from "../../src/testSupport/figureHashes";
import { D } from "../../src/engine/money";
import { harmoniseStaff, type PersonResult } from "../../src/engine/harmonise";
import { benchScenario } from "../../src/bench/harmonise";

const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "figure-hashes.json"), "utf8")) as {
  sets: Record<string, { count: number; hash: string }>;
  large: Record<string, { count: number; hash: string }>;
};

describe("figure hashes: every figure as the engine gave it before the rewrite", () => {
  test("every set the harness computes is recorded, and nothing recorded is left uncomputed", () => {
    expect(Object.keys(FIGURE_SETS).sort()).toEqual(Object.keys(recorded.sets).sort());
  });

  for (const name of Object.keys(FIGURE_SETS)) {
    test(`set "${name}" hashes as recorded`, async () => {
      const got: FigureSetResult = await FIGURE_SETS[name]();
      const want = recorded.sets[name];
      if (got.count !== want.count || got.hash !== want.hash) throw new Error(movedMessage(name, got, want));
    });
  }
});

describe("the canonical text the hashes are taken over", () => {
  test("keys sorted, undefined left out, a Decimal as its value with -0 as 0, a number -0 as 0", () => {
    expect(canonicalText({ b: new D("1.50"), a: undefined, c: [new D("-0"), -0, 2.5, null], d: "x" })).toBe('{"b":"1.5","c":["0",0,2.5,null],"d":"x"}');
  });

  test("one figure changed by a penny changes the hash", () => {
    const members = benchMembers(20);
    const result = harmoniseStaff(members, benchScenario());
    const before = hashStaffResult("t", staffResultParts(result)).hash;
    // The people are built on demand: hash a list of them with one figure of person 7 a penny up.
    const people = [...staffResultParts(result).people] as PersonResult[];
    expect(hashStaffResult("t", { ...staffResultParts(result), people }).hash).toBe(before);
    const line = people[7].years[2].current;
    (line as { employerNi: unknown }).employerNi = line.employerNi.plus("0.01");
    expect(hashStaffResult("t", { ...staffResultParts(result), people }).hash).not.toBe(before);
  });
});
