/**
 * Excel's limits, kept by every plan before either renderer writes it (src/xlsx/render.ts and
 * src/excel/applyPlan.ts both call `fitPlanToExcel`): whatever text a staff list or a scenario
 * holds, the workbook is one Excel opens without repair.
 *
 * Limits (Microsoft, "Excel specifications and limits"): 32,767 characters in a cell; 255 in a
 * header or footer (the whole coded string: "&L…&C…&R…"); 255 in a table column name, which must
 * be unique in its table (case-insensitively) and equal to its header cell; 31 in a sheet name;
 * 1,048,576 rows and 16,384 columns in a sheet.
 *
 * What it does to text, and says so in the notes it returns:
 *  - a cell longer than 32,767 characters is cut there, ending "…";
 *  - a lone UTF-16 surrogate (half a character, which no file can hold) becomes U+FFFD;
 *  - a table heading that is empty, too long or the same as another in its table is made legal
 *    ("Column 3", cut with "…", " (2)");
 *  - header and footer text loses control characters (a page header cannot show them), and the
 *    centre part (the title), then the right, then the left, is cut with "…" until the coded
 *    header or footer fits in 255 characters;
 *  - a sheet beyond 1,048,576 rows or 16,384 columns cannot be written: PlanTooLargeError says
 *    which sheet and what to do.
 * Characters that XML cannot carry (NUL, other control characters, U+FFFE, U+FFFF) are kept: the
 * .xlsx renderer writes them escaped as Excel does (_x0007_, src/xlsx/ooxmlText.ts).
 */
import type { PlanValue, PrintSetup, SheetPlan, TableBlock, WorkbookPlan } from "./plan";

export const EXCEL_LIMITS = {
  cellText: 32_767,
  headerFooter: 255,
  tableColumnName: 255,
  sheetName: 31,
  rows: 1_048_576,
  columns: 16_384,
} as const;

/** A plan that cannot fit in an Excel worksheet; `message` says which sheet and what to change. */
export class PlanTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanTooLargeError";
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** Text with every lone surrogate (half of a character) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** Text cut to at most `max` characters (UTF-16 units, as Excel counts), ending "…" when cut; never splits a character. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

/** Header and footer text as Excel codes it: "&" starts a code, so a literal one is "&&"; {page} and {pages} are &P and &N. */
export function headerFooterCode(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N");
}

type Parts = { left?: string; center?: string; right?: string };

/** The coded length of a header or footer: "&L" + left + "&C" + centre + "&R" + right, each part present, each coded by `code`. */
function codedLength(p: Parts, code: (text: string) => string): number {
  return (["left", "center", "right"] as const).reduce((n, k) => (p[k] ? n + 2 + code(p[k]!).length : n), 0);
}

/**
 * A header or footer that fits Excel's 255 characters: control characters become spaces, then the
 * centre (the title), the right, then the left part are cut with "…" as far as needed (the plan
 * text is cut, and the result measured as `code` writes it: the .xlsx renderer measures its
 * escaped form too).
 */
export function fitHeaderFooter(parts: Parts, code: (text: string) => string = headerFooterCode): { parts: Parts; cut: boolean } {
  const out: Parts = {};
  for (const k of ["left", "center", "right"] as const) if (parts[k] !== undefined) out[k] = wellFormed(parts[k]!).replace(CONTROL, " ").replace(/[\uFFFE\uFFFF]/g, "\uFFFD");
  let cut = false;
  for (const k of ["center", "right", "left"] as const) {
    while (codedLength(out, code) > EXCEL_LIMITS.headerFooter && out[k]) {
      const text = out[k]!;
      const keep = text.length - (codedLength(out, code) - EXCEL_LIMITS.headerFooter) - 1; // characters kept before the "…"
      out[k] = keep > 0 ? cutText(text, keep + 1) : "";
      cut = true;
    }
  }
  return { parts: out, cut };
}

function printFitted(print: PrintSetup, note: (m: string) => void, sheetName: string): PrintSetup {
  const footer = fitHeaderFooter(print.footer);
  const header = print.header ? fitHeaderFooter(print.header) : null;
  if (footer.cut || header?.cut)
    note(`The page ${footer.cut ? "footer" : "header"} of "${sheetName}" was longer than Excel's 255 characters: the title there is cut, ending "…" (the full title is on the sheet).`);
  return { ...print, footer: { left: footer.parts.left ?? "", center: footer.parts.center, right: footer.parts.right }, ...(header ? { header: header.parts } : {}) };
}

/** The text of a plan cell, fitted: lone surrogates replaced, cut at 32,767 characters. */
function fitValue(v: PlanValue, counts: { long: number; broken: number }): PlanValue {
  if (typeof v !== "string") return v;
  let s = v;
  if (LONE_SURROGATE.test(s)) {
    LONE_SURROGATE.lastIndex = 0;
    s = wellFormed(s);
    counts.broken++;
  }
  LONE_SURROGATE.lastIndex = 0;
  if (s.length > EXCEL_LIMITS.cellText) {
    s = cutText(s, EXCEL_LIMITS.cellText);
    counts.long++;
  }
  return s;
}

