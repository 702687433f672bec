/** The parameters layout RISKSHARE and POOLACCOUNT read (docs/pools.md, "Parameters"). */
import { parseArrangement, parseArrangements, type Arrangement, type ParamCell, type ParameterOptions } from "../../../src/engine/pool";

const three: ParameterOptions = { partners: 3, ownAmounts: true };
const parse = (method: ParamCell, params: ParamCell[] = [], opts: ParameterOptions = three): Arrangement => parseArrangement(method, params, opts);
const str = (a: Arrangement) => JSON.parse(JSON.stringify(a));

describe("methods", () => {
  test("omitted is PROPORTIONAL both ways", () => {
    expect(str(parse(null))).toEqual({ overspend: { method: "PROPORTIONAL" }, underspend: { method: "PROPORTIONAL" } });
  });
  test.each(["proportional", " Pro-rata ", "PROPORTIONATE", "contributions"])("%p is PROPORTIONAL", (m) => {
    expect(parse(m).overspend.method).toBe("PROPORTIONAL");
  });
  test.each([
    ["host", "LEAD"],
    ["Risk pool", "RISKPOOL"],
    ["contingency", "RISKPOOL"],
    ["own risk", "OWN"],
  ])("%p is %s", (m, method) => {
    expect(parse(m, method === "LEAD" ? [1] : method === "RISKPOOL" ? [0] : method === "OWN" ? [0, 0, 0] : []).overspend.method).toBe(method);
  });
  test("an unknown method lists the methods", () => {
    expect(() => parse("EVENLY")).toThrow('"EVENLY" is not a risk-share method. Use one of: PROPORTIONAL, FIXED, LEAD, CAPPED, TIERED, RISKPOOL, OWN, WATERFALL.');
  });
  test("a number is not a method", () => {
    expect(() => parse(5)).toThrow(/method should be text such as "PROPORTIONAL"; got 5/);
  });
  test("OVER/UNDER: the overspend rule's parameters first, then the underspend rule's", () => {
    const a = str(parse("CAPPED/FIXED", [100, "", 50, "50%", "30%", "20%"]));
    expect(a.overspend).toEqual({ method: "CAPPED", caps: ["100", null, "50"] });
    expect(a.underspend).toEqual({ method: "FIXED", percentages: ["0.5", "0.3", "0.2"] });
  });
  test("more than one slash", () => {
    expect(() => parse("A/B/C")).toThrow(/more than one "\/"/);
  });
});

