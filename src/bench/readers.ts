/**
 * Reading staff files (src/intake/readers): the time and peak memory to read the large cases of
 * issues 9 and 16, each in a process of its own (the file is made by another process first, so the
 * peak memory is the reading's own):
 *
 * - an ESR-style CSV export of 100,000 staff (title rows above the header, columns we do not use),
 *   read and checked by the intake (issue 9: under 1 s on this machine);
 * - the same as an .xlsx;
 * - a CSV just under the 100 MB limit, and one of 200 MB (refused by its size);
 * - an .xlsx of about 50 MB (the goal: read within 1 GB);
 * - 3,000 staff with and without a stray cell at XFD1 and at A1048576 (the same cost).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { nowNs, peakRssBytes, secondsSince } from "./measure";
import { staffTable } from "./staffList";
import { readStaffFile } from "../intake/readers";
import { readStaffTable } from "../intake";
import { zipBytes } from "../testSupport/zipBytes";
import type { RawCell } from "../intake/rawTable";
import { columnLetters } from "../engine/columnLetters";

export interface ReaderCase {
  name: string;
  /** Makes the file; returns a description of it. */
  make(file: string): string;
  /** Also check the rows with the intake (vocabulary, normalisers, validation). */
  check: boolean;
}

export interface ReaderFigures {
  bytes: number;
  readSeconds: number;
  checkSeconds: number | null;
  rows: number;
  staffRows: number | null;
  refused: string | null;
  peakRssBytes: number;
  /** Processor time (user + system, all of the process's threads) of reading and checking: less moved by other work on the machine than the elapsed time. */
  cpuSeconds: number;
}

const TITLE_ROWS = [["Staff in Post - Detail"], ["Organisation: 123 Northshire NHS Trust"], ["Run date: 01-DEC-2026"], []];
const EXTRA = ["Position Title", "Location"];

function esrRows(n: number): unknown[][] {
  const t = staffTable(n);
  return [...TITLE_ROWS, [...(t[0] as string[]), ...EXTRA], ...t.slice(1).map((r, i) => [...r, i % 2 ? "Social Worker" : "Staff Nurse", "Northshire"])];
}