function fitRows(rows: PlanValue[][], counts: { long: number; broken: number }): PlanValue[][] {
  let changed = false;
  const out = rows.map((row) => {
    let rowChanged = false;
    const fitted = row.map((v) => {
      const f = fitValue(v, counts);
      if (f !== v) rowChanged = true;
      return f;
    });
    if (rowChanged) changed = true;
    return rowChanged ? fitted : row;
  });
  return changed ? out : rows;
}

/** Table headings Excel accepts: not empty, at most 255 characters, unique in the table (case-insensitively). */
export function fitTableHeadings(headers: readonly string[]): { headers: string[]; changed: boolean } {
  const used = new Set<string>();
  let changed = false;
  const out = headers.map((h, i) => {
    let base = cutText(wellFormed(h), EXCEL_LIMITS.tableColumnName);
    if (base.trim() === "") base = `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cutText(base, EXCEL_LIMITS.tableColumnName - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    if (name !== h) changed = true;
    return name;
  });
  return { headers: out, changed };
}

function extentCheck(sheet: SheetPlan): void {
  let rows = 0;
  let cols = 0;
  let what = "";
  for (const b of sheet.blocks) {
    let r = 0;
    let c = 0;
    if (b.kind === "range") {
      r = b.row + b.values.length;
      c = b.col + Math.max(0, ...b.values.map((x) => x.length));
    } else if (b.kind === "table") {
      r = b.row + 1 + Math.max(1, b.rows.length) + (b.showTotals ? 1 : 0);
      c = b.col + b.columns.length;
    } else {
      r = b.anchor.row + b.anchor.rowSpan;
      c = b.anchor.col + b.anchor.colSpan;
    }
    if (r > rows || c > cols) what = b.kind === "table" ? `the table ${b.name}` : `a ${b.kind}`;
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  if (rows > EXCEL_LIMITS.rows)
    throw new PlanTooLargeError(
      `The "${sheet.name}" sheet would need ${rows.toLocaleString("en-GB")} rows (${what}); an Excel worksheet has ${EXCEL_LIMITS.rows.toLocaleString("en-GB")}. ` +
        "Split the staff list and produce a pack for each part.",
    );
  if (cols > EXCEL_LIMITS.columns)
    throw new PlanTooLargeError(
      `The "${sheet.name}" sheet would need ${cols.toLocaleString("en-GB")} columns (${what}); an Excel worksheet has ${EXCEL_LIMITS.columns.toLocaleString("en-GB")}. ` +
        "Fewer partners or service lines in the pool would fit.",
    );
}

/**
 * The plan with Excel's limits kept (see the module comment), and notes saying what was changed.
 * The input plan is not modified; blocks and rows that need no change are shared, so a large plan
 * costs one pass over its cells.
 * @throws PlanTooLargeError for a sheet beyond Excel's rows or columns.
 */
export function fitPlanToExcel(plan: WorkbookPlan): { plan: WorkbookPlan; notes: string[] } {
  const notes: string[] = [];
  const note = (m: string) => {
    if (!notes.includes(m)) notes.push(m);
  };
  const counts = { long: 0, broken: 0 };
  const headingsChanged: string[] = [];
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    extentCheck(sheet);
    const blocks = sheet.blocks.map((b) => {
      if (b.kind === "range") {
        const values = fitRows(b.values, counts);
        return values === b.values ? b : { ...b, values };
      }
      if (b.kind === "table") {
        const rows = fitRows(b.rows, counts);
        const fitted = fitTableHeadings(b.columns.map((c) => c.header));
        const labels = b.columns.map((c) => (typeof c.total === "string" && c.total !== "sum" ? fitValue(c.total, counts) : c.total));
        if (fitted.changed) headingsChanged.push(b.name);
        if (rows === b.rows && !fitted.changed && labels.every((l, i) => l === b.columns[i].total)) return b;
        const table: TableBlock = { ...b, rows, columns: b.columns.map((c, i) => ({ ...c, header: fitted.headers[i], total: labels[i] as TableBlock["columns"][number]["total"] })) };
        return table;
      }
      return { ...b, title: wellFormed(b.title), series: b.series.map((s) => ({ ...s, name: wellFormed(s.name) })) };
    });
    return { ...sheet, name: wellFormed(sheet.name).replace(CONTROL, " "), blocks, print: printFitted(sheet.print, note, sheet.name) };
  });
  if (counts.long > 0)
    note(`${counts.long} cell${counts.long === 1 ? " was" : "s were"} longer than Excel's ${EXCEL_LIMITS.cellText.toLocaleString("en-GB")} characters: cut there, ending "…".`);
  if (counts.broken > 0) note(`${counts.broken} cell${counts.broken === 1 ? "" : "s"} held half a character (a lone UTF-16 surrogate): shown as \uFFFD.`);
  if (headingsChanged.length > 0)
    note(`Table headings that were empty, over 255 characters or repeated were made legal for Excel (tables ${headingsChanged.join(", ")}).`);
  return { plan: { ...plan, sheets, properties: { ...plan.properties, title: wellFormed(plan.properties.title) } }, notes };
}
