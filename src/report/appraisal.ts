/**
 * The options appraisal: every option costed over the planning period for the same people, year by
 * year, split into the recurring cost of the option's terms and the one-off cost of protection, with
 * the total and the net present cost (src/engine/appraisal.ts: Green Book discounting).
 *
 * A person an option cannot cost (e.g. no job match onto that option's terms) is left out of every
 * option, so the options always cover the same people, and is reported against their row.
 */
import { discountFactor, presentValue } from "../engine/appraisal";
import { EngineError } from "../engine/errors";
import { addPence, costResolvedPence, decimalOfSum, describeProtection, resolveScenario, type PenceSum, type PersonCostsPence, type ResolvedScenario } from "../engine/harmonise";
import type { Pence } from "../engine/pence";
import { ZERO, sum, type Decimal } from "../engine/money";
import type { StaffMember } from "../engine/staff";
import type { MissingRateCause, RowIssue } from "../intake";
import { financialYear } from "../engine/years";
import type { AppraisalOption, AppraisalReport, AppraisalYear } from "./model";
import { ScenarioError, type BoardAppraisal, type BoardOption } from "./scenario";
import { missingRateCause } from "./missingRates";

const TERMS_WORDS = { AFC: "Agenda for Change", NJC: "NJC Green Book" } as const;

/** Progress while costing the options: people costed of those to cost (every option, person by person). */
export interface AppraisalStep {
  done: number;
  total: number;
  years: number;
}

export interface AppraisalOutput {
  appraisal: AppraisalReport;
  issues: RowIssue[];
}

/** What an option does, in words. */
export function describeOption(o: BoardOption, s: ResolvedScenario): string {
  const terms = TERMS_WORDS[s.target.terms];
  switch (o.approach) {
    case "KEEP_CURRENT":
      return "Staff stay on the terms they transferred on (a protected transfer, no harmonisation)";
    case "LEVEL_UP":
      return `Levelled up: every element at the better of current and ${terms} terms, for good`;
    default:
      return `Onto ${terms} terms; ${describeProtection(s.protection).replace(/^./, (c) => c.toLowerCase())}`;
  }
}

const SETTING_WORDS: Record<string, string> = {
  targetTerms: "target terms",
  protection: "protection",
  protectUnsocial: "unsocial-hours protection",
  movePension: "pension scheme",
  hoursBasis: "hours basis",
  increments: "increments",
  jobMatch: "job matching",
  lgpsEmployerRate: "LGPS employer rate",
  nhsEmployerRate: "NHS employer rate",
  leaveValuation: "leave valuation",
};

/** One year of one person under an option: the recurring cost, the one-off (protection), in whole pence; whether protected. */
function personYear(o: BoardOption, y: PersonCostsPence["years"][number]): { recurring: Pence; oneOff: Pence; protectedNow: boolean } {
  switch (o.approach) {
    case "KEEP_CURRENT":
      return { recurring: y.current.total, oneOff: 0, protectedNow: false };
    case "LEVEL_UP":
      return { recurring: y.levelledUp.total, oneOff: 0, protectedNow: false };
    default:
      return {
        recurring: y.target.total,
        // Protection payments and the on-costs they bring: the target with protection less the target.
        oneOff: y.protected.total - y.target.total,
        protectedNow: !!(y.basicProtection.active || y.unsocialProtection?.active),
      };
  }
}

/**
 * Costs every option for the people given, a step at a time.
 * @param members the staff the scenario costed (the options cover these people, or fewer).
 * @param rows the staff-list row of each member, for messages.
 * @param scenarioIsHarmonised true when the Detail sheet shows a harmonising scenario, so an option that changes nothing is "shown in Detail".
 */
