/* eslint-disable no-control-regex -- this file looks for control characters on purpose */
/**
 * Safe with any text (issue 10 item 4, issue 16 item 5): whatever a scenario's text settings and a
 * staff list's text columns hold, the .xlsx is well-formed XML in every part, every table's column
 * names equal its header cells (as Excel reads both), and Excel's limits hold (32,767 characters
 * in a cell, 255 in a header or footer and a table column name, 31 in a sheet name, names unique).
 * Checked with xmllint (well-formedness) and, when ../shared/tools/ooxml is beside the repo, with
 * its ECMA-376 schema validation and Excel checks (validate.sh).
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { buildBoardPack } from "../../src/report/boardPack";
import { renderXlsx } from "../../src/xlsx/render";
import { decodeOoxmlText, ooxmlText } from "../../src/xlsx/ooxmlText";
import { cutText, EXCEL_LIMITS, fitHeaderFooter, fitPlanToExcel, fitTableHeadings, PlanTooLargeError } from "../../src/sheets/excelLimits";
import { columnLetters, type WorkbookPlan } from "../../src/sheets/plan";
import { HEADER, ROOT, sampleScenarioJson, sampleTable } from "../report/sample";
import { parseBoardScenario } from "../../src/report/scenario";

const GEN = { generatedOn: "2026-11-29", version: "0.1.0" };
const VALIDATE = path.join(ROOT, "..", "shared", "tools", "ooxml", "validate.sh");
const HAS_XMLLINT = spawnSync("sh", ["-c", "command -v xmllint"]).status === 0;

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/&amp;/g, "&");
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

interface PackFacts {
  parts: Map<string, string>;
  /** Problems found: empty when the pack keeps every rule checked here. */
  problems: string[];
}

/** Reads a pack's parts and checks the rules of this file (well-formedness separately, with xmllint). */
async function examine(xlsx: Buffer): Promise<PackFacts> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && /\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async("string"));
  const problems: string[] = [];
  const sst = [...(parts.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>(.*?)<\/si>/gs)].map((m) => xmlUnescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")));
  for (const [i, s] of sst.entries()) {
    if (decodeOoxmlText(s).length > EXCEL_LIMITS.cellText) problems.push(`shared string ${i} is ${decodeOoxmlText(s).length} characters`);
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) problems.push(`shared string ${i} holds a character XML cannot carry`);
  }
  // Sheets: names, and each sheet's cells by position.
  const wb = parts.get("xl/workbook.xml")!;
  const rels = parts.get("xl/_rels/workbook.xml.rels")!;
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const names: string[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const name = xmlUnescape(m[1]);
    names.push(name);
    if (name.length > EXCEL_LIMITS.sheetName) problems.push(`sheet name ${JSON.stringify(name)} over 31 characters`);
    const sheetPart = `xl/${target.get(m[2])!.replace(/^\/?xl\//, "")}`;
    const xml = parts.get(sheetPart)!;
    for (const hf of xml.matchAll(/<(oddHeader|oddFooter)>(.*?)<\/\1>/gs)) {
      const text = xmlUnescape(hf[2]);
      if (text.length > EXCEL_LIMITS.headerFooter) problems.push(`${name}: ${hf[1]} is ${text.length} characters`);
    }
    const cells = new Map<string, string>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const v = /<v>(.*?)<\/v>/s.exec(c[3] ?? "")?.[1];
      if (v !== undefined && /t="s"/.test(c[2])) cells.set(c[1], sst[Number(v)]);
    }
    // Tables on this sheet: column names equal header cells.
    const sheetRels = parts.get(sheetPart.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels")) ?? "";
    for (const t of sheetRels.matchAll(/Target="\.\.\/tables\/(table\d+\.xml)"/g)) {
      const table = parts.get(`xl/tables/${t[1]}`)!;
      const ref = /<table\b[^>]*\bref="([A-Z]+)(\d+):/.exec(table)!;
      const columnNames = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((x) => xmlUnescape(x[1]));
      const seen = new Set<string>();
      columnNames.forEach((cname, i) => {
        const decoded = decodeOoxmlText(cname);
        if (decoded.length > EXCEL_LIMITS.tableColumnName) problems.push(`${t[1]}: column ${i + 1} name is ${decoded.length} characters`);
        if (decoded.trim() === "") problems.push(`${t[1]}: column ${i + 1} has an empty name`);
        if (seen.has(decoded.toLowerCase())) problems.push(`${t[1]}: column name ${JSON.stringify(decoded)} repeated`);
        seen.add(decoded.toLowerCase());
        if (/[\u0000-\u001F]/.test(cname)) problems.push(`${t[1]}: column ${i + 1} name holds a raw control character`);
        const cell = cells.get(`${columnLetters(colIndex(ref[1]) + i)}${ref[2]}`);
        if (cell !== cname) problems.push(`${t[1]}: column ${i + 1} name ${JSON.stringify(cname)} but header cell ${JSON.stringify(cell)}`);
      });
    }
  }
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) problems.push(`sheet names repeat: ${names.join(", ")}`);
  return { parts, problems };
}

