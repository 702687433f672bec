/**
 * Published pooled-budget outcomes reproduced with the functions (issue 14), at the precision
 * published. Sources are third-party reports of committee papers (stored public pages); each test
 * names its source. Where a report's words and its figures disagree, the figures are used and the
 * disagreement is noted.
 */
import * as pool from "../../src/functions/pool";

const f = pool as unknown as { [K in keyof typeof pool]: (...args: any[]) => any };
const m = (x: number) => Math.round(x / 100000) / 10; // £ to £m at one decimal place, as published

describe("Scottish Borders Health and Social Care Integration Joint Board", () => {
  test("2018/19 outturn: each partner met the overspend on its own services, £6.7m NHS Borders and £3.2m the council", () => {
    // Source: Berwickshire News, "NHS Borders explains its finance issues", 11 June 2019
    // (https://www.berwickshirenews.co.uk/health/nhs-borders-explains-its-finance-issues-1-4945379):
    // "The IJB has a budget of £186m - £135m provided by health … The IJB required additional support from Scottish
    // Borders Council of £3.2m for increased social care costs and £6.7m from NHS Borders as a result of increased
    // health costs that year." So health services: £135m from NHS Borders, spent £141.7m; social care: £186m − £135m =
    // £51m from the council, spent £54.2m; each partner bears its own line's overspend (OWN by line).
    const account = f.poolAccount([["NHS Borders"], ["Scottish Borders Council"]], [[135e6, 0], [0, 51e6]], [[141.7e6, 54.2e6]], "OWN");
    expect(account.slice(1, 3).map((r: unknown[]) => [r[0], m(r[6] as number)])).toEqual([
      ["NHS Borders", 6.7],
      ["Scottish Borders Council", 3.2],
    ]);
    // The same overspend shared in proportion to contributions would have put 9.9 × 135/186 = £7.19m on NHS Borders
    // and 9.9 × 51/186 = £2.71m on the council: the rule, not the arithmetic, decides who pays.
    expect(f.riskShare(9.9e6, [[135e6], [51e6]], "PROPORTIONAL")).toEqual([[7185483.87], [2714516.13]]);
  });

  test("2018/19 forecast: a £6m overspend met in proportion to the £122.5m and £45.8m each partner gave", () => {
    // Source: Border Telegraph, "Health and social care bosses face a £6 million shortfall" (2018/19)
    // (https://www.bordertelegraph.com/news/17307709.health-and-social-care-bosses-face-a-6-million-shortfall/):
    // "The extra funding needed … will be proportional to the amount of funding each organisation gives … the council
    // gave £45.8m while the NHS board gave £122.5m". 6,000,000 × 122.5/168.3 = 4,367,201.43 (72.8%, the 72/28 split);
    // × 45.8/168.3 = 1,632,798.57. (The article's "nearly two-thirds" for the NHS share does not match its own
    // figures, which give 72.8%.)
    expect(f.riskShare(6e6, [[122.5e6], [45.8e6]], "PROPORTIONAL")).toEqual([[4367201.43], [1632798.57]]);
    expect(f.poolShares([[122.5e6], [45.8e6]]).map((r: number[]) => Math.round(r[0] * 1000) / 10)).toEqual([72.8, 27.2]);
  });
});

describe("Cambridgeshire Learning Disability Partnership", () => {
  test("the pooled budget's split: £122m, £93.7m from the county council and £28.3m from the ICB", () => {
    // Source: Wisbech Standard, "Adults with learning disabilities in Cambs face poorer support" (report to the county
    // council's adults and health committee, 5 October 2023)
    // (https://www.wisbechstandard.co.uk/news/23842718.adults-learning-disabilities-cambs-face-poorer-support/):
    // "the current £122million budget for the shared service was split with £93.7million provided by the county council
    // and £28.3million provided by the ICB". Shares 93.7/122 = 76.8% and 28.3/122 = 23.2%; a £1m overspend shared in
    // proportion is £768,032.79 and £231,967.21 (93.7/122 × 1,000,000 = 768,032.786…).
    expect(f.poolShares([[93.7e6], [28.3e6]]).map((r: number[]) => Math.round(r[0] * 1000) / 10)).toEqual([76.8, 23.2]);
    expect(f.riskShare(1e6, [[93.7e6], [28.3e6]])).toEqual([[768032.79], [231967.21]]);
  });
});
