/**
 * `caretrust board [STAFF.csv|.xlsx] [--scenario scenario.json] [--out pack.xlsx] [--names] [--date YYYY-MM-DD]`
 *
 * Reads a staff list (CSV or text in any of the usual encodings and separators, or the sheet of an
 * .xlsx holding the staff table: src/intake/readers), builds the
 * board pack with the same pure code as the task pane (buildBoardPack), and writes it as an .xlsx
 * with ExcelJS. Problems in the staff list go to stderr by row and column; the path of the pack
 * and its headline figures go to stdout. With no arguments it uses the shipped sample data
 * (samples/staff.csv and samples/scenario.json) and writes out/board-pack.xlsx.
 */
import fs from "fs";
import path from "path";
import cliProgress from "cli-progress";
import { registerCommand } from "./main";
import { buildBoardPack, type BoardPackResult, type BoardPackStage } from "../report/boardPack";
import { parseBoardScenario, ScenarioError, type BoardScenarioInput } from "../report/scenario";
import { renderXlsx } from "../xlsx/render";
import { readStaffFile, StaffFileError } from "../intake/readers";
import type { RawCell, RawTable } from "../intake/rawTable";
import { escapeControls } from "../intake/safeText";
import { fieldForHeading, intakeReportLines, payLeftOutWords } from "../intake";
import { sayLine } from "./say";
import { MAX_SCENARIO_CHARS, parseScenarioText } from "../report/scenarioJson";
import { checkOutTarget, OutputError, writeFileAtomically, type OutTarget } from "./safeWrite";
import { pounds } from "../engine/pool";
import { groupMissingRates, missingRateSetting } from "../report/missingRates";
import type { Decimal } from "../engine/money";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE_STAFF = path.join(ROOT, "samples", "staff.csv");
const SAMPLE_SCENARIO = path.join(ROOT, "samples", "scenario.json");
const DEFAULT_OUT = path.join("out", "board-pack.xlsx");
/** Inputs above this many rows get a progress bar. */
export const PROGRESS_ROWS = 2000;
/** Problems printed to the terminal; all of them are on the "Rows left out" sheet. */
const MAX_ISSUES_PRINTED = 50;

const USAGE = `caretrust board [STAFF.csv|STAFF.xlsx] [--sheet NAME] [--scenario scenario.json] [--out pack.xlsx] [--names] [--date YYYY-MM-DD]
                [--include-hidden] [--strict]

  STAFF          the staff list: CSV (comma, semicolon or tab; UTF-8, Windows-1252 or UTF-16), or an
                 .xlsx/.xlsm (the sheet whose first rows hold the staff-list headings).
                 Columns: see docs/staff-list.md. Default: samples/staff.csv (synthetic).
  --sheet        the sheet of an .xlsx to read, by name.
  --scenario     the scenario as JSON (docs/board-pack.md). Needed with a staff list of your own
                 (\`caretrust init STAFF\` writes a starter beside it); the shipped sample list uses
                 samples/scenario.json.
  --out          where to write the pack; - for standard output. Default: out/board-pack.xlsx.
                 A pack this tool wrote there is replaced; any other file is not, unless --force.
                 The input files are never overwritten.
  --force        replace the file at --out even if this tool did not write it.
  --names        show staff names on the Detail sheet (default: left out).
  --date         the date printed on the pack (default: today).
  --include-hidden  cost rows hidden in the list (by a filter or by hand); default: left out and listed.
  --strict       any row left out is a failure: no pack, exit code 2 (for automated runs).

  Exit codes: 0 pack written; 1 a file could not be read or the scenario is wrong; 2 nothing could be
  costed, --strict found rows left out, or the command line is wrong.
`;

export interface BoardArgs {
  staff: string | null;
  sheet: string | null;
  scenario: string | null;
  out: string;
  force: boolean;
  names: boolean;
  date: string | null;
  help: boolean;
  includeHidden: boolean;
  strict: boolean;
}