export function* appraisalSteps(
  a: BoardAppraisal,
  members: readonly StaffMember[],
  rows: readonly number[],
  peoplePerStep: number | undefined,
): Generator<AppraisalStep, AppraisalOutput, void> {
  const years = Array.from({ length: a.planningYears }, (_, t) => t);
  const resolved = a.options.map((o) => {
    try {
      return resolveScenario({ ...o.harmonisation, projectionYears: a.planningYears });
    } catch (e) {
      if (e instanceof EngineError) throw new ScenarioError([`options "${o.name}": ${e.message}`]);
      throw e;
    }
  });
  const base = resolved[0].year;
  const labels = years.map((t) => financialYear(base.start + t).label);
  const n = members.length;
  const perStep = Math.max(1, Math.floor(peoplePerStep ?? 250 / (a.planningYears * a.options.length)));
  const zeros = (): PenceSum[] => years.map(() => 0);
  const acc = a.options.map(() => ({ recurring: zeros(), oneOff: zeros(), protectedCount: years.map(() => 0), projected: years.map(() => false) }));
  const issues: RowIssue[] = [];
  let headcount = 0;
  yield { done: 0, total: n, years: a.planningYears };
  for (let i = 0; i < n; i++) {
    const m = members[i];
    const costs: PersonCostsPence[] = [];
    let failed: string | null = null;
    let missingRate: MissingRateCause | null = null;
    for (let k = 0; k < a.options.length && failed === null; k++) {
      const o = a.options[k];
      try {
        // The staff list's target grade is a grade on the scenario's target terms: an option onto other terms uses its job-match table.
        costs.push(costResolvedPence(o.ignoresTargetColumn ? { ...m, targetGrade: null } : m, resolved[k]));
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        failed = `${m.ref} is left out of the options appraisal: under "${o.name}" ${e.message.replace(/^Staff [^:]+: /, "")}`;
        missingRate = missingRateCause(e, o.changes.includes("targetTerms") ? k : undefined);
      }
    }
    if (failed !== null) issues.push(missingRate ? { row: rows[i], column: "", message: failed, missingRate } : { row: rows[i], column: "", message: failed });
    else {
      headcount++;
      costs.forEach((p, k) => {
        const o = a.options[k];
        const sums = acc[k];
        p.years.forEach((y, t) => {
          const py = personYear(o, y);
          sums.recurring[t] = addPence(sums.recurring[t], py.recurring);
          sums.oneOff[t] = addPence(sums.oneOff[t], py.oneOff);
          if (py.protectedNow) sums.protectedCount[t]++;
          if (y.basis === "projected") sums.projected[t] = true;
        });
      });
    }
    if ((i + 1) % perStep === 0 || i === n - 1) yield { done: i + 1, total: n, years: a.planningYears };
  }

  const factors = years.map((t) => discountFactor(a.discountRate, t, a.gdpDeflator ?? ZERO));
  const options: AppraisalOption[] = a.options.map((o, k) => {
    const sums = acc[k];
    const ys: AppraisalYear[] = years.map((t) => ({
      year: labels[t],
      basis: sums.projected[t] ? "projected" : "data",
      recurring: decimalOfSum(sums.recurring[t]),
      oneOff: decimalOfSum(sums.oneOff[t]),
      total: decimalOfSum(BigInt(sums.recurring[t]) + BigInt(sums.oneOff[t])),
      protectedCount: sums.protectedCount[t],
      discountFactor: factors[t],
    }));
    const withProtection = ys.filter((y) => !y.oneOff.isZero());
    return {
      name: o.name,
      approach: o.approach,
      description: describeOption(o, resolved[k]),
      changes: o.changes.map((c) => SETTING_WORDS[c] ?? c),
      baseline: k === a.baseline,
      recommended: k === a.recommended,
      shownInDetail: o.approach === "HARMONISE" && o.changes.length === 0,
      years: ys,
      recurringTotal: sum(ys.map((y) => y.recurring)),
      oneOffTotal: sum(ys.map((y) => y.oneOff)),
      total: sum(ys.map((y) => y.total)),
      presentCost: presentValue(
        ys.map((y) => y.total),
        a.discountRate,
        a.gdpDeflator ?? ZERO,
      ),
      protectedInFinalYear: ys[ys.length - 1].protectedCount,
      lastProtectionYear: withProtection.length > 0 ? withProtection[withProtection.length - 1].year : null,
    };
  });
  const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;
  const method = [
    `Each option is costed for the same ${headcount} people over ${a.planningYears} year${a.planningYears === 1 ? "" : "s"}, ${labels[0]} to ${labels[labels.length - 1]}: pay and employer on-costs, year by year, with the pay awards assumed (cash figures).`,
    "Recurring cost: the cost of the option's terms, which carries on after the planning period. One-off cost: protection payments and the employer on-costs on them, which end when protection ends.",
    `Net present cost = the sum over the years of (total cost × discount factor); discount factor = 1 / (1 + ${pct(a.discountRate)})^t${a.gdpDeflator ? ` ÷ (1 + ${pct(a.gdpDeflator)})^t, the second term turning cash into ${labels[0]} prices (GDP deflator)` : ""}, with t = 0 for ${labels[0]} (the first year is not discounted), t = 1 for ${labels[1] ?? "the next year"}, and so on; each year's cost is discounted as a whole; the result is rounded to the penny.`,
    `The discount rate is HM Treasury's Green Book rate (the social time preference rate, 3.5% a year in real terms for years 0 to 30; The Green Book, 2022, Annex A6; 2026 edition, chapter 6)${a.discountRate.eq("0.035") ? "" : `; this scenario uses ${pct(a.discountRate)}`}. ${a.gdpDeflator ? "" : "The Green Book discounts real-terms figures; these are cash figures including the pay awards assumed, so the net present cost is in cash terms: give the scenario a gdpDeflator to restate them in base-year prices first."}`.trim(),
    "The change from the baseline is each option's figure less the baseline option's: a positive change costs more than the baseline, a negative one (in brackets) costs less.",
  ];
  return {
    appraisal: { years: labels, discountRate: a.discountRate, gdpDeflator: a.gdpDeflator, options, baseline: a.baseline, recommended: a.recommended, headcount, leftOut: issues.length, method },
    issues,
  };
}
