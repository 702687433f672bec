/**
 * The options appraisal on the shipped sample: three options over five years (2025/26 to 2029/30),
 * each year's cost split into recurring and one-off, the total, and the net present cost at the
 * Green Book's 3.5%, worked by hand below (discount factor 1 / 1.035^t, t = 0 for 2025/26).
 */
import { discountFactor, presentValue } from "../../src/engine/appraisal";
import { D, sum } from "../../src/engine/money";
import { buildBoardPack } from "../../src/report/boardPack";
import { checkBoardScenario } from "../../src/report/scenario";
import { sampleScenario, sampleScenarioJson, sampleTable, singleScenario } from "./sample";

const GEN = { generatedOn: "2026-11-29", version: "9.9.9" };

describe("Green Book discounting", () => {
  it("discounts year t by 1 / (1 + r)^t, the first year (t = 0) not at all", () => {
    const r = new D("0.035");
    expect(discountFactor(r, 0).toString()).toBe("1");
    // 1 / 1.035 = 0.96618357487922705314009661835748792...
    expect(discountFactor(r, 1).toFixed(12)).toBe("0.966183574879");
    // 1.035^2 = 1.071225; 1 / 1.071225 = 0.933510700366...
    expect(discountFactor(r, 2).toFixed(12)).toBe("0.933510700366");
    // With a 2% GDP deflator: 1 / (1.035 × 1.02)^1 = 1 / 1.0557 = 0.947238798901...
    expect(discountFactor(r, 1, new D("0.02")).toFixed(12)).toBe("0.947238798901");
  });

  it("adds the discounted years and rounds once, to the penny", () => {
    // 100 + 100/1.035 + 100/1.071225 = 100 + 96.6183574879 + 93.3510700366 = 289.9694275245 -> 289.97
    expect(presentValue([new D(100), new D(100), new D(100)], new D("0.035")).toString()).toBe("289.97");
  });
});