export function parseBoardArgs(args: string[]): BoardArgs {
  const a: BoardArgs = { staff: null, sheet: null, scenario: null, out: DEFAULT_OUT, force: false, names: false, date: null, help: false, includeHidden: false, strict: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === "--scenario" || arg === "-s") a.scenario = value();
    else if (arg === "--out" || arg === "-o") a.out = value();
    else if (arg.startsWith("--scenario=")) a.scenario = arg.slice(11);
    else if (arg.startsWith("--out=")) a.out = arg.slice(6);
    else if (arg === "--sheet") a.sheet = value();
    else if (arg.startsWith("--sheet=")) a.sheet = arg.slice(8);
    else if (arg === "--names") a.names = true;
    else if (arg === "--force") a.force = true;
    else if (arg === "--include-hidden") a.includeHidden = true;
    else if (arg === "--strict") a.strict = true;
    else if (arg === "--date") a.date = value();
    else if (arg.startsWith("--date=")) a.date = arg.slice(7);
    else if (arg === "--help" || arg === "-h") a.help = true;
    else if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}.`);
    else if (a.staff === null) a.staff = arg;
    else throw new UsageError(`One staff list at a time; got "${a.staff}" and "${arg}".`);
  }
  if (a.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) throw new UsageError(`--date must be YYYY-MM-DD; got "${a.date}".`);
  return a;
}

class UsageError extends Error {}

/** Where `caretrust init STAFF` writes the starter scenario: beside the list, named after it. */
export function initScenarioPath(staff: string): string {
  return path.join(path.dirname(staff), `${path.basename(staff).replace(/\.[^.]+$/, "")}.scenario.json`);
}

/** How many known staff-list headings a row holds: how the staff sheet of a workbook is found. */
export function staffHeadingCount(row: readonly RawCell[]): number {
  let known = 0;
  for (const c of row) if (typeof c === "string" && fieldForHeading(c)) known++;
  return known;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version ?? "0.0.0");
  } catch {
    return "0.0.0";
  }
}

function money(d: Decimal): string {
  return pounds(d);
}

function percentOf(part: Decimal, whole: Decimal): string {
  if (whole.isZero()) return "";
  const p = part.dividedBy(whole).times(100).toDecimalPlaces(1);
  return ` (${p.isNegative() ? "" : "+"}${p.toFixed(1)}%)`;
}

export function headlineText(result: BoardPackResult): string {
  const h = result.headline;
  const r = result.report;
  const line = (label: string, value: string) => `  ${label.padEnd(40)}${value}\n`;
  let s = "";
  s += line("Staff costed (FTE)", `${h.headcount} (${h.fte.toDecimalPlaces(2).toFixed(2)})`);
  s += line("Rows left out", `${h.rowsLeftOut}${r.rows.peopleLeftOut > 0 ? ` (${r.rows.peopleLeftOut} ${r.rows.peopleLeftOut === 1 ? "person" : "people"})` : ""}`);
  s += line(`Current terms, ${r.baseYear}`, money(h.current));
  s += line("Target terms, no protection", `${money(h.target)}${percentOf(h.target.minus(h.current), h.current)}`);
  s += line("Target terms with protection", `${money(h.protected)}${percentOf(h.protected.minus(h.current), h.current)}`);
  s += line("Levelled up (best of both)", `${money(h.levelledUp)}${percentOf(h.levelledUp.minus(h.current), h.current)}`);
  s += line(`Cost of protection, ${r.years[0]} to ${r.years[r.years.length - 1]}`, money(h.protectionTotal));
  const a = r.appraisal;
  if (a) {
    const base = a.options[a.baseline];
    s += `  Options over ${a.years.length} years, ${a.years[0]} to ${a.years[a.years.length - 1]}: net present cost at ${a.discountRate.times(100).toString()}% (change from baseline)\n`;
    for (const o of a.options) {
      const role = o.baseline ? " [baseline]" : o.recommended ? " [recommended]" : "";
      const change = o.baseline ? "" : ` (${o.presentCost.gte(base.presentCost) ? "+" : "-"}${money(o.presentCost.minus(base.presentCost).abs())})`;
      s += `    ${o.name}${role}: ${money(o.presentCost)}${change}\n`;
    }
  }
  if (r.pool) {
    const v = r.pool.total.variance;
    s += line(`Pool ${v.isNegative() ? "underspend" : "overspend"}`, money(v.abs()));
    for (const p of r.pool.partners) s += line(`  ${p.partner} bears`, money(p.varianceBorne));
  }
  return s;
}

async function run(args: string[]): Promise<number> {
  let a: BoardArgs;
  try {
    a = parseBoardArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      sayLine(e.message);
      process.stderr.write(USAGE);
      return 2;
    }
    throw e;
  }
  if (a.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const staffFile = a.staff ?? SAMPLE_STAFF;
  const scenarioFile = a.scenario ?? SAMPLE_SCENARIO;
  let target: OutTarget;
  try {
    target = await checkOutTarget(a.out, [staffFile, scenarioFile], { force: a.force, stdoutIsTerminal: process.stdout.isTTY === true });
  } catch (e) {
    if (e instanceof OutputError) {
      sayLine(`${e.message}`);
      return 2;
    }
    throw e;
  }

  // A list of the user's own needs their own scenario: the sample's title, assumptions and LGPS
  // rate are not theirs.
  if (a.staff !== null && a.scenario === null) {
    sayLine("No --scenario given. The sample scenario's title, target terms and pension rates are not yours, so the pack is not written.");
    sayLine(`Run \`caretrust init ${a.staff} --target AFC\` (or NJC: the terms to harmonise onto) to write a starter scenario beside the list (every setting is explained in docs/board-pack.md), fill it in, then run`);
    sayLine(`  caretrust board ${a.staff} --scenario ${initScenarioPath(a.staff)}`);
    return 2;
  }

  // The scenario.
  let json: BoardScenarioInput & Record<string, unknown>;
  try {
    const size = fs.statSync(scenarioFile).size;
    if (size > MAX_SCENARIO_CHARS) throw new Error(`it is ${size.toLocaleString("en-GB")} bytes, more than the ${MAX_SCENARIO_CHARS.toLocaleString("en-GB")} a scenario may be`);
    const read = parseScenarioText(fs.readFileSync(scenarioFile, "utf8"));
    if (read.problems.length > 0) {
      sayLine(`${scenarioFile}: ${read.problems.length === 1 ? read.problems[0] : `the scenario has ${read.problems.length} problems:`}`);
      if (read.problems.length > 1) for (const p of read.problems) sayLine(`- ${p}`);
      return 1;
    }
    json = read.json as typeof json;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    sayLine(`Cannot read the scenario ${scenarioFile}: ${code === "ENOENT" ? "no such file" : (e as Error).message}.`);
    return 1;
  }
  if (a.names && json && typeof json === "object") json.includeNames = true;
  let scenario;
  try {
    scenario = parseBoardScenario(json);
  } catch (e) {
    if (e instanceof ScenarioError) {
      for (const line of `${scenarioFile}: ${e.message}`.split("\n")) sayLine(line);
      return 1;
    }
    throw e;
  }

  // The staff list.
  let raw: RawTable;
  try {
    raw = await readStaffFile(staffFile, { file: a.staff === null ? path.relative(process.cwd(), staffFile) : staffFile, sheet: a.sheet, scoreHeader: staffHeadingCount });
  } catch (e) {
    if (e instanceof StaffFileError) {
      sayLine(`Cannot read the staff list: ${e.message}`);
      return 1;
    }
    throw e;
  }
  let where = path.relative(process.cwd(), staffFile) || staffFile;
  if (raw.source.sheet !== null) where = `${where}, sheet "${escapeControls(raw.source.sheet)}"`;
  const rowCount = raw.rows.length;

  // Progress on large lists: an animated bar on a terminal, a line every few seconds otherwise.
  let bar: cliProgress.SingleBar | null = null;
  let stage: BoardPackStage | "write" | null = null;
  const stageNames = { read: "Reading", cost: "Costing", layout: "Laying out", write: "Writing" } as const;
  if (rowCount > PROGRESS_ROWS) {
    bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: "{stage} [{bar}] {percentage}% | {value}/{total}",
        noTTYOutput: !process.stderr.isTTY,
        notTTYSchedule: 3000,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }
  const progress = (s: BoardPackStage | "write", done: number, total: number) => {
    if (!bar) return;
    if (s !== stage) {
      if (stage !== null) bar.stop();
      stage = s;
      bar.start(total, done, { stage: stageNames[s].padEnd(10) });
    } else bar.update(done);
  };

  let result: BoardPackResult;
  try {
    result = buildBoardPack({ table: [], raw, includeHidden: a.includeHidden, scenario, generatedOn: a.date ?? today(), version: packageVersion(), onProgress: progress });
  } catch (e) {
    bar?.stop();
    if (e instanceof ScenarioError) {
      for (const line of `${scenarioFile}: ${e.message}`.split("\n")) sayLine(line);
      return 1;
    }
    throw e;
  }
  (raw as Partial<RawTable>) = {};
  // How the list was read, before anything else: columns used and not, hidden rows, rows left out.
  bar?.stop();
  const intake = result.intake;
  for (const line of intakeReportLines(intake, { maxIssues: MAX_ISSUES_PRINTED })) sayLine(line);
  const intakeIssues = new Set(intake.issues);
  const costingIssues = result.issues.filter((i) => !intakeIssues.has(i));
  // Rows left out for want of the same unsocial-hours rate are told once, with the setting that gives it.
  const { groups: missingRates, others: otherCostingIssues } = groupMissingRates(costingIssues);
  for (const g of missingRates) sayLine(`  ${g.message}`);
  for (const i of otherCostingIssues.slice(0, MAX_ISSUES_PRINTED)) sayLine(`  Row ${i.row}${i.column ? `, ${i.column}` : ""}: ${i.message}`);
  if (otherCostingIssues.length > MAX_ISSUES_PRINTED) sayLine(`  … and ${otherCostingIssues.length - MAX_ISSUES_PRINTED} more problems: every one is on the "Rows left out" sheet.`);
  const peopleLeftOut = result.report.rows.peopleLeftOut;
  if (result.headline.headcount === 0) {
    sayLine(
      `Nothing in ${where} could be costed${intake.stops.length > 0 ? ": the list stops at the problem above" : intake.staffRows === 0 ? ": it has no staff rows" : ": every row has a problem (above)"}. No pack was written.`,
    );
    return 2;
  }
  if (result.skippedRows > 0) {
    const forRates = missingRates.map((g, k) => `${g.rows.length}${k === 0 ? " of them" : ""} for want of ${missingRateSetting(g.cause)}`).join(", ");
    const warn =
      `WARNING: ${peopleLeftOut} ${peopleLeftOut === 1 ? "person" : "people"} (${result.skippedRows} of ${result.totalRows} rows of ${where}) left out of every figure (${payLeftOutWords(intake, costingIssues.length)})` +
      `${forRates ? `; ${forRates} in the scenario (above)` : ""}; the pack says so on its summary and lists each on "Rows left out".`;
    if (a.strict) {
      sayLine(warn);
      sayLine("--strict: rows were left out, so no pack was written.");
      return 2;
    }
    sayLine(warn);
  }
  // Keep what is printed, and let the report model go before the workbook is built (large lists).
  const summary = headlineText(result);
  const { warnings, workbook } = result;
  (result as Partial<BoardPackResult>) = {};
  let buffer: Buffer;
  const limitNotes: string[] = [];
  try {
    buffer = await renderXlsx(workbook, { onSheet: (done, total) => progress("write", done, total), onNote: (n) => limitNotes.push(n) });
  } finally {
    bar?.stop();
  }

  for (const w of warnings) sayLine(`${w}`);
  // What was changed to keep Excel's limits (a cell cut at 32,767 characters, a footer title cut at 255).
  for (const n of limitNotes) sayLine(n);

  if (target.kind === "stdout") {
    process.stdout.write(buffer);
    process.stderr.write(`Wrote the pack to standard output (${buffer.length.toLocaleString("en-GB")} bytes)\n${summary}`);
    return 0;
  }
  try {
    await writeFileAtomically(target.path, buffer);
  } catch (e) {
    if (e instanceof OutputError) {
      sayLine(`${e.message}`);
      return 1;
    }
    throw e;
  }
  const shown = escapeControls(path.relative(process.cwd(), target.path) || target.path);
  const replaced = { none: "", ours: " (it replaces the pack that was there)", other: " (--force: it replaces the file that was there)" }[target.existing];
  process.stdout.write(`${target.existing === "none" ? "Wrote" : "Replaced"} ${shown}${replaced}\n`);
  process.stdout.write(summary);
  return 0;
}

registerCommand("board", run);
