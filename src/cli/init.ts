/**
 * `caretrust init STAFF --target AFC|NJC`: writes a starter scenario beside a staff list of the
 * user's own (STAFF.scenario.json), never over an existing file. The starter's job-match table
 * lists each current grade that needs a match onto the target terms (staff already on the target
 * terms need none), with the target grade left for the user to fill in; settings the list does not
 * carry (the employer of an ESR export) are left empty to fill in, and so are the unsocial-hours
 * rates on council terms that the list's hours need and the data does not hold (with a note for
 * each saying why and which rows, src/report/missingRates.ts). Every setting is explained in
 * docs/board-pack.md. Nothing is guessed: the board command refuses the starter until it is filled.
 */
import fs from "fs";
import path from "path";
import { registerCommand } from "./main";
import { initScenarioPath, staffHeadingCount } from "./board";
import { sayLine } from "./say";
import { readStaffFile, StaffFileError } from "../intake/readers";
import { readStaffTable } from "../intake";
import { missingRateNeed, missingRateSetting, missingRateWhy, unsocialRatesToGive } from "../report/missingRates";

const USAGE = `caretrust init STAFF --target AFC|NJC

  Writes a starter scenario beside the staff list (STAFF.scenario.json; an existing file is never
  replaced): the target terms, protection (none until you choose), the job-match table with one row
  for each current grade that needs a match onto the target terms, the settings your list does not
  carry, and the unsocial-hours rates on council terms your list's hours need that the data does not
  hold (no national Saturday or Sunday rate). Fill in every empty value, then:
  caretrust board STAFF --scenario STAFF.scenario.json
  Every setting is explained in docs/board-pack.md.
`;

async function run(args: string[]): Promise<number> {
  let staff: string | null = null;
  let target: "AFC" | "NJC" | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === "--target" || a.startsWith("--target=")) {
      const v = (a === "--target" ? args[++i] : a.slice(9))?.toUpperCase();
      if (v !== "AFC" && v !== "NJC") {
        sayLine(`--target must be AFC or NJC; got ${JSON.stringify(v ?? "")}.`);
        return 2;
      }
      target = v;
    } else if (a.startsWith("-")) {
      sayLine(`Unknown option ${a}.`);
      process.stderr.write(USAGE);
      return 2;
    } else if (staff === null) staff = a;
    else {
      sayLine(`One staff list at a time; got "${staff}" and "${a}".`);
      return 2;
    }
  }
  if (staff === null || target === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const out = initScenarioPath(staff);
  if (fs.existsSync(out)) {
    sayLine(`${out} already exists: it is not replaced. Edit it, or move it away to write a new starter.`);
    return 1;
  }
  let raw;
  try {
    raw = await readStaffFile(staff, { file: staff, sheet: null, scoreHeader: staffHeadingCount });
  } catch (e) {
    if (e instanceof StaffFileError) {
      sayLine(`Cannot read the staff list: ${e.message}`);
      return 1;
    }
    throw e;
  }
  // Read with placeholders for whole-list values, to learn which columns the list has and its grades.
  const read = readStaffTable(raw, { defaults: { employer: "(employer)", terms: null }, includeHidden: true, targetTerms: target });
  const has = new Set(read.report.columnsUsed.map((c) => c.field));
  const needsMatch = new Map<string, number>();
  for (const m of read.members) {
    if (m.terms === target || (m.targetGrade !== null && m.targetGrade !== "")) continue;
    needsMatch.set(m.grade, (needsMatch.get(m.grade) ?? 0) + 1);
  }
  const byGrade = [...needsMatch.entries()].sort((a, b) => (Number.parseFloat(a[0]) || 0) - (Number.parseFloat(b[0]) || 0) || a[0].localeCompare(b[0]));
  // Unsocial-hours rates on council terms that the data does not hold, for the hours this list gives.
  const rates = unsocialRatesToGive(read.members, read.memberRows, target);
  const ratesFor = (side: "current" | "target") => Object.fromEntries(rates.filter((g) => g.cause.side === side).map((g) => [g.cause.category, ""]));
  const targetRates = ratesFor("target");
  const currentRates = ratesFor("current");
  const scenario: Record<string, unknown> = {
    description: `Starter scenario for ${path.basename(staff)} written by caretrust init: fill in every empty value (${rates.length > 0 ? "the notes say why each unsocial-hours rate is needed; " : ""}docs/board-pack.md explains each setting).`,
  };
  if (rates.length > 0) scenario.notes = rates.map((g) => `${missingRateSetting(g.cause)}: ${g.message}`);
  Object.assign(scenario, {
    title: `Harmonisation of ${path.basename(staff).replace(/\.[^.]+$/, "")}`,
    targetTerms: Object.keys(targetRates).length > 0 ? { terms: target, unsocialRates: targetRates } : target,
  });
  if (Object.keys(currentRates).length > 0) scenario.currentTerms = { NJC: { unsocialRates: currentRates } };
  Object.assign(scenario, {
    protection: { policy: "NONE" },
    protectiveMarking: "OFFICIAL-SENSITIVE",
    includeNames: false,
  });
  const staffList: Record<string, string> = {};
  if (!has.has("employer")) staffList.employer = "";
  if (!has.has("terms")) staffList.terms = "";
  if (Object.keys(staffList).length > 0) scenario.staffList = staffList;
  scenario.jobMatch = byGrade.map(([from]) => ({ from, to: "" }));
  fs.writeFileSync(out, `${JSON.stringify(scenario, null, 2)}\n`, { flag: "wx" });
  process.stdout.write(`Wrote ${out}\n`);
  process.stdout.write(
    byGrade.length > 0
      ? `  Job-match table: ${byGrade.length} current grade${byGrade.length === 1 ? "" : "s"} to match onto ${target} (${byGrade.map(([g, n]) => `${g}: ${n} ${n === 1 ? "row" : "rows"}`).join(", ")}); give each a target grade ("to").\n`
      : `  Job-match table: empty (every row read is already on ${target} terms or has its own target job match).\n`,
  );
  if (rates.length > 0) {
    process.stdout.write(`  Unsocial-hours rates to give (the data has none for hours this list gives; time plus a fraction: 0.5 is time and a half, "1/3" time and a third; the file's "notes" list the rows):\n`);
    for (const g of rates) process.stdout.write(`    ${missingRateSetting(g.cause)}: ${missingRateNeed(g.cause, g.rows.length)}. ${missingRateWhy(g.cause)}\n`);
  }
  if (scenario.staffList) process.stdout.write(`  staffList: the list has no ${Object.keys(staffList).join(" or ")} column; give the value for the whole list.\n`);
  if (read.report.stops.length > 0 || read.skippedRows > 0)
    process.stdout.write(`  The list itself has problems (${read.report.stops.length > 0 ? "it stops" : `${read.skippedRows} rows left out`}): caretrust board shows them.\n`);
  process.stdout.write(`Then: caretrust board ${staff} --scenario ${out}\n`);
  return 0;
}

registerCommand("init", run);
