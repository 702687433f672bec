/**
 * Layout helpers shared by the sheet builders: heights for wrapped table headings and column widths
 * that fit their text. Pure arithmetic on character counts (Excel column widths are in characters
 * of the default font; a bold heading is about 20% wider).
 */
import type { SheetPlan, TableBlock } from "./plan";

/** Points per line of 10-11pt text, and padding. */
const LINE_POINTS = 13;
const PADDING_POINTS = 3;

/** How many lines `text` takes wrapped at word boundaries in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor((width - 1) / 1.2));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) used = len;
    else if (used + 1 + len <= perLine) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** Row heights so every table heading on the sheet shows in full (headings wrap). */
export function headingHeights(sheet: SheetPlan): { row: number; height: number }[] {
  const out = new Map<number, number>(sheet.rowHeights?.map((h) => [h.row, h.height]) ?? []);
  for (const block of sheet.blocks) {
    if (block.kind !== "table") continue;
    const t = block as TableBlock;
    const lines = Math.max(...t.columns.map((c, i) => wrappedLines(c.header, sheet.columnWidths[t.col + i] ?? 9)));
    if (lines <= 1) continue;
    const height = lines * LINE_POINTS + PADDING_POINTS;
    out.set(t.row, Math.max(out.get(t.row) ?? 0, height));
  }
  return [...out].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** A column width that fits the longest of `texts` (sampled), between `min` and `max` characters. */
export function fitWidth(texts: Iterable<string>, min: number, max: number, sample = Infinity): number {
  let longest = 0;
  let k = 0;
  for (const t of texts) {
    if (t.length > longest) longest = t.length;
    if (++k >= sample) break;
  }
  return widthFitting(longest, min, max);
}

/** The width fitWidth gives for the longest text's length. */
export function widthFitting(longest: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, longest + 2));
}

/**
 * Text broken into lines of at most `width` characters at word boundaries, for a paragraph written
 * one line to a row (a cell that overflows to the right prints only as far as the page edge, and a
 * wrapped cell is only as wide as its column). Continuation lines are indented by `indent`.
 */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? (lines.length > 0 ? indent : "") + word : `${line} ${word}`;
    if (candidate.length > width && line !== "") {
      lines.push(line);
      line = indent + word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}
