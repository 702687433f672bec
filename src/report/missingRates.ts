/**
 * Rows left out for want of an unsocial-hours rate, told once per rate. When the data holds no rate
 * for hours people work (the Green Book sets no national Saturday or Sunday rate; council terms pay
 * nights and Saturdays apart, so hours given in AfC's group need one rate for both), the engine
 * refuses each such person with a MissingRateError. Every one is still a row left out (listed on
 * "Rows left out"), but the fix is one scenario setting, so the command line and the summary say it
 * once: the setting, how many rows it affects, and which.
 */
import { EngineError } from "../engine/errors";
import { MissingRateError, unsocialHoursOf, unsocialRatesFor, type UnsocialCategory } from "../engine/harmonise";
import type { UnsocialHours, UnsocialRateInput } from "../engine/harmonise/types";
import { D } from "../engine/money";
import type { StaffMember } from "../engine/staff";
import type { TermsName } from "../engine/terms";
import { NJC_ENHANCEMENTS } from "../data/njc";
import { rowList, type MissingRateCause, type RowIssue } from "../intake";

/**
 * The cause of a costing problem when it is a missing unsocial-hours rate; null otherwise. `option`:
 * the appraisal option whose own target terms were being costed (the current terms are shared).
 */
export function missingRateCause(e: unknown, option?: number): MissingRateCause | null {
  if (!(e instanceof MissingRateError)) return null;
  if (e.side === "current") return { side: "current", category: e.category, terms: e.terms };
  return option === undefined ? { side: "target", category: e.category, terms: e.terms } : { side: "target", category: e.category, terms: e.terms, option };
}

/** Where the scenario (JSON) takes the rate: "targetTerms.unsocialRates.saturdays", "currentTerms.NJC.unsocialRates.nightsAndSaturdays". */
export function missingRateSetting(c: MissingRateCause): string {
  if (c.side === "current") return `currentTerms.${c.terms}.unsocialRates.${c.category}`;
  return `${c.option === undefined ? "" : `options[${c.option}].`}targetTerms.unsocialRates.${c.category}`;
}

const TERMS_WORDS: Record<TermsName, string> = { NJC: "council (NJC)", AFC: "Agenda for Change" };

/** The rate in words: "the Saturday rate", "one rate for nights and Saturdays". */
export function missingRateWords(category: UnsocialCategory): string {
  return {
    nights: "the night rate",
    saturdays: "the Saturday rate",
    sundays: "the Sunday rate",
    publicHolidays: "the public holiday rate",
    nightsAndSaturdays: "one rate for nights and Saturdays",
    sundaysAndPublicHolidays: "one rate for Sundays and public holidays",
  }[category];
}

/** A group's two council categories, in words. */
const GROUP_PARTS = {
  nightsAndSaturdays: { words: "nights and Saturdays", parts: ["nights", "saturdays"] },
  sundaysAndPublicHolidays: { words: "Sundays and public holidays", parts: ["sundays", "publicHolidays"] },
} as const;
const CATEGORY_NAMES = { nights: "night", saturdays: "Saturday", sundays: "Sunday", publicHolidays: "public holiday" } as const;

/** The staff-list heading for a category's hours ("Saturday hours"). */
const headingOf = (k: keyof typeof CATEGORY_NAMES) => `${CATEGORY_NAMES[k][0].toUpperCase()}${CATEGORY_NAMES[k].slice(1)} hours`;

/** Why the rate must be given, and what else would do. */
export function missingRateWhy(c: MissingRateCause): string {
  if (c.terms === "AFC") return "The data has no Agenda for Change rate for them (a local scale on AfC conditions has no band to read it from).";
  if (c.category !== "nightsAndSaturdays" && c.category !== "sundaysAndPublicHolidays")
    return `The Green Book sets no national ${CATEGORY_NAMES[c.category]} rate in the data: councils set it locally.`;
  const g = GROUP_PARTS[c.category];
  const lacking = g.parts.filter((k) => NJC_ENHANCEMENTS.value[k] === null);
  return (
    `Their hours on ${g.words} are given together (AfC's grouping), but council terms pay ${g.parts.map((k) => `${CATEGORY_NAMES[k]}s`).join(" and ")} at their own rates` +
    `${lacking.length > 0 ? `, and the Green Book sets no national ${lacking.map((k) => CATEGORY_NAMES[k]).join(" or ")} rate in the data (councils set it locally)` : ""}. ` +
    `Or give the hours apart in the list (${g.parts.map((k) => `"${headingOf(k)}"`).join(" and ")} columns)` +
    `${lacking.length > 0 ? ` and set ${lacking.map((k) => missingRateSetting({ ...c, category: k })).join(" and ")}` : ""}.`
  );
}

