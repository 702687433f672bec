/**
 * `caretrust board [STAFF.csv|.xlsx] [--scenario scenario.json] [--out pack.xlsx] [--names] [--date YYYY-MM-DD]`
 *
 * Reads a staff list (CSV, or the first table, else the first sheet, of an .xlsx), builds the
 * board pack with the same pure code as the task pane (buildBoardPack), and writes it as an .xlsx
 * with ExcelJS. Problems in the staff list go to stderr by row and column; the path of the pack
 * and its headline figures go to stdout. With no arguments it uses the shipped sample data
 * (samples/staff.csv and samples/scenario.json) and writes out/board-pack.xlsx.
 */
import fs from "fs";
import path from "path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import cliProgress from "cli-progress";
import { registerCommand } from "./main";
import { buildBoardPack, type BoardPackResult, type BoardPackStage } from "../report/boardPack";
import { parseBoardScenario, ScenarioError, type BoardScenarioInput } from "../report/scenario";
import { renderXlsx } from "../xlsx/render";
import { loadWorkbook } from "../xlsx/read";
import { pounds } from "../engine/pool";
import type { Decimal } from "../engine/money";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE_STAFF = path.join(ROOT, "samples", "staff.csv");
const SAMPLE_SCENARIO = path.join(ROOT, "samples", "scenario.json");
const DEFAULT_OUT = path.join("out", "board-pack.xlsx");
/** Inputs above this many rows get a progress bar. */
export const PROGRESS_ROWS = 2000;
/** Problems printed to the terminal; all of them are on the "Rows left out" sheet. */
const MAX_ISSUES_PRINTED = 50;

const USAGE = `caretrust board [STAFF.csv|STAFF.xlsx] [--scenario scenario.json] [--out pack.xlsx] [--names] [--date YYYY-MM-DD]

  STAFF          the staff list: a CSV file, or an .xlsx (its first table, else its first sheet).
                 Columns: see docs/staff-list.md. Default: samples/staff.csv (synthetic).
  --scenario     the scenario as JSON (docs/board-pack.md). Default: samples/scenario.json
                 (with a staff list of your own, its pool is left out).
  --out          where to write the pack. Default: out/board-pack.xlsx (replaced if it exists).
  --names        show staff names on the Detail sheet (default: left out).
  --date         the date printed on the pack (default: today).
`;

export interface BoardArgs {
  staff: string | null;
  scenario: string | null;
  out: string;
  names: boolean;
  date: string | null;
  help: boolean;
}