describe("the sample's options appraisal, three options over five years", () => {
  const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), ...GEN });
  const a = pack.report.appraisal!;
  const [stay, afc, njc] = a.options;
  const totals = (o: typeof stay) => o.years.map((y) => y.total.toFixed(2));

  it("costs the same 404 people under every option, over the five years from 2025/26", () => {
    expect(a.years).toEqual(["2025/26", "2026/27", "2027/28", "2028/29", "2029/30"]);
    expect(a.headcount).toBe(404);
    expect(a.leftOut).toBe(0);
    expect(a.options.map((o) => [o.name, o.approach, o.baseline, o.recommended])).toEqual([
      ["Transfer on protected terms, no harmonisation", "KEEP_CURRENT", true, false],
      ["Onto Agenda for Change, 3 years' cash protection", "HARMONISE", false, true],
      ["Onto NJC terms with mark-time", "HARMONISE", false, false],
    ]);
  });

  it("ties the first year to the scenario's own figures: current terms, and target with protection", () => {
    expect(stay.years[0].total.toString()).toBe(pack.headline.current.toString()); // £18,105,556.91
    expect(afc.years[0].total.toString()).toBe(pack.headline.protected.toString()); // £18,289,512.43
    // The AfC option is the scenario itself: its protection by year is the Projection's.
    pack.report.headline.protectionByYear.forEach((p, t) => expect(afc.years[t].oneOff.toString()).toBe(p.cost.toString()));
    expect(afc.shownInDetail).toBe(true);
    expect(stay.shownInDetail).toBe(false);
  });

  it("splits each year into recurring (the option's terms) and one-off (protection and its on-costs)", () => {
    for (const o of a.options) {
      for (const y of o.years) expect(y.total.toString()).toBe(y.recurring.plus(y.oneOff).toString());
      expect(o.total.toString()).toBe(sum(o.years.map((y) => y.total)).toString());
    }
    expect(stay.oneOffTotal.toString()).toBe("0");
    // Three years' cash protection: paid in 2025/26 to 2027/28 (59, 37, 9 staff), none after.
    expect(afc.years.map((y) => y.protectedCount)).toEqual([59, 37, 9, 0, 0]);
    expect(afc.lastProtectionYear).toBe("2027/28");
    expect(afc.oneOffTotal.toFixed(2)).toBe("101713.58");
    // Mark-time: still paid in the last year to those whose new grade's top is below their pay.
    expect(njc.protectedInFinalYear).toBeGreaterThan(0);
    expect(njc.lastProtectionYear).toBe("2029/30");
  });

  it("gives each option's net present cost at 3.5%, worked by hand", () => {
    expect(totals(stay)).toEqual(["18105556.91", "18979817.14", "19854994.71", "20655539.43", "21417269.28"]);
    expect(totals(afc)).toEqual(["18289512.43", "18851807.54", "19657973.23", "20897046.55", "21570592.77"]);
    expect(totals(njc)).toEqual(["18648845.23", "19199048.79", "19791583.58", "20408838.42", "21005911.56"]);
    // Transfer on protected terms (baseline):
    //   18,105,556.91 / 1.035^0 = 18,105,556.9100
    //   18,979,817.14 / 1.035^1 = 18,337,987.5749
    //   19,854,994.71 / 1.035^2 = 18,534,850.0175   (1.035^2 = 1.071225)
    //   20,655,539.43 / 1.035^3 = 18,630,113.1205   (1.035^3 = 1.108717875)
    //   21,417,269.28 / 1.035^4 = 18,663,912.8526   (1.035^4 = 1.147523000625)
    //   sum = 92,272,420.4755 -> £92,272,420.48 (cash total £99,013,177.47)
    expect(stay.total.toFixed(2)).toBe("99013177.47");
    expect(stay.presentCost.toFixed(2)).toBe("92272420.48");
    // Onto AfC, 3 years' cash protection:
    //   18,289,512.43 + 18,851,807.54/1.035 (18,214,306.8019) + 19,657,973.23/1.071225 (18,350,928.3577)
    //   + 20,897,046.55/1.108717875 (18,847,938.7058) + 21,570,592.77/1.147523000625 (18,797,525.4163)
    //   = 92,500,211.7117 -> £92,500,211.71 (cash total £99,266,932.52)
    expect(afc.total.toFixed(2)).toBe("99266932.52");
    expect(afc.presentCost.toFixed(2)).toBe("92500211.71");
    // Onto NJC with mark-time:
    //   18,648,845.23 + 19,199,048.79/1.035 (18,549,805.5942) + 19,791,583.58/1.071225 (18,475,655.0491)
    //   + 20,408,838.42/1.108717875 (18,407,602.9441) + 21,005,911.56/1.147523000625 (18,305,438.3647)
    //   = 92,387,347.1821 -> £92,387,347.18 (cash total £99,054,227.58)
    expect(njc.total.toFixed(2)).toBe("99054227.58");
    expect(njc.presentCost.toFixed(2)).toBe("92387347.18");
    // Against the baseline: AfC +£227,791.23, NJC +£114,926.70 in net present cost.
    expect(afc.presentCost.minus(stay.presentCost).toFixed(2)).toBe("227791.23");
    expect(njc.presentCost.minus(stay.presentCost).toFixed(2)).toBe("114926.70");
  });

  it("says what the board is asked to do, naming the recommended option", () => {
    expect(pack.report.boardAskedTo).toMatch(/^The board is asked to note the cost of the 3 options .* and to agree the recommended option: "Onto Agenda for Change, 3 years' cash protection"\.$/);
    const own = buildBoardPack({ table: sampleTable(), scenario: sampleScenario({ boardAskedTo: "The board is asked to approve option 2." }), ...GEN });
    expect(own.report.boardAskedTo).toBe("The board is asked to approve option 2.");
  });

  it("uses the discount rate and deflator the scenario gives", () => {
    const at5 = buildBoardPack({ table: sampleTable(), scenario: sampleScenario({ discountRate: "5%", gdpDeflator: "2%", pool: null }), ...GEN }).report.appraisal!;
    const f = (t: number) => new D(1).dividedBy(new D("1.05").times("1.02").pow(t));
    const expected = at5.options[0].years.reduce((acc, y, t) => acc.plus(y.total.times(f(t))), new D(0));
    expect(at5.options[0].presentCost.toString()).toBe(expected.toDecimalPlaces(2, D.ROUND_HALF_UP).toString());
    expect(at5.method.join(" ")).toMatch(/GDP deflator/);
  });
});

describe("a scenario without options stays the simple case", () => {
  it("has no appraisal and no Options sheet", () => {
    const pack = buildBoardPack({ table: sampleTable(), scenario: singleScenario(), ...GEN });
    expect(pack.report.appraisal).toBeNull();
    expect(pack.workbook.sheets.map((s) => s.key)).not.toContain("options");
    expect(pack.report.boardAskedTo).toMatch(/^The board is asked to note the cost of harmonising the terms of the 404 staff onto Agenda for Change terms from 2025\/26/);
  });
});

