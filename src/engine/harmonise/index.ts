/**
 * Harmonisation of terms after a transfer between an NHS body and a council: compare terms
 * element by element, level up, assimilate onto the receiving pay structure, protect pay, and
 * cost it all per person, per staff group, per employer and in total, year by year.
 *
 *   harmonisePerson(member, scenario)   one person: packages, comparison, assimilation, projection
 *   harmoniseStaff(members, scenario)   a staff list: byGroup / byEmployer / total, each person's
 *                                       cost lines in columns, a person in full on demand
 *
 * See docs/harmonisation.md for the model, methods and the policy choices.
 */
export * from "./types";
export { harmonisePerson, harmoniseResolved, costResolved, costResolvedPence, targetScheme } from "./person";
export { harmoniseStaff, describeScenario, METHODS, TablesUsed } from "./staff";
export { addPence, decimalOfSum, FteSum, type PenceSum } from "./columns";
export { resolveScenario, defaultBaseYear, awardFor, DEFAULT_PROJECTION_YEARS } from "./scenario";
export { assimilate, targetGradeFor, matchesFrom } from "./assimilate";
export { protectionSchedule, describeProtection } from "./protection";
export { comparisonRows, costPair, valueTimeOff } from "./compare";
export { buildPackage, sickPayFor, sickPayText, unsocialRatesFor, unsocialRatesText, unsocialGroup, MissingRateError, NO_UNSOCIAL_HOURS, onCosts, type UnsocialCategory } from "./package";
export { unsocialHoursOf } from "./person";
export { parseGrade, parseScpRange, gradePositions, gradeLabel, positionLabel, fullTimePayAt, pendingAwards, lowestNjcPoint, type PendingAward } from "./positions";