describe("each method's parameters", () => {
  test("PROPORTIONAL takes none: a parameter left over is an error", () => {
    expect(() => parse("PROPORTIONAL", [0.5])).toThrow("Parameters cell 1 (0.5) is left over: PROPORTIONAL does not use it. Remove it, or check the parameters layout for the method (PROPORTIONAL takes none).");
  });
  test("empty cells after the last parameter are ignored", () => {
    expect(parse("PROPORTIONAL", [null, "", "  "]).overspend.method).toBe("PROPORTIONAL");
  });
  test("FIXED: one percentage per partner, as 60%, 0.6 or text '60%'; a blank is 0%", () => {
    expect(str(parse("FIXED", ["60%", 0.4, null])).overspend.percentages).toEqual(["0.6", "0.4", "0"]);
    expect(str(parse("FIXED", [" 25 % ", "0.25", 0.5, null, ""])).overspend.percentages).toEqual(["0.25", "0.25", "0.5"]);
  });
  test("FIXED with too few percentages", () => {
    expect(() => parse("FIXED", [0.5, 0.5])).toThrow("FIXED needs 3 percentages in the parameters, one per partner in order; found 2.");
  });
  test("FIXED that does not add up", () => {
    expect(() => parse("FIXED", [0.5, 0.3, 0.1])).toThrow("The FIXED percentages add up to 90%, not 100%");
  });
  test("LEAD: a number, or a name where partners are named", () => {
    expect(str(parse("LEAD", [2])).overspend).toEqual({ method: "LEAD", partner: 1 });
    expect(str(parse("LEAD", ["council"], { partners: 2, ownAmounts: false, names: ["ICB", "Council"]})).overspend).toEqual({ method: "LEAD", partner: 1 });
  });
  test("LEAD errors", () => {
    expect(() => parse("LEAD")).toThrow("LEAD needs the lead partner in the parameters: its number (1 for the first partner).");
    expect(() => parse("LEAD", [4])).toThrow("The lead partner (parameters cell 1) must be a partner number from 1 to 3; got 4.");
    expect(() => parse("LEAD", [1.5])).toThrow(/got 1.5/);
    expect(() => parse("LEAD", ["Trust"], { partners: 2, ownAmounts: false, names: ["ICB", "Council"]})).toThrow(
      'The lead partner "Trust" is not one of the partners (ICB, Council).',
    );
  });
  test("CAPPED: one cap per partner, an empty cell for no cap", () => {
    expect(str(parse("CAPPED", ["£20,000", null, 15000])).overspend.caps).toEqual(["20000", null, "15000"]);
    expect(str(parse("CAPPED", [20000, null, ""])).overspend.caps).toEqual(["20000", null, null]);
  });
  test("CAPPED with too few caps (a range shorter than the partners)", () => {
    expect(() => parse("CAPPED", [20000])).toThrow("CAPPED needs 3 caps in the parameters, one per partner in order (an empty cell for no cap); found 1.");
  });
  test("CAPPED with nothing after it: capped at contributions", () => {
    expect(str(parse("CAPPED")).overspend).toEqual({ method: "CAPPED", caps: null });
    // and so is CAPPED followed by the next method's name
    expect(str(parse("TIERED", [1000, "CAPPED", "PROPORTIONAL"])).overspend.tiers[0].rule).toEqual({ method: "CAPPED", caps: null });
    expect(() => parse("CAPPED/FIXED", [])).toThrow(/FIXED needs 3 percentages/);
  });
  test("CAPPED: a negative cap", () => {
    expect(() => parse("CAPPED", [-1, 0, 0])).toThrow("A cap must not be negative; partner 1 has -£1.00.");
  });
  test("TIERED: limit, method, its parameters, …, method for the rest", () => {
    const a = str(parse("TIERED", [50000, "LEAD", 1, 150000, "FIXED", 0.5, 0.3, 0.2, "PROPORTIONAL"]));
    expect(a.overspend).toEqual({
      method: "TIERED",
      tiers: [
        { upTo: "50000", rule: { method: "LEAD", partner: 0 } },
        { upTo: "150000", rule: { method: "FIXED", percentages: ["0.5", "0.3", "0.2"] } },
      ],
      rest: { method: "PROPORTIONAL" },
    });
  });
  test("TIERED errors say what is missing", () => {
    expect(() => parse("TIERED")).toThrow("TIERED starts with the first tier's limit in £ (e.g. 100000), then the method for that tier; the parameters are empty.");
    expect(() => parse("TIERED", [100000, "FIXED", 0.5, 0.3, 0.2])).toThrow("TIERED needs the method for the rest, above the last limit (100000), at the end of the parameters.");
    expect(() => parse("TIERED", [100000, 7])).toThrow(/should be a risk-share method; got 7/);
    expect(() => parse("TIERED", [100000, "RISKPOOL", 5, "PROPORTIONAL"])).toThrow(
      "RISKPOOL cannot be used after the TIERED limit 100000. Use one of: PROPORTIONAL, FIXED, LEAD, CAPPED.",
    );
    expect(() => parse("TIERED", [100000, "PROPORTIONAL", 50000, "PROPORTIONAL", "LEAD", 1])).toThrow(/TIERED limits must go up/);
  });
  test("RISKPOOL: the risk pool, then optionally the split (default PROPORTIONAL)", () => {
    expect(str(parse("RISKPOOL", [500000])).overspend).toEqual({ method: "RISKPOOL", reserve: "500000", then: { method: "PROPORTIONAL" } });
    expect(str(parse("RISKPOOL", [500000, "FIXED", 0.5, 0.25, 0.25])).overspend.then).toEqual({ method: "FIXED", percentages: ["0.5", "0.25", "0.25"] });
    expect(() => parse("RISKPOOL")).toThrow("RISKPOOL needs the size of the risk pool in £ in the parameters (then, optionally, how the rest is split).");
    expect(() => parse("RISKPOOL", [-5])).toThrow("The risk pool must not be negative; got -£5.00.");
    expect(() => parse("RISKPOOL", [5, "OWN", 1, 2, 3])).toThrow("OWN cannot be used after RISKPOOL. Use one of: PROPORTIONAL, FIXED, LEAD, CAPPED, TIERED.");
  });
  test("RISKPOOL/FIXED: the number after the risk pool belongs to FIXED", () => {
    const a = str(parse("RISKPOOL/FIXED", [1000, 0.5, 0.3, 0.2]));
    expect(a.overspend.then).toEqual({ method: "PROPORTIONAL" });
    expect(a.underspend.percentages).toEqual(["0.5", "0.3", "0.2"]);
  });
  test("OWN: each partner's own variance (RISKSHARE); none in a pool of lines", () => {
    expect(str(parse("OWN", [1, -2, 3])).overspend).toEqual({ method: "OWN", amounts: ["1", "-2", "3"] });
    expect(str(parse("OWN", [], { partners: 3, ownAmounts: false })).overspend).toEqual({ method: "OWN", amounts: null });
    expect(() => parse("OWN", [1])).toThrow("OWN needs 3 amounts in the parameters: each partner's variance on its own lines, in order; found 1.");
  });
  test("WATERFALL: underspends available (either sign), risk pool, then the split", () => {
    expect(str(parse("WATERFALL", [-30000, 50000])).overspend).toEqual({ method: "WATERFALL", available: "30000", reserve: "50000", then: { method: "PROPORTIONAL" } });
    expect(str(parse("WATERFALL", [0, 0, "LEAD", 2])).overspend.then).toEqual({ method: "LEAD", partner: 1 });
    expect(() => parse("WATERFALL")).toThrow(/WATERFALL needs, in the parameters, the underspends available elsewhere in £ and the risk pool in £ \(0 for none\)/);
    expect(() => parse("WATERFALL", [1000])).toThrow("The parameters end where the risk pool in £ (0 for none) should be: add it.");
  });
  test("a word where a number belongs", () => {
    expect(() => parse("RISKPOOL", ["lots"])).toThrow('Parameters cell 1 should be the risk pool in £; got "lots".');
    expect(() => parse("FIXED", [true, 0.5, 0.5])).toThrow("Parameters cell 1 should be the FIXED percentage for partner 1; got true.");
  });
  test("an absurdly large parameter", () => {
    expect(() => parse("RISKPOOL", ["1e400"])).toThrow(/is too large/);
  });
});

describe("one arrangement per service line, parameters read in turn", () => {
  test("LEAD for line 1, CAPPED for line 2, PROPORTIONAL (blank) for line 3", () => {
    const [a, b, c] = parseArrangements(["LEAD", "CAPPED", null], [2, 100, 200], { partners: 2, ownAmounts: false }).map(str);
    expect(a.overspend).toEqual({ method: "LEAD", partner: 1 });
    expect(b.overspend).toEqual({ method: "CAPPED", caps: ["100", "200"] });
    expect(c.overspend).toEqual({ method: "PROPORTIONAL" });
  });
  test("cells left over after every line has its parameters", () => {
    expect(() => parseArrangements(["LEAD", "LEAD"], [1, 2, 3], { partners: 2, ownAmounts: false })).toThrow(
      "Parameters cell 3 (3) is left over: LEAD, LEAD does not use it.",
    );
  });
});
