/**
 * A staff list harmonised: every person, then totals per staff group, per current employer and in
 * total, year by year. The totals are sums of each person's rounded figures, so they add up
 * exactly, and they do not depend on the order of the list.
 */
import { AFC_PAY } from "../../data/afc";
import { NJC_SPINE } from "../../data/njc";
import { EngineError, invalidValue } from "../errors";
import { ZERO } from "../money";
import { ratePercent, toExactRate, type RateGiven } from "../rates";
import type { StaffMember } from "../staff";
import { financialYear, latestYear, pendingYears, type FinancialYear } from "../years";
import { pendingAwards } from "./positions";
import { forPerson, harmoniseResolved, sumOptions } from "./person";
import { describeProtection } from "./protection";
import { pct, resolveScenario } from "./scenario";
import type { Assumption, GroupTotals, HarmonisationScenario, PersonResult, ResolvedScenario, StaffHarmonisation, YearTotals } from "./types";

const MAX_ERRORS_LISTED = 10;

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Totals for a set of people (in any order): headcount, FTE, each year and over the projection. */
export function totalsFor(key: string, people: readonly PersonResult[], years: ResolvedScenario["year"][]): GroupTotals {
  const yearTotals: YearTotals[] = years.map((year, t) => {
    let protectedCount = 0;
    let projected = false;
    const sums = sumOptions(people.map((p) => p.years[t]));
    for (const p of people) {
      const y = p.years[t];
      if (y.basicProtection.active || y.unsocialProtection?.active) protectedCount++;
      if (y.basis === "projected") projected = true;
    }
    return { year, basis: projected ? "projected" : "data", protectedCount, ...sums };
  });
  return {
    key,
    headcount: people.length,
    fte: people.reduce((a, p) => a.plus(p.current.fte), ZERO),
    years: yearTotals,
    total: sumOptions(yearTotals),
  };
}

/** Totals of totals: the groups' figures added (fewer additions than going back to every person). */
export function combine(key: string, groups: readonly GroupTotals[], years: ResolvedScenario["year"][]): GroupTotals {
  const yearTotals: YearTotals[] = years.map((year, t) => {
    const sums = sumOptions(groups.map((g) => g.years[t]));
    let protectedCount = 0;
    let projected = false;
    for (const g of groups) {
      protectedCount += g.years[t].protectedCount;
      if (g.years[t].basis === "projected") projected = true;
    }
    return { year, basis: projected ? "projected" : "data", protectedCount, ...sums };
  });
  return {
    key,
    headcount: groups.reduce((a, g) => a + g.headcount, 0),
    fte: groups.reduce((a, g) => a.plus(g.fte), ZERO),
    years: yearTotals,
    total: sumOptions(yearTotals),
  };
}

function groupBy(people: readonly PersonResult[], key: (p: PersonResult) => string, years: ResolvedScenario["year"][]): GroupTotals[] {
  const groups = new Map<string, PersonResult[]>();
  for (const p of people) {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.keys()].sort(compareKeys).map((k) => totalsFor(k, groups.get(k) as PersonResult[], years));
}

const TERMS_WORDS = { AFC: "Agenda for Change", NJC: "NJC Green Book" } as const;

function projectionYears(s: ResolvedScenario): FinancialYear[] {
  return Array.from({ length: s.projectionYears }, (_, t) => financialYear(s.year.start + t));
}