describe("checking the options in a scenario", () => {
  const base = () => {
    const j = sampleScenarioJson();
    delete j.pool;
    return j;
  };
  const problems = (changes: Record<string, unknown>) => checkBoardScenario({ ...base(), ...changes }).problems;

  it("reports each problem by option and setting, saying what to write", () => {
    const opts = (sampleScenarioJson().options as Record<string, unknown>[]).slice();
    expect(problems({ options: [opts[0]] })[0]).toMatch(/^options: should list 2 to 6 options/);
    expect(problems({ options: [opts[0], { name: "x", protection: { policy: "CASH" } }], recommendedOption: "x" })).toEqual([
      expect.stringMatching(/^options\[1\]\.protection\.years: CASH protection needs a number of years/),
      expect.stringMatching(/^recommendedOption: "x" is not the name of an option/),
    ]);
    expect(problems({ options: [opts[0], { name: opts[0].name }] })[0]).toMatch(/is the name of another option/);
    expect(problems({ options: [opts[0], { name: "x", aproach: "LEVEL_UP" }] })[0]).toMatch(/options\[1\]\.aproach: is not a setting; did you mean "approach"\?/);
    expect(problems({ recommendedOption: "Nope" })[0]).toMatch(/^recommendedOption: "Nope" is not the name of an option/);
    expect(problems({ discountRate: 35 })[0]).toMatch(/^discountRate:/);
    const { options: _o, baselineOption: _b, recommendedOption: _r, discountRate: _d, planningYears: _p, ...withoutOptions } = base();
    expect(checkBoardScenario({ ...withoutOptions, planningYears: 5 }).problems).toEqual([expect.stringMatching(/^planningYears: applies to an options appraisal: add "options"/)]);
  });

  it("reads approaches by their common names and defaults the baseline to the first option, 5 years at 3.5%", () => {
    const s = checkBoardScenario({ ...base(), options: [{ name: "Stay", approach: "protected transfer" }, { name: "Level up", approach: "levelled up" }], baselineOption: undefined, recommendedOption: undefined, planningYears: undefined, discountRate: undefined }).scenario!;
    expect(s.appraisal!.options.map((o) => o.approach)).toEqual(["KEEP_CURRENT", "LEVEL_UP"]);
    expect(s.appraisal!.baseline).toBe(0);
    expect(s.appraisal!.recommended).toBeNull();
    expect(s.appraisal!.planningYears).toBe(5);
    expect(s.appraisal!.discountRate.toString()).toBe("0.035");
  });
});

describe("the sources the pack cites", () => {
  const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), ...GEN });

  it("are publications: no test fixture, job-listing scraper or search page (those are evidence, in docs/data-sources.md)", () => {
    const urls = pack.report.sources.map((s) => s.url);
    expect(urls.filter((u) => /github\.com|apify\.com|[?&]q=|calculator/.test(u))).toEqual([]);
    expect(pack.report.sources.some((s) => s.publisher === "NHS Employers")).toBe(true);
    expect(pack.report.sources.some((s) => s.publisher.startsWith("HMRC"))).toBe(true);
  });

  it("cite no job listing, union or trade-press report, sample-clause, HR or payroll site: council figures cite the council's published spine", () => {
    const evidence = /github\.com|apify\.com|[?&]q=|calculator|lawinsider|bailii|jobs|job\/|findapprenticeship|gmb|unison|slcc|lalc|hrforschools|neu\.org|schoolschoice|judicium|themj|flourish|global-ppl|umbraco|wychavon/i;
    const cited = pack.report.sources.map((s) => `${s.publisher} ${s.url}`);
    expect(cited.filter((c) => evidence.test(c))).toEqual([]);
    expect(pack.report.sources.filter((s) => /advert|Law Insider|GMB|UNISON|SLCC/.test(s.publisher))).toEqual([]);
    // Every table-year still names its publication, or says it has none.
    const njc = pack.report.sources.filter((s) => s.tableId === "NJC_SPINE");
    expect(njc.length).toBeGreaterThan(0);
    for (const line of njc) expect(line.publisher).toMatch(/Hertfordshire|Derbyshire Association of Local Councils/);
    const enhancements = pack.report.sources.filter((s) => s.tableId === "NJC_ENHANCEMENTS");
    expect(enhancements.map((s) => s.publisher)).toEqual(enhancements.length ? ["(not confirmed)"] : []);
    for (const line of pack.report.sources) expect(line.url).toMatch(line.publisher === "(not confirmed)" ? /^$/ : /^https?:\/\//);
  });
});