function csvText(rows: readonly unknown[][]): string {
  const cell = (c: unknown) => {
    const s = c === null || c === undefined ? "" : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";


function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sheet XML rows as Excel writes them (numbers as <v>, text inline as openpyxl and LibreOffice may), for row numbers from `first`. */
function sheetRowsXml(rows: readonly unknown[][], first: number): string {
  let out = "";
  rows.forEach((row, i) => {
    const r = first + i;
    out += `<row r="${r}">`;
    row.forEach((c, k) => {
      if (c === null || c === undefined || c === "") return;
      out += typeof c === "number" ? `<c r="${columnLetters(k)}${r}"><v>${c}</v></c>` : `<c r="${columnLetters(k)}${r}" t="inlineStr"><is><t>${xmlText(String(c))}</t></is></c>`;
    });
    out += "</row>";
  });
  return out;
}

function xlsxBytes(sheetXmlRows: Buffer[]): Buffer {
  const sheet = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`), ...sheetXmlRows, Buffer.from("</sheetData></worksheet>")]);
  return zipBytes([
    { name: "[Content_Types].xml", data: Buffer.from(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    { name: "_rels/.rels", data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Staff in Post" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
  ]);
}

function xlsxOf(rows: readonly unknown[][], stray: { rowXml: string } | null = null): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < rows.length; i += 10_000) parts.push(Buffer.from(sheetRowsXml(rows.slice(i, i + 10_000), i + 1)));
  if (stray) parts.push(Buffer.from(stray.rowXml));
  return xlsxBytes(parts);
}

function staffWithStray(where: "XFD1" | "A1048576" | null): Buffer {
  const rows = staffTable(3000);
  if (where === "XFD1") {
    const xml = sheetRowsXml(rows, 1).replace(/^(<row r="1">.*?)(<\/row>)/, `$1<c r="XFD1" t="inlineStr"><is><t>x</t></is></c>$2`);
    return xlsxBytes([Buffer.from(xml)]);
  }
  return xlsxOf(rows, where === "A1048576" ? { rowXml: `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>` } : null);
}

export const READER_CASES: readonly ReaderCase[] = [
  {
    name: "ESR-style CSV export, 100,000 staff (title rows, unused columns), read and checked",
    check: true,
    make: (file) => {
      fs.writeFileSync(file, csvText(esrRows(100_000)));
      return "CSV";
    },
  },
  {
    name: "the same export as an .xlsx, read and checked",
    check: true,
    make: (file) => {
      fs.writeFileSync(file, xlsxOf(esrRows(100_000)));
      return ".xlsx";
    },
  },
  {
    name: "a CSV of 80 MB (about 800,000 rows), read",
    check: false,
    make: (file) => {
      const one = csvText(esrRows(1000).slice(5));
      const target = 80_000_000;
      const fd = fs.openSync(file, "w");
      fs.writeSync(fd, csvText([esrRows(0)[4]]));
      let size = 0;
      while (size + one.length < target) size += fs.writeSync(fd, one);
      fs.closeSync(fd);
      return "CSV";
    },
  },
  {
    name: "a CSV of 200 MB (refused by its size, before reading)",
    check: false,
    make: (file) => {
      fs.writeFileSync(file, "Employee reference\n");
      fs.truncateSync(file, 200 * 1000 * 1000);
      return "CSV";
    },
  },
  {
    name: "an .xlsx of about 50 MB (Excel's 1,048,576 rows of staff), read",
    check: false,
    make: (file) => {
      const block = esrRows(10_000).slice(5);
      const parts: Buffer[] = [Buffer.from(sheetRowsXml([esrRows(0)[4]], 1))];
      for (let first = 2; first + block.length - 1 <= 1_048_576; first += block.length) parts.push(Buffer.from(sheetRowsXml(block, first)));
      fs.writeFileSync(file, xlsxBytes(parts));
      return ".xlsx";
    },
  },
  { name: "3,000 staff (.xlsx)", check: true, make: (file) => (fs.writeFileSync(file, staffWithStray(null)), ".xlsx") },
  { name: "3,000 staff and a stray cell at XFD1", check: true, make: (file) => (fs.writeFileSync(file, staffWithStray("XFD1")), ".xlsx") },
  { name: "3,000 staff and a stray cell at A1048576", check: true, make: (file) => (fs.writeFileSync(file, staffWithStray("A1048576")), ".xlsx") },
];

export function readerCaseFile(index: number): string {
  return path.join(os.tmpdir(), `caretrust-bench-reader-${process.ppid}-${index}.dat`);
}

/** Makes case `index`'s file (in a process of its own). */
export function makeReaderCase(index: number): { bytes: number } {
  const file = readerCaseFile(index);
  READER_CASES[index].make(file);
  return { bytes: fs.statSync(file).size };
}

const countHeadings = (row: readonly RawCell[]) => row.filter((c) => typeof c === "string" && c.trim() !== "").length;

/** Reads case `index`'s file and checks its rows; removes the file. */
export async function readReaderCase(index: number): Promise<ReaderFigures> {
  const file = readerCaseFile(index);
  const bytes = fs.statSync(file).size;
  try {
    const c0 = process.cpuUsage();
    const cpuSeconds = () => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1e6;
    };
    const t0 = nowNs();
    let raw;
    try {
      raw = await readStaffFile(file, { scoreHeader: countHeadings });
    } catch (e) {
      return { bytes, readSeconds: secondsSince(t0), checkSeconds: null, rows: 0, staffRows: null, refused: (e as Error).message.slice(0, 160), peakRssBytes: peakRssBytes(), cpuSeconds: cpuSeconds() };
    }
    const readSeconds = secondsSince(t0);
    let checkSeconds: number | null = null;
    let staffRows: number | null = null;
    if (READER_CASES[index].check) {
      const t1 = nowNs();
      const result = readStaffTable(raw, { targetTerms: "AFC" });
      checkSeconds = secondsSince(t1);
      staffRows = result.members.length;
    }
    return { bytes, readSeconds, checkSeconds, rows: raw.rows.length, staffRows, refused: null, peakRssBytes: peakRssBytes(), cpuSeconds: cpuSeconds() };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