export function parseBoardArgs(args: string[]): BoardArgs {
  const a: BoardArgs = { staff: null, scenario: null, out: DEFAULT_OUT, names: false, date: null, help: false };
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
    else if (arg === "--names") a.names = true;
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

/** A cell from ExcelJS as a plain value: formula results, rich text and hyperlinks as their text. */
export function plainCell(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("result" in v) return plainCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** The staff table of an .xlsx: its first table (ListObject), else the used range of its first sheet. */
export async function readXlsxTable(file: string): Promise<{ table: unknown[][]; firstRowNumber: number; where: string }> {
  const wb = await loadWorkbook(fs.readFileSync(file));
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; name?: string } }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!ref) continue;
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
      if (!m) continue;
      const colNo = (letters: string) => letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const c1 = colNo(m[1]);
      const r1 = Number(m[2]);
      const c2 = m[3] ? colNo(m[3]) : c1;
      const r2 = m[4] ? Number(m[4]) : r1;
      const table: unknown[][] = [];
      for (let r = r1; r <= r2; r++) {
        const row = ws.getRow(r);
        const cells: unknown[] = [];
        for (let c = c1; c <= c2; c++) cells.push(plainCell(row.getCell(c).value));
        table.push(cells);
      }
      return { table, firstRowNumber: r1, where: `table ${t.table?.name ?? ""} on sheet "${ws.name}"` };
    }
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file} has no worksheets.`);
  const table: unknown[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) cells.push(plainCell(row.getCell(c).value));
    table.push(cells);
  }
  return { table, firstRowNumber: 1, where: `sheet "${ws.name}"` };
}

export function readCsvTable(file: string): unknown[][] {
  const text = fs.readFileSync(file, "utf8");
  return parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as unknown[][];
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
  s += line("Rows left out", String(h.rowsLeftOut));
  s += line(`Current terms, ${r.baseYear}`, money(h.current));
  s += line("Target terms, no protection", `${money(h.target)}${percentOf(h.target.minus(h.current), h.current)}`);
  s += line("Target terms with protection", `${money(h.protected)}${percentOf(h.protected.minus(h.current), h.current)}`);
  s += line("Levelled up (best of both)", `${money(h.levelledUp)}${percentOf(h.levelledUp.minus(h.current), h.current)}`);
  s += line(`Cost of protection, ${r.years[0]} to ${r.years[r.years.length - 1]}`, money(h.protectionTotal));
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
      process.stderr.write(`${e.message}\n${USAGE}`);
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
  const out = path.resolve(a.out);
  if (path.resolve(staffFile) === out || path.resolve(scenarioFile) === out) {
    process.stderr.write(`--out ${a.out} is one of the input files: choose another file for the pack.\n`);
    return 2;
  }

  // The scenario.
  let json: BoardScenarioInput & Record<string, unknown>;
  try {
    json = JSON.parse(fs.readFileSync(scenarioFile, "utf8"));
  } catch (e) {
    process.stderr.write(`Cannot read the scenario ${scenarioFile}: ${(e as Error).message}\n`);
    return 1;
  }
  if (a.staff !== null && a.scenario === null && json && typeof json === "object") {
    delete json.pool;
    process.stderr.write(`No --scenario given: using the settings of ${path.relative(process.cwd(), SAMPLE_SCENARIO)} without its pool.\n`);
  }
  if (a.names && json && typeof json === "object") json.includeNames = true;
  let scenario;
  try {
    scenario = parseBoardScenario(json);
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${scenarioFile}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  // The staff list.
  let table: unknown[][];
  let firstRowNumber = 1;
  let where = path.relative(process.cwd(), staffFile) || staffFile;
  try {
    if (/\.xlsx$/i.test(staffFile)) {
      const x = await readXlsxTable(staffFile);
      table = x.table;
      firstRowNumber = x.firstRowNumber;
      where = `${where}, ${x.where}`;
    } else table = readCsvTable(staffFile);
  } catch (e) {
    process.stderr.write(`Cannot read the staff list ${staffFile}: ${(e as Error).message}\n`);
    return 1;
  }

  // Progress on large lists: an animated bar on a terminal, a line every few seconds otherwise.
  let bar: cliProgress.SingleBar | null = null;
  let stage: BoardPackStage | "write" | null = null;
  const stageNames = { read: "Reading", cost: "Costing", layout: "Laying out", write: "Writing" } as const;
  if (table.length > PROGRESS_ROWS) {
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
    result = buildBoardPack({ table, scenario, generatedOn: a.date ?? today(), version: packageVersion(), firstRowNumber, onProgress: progress });
  } catch (e) {
    bar?.stop();
    if (e instanceof ScenarioError) {
      process.stderr.write(`${scenarioFile}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  // Keep what is printed, and let the report model go before the workbook is built (large lists).
  const summary = headlineText(result);
  const { issues, skippedRows, totalRows, warnings, workbook } = result;
  (result as Partial<BoardPackResult>) = {};
  table = [];
  let buffer: Buffer;
  try {
    buffer = await renderXlsx(workbook, { onSheet: (done, total) => progress("write", done, total) });
  } finally {
    bar?.stop();
  }

  // Problems in the staff list.
  for (const i of issues.slice(0, MAX_ISSUES_PRINTED))
    process.stderr.write(`Row ${i.row}${i.column ? `, ${i.column}` : ""}: ${i.message}\n`);
  if (issues.length > MAX_ISSUES_PRINTED)
    process.stderr.write(`… and ${issues.length - MAX_ISSUES_PRINTED} more problems: every one is on the "Rows left out" sheet.\n`);
  process.stderr.write(`${skippedRows} of ${totalRows} rows of ${where} left out.\n`);
  for (const w of warnings) process.stderr.write(`${w}\n`);

  const existed = fs.existsSync(out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buffer);
  const shown = path.relative(process.cwd(), out) || out;
  process.stdout.write(`${existed ? "Replaced" : "Wrote"} ${shown}${existed ? " (the previous pack there was overwritten)" : ""}\n`);
  process.stdout.write(summary);
  return 0;
}

registerCommand("board", run);