/** xmllint --noout over every part: the names of the parts that are not well-formed, with its message. */
function notWellFormed(parts: Map<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-xml-"));
  try {
    const files = [...parts].map(([name, text], i) => {
      const file = path.join(dir, `${i}-${name.replace(/[^A-Za-z0-9.]/g, "_")}`);
      fs.writeFileSync(file, text, "utf8");
      return file;
    });
    const r = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
    return r.status === 0 ? "" : r.stderr.slice(0, 2000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample scenario with its text settings replaced; partner names stay distinct and the LEAD line names its partner. */
function scenarioWith(text: { title: string; organisation: string; marking: string; pool: string; partners: string[]; lines: string[] }) {
  const json = sampleScenarioJson() as Record<string, any>;
  const pool = json.pool;
  const partners = pool.partners.map((_: string, i: number) => `${text.partners[i] ?? ""} #${i + 1}`);
  pool.lines.forEach((l: Record<string, any>, i: number) => {
    l.name = `${text.lines[i] ?? ""} line ${i + 1}`;
    if (l.riskShare?.method === "LEAD") l.riskShare.parameters = [partners[1]];
  });
  return parseBoardScenario({ ...json, title: text.title, organisation: text.organisation, protectiveMarking: text.marking, includeNames: true, pool: { ...pool, name: text.pool, partners } });
}

const TEXT_COLUMNS = ["Employee reference", "Name", "Staff group", "Current employer"].map((h) => HEADER.indexOf(h));

function staffWith(texts: string[][]): unknown[][] {
  const table = sampleTable().slice(0, 13);
  return table.map((row, r) => {
    if (r === 0) return row;
    const out = [...row];
    TEXT_COLUMNS.forEach((c, k) => {
      const t = texts[r - 1]?.[k];
      if (t !== undefined) out[c] = c === TEXT_COLUMNS[0] ? `${t}-${r}` : t; // references stay unique
    });
    return out;
  });
}

const HOSTILE = [
  "\u0007bell\u0000nul",
  "tab\there\nline\rreturn",
  "_x0041_ literal escape",
  "\uFFFE\uFFFF",
  "\uD800 lone high, lone low \uDC00",
  "=1+1",
  "<tag attr=\"x\">&amp;</tag>",
  "💷 emoji",
  "&P&N&&",
];

describe("text escaped as Excel carries it", () => {
  it("escapes control characters, U+FFFE/U+FFFF and a literal _xHHHH_, and decodes back", () => {
    expect(ooxmlText("a\tb\nc\u0007")).toBe("a_x0009_b_x000A_c_x0007_");
    expect(ooxmlText("_x0041_")).toBe("_x005F_x0041_");
    expect(ooxmlText("\uFFFF\u0000")).toBe("_xFFFF__x0000_");
    expect(ooxmlText("plain £ text _x12_")).toBe("plain £ text _x12_");
    for (const s of HOSTILE) expect(decodeOoxmlText(ooxmlText(s))).toBe(s);
  });

  it("cuts text with an ellipsis without splitting a character", () => {
    expect(cutText("abcdef", 4)).toBe("abc…");
    expect(cutText("ab💷", 3)).toBe("ab…");
    expect(cutText("ab", 4)).toBe("ab");
  });

  it("fits a footer into 255 characters by cutting the title (the centre) first", () => {
    const { parts, cut } = fitHeaderFooter({ left: "OFFICIAL-SENSITIVE", center: "T".repeat(400), right: "Page {page} of {pages}" });
    expect(cut).toBe(true);
    const coded = `&L${parts.left}&C${parts.center}&R${parts.right!.replace("{page}", "&P").replace("{pages}", "&N")}`;
    expect(coded.length).toBe(255);
    expect(parts.center!.endsWith("…")).toBe(true);
    expect(parts.left).toBe("OFFICIAL-SENSITIVE");
    expect(fitHeaderFooter({ left: "&".repeat(300) }).parts.left!.length).toBeLessThanOrEqual(127);
  });

  it("makes table headings legal: not empty, at most 255 characters, unique regardless of case", () => {
    const { headers } = fitTableHeadings(["A", "a", "", "x".repeat(300), "A"]);
    expect(headers[0]).toBe("A");
    expect(headers[1]).toBe("a (2)");
    expect(headers[2]).toBe("Column 3");
    expect(headers[3]).toHaveLength(255);
    expect(headers[4]).toBe("A (3)");
  });

  it("refuses a sheet beyond Excel's columns, naming the sheet", () => {
    const plan: WorkbookPlan = {
      properties: { title: "T", version: "1", created: "2026-01-01" },
      sheets: [{ key: "k", name: "Pool statement", columnWidths: [], print: { orientation: "landscape", paper: "A4", fitToWidth: true, footer: { left: "M" } }, blocks: [{ kind: "range", row: 0, col: 16_380, values: [[1, 2, 3, 4, 5]] }] }],
    };
    expect(() => fitPlanToExcel(plan)).toThrow(PlanTooLargeError);
    expect(() => fitPlanToExcel(plan)).toThrow(/"Pool statement" sheet would need 16,385 columns .* an Excel worksheet has 16,384/);
  });
});

const describeXml = HAS_XMLLINT ? describe : describe.skip;

describeXml("a pack from hostile text (xmllint)", () => {
  it("every text setting and staff text column holding control characters, U+FFFE, NUL, _x0041_, lone surrogates: well-formed, headings equal, limits kept", async () => {
    const big = "Ω".repeat(40_000);
    const scenario = scenarioWith({
      // The scenario allows 200 characters; ampersands are doubled in a footer, so this one needs cutting there.
      title: `Title ${HOSTILE.join(" ")} `.padEnd(200, "&"),
      organisation: HOSTILE.join("|"),
      marking: "OFFICIAL\u0007SENSITIVE",
      pool: `Pool ${HOSTILE[1]}`,
      partners: [HOSTILE[0], `${HOSTILE[2]} ${"p".repeat(300)}`, HOSTILE[3]],
      lines: HOSTILE,
    });
    const table = staffWith(HOSTILE.map((h, i) => [h, i === 0 ? big : h, h, h]));
    const pack = buildBoardPack({ table, scenario, ...GEN });
    const notes: string[] = [];
    const xlsx = await renderXlsx(pack.workbook, { onNote: (n) => notes.push(n) });
    const facts = await examine(xlsx);
    expect(facts.problems).toEqual([]);
    expect(notWellFormed(facts.parts)).toBe("");
    expect(notes.join(" ")).toMatch(/longer than Excel's 32,767 characters/);
    expect(notes.join(" ")).toMatch(/footer of "Board summary" was longer than Excel's 255 characters/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-hostile-"));
    fs.writeFileSync(path.join(dir, "hostile.xlsx"), xlsx);
    if (fs.existsSync(VALIDATE)) {
      const r = spawnSync("bash", [VALIDATE, path.join(dir, "hostile.xlsx"), "hostile-pack"], { encoding: "utf8", env: { ...process.env, OOXML_RUNS: dir } });
      expect(r.stdout).toContain("RESULT: schema=ok checks=ok");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("any Unicode string in every text setting and staff text column gives a well-formed pack whose headings equal their cells and whose limits hold", async () => {
    const text = fc.string({ unit: "binary", maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: fc.string({ unit: "binary", maxLength: 100 }),
          organisation: fc.string({ unit: "binary", maxLength: 100 }),
          marking: text,
          pool: text,
          partners: fc.array(text, { minLength: 3, maxLength: 3 }),
          lines: fc.array(text, { minLength: 5, maxLength: 5 }),
          staff: fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { minLength: 12, maxLength: 12 }),
        }),
        async (t) => {
          let scenario;
          try {
            scenario = scenarioWith(t);
          } catch (e) {
            // A refusal is allowed only with a message that names what to change.
            expect((e as Error).message).toMatch(/\S/);
            return;
          }
          const pack = buildBoardPack({ table: staffWith(t.staff), scenario, ...GEN });
          const facts = await examine(await renderXlsx(pack.workbook));
          expect(facts.problems).toEqual([]);
          expect(notWellFormed(facts.parts)).toBe("");
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), seed: 20261207 },
    );
  }, 300_000);
});

describe("the demo pack against the ECMA-376 schemas and Excel's rules (../shared/tools/ooxml/validate.sh)", () => {
  const run = fs.existsSync(VALIDATE) && HAS_XMLLINT ? it : it.skip;
  run("is valid in every part with no Excel error", async () => {
    const json = sampleScenarioJson();
    const pack = buildBoardPack({ table: sampleTable(), scenario: parseBoardScenario(json), ...GEN });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-demo-"));
    const file = path.join(dir, "board-pack.xlsx");
    fs.writeFileSync(file, await renderXlsx(pack.workbook));
    const out = execFileSync("bash", [VALIDATE, file, "demo-pack"], { encoding: "utf8", env: { ...process.env, OOXML_RUNS: dir } });
    expect(out).toContain("RESULT: schema=ok checks=ok");
    expect(out).not.toMatch(/^WARN .*no cached value/m);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
