/**
 * Assimilation: from a job match to a target grade, onto the lowest point of the grade whose pay
 * is not below the person's current pay; above the top of the grade, the top, with the shortfall
 * left to pay protection.
 */
import { invalidValue } from "../errors";
import { roundTimes, type Pence, type Ratio } from "../pence";
import { normaliseAfcBand, type ScaleRef } from "../scales";
import type { StaffMember } from "../staff";
import type { FinancialYear } from "../years";
import { gradeLabel, gradePositions, payAt, parseGrade, parseScpRange, positionLabel } from "./positions";
import type { AssimilationPence, Grade, JobMatchRow, ResolvedScenario } from "./types";

/**
 * Assimilates `currentPay` (basic pay for the person's hours now, in pence) onto `grade`,
 * comparing it with the pay at each point for `targetFte` (full-time pay × FTE, to the penny),
 * lowest point first.
 */
export function assimilate(currentPay: Pence, grade: Grade, fy: FinancialYear, s: ResolvedScenario, targetFte: Ratio): AssimilationPence {
  const points = gradePositions(grade, fy);
  let chosen = points[points.length - 1];
  let chosenFullTime: Pence | null = null;
  let rule: AssimilationPence["rule"] = "ABOVE_TOP";
  for (let i = 0; i < points.length; i++) {
    const full = payAt(points[i], fy, s).pay;
    const pay = roundTimes(full, targetFte);
    if (pay >= currentPay) {
      chosen = points[i];
      chosenFullTime = full;
      rule = i === 0 && pay > currentPay ? "BELOW_MINIMUM" : "LOWEST_NOT_BELOW";
      break;
    }
  }
  const fullTimePay = chosenFullTime ?? payAt(chosen, fy, s).pay;
  const pay = roundTimes(fullTimePay, targetFte);
  return {
    grade,
    gradeLabel: gradeLabel(grade),
    position: chosen,
    positionLabel: positionLabel(chosen),
    fullTimePay,
    pay,
    currentPay,
    rule,
    shortfall: rule === "ABOVE_TOP" ? currentPay - pay : 0,
  };
}

/** Whether a job-match row's `from` covers a person's current grade. */
export function matchesFrom(row: JobMatchRow, terms: "AFC" | "NJC", grade: string): boolean {
  if (terms === "AFC") return normaliseAfcBand(row.from) === normaliseAfcBand(grade);
  const point = Number(String(grade).trim().replace(/^scp\s*/i, ""));
  const r = parseScpRange(row.from);
  return r !== null && Number.isFinite(point) && point >= r[0] && point <= r[1];
}

/** The target grade for a person: their own job match, else the first matching row of the scenario's table. */
export function targetGradeFor(m: Pick<StaffMember, "ref" | "terms" | "grade" | "targetGrade">, scale: ScaleRef, table: readonly JobMatchRow[]): Grade {
  if (m.targetGrade !== null && m.targetGrade !== undefined && String(m.targetGrade).trim() !== "") return gradeOf(String(m.targetGrade), scale);
  const row = table.find((r) => matchesFrom(r, m.terms, m.grade));
  // Staff already on the target scale keep their own band or point unless the table regrades them:
  // Agenda for Change staff need no job match when the target is Agenda for Change (NJC likewise).
  if (!row && scale.kind === m.terms) return gradeOf(m.grade, scale);
  if (!row)
    throw invalidValue(
      `No job match for ${m.terms === "AFC" ? `AfC band ${m.grade}` : `NJC SCP ${m.grade}`}: give the target grade (an AfC band, or NJC spinal column points such as "29-32") or add a row for it to the job-match table.`,
    );
  return gradeOf(row.to, scale);
}

/** A grade as parseGrade reads it, read once per text and target scale (a staff list repeats a few dozen); errors are not kept. */
const GRADES = new WeakMap<ScaleRef, Map<string, Grade>>();
function gradeOf(text: string, scale: ScaleRef): Grade {
  let byText = GRADES.get(scale);
  if (!byText) GRADES.set(scale, (byText = new Map()));
  let g = byText.get(text);
  if (!g) {
    g = parseGrade(text, scale);
    if (byText.size < 10_000) byText.set(text, g);
  }
  return g;
}