export interface MissingRateGroup {
  cause: MissingRateCause;
  /** The staff-list rows left out for want of it. */
  rows: number[];
  /** One message for all of them: how many rows, the setting to add, why, and the rows. */
  message: string;
}

/** "55 rows need one rate for nights and Saturdays on the current council (NJC) terms" */
export function missingRateNeed(cause: MissingRateCause, rows: number): string {
  const whose = cause.option === undefined ? `the ${cause.side}` : `option ${cause.option + 1}'s target`;
  return `${rows.toLocaleString("en-GB")} ${rows === 1 ? "row needs" : "rows need"} ${missingRateWords(cause.category)} on ${whose} ${TERMS_WORDS[cause.terms]} terms`;
}

/** The rate to give, where, and why: "55 rows need …: set … in the scenario (…). Why. Rows …" */
export function missingRateMessage(cause: MissingRateCause, rows: readonly number[]): string {
  return (
    `${missingRateNeed(cause, rows.length)}: set ${missingRateSetting(cause)} in the scenario (time plus a fraction: 0.5 is time and a half, "1/3" time and a third). ` +
    `${missingRateWhy(cause)} ${rows.length === 1 ? "Row" : "Rows"} ${rowList(rows)}.`
  );
}

/**
 * Splits problems into one group per missing rate (in the order first met) and the others, kept as
 * they are. A row appears in one group at most: the engine stops a person at the first rate missing.
 */
export function groupMissingRates(issues: readonly RowIssue[]): { groups: MissingRateGroup[]; others: RowIssue[] } {
  const byKey = new Map<string, { cause: MissingRateCause; rows: number[] }>();
  const others: RowIssue[] = [];
  for (const i of issues) {
    if (!i.missingRate) {
      others.push(i);
      continue;
    }
    const key = missingRateSetting(i.missingRate);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { cause: i.missingRate, rows: [] }));
    g.rows.push(i.row);
  }
  const groups = [...byKey.values()].map((g) => ({ ...g, message: missingRateMessage(g.cause, g.rows) }));
  return { groups, others };
}

/** A stand-in rate, only to find the next rate a person's hours need: never written, shown or costed. */
const PROBE: UnsocialRateInput[keyof UnsocialRateInput] = new D("0.5");

/**
 * The unsocial-hours rates a staff list needs on council (NJC) terms that the data does not hold,
 * before any scenario gives them: what `caretrust init` leaves to fill in. Each person's hours are
 * put to the engine's own rule (unsocialRatesFor) on each side on council terms (their current terms,
 * and the target terms), adding a stand-in for each rate it asks for until it asks for none, so every
 * rate a person needs is found, not only the first. Agenda for Change rates are read by band and the
 * data holds them for every band; a person whose hours cannot be read is left to the board command.
 */
export function unsocialRatesToGive(members: readonly StaffMember[], memberRows: readonly number[], target: TermsName): MissingRateGroup[] {
  const byKey = new Map<string, { cause: MissingRateCause; rows: number[] }>();
  members.forEach((m, i) => {
    let worked: UnsocialHours;
    try {
      worked = unsocialHoursOf(m);
    } catch (e) {
      if (e instanceof EngineError) return;
      throw e;
    }
    const sides: ("current" | "target")[] = [];
    if (m.terms === "NJC") sides.push("current");
    if (target === "NJC") sides.push("target");
    for (const side of sides) {
      const given: UnsocialRateInput = {};
      for (;;) {
        let missing: MissingRateError;
        try {
          unsocialRatesFor("NJC", null, given, worked, side);
          break;
        } catch (e) {
          if (!(e instanceof MissingRateError)) break; // hours the board command will name (e.g. one rate for both but the two differ)
          missing = e;
        }
        if (given[missing.category] !== undefined) break;
        given[missing.category] = PROBE;
        const cause: MissingRateCause = { side, category: missing.category, terms: "NJC" };
        const key = missingRateSetting(cause);
        let g = byKey.get(key);
        if (!g) byKey.set(key, (g = { cause, rows: [] }));
        g.rows.push(memberRows[i]);
      }
    }
  });
  return [...byKey.values()].map((g) => ({ ...g, message: missingRateMessage(g.cause, g.rows) }));
}