/** The scenario in words, for the assumptions block of a board sheet. */
export function describeScenario(s: ResolvedScenario): Assumption[] {
  const last = financialYear(s.year.start + s.projectionYears - 1).label;
  const t = s.target;
  const scale = t.scale.kind === "LOCAL" ? `local scale (${t.scale.rows.length} grades)` : t.scale.kind === "AFC" ? "AfC pay bands" : "NJC pay spine";
  const rate = (r: ResolvedScenario["target"]["unsocialRates"]) =>
    (
      [
        ["nights/Saturdays", r.nightsAndSaturdays],
        ["Sundays/public holidays", r.sundaysAndPublicHolidays],
        ["nights", r.nights],
        ["Saturdays", r.saturdays],
        ["Sundays", r.sundays],
        ["public holidays", r.publicHolidays],
      ] as const
    )
      .filter(([, v]) => v)
      .map(([w, v]) => `${w} +${ratePercent(toExactRate(v as RateGiven))}`)
      .join(", ");
  const out: Assumption[] = [
    { label: "Harmonisation (base) year", value: s.year.label },
    { label: "Projection", value: `${s.projectionYears} year${s.projectionYears === 1 ? "" : "s"}, ${s.year.label} to ${last}` },
    { label: "Target terms", value: `${TERMS_WORDS[t.terms]}: ${scale}; standard week ${t.standardHours.toString()} hours${t.extraLeaveDays ? `; ${t.extraLeaveDays} local extra leave days` : ""}` },
    {
      label: "Target supplements",
      value: [
        t.terms === "AFC" ? `HCAS: ${t.hcasArea ?? "each person's own zone"}` : "",
        t.localAllowance.isZero() ? "" : `local allowance £${t.localAllowance.toFixed(2)} a year full-time`,
      ].filter(Boolean).join("; ") || "none",
    },
    { label: "Target unsocial-hours rates", value: rate(t.unsocialRates) || (t.terms === "AFC" ? "AfC national rates by band" : "Green Book national rates: nights time plus one third, public holidays time plus one (plain time on top of normal pay); no national Saturday or Sunday rate") },
    { label: "Job matching", value: `each person's target grade; otherwise the job-match table (${s.jobMatch.length} row${s.jobMatch.length === 1 ? "" : "s"})` },
    { label: "Assimilation", value: "the lowest point of the target grade whose basic pay is not below current basic pay; above the top of the grade, the top, with protection" },
    { label: "Pay protection", value: describeProtection(s.protection) },
    { label: "Unsocial-hours earnings", value: s.protectUnsocial ? "protected separately, under the same policy" : "not protected" },
    {
      label: "Pay awards assumed",
      value:
        `AfC ${pct(s.payAwards.AFC)}, NJC ${pct(s.payAwards.NJC)}${t.scale.kind === "LOCAL" ? `, local scale ${pct(s.payAwards.LOCAL)}` : ""} a year` +
        Object.entries(s.payAwards.byYear)
          .map(([y, v]) => `; ${y}: ${Object.entries(v).map(([k, a]) => `${k} ${pct(a)}`).join(", ")}`)
          .join(""),
    },
    ...pendingAwards(s, projectionYears(s)).map((p) => ({
      label: `${p.scheme} ${p.year.label} pay award: PENDING`,
      value: `${p.what} Assumed: ${pct(p.assumed)}${p.given ? "" : " (no award set: the 2025/26 rates are used as they stand; set payAwards.byYear[\"" + p.year.label + "\"].NJC)"}. Every ${p.scheme} figure from ${p.year.label} rests on this assumption.`,
    })),
    {
      label: "Scales beyond the data",
      value: `AfC pay is held to ${latestYear(AFC_PAY).label} and the NJC spine to ${latestYear(NJC_SPINE).label} (agreed awards)${pendingYears(NJC_SPINE).length ? `, with NJC ${pendingYears(NJC_SPINE).join(", ")} award pending` : ""}; later years are the latest scale uplifted by the assumed award, rounded to the pound. On-cost rates beyond the data are held at the latest year's.`,
    },
    { label: "Incremental progression", value: s.increments ? "AfC steps by years in band; NJC and local grades one point a year to the top of the grade" : "none" },
    { label: "Pension", value: s.movePension ? "moved to the target terms' scheme" : "kept on transfer" },
    { label: "NHS Pension employer rate", value: s.nhsRateBasis === "FULL" ? "FULL (whole employer rate incl. levy)" : "LOCAL (part collected from the employer)" },
    { label: "LGPS employer rate", value: s.lgpsEmployerRate ? pct(s.lgpsEmployerRate) : "not given" },
    { label: "Hours on the target terms", value: s.hoursBasis === "KEEP_FTE" ? "FTE kept: full-timers work the target's standard week" : "weekly hours kept: FTE = hours ÷ the target's standard week" },
    { label: "Leave and hours valued at", value: s.coverProportion.isZero() ? "0% cover: not valued in money" : `${pct(s.coverProportion)} of the time covered, at the person's own hourly rate` },
  ];
  return out;
}

