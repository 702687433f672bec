/**
 * LibreOffice headless for tests: a fresh profile seeded with OOXMLRecalcMode=0 so formulas are
 * recalculated on load (otherwise LibreOffice shows cached results: toolchain notes [2nd] C),
 * conversion to CSV (every sheet) and PDF, and pdftoppm for PNG pages.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";

export function sofficePath(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A new LibreOffice user profile that recalculates every formula on load. */
export function recalcProfile(): string {
  return profileWith(RECALC_PROFILE);
}

/** A new LibreOffice user profile that never recalculates on load (OOXMLRecalcMode=1): it shows the saved results, as a viewer does. */
export function noRecalcProfile(): string {
  return profileWith(RECALC_PROFILE.replace(/<value>0<\/value>/g, "<value>1</value>"));
}

function profileWith(settings: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), settings);
  return dir;
}

/** A formula cell of a saved .xlsx and the result saved with it. */
export interface SavedFormula {
  sheet: string;
  /** "B7" */
  ref: string;
  row: number;
  col: number;
  formula: string;
  /** The saved result (text as text, numbers and booleans as numbers), null when none is saved. */
  saved: string | number | null;
}

function xmlText(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Worksheet part path -> sheet name, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) out.set(`xl/${target.get(m[2])!.replace(/^\/?xl\//, "")}`, xmlText(m[1]));
  return out;
}

const FORMULA_CELL = /<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f>(?:<v>([^<]*)<\/v>)?<\/c>/g;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Every formula cell of every sheet of an .xlsx, with its saved result. */
export async function savedFormulas(xlsx: Buffer): Promise<SavedFormula[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: SavedFormula[] = [];
  for (const [part, sheet] of await sheetParts(zip)) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(FORMULA_CELL)) {
      const isText = /\bt="str"/.test(m[3]);
      const saved = m[5] === undefined ? null : isText ? xmlText(m[5]) : Number(m[5]);
      out.push({ sheet, ref: `${m[1]}${m[2]}`, row: Number(m[2]) - 1, col: columnIndex(m[1]), formula: xmlText(m[4]), saved });
    }
  }
  return out;
}

/** The .xlsx with every saved formula result removed (and the cells' result types), so only a recalculation can fill them. */
export async function stripSavedResults(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const part of (await sheetParts(zip)).keys()) {
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace(FORMULA_CELL, (_m, col: string, row: string, attrs: string, f: string) => `<c r="${col}${row}"${attrs.replace(/\s*t="[^"]*"/, "")}><f>${f}</f></c>`));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The .xlsx without its request for a full calculation on load (calcPr fullCalcOnLoad). */
export async function withoutFullCalcOnLoad(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", wb.replace(/\s*fullCalcOnLoad="1"/, ""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function soffice(profile: string, args: string[]): void {
  const bin = sofficePath();
  if (!bin) throw new Error("soffice not found");
  execFileSync(bin, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { stdio: "pipe", timeout: 180000 });
}

/** Every sheet to CSV, raw values, UTF-8: returns sheet name -> rows of cells. */
export function convertToCsvPerSheet(xlsx: string, outDir: string, profile: string): Map<string, string[][]> {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(profile, ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outDir, xlsx]);
  const stem = path.basename(xlsx, ".xlsx");
  const out = new Map<string, string[][]>();
  for (const f of fs.readdirSync(outDir)) {
    if (!f.startsWith(`${stem}-`) || !f.endsWith(".csv")) continue;
    out.set(f.slice(stem.length + 1, -4), parseCsv(fs.readFileSync(path.join(outDir, f), "utf8")));
  }
  return out;
}

export function convertToPdf(xlsx: string, outDir: string, profile: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(profile, ["--convert-to", "pdf", "--outdir", outDir, xlsx]);
  return path.join(outDir, `${path.basename(xlsx, ".xlsx")}.pdf`);
}

export function pdfToPngs(pdf: string, outPrefix: string, dpi = 60): string[] {
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, outPrefix], { stdio: "pipe" });
  const dir = path.dirname(outPrefix);
  const stem = path.basename(outPrefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
}

export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** A small RFC 4180 reader (quotes, doubled quotes, newlines in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
