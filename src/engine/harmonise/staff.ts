/**
 * A staff list harmonised: every person costed, then totals per staff group, per current employer
 * and in total, year by year. The totals are sums of each person's rounded figures (in whole pence),
 * so they add up exactly, and they do not depend on the order of the list.
 */
import { AFC_PAY } from "../../data/afc";
import { NJC_SPINE } from "../../data/njc";
import { EngineError, invalidValue } from "../errors";
import { ratePercent, toExactRate, type RateGiven } from "../rates";
import type { StaffMember } from "../staff";
import type { Scheme } from "../oncosts";
import { financialYear, latestYear, pendingYears, type FinancialYear } from "../years";
import { pendingAwards } from "./positions";
import { CostColumns } from "./columns";
import { costResolvedPence, forPerson, harmoniseResolved } from "./person";
import { describeProtection } from "./protection";
import { pct, resolveScenario } from "./scenario";
import type { Assumption, HarmonisationScenario, ResolvedScenario, StaffHarmonisation } from "./types";

const MAX_ERRORS_LISTED = 10;

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * The data tables a staff list's costing drew on (ids of src/data's ALL_TABLES, for the sources
 * block), noted person by person: on-costs always; each side's pay scale and terms; HCAS where
 * anyone is in a zone or the target sets one; each pension scheme met on either side.
 */
export class TablesUsed {
  private afc = false;
  private njc = false;
  private hcas = false;
  private nhs = false;
  private lgps = false;

  /** Notes what a person costed under the scenario drew on (p: their base-year packages' schemes). */
  note(m: StaffMember, p: { current: { scheme: Scheme }; target: { scheme: Scheme } }, s: ResolvedScenario): void {
    if (m.terms === "AFC" || s.target.terms === "AFC") this.afc = true;
    if (m.terms === "NJC" || s.target.terms === "NJC") this.njc = true;
    if (m.hcasArea !== "NONE" || (s.target.hcasArea && s.target.hcasArea !== "NONE")) this.hcas = true;
    for (const scheme of [p.current.scheme, p.target.scheme]) {
      if (scheme === "NHS") this.nhs = true;
      if (scheme === "LGPS" || scheme === "LGPS5050") this.lgps = true;
    }
  }

  ids(): Set<string> {
    const tables = new Set<string>(["EMPLOYER_NI", "APPRENTICESHIP_LEVY"]);
    if (this.afc) tables.add("AFC_PAY").add("AFC_PROGRESSION").add("AFC_TERMS").add("AFC_UNSOCIAL");
    if (this.njc) tables.add("NJC_SPINE").add("NJC_TERMS").add("NJC_ENHANCEMENTS");
    if (this.hcas) tables.add("AFC_HCAS");
    if (this.nhs) tables.add("NHS_EMPLOYER").add("NHS_MEMBER_TIERS");
    if (this.lgps) tables.add("LGPS_BANDS");
    return tables;
  }
}

/** Indices for names met in order (staff groups, employers), and the names sorted with their indices. */
class Names {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  indexOf(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    return i;
  }

  /** Each name's index, in the names' sorted order. */
  sorted(): number[] {
    return this.names.map((_, i) => i).sort((a, b) => compareKeys(this.names[a], this.names[b]));
  }
}

/**
 * Harmonises a staff list: totals per group, per employer and overall, year by year, with each
 * person's cost lines held in columns (columns.ts). A person's full result (packages, comparison)
 * is costed again when asked for (`person(i)`), not held for everyone.
 */
export function harmoniseStaff(members: readonly StaffMember[], scenario: HarmonisationScenario): StaffHarmonisation {
  const s = resolveScenario(scenario);
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.ref)) throw invalidValue(`Employee reference ${m.ref} appears more than once in the staff list.`);
    seen.add(m.ref);
  }
  const columns = new CostColumns(members.length, s.projectionYears);
  const groups = new Names();
  const employers = new Names();
  const tables = new TablesUsed();
  const errors: EngineError[] = [];
  members.forEach((m, i) => {
    try {
      const c = forPerson(m.ref, () => costResolvedPence(m, s));
      columns.setPerson(i, c, groups.indexOf(c.group), employers.indexOf(c.employer));
      tables.note(m, c, s);
    } catch (e) {
      if (e instanceof EngineError) errors.push(e);
      else throw e;
    }
  });
  if (errors.length)
    throw new EngineError(
      errors[0].kind,
      `${errors.length} of ${members.length} staff could not be costed. ` +
        errors.slice(0, MAX_ERRORS_LISTED).map((e) => e.message).join(" ") +
        (errors.length > MAX_ERRORS_LISTED ? ` And ${errors.length - MAX_ERRORS_LISTED} more.` : ""),
    );
  const years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(s.year.start + t));
  const { byGroup: groupTotals, byEmployer: employerTotals } = columns.totalsByGroupAndEmployer(groups.names.length, employers.names.length);
  // The total is the groups' totals added, in the groups' order (their FTEs are Decimals added one by one).
  const total = columns.emptyTotals();
  const byGroup = groups.sorted().map((g) => {
    total.addTotals(groupTotals[g]);
    return groupTotals[g].toGroupTotals(groups.names[g], years);
  });
  return {
    scenario: s,
    years,
    count: members.length,
    ref: (i) => members[i].ref,
    person: (i) => forPerson(members[i].ref, () => harmoniseResolved(members[i], s)),
    line: (i, t, option) => columns.line(i, t, option),
    linePence: (i, t, option) => columns.linePence(i, t, option),
    byGroup,
    byEmployer: employers.sorted().map((e) => employerTotals[e].toGroupTotals(employers.names[e], years)),
    total: total.toGroupTotals("Total", years),
    assumptions: describeScenario(s),
    methods: [...METHODS],
    tablesUsed: [...tables.ids()].sort(),
  };
}