export const METHODS: readonly string[] = [
  "Every money element is rounded to the penny per person per year; totals are sums of the rounded elements.",
  "Basic pay = full-time scale pay × FTE. Supplements: AfC HCAS (a share of full-time basic pay between a minimum and a maximum) × FTE; a local allowance (London weighting) × FTE.",
  "Hourly rate = full-time pay ÷ (52.143 weeks × standard weekly hours), to the penny. Unsocial hours = (hours a week at each rate × the enhancement) × hourly rate × 52.143 weeks (unsocial-hours pay continues in leave).",
  "Pay = basic + supplements + unsocial hours (+ protection); it is the pensionable pay and the pay employer NI (annual basis) and the Apprenticeship Levy are charged on.",
  "Leave is valued as the cost of covering the days one side gives beyond the other: extra days × basic pay ÷ 260.715 working days × the cover proportion.",
  "Hours are valued as the cost of covering the hours a shorter week at the same pay loses: (longer week − this week) × 52.143 × effective hourly rate (basic pay ÷ (52.143 × weekly hours)) × the cover proportion.",
  "Sick pay scales are compared, not costed. Pension schemes are kept on transfer unless the scenario moves people.",
  "Levelled up: every element at the better of the two for the employee (pay elements the higher, the shorter week, the more leave, the better sick pay), on-costs on that pay.",
  "Options: current = staying on the terms they transferred on; target = assimilated with no protection; protected = assimilated with the protection policy; levelled up.",
];

/** Harmonises a staff list: per-person results and totals per group, per employer and overall, year by year. */
export function harmoniseStaff(members: readonly StaffMember[], scenario: HarmonisationScenario): StaffHarmonisation {
  const s = resolveScenario(scenario);
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.ref)) throw invalidValue(`Employee reference ${m.ref} appears more than once in the staff list.`);
    seen.add(m.ref);
  }
  const people: PersonResult[] = [];
  const errors: EngineError[] = [];
  for (const m of members) {
    try {
      people.push(forPerson(m.ref, () => harmoniseResolved(m, s)));
    } catch (e) {
      if (e instanceof EngineError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length)
    throw new EngineError(
      errors[0].kind,
      `${errors.length} of ${members.length} staff could not be costed. ` +
        errors.slice(0, MAX_ERRORS_LISTED).map((e) => e.message).join(" ") +
        (errors.length > MAX_ERRORS_LISTED ? ` And ${errors.length - MAX_ERRORS_LISTED} more.` : ""),
    );
  const years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(s.year.start + t));
  const tables = new Set<string>(["EMPLOYER_NI", "APPRENTICESHIP_LEVY"]);
  for (const m of members) {
    if (m.terms === "AFC" || s.target.terms === "AFC") tables.add("AFC_PAY").add("AFC_PROGRESSION").add("AFC_TERMS").add("AFC_UNSOCIAL");
    if (m.terms === "NJC" || s.target.terms === "NJC") tables.add("NJC_SPINE").add("NJC_TERMS").add("NJC_ENHANCEMENTS");
    if (m.hcasArea !== "NONE" || (s.target.hcasArea && s.target.hcasArea !== "NONE")) tables.add("AFC_HCAS");
  }
  for (const p of people)
    for (const pk of [p.current, p.target]) {
      if (pk.scheme === "NHS") tables.add("NHS_EMPLOYER").add("NHS_MEMBER_TIERS");
      if (pk.scheme === "LGPS" || pk.scheme === "LGPS5050") tables.add("LGPS_BANDS");
    }
  const byGroup = groupBy(people, (p) => p.group, years);
  return {
    scenario: s,
    years,
    people,
    byGroup,
    byEmployer: groupBy(people, (p) => p.employer, years),
    total: combine("Total", byGroup, years),
    assumptions: describeScenario(s),
    methods: [...METHODS],
    tablesUsed: [...tables].sort(),
  };
}
