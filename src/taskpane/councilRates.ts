/**
 * The scenario card's council unsocial-hours rates: four text boxes (Saturdays, Sundays, Nights,
 * Public holidays) put into the scenario JSON where the terms are the NJC Green Book, on both sides,
 * exactly as a scenario file gives them (currentTerms.NJC.unsocialRates and, when the target is NJC,
 * targetTerms.unsocialRates), so src/report/scenario.ts reads and refuses them as it does a file's.
 * And, when rows are left out for want of a council rate, which box to fill.
 */
import type { UnsocialCategory } from "../engine/harmonise";
import type { MissingRateCause, RowIssue } from "../intake";
import { groupMissingRates, missingRateNeed } from "../report/missingRates";

/** The four council categories the card takes, each with its box's id and label. */
export const COUNCIL_RATE_FIELDS = [
  { key: "saturdays", field: "rate-saturdays", label: "Saturdays" },
  { key: "sundays", field: "rate-sundays", label: "Sundays" },
  { key: "nights", field: "rate-nights", label: "Nights" },
  { key: "publicHolidays", field: "rate-public-holidays", label: "Public holidays" },
] as const;

export type CouncilRateKey = (typeof COUNCIL_RATE_FIELDS)[number]["key"];

/** The group's heading on the card, named in every message that points to it. */
export const COUNCIL_RATES_GROUP = "Council unsocial-hours rates";

/** What the boxes hold: the text as typed, by category ("" or absent = not given). */
export type CouncilRateValues = Partial<Record<CouncilRateKey, string>>;

/**
 * Adds the given rates to the scenario JSON on each side whose terms are NJC: the current NJC staff
 * always (anyone on council terms now), the target when it is NJC. Values go as typed (0.5, "50%",
 * "1/3"): the scenario reader checks them. Nothing given adds nothing.
 */
export function addCouncilRates(json: Record<string, unknown>, values: CouncilRateValues): void {
  const rates: Record<string, string> = {};
  for (const { key } of COUNCIL_RATE_FIELDS) {
    const v = (values[key] ?? "").trim();
    if (v !== "") rates[key] = v;
  }
  if (Object.keys(rates).length === 0) return;
  json.currentTerms = { NJC: { unsocialRates: { ...rates } } };
  if (json.targetTerms === "NJC") json.targetTerms = { terms: "NJC", unsocialRates: { ...rates } };
}

/** Scenario checker paths of the council rates -> their box (both sides name the same box). */
export const COUNCIL_RATE_PATHS: [RegExp, string][] = COUNCIL_RATE_FIELDS.map(({ key, field }) => [new RegExp(`^(currentTerms\\.NJC|targetTerms)\\.unsocialRates\\.${key}$`), field]);

const labelOf = (key: CouncilRateKey) => COUNCIL_RATE_FIELDS.find((f) => f.key === key)!.label;

/** The two boxes of an AfC-style group. */
const GROUP_BOXES: Partial<Record<UnsocialCategory, { parts: [CouncilRateKey, CouncilRateKey]; headings: [string, string]; defaulted: string }>> = {
  nightsAndSaturdays: { parts: ["nights", "saturdays"], headings: ["Night hours", "Saturday hours"], defaulted: 'a blank "Nights" is the national time plus one third' },
  sundaysAndPublicHolidays: { parts: ["sundays", "publicHolidays"], headings: ["Sunday hours", "Public holiday hours"], defaulted: 'a blank "Public holidays" is the national double time' },
};

/**
 * For rows left out for want of a council rate, which box to fill: '55 rows need the Saturday rate on
 * the current council (NJC) terms: fill "Saturdays" under Council unsocial-hours rates'. Null where
 * no box takes it (an Agenda for Change rate, or an appraisal option's own target terms).
 */
export function councilRateAdvice(cause: MissingRateCause, rows: number): string | null {
  if (cause.terms !== "NJC" || cause.option !== undefined) return null;
  const need = missingRateNeed(cause, rows);
  const group = GROUP_BOXES[cause.category];
  if (group) {
    const [a, b] = group.parts.map(labelOf);
    return (
      `${need}: their hours are given together (AfC's grouping) but council terms pay them apart, so fill both "${a}" and "${b}" under ${COUNCIL_RATES_GROUP} with the same rate (${group.defaulted}), ` +
      `or give the hours apart in the staff list ("${group.headings[0]}" and "${group.headings[1]}" columns).`
    );
  }
  return `${need}: fill "${labelOf(cause.category as CouncilRateKey)}" under ${COUNCIL_RATES_GROUP} (time plus a fraction: 0.5 is time and a half, 1/3 time and a third).`;
}

/** Once per council rate missing, the box to fill, in the order first met. */
export function councilRateAdviceFor(issues: readonly RowIssue[]): string[] {
  return groupMissingRates(issues)
    .groups.map((g) => councilRateAdvice(g.cause, g.rows.length))
    .filter((a): a is string => a !== null);
}
