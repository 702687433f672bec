/**
 * Hostile and broken input, as a careless or malicious user would give it (issue 16). Every case is
 * made on the fly (nothing large on disk) and states its expected outcome; they run through
 * `caretrust board` as a user runs it, or through the reader where the outcome is the reader's.
 * Unit tests beside the code pin the details (tests/intake/readers, tests/cli, tests/report).
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/commands";
import { readStaffFile } from "../../src/intake/readers";
import { staffTable } from "../excel/staffFixtures";
import { inlineRow, workbookParts, zipBytes } from "../../src/testSupport/zipBytes";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-hostile-"));
const scenario = path.join(dir, "scenario.json");
fs.writeFileSync(scenario, JSON.stringify({ targetTerms: "NJC", protection: { policy: "CASH", years: 2 }, lgpsEmployerRate: "19%" }));
const table = staffTable(20);
const csvOf = (rows: readonly (readonly unknown[])[], sep = ",") => rows.map((r) => r.map((c) => String(c ?? "")).join(sep)).join("\r\n") + "\r\n";
const at = (name: string) => path.join(dir, name);

async function board(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += typeof s === "string" ? s : Buffer.from(s).toString("latin1")), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(["board", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
const costed = (stdout: string) => /Staff costed \(FTE\) +(\d+)/.exec(stdout)?.[1];
/** How many of `table` the scenario costs when it arrives as a clean UTF-8 CSV: every other form must cost the same. */
let cleanCount = "";
beforeAll(async () => {
  fs.writeFileSync(at("clean.csv"), csvOf(table));
  const r = await board(at("clean.csv"), "--scenario", scenario, "--out", at("clean.xlsx"));
  cleanCount = costed(r.stdout) ?? "none";
  expect(Number(cleanCount)).toBeGreaterThan(10);
});
const headline = (stdout: string) => stdout.split("\n").slice(1).join("\n");

/** LibreOffice converts a CSV to .xls or .ods (a profile of its own, so parallel runs do not collide); null if it is not installed. */
function libreOffice(csv: string, format: "xls" | "ods"): string | null {
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/lo-profile`, "--headless", "--convert-to", format, "--outdir", dir, csv], { stdio: "ignore", timeout: 60000 });
    const out = csv.replace(/\.csv$/, `.${format}`);
    return fs.existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

describe("files that are not what their name says", () => {
  const csv = at("lo.csv");
  fs.writeFileSync(csv, csvOf(table));

  it("an .xls (Excel 97-2003, made by LibreOffice) named .xlsx: says it is an .xls and how to save it; exit 1", async () => {
    const xls = libreOffice(csv, "xls") ?? (console.warn("soffice missing: a synthetic .xls header is used"), null);
    const bytes = xls ? fs.readFileSync(xls) : Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]);
    fs.writeFileSync(at("renamed-xls.xlsx"), bytes);
    const r = await board(at("renamed-xls.xlsx"), "--scenario", scenario, "--out", at("o1.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is an Excel 97-2003 workbook \(\.xls\), an old format not read here: open it in Excel \(or LibreOffice Calc\) and save it as "Excel Workbook \(\.xlsx\)"/);
    expect(fs.existsSync(at("o1.xlsx"))).toBe(false);
  });

  it("an .ods (made by LibreOffice): says it is an OpenDocument spreadsheet and how to save it; exit 1", async () => {
    const ods = libreOffice(csv, "ods");
    const bytes = ods ? fs.readFileSync(ods) : zipBytes([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }]);
    fs.writeFileSync(at("list.ods"), bytes);
    const r = await board(at("list.ods"), "--scenario", scenario, "--out", at("o2.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is an OpenDocument spreadsheet \(\.ods\), which is not read here/);
  });

  it("an encrypted (password-protected) .xlsx: says so and how to remove the password; exit 1", async () => {
    fs.writeFileSync(at("locked.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(10), Buffer.from("EncryptedPackage", "utf16le")]));
    const r = await board(at("locked.xlsx"), "--scenario", scenario, "--out", at("o3.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/password-protected \(encrypted\) workbook.*remove the password/);
  });

  it("a valid .xlsx named .xlsm or .csv: read as the workbook it is; all costed as from a clean CSV", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Staff").addRows(table);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (const name of ["macro.xlsm", "really-xlsx.csv"]) {
      fs.writeFileSync(at(name), bytes);
      const r = await board(at(name), "--scenario", scenario, "--out", at(`${name}.xlsx`));
      expect(r.code).toBe(0);
      expect(costed(r.stdout)).toBe(cleanCount);
    }
  });

  it("Excel's Unicode Text (UTF-16 LE, tab separated) and a semicolon Windows-1252 CSV: read, said how; all costed as from a clean CSV", async () => {
    fs.writeFileSync(at("unicode.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(table, "\t"), "utf16le")]));
    const r = await board(at("unicode.txt"), "--scenario", scenario, "--out", at("o4.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Read as UTF-16 (little endian, with a byte order mark)");
    expect(costed(r.stdout)).toBe(cleanCount);
    fs.writeFileSync(at("semicolon.csv"), Buffer.from(csvOf(table.map((row, i) => (i === 1 ? row.map((c) => (c === "" ? c : c)) : row)), ";"), "latin1"));
    const s = await board(at("semicolon.csv"), "--scenario", scenario, "--out", at("o5.xlsx"));
    expect(s.stderr).toContain("Read as semicolon-separated (told by the file's content).");
    expect(costed(s.stdout)).toBe(cleanCount);
  });

  it("a PDF, an empty file, a folder: each says what it is; exit 1", async () => {
    fs.writeFileSync(at("list.pdf"), "%PDF-1.7\n%âãÏÓ\n");
    expect((await board(at("list.pdf"), "--scenario", scenario)).stderr).toMatch(/is a PDF, not a staff list/);
    fs.writeFileSync(at("empty.csv"), "");
    expect((await board(at("empty.csv"), "--scenario", scenario)).stderr).toMatch(/empty\.csv" is empty\./);
    expect((await board(dir, "--scenario", scenario)).stderr).toMatch(/is a folder, not a file/);
  });
});

describe("damaged and hostile workbooks", () => {
  const goodSheet = table.map((row, i) => inlineRow(i + 1, row)).join("");

  it("a zip entry whose CRC check fails: refused as damaged, no pack; exit 1", async () => {
    const parts = workbookParts([{ name: "Staff", sheetData: goodSheet }]);
    parts[4] = { ...parts[4], declaredCrc: 0xdeadbeef };
    fs.writeFileSync(at("badcrc.xlsx"), zipBytes(parts));
    const r = await board(at("badcrc.xlsx"), "--scenario", scenario, "--out", at("o6.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is damaged and cannot be read \(part xl\/worksheets\/sheet1\.xml fails its CRC check\)/);
    expect(fs.existsSync(at("o6.xlsx"))).toBe(false);
  });

  it("a zip bomb (a 200 MB sheet packed into 200 kB): refused on its declared sizes before inflating, with little memory", async () => {
    const row = inlineRow(2, ["N1", "Ann"]);
    const sheet = Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(Math.ceil(200e6 / row.length))}</sheetData></worksheet>`);
    const parts = workbookParts([{ name: "Staff", sheetData: "" }]);
    parts[4] = { name: parts[4].name, data: sheet };
    const bytes = zipBytes(parts);
    expect(bytes.length).toBeLessThan(1e6);
    fs.writeFileSync(at("bomb.xlsx"), bytes);
    const before = process.memoryUsage().rss;
    const r = await board(at("bomb.xlsx"), "--scenario", scenario, "--out", at("o7.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/looks like a zip bomb and is not read/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
  });

  it("a part that inflates to more than it declares: stopped at the declared size; a DOCTYPE with entities: refused", async () => {
    const lying = workbookParts([{ name: "Staff", sheetData: goodSheet.repeat(50) }]);
    lying[4] = { ...lying[4], declaredSize: 1000 };
    await expect(readStaffFile(zipBytes(lying))).rejects.toThrow(/inflates to more than the 1 kB the zip declares/);
    const laughs = workbookParts([{ name: "Staff", sheetData: "" }]);
    laughs[4] = { name: laughs[4].name, data: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${"a".repeat(10)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>` };
    await expect(readStaffFile(zipBytes(laughs))).rejects.toThrow(/declares its own XML entities or document type/);
  });

  it("3,000 staff plus a stray cell at XFD1 or at A1048576: the same figures as without it (the stray cell's row is reported, not costed)", async () => {
    const staff = staffTable(3000);
    const write = async (name: string, stray: string | null) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Staff");
      ws.addRows(staff);
      if (stray) ws.getCell(stray).value = "x";
      await wb.xlsx.writeFile(at(name));
      return at(name);
    };
    const plain = await board(await write("plain3000.xlsx", null), "--scenario", scenario, "--out", at("p0.xlsx"), "--date", "2026-12-01");
    expect(Number(costed(plain.stdout))).toBeGreaterThan(1000);
    for (const stray of ["XFD1", "A1048576"]) {
      const file = await write(`stray-${stray}.xlsx`, stray);
      const raw = await readStaffFile(file);
      expect(raw.rows.length).toBe(3001 + (stray === "A1048576" ? 1 : 0));
      const r = await board(file, "--scenario", scenario, "--out", at(`p-${stray}.xlsx`), "--date", "2026-12-01");
      const figures = (out: string) => headline(out).split("\n").filter((l) => l.includes("£") || l.includes("Staff costed")).join("\n");
      expect(figures(r.stdout)).toBe(figures(plain.stdout));
    }
  });

  it("a sheet of 1,048,576 rows: read in full (no 'Invalid string length'), one row per sheet row", async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const bytes = zipBytes(workbookParts([{ name: "Big", sheetData: rows.join("") }]));
    rows.length = 0;
    const t = await readStaffFile(bytes);
    expect(t.rows.length).toBe(1_048_576);
    expect(t.rows[1_048_575]).toEqual([1_048_576]);
  });

  it("a 50 MB text node in one cell (stored, not compressed): that cell reported as over Excel's 32,767 characters, never held whole", async () => {
    const parts = workbookParts([{ name: "S", sheetData: "" }]);
    const huge = Buffer.alloc(50e6, "a");
    parts[4] = { name: parts[4].name, data: Buffer.concat([Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'), huge, Buffer.from('</t></is></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>')]), method: 0 };
    const before = process.memoryUsage().rss;
    const t = await readStaffFile(zipBytes(parts));
    expect(t.rows).toEqual([[null, 2]]);
    expect(t.problems![0].message).toMatch(/^Cell A1 holds more than 32,767 characters, Excel's limit for a cell: shorten it\.$/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200e6);
  });

  it("a formula saved without its result, 1e400 and an Excel error in cells: those cells reported by cell, the rest read", async () => {
    const sheet = inlineRow(1, ["Ref", "FTE", "London weighting"]) + `<row r="2"><c r="A2" t="inlineStr"><is><t>N1</t></is></c><c r="B2"><f>1/0</f></c><c r="C2"><v>1e400</v></c></row><row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="B3"><v>1</v></c><c r="C3"><v>1e300</v></c></row>`;
    const t = await readStaffFile(zipBytes(workbookParts([{ name: "S", sheetData: sheet }])));
    expect(t.problems!.map((p) => [p.rowNumber, p.column])).toEqual([[2, 1], [2, 2], [3, 0]]);
    // 1e300 is a number Excel holds: the intake's plausible ranges judge it (issue 16 item 9, INTAKE).
    expect(t.rows[2]).toEqual([null, 1, 1e300]);
  });
});

describe("hostile CSVs", () => {
  it("a stray quote in a name (Rosa O\"Brien): read as Excel reads it; all costed as from a clean CSV", async () => {
    const rows = table.map((r, i) => (i === 7 ? r.map((c, k) => (k === 1 ? 'Rosa O"Brien' : c)) : r));
    fs.writeFileSync(at("quote.csv"), csvOf(rows));
    const r = await board(at("quote.csv"), "--scenario", scenario, "--out", at("q.xlsx"));
    expect(r.code).toBe(0);
    expect(costed(r.stdout)).toBe(cleanCount);
  });

  it("a quote that never closes: that row reported by number, the others costed", async () => {
    const rows = table.map((r, i) => (i === 7 ? r.map((c, k) => (k === 1 ? '"Rosa' : c)) : r));
    fs.writeFileSync(at("unclosed.csv"), csvOf(rows));
    const r = await board(at("unclosed.csv"), "--scenario", scenario, "--out", at("u.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Row 8 cannot be read: a field starts with a quote (\") that is never closed.");
    expect(Number(costed(r.stdout))).toBe(Number(cleanCount) - 1);
  });

  it("ESC, NUL and BEL in cells: shown escaped on the terminal, never raw", async () => {
    const rows = table.map((r, i) => (i === 3 ? r.map((c, k) => (k === 7 ? "\u001b]0;pwned\u0007\u0000" : c)) : r));
    fs.writeFileSync(at("controls.csv"), csvOf(rows));
    const r = await board(at("controls.csv"), "--scenario", scenario, "--out", at("c.xlsx"));
    expect(r.stderr).toContain("\\u001b]0;pwned\\u0007\\u0000");
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it("a 200 MB CSV: refused at once by its size, saying the limit and what to do (nothing read)", async () => {
    const big = at("huge.csv");
    fs.writeFileSync(big, "Ref\n");
    fs.truncateSync(big, 200e6); // sparse: nothing written to disk
    const r = await board(big, "--scenario", scenario, "--out", at("h.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.csv" is 200 MB, more than the 100 MB a staff list may be here\. A list of 100,000 people is about 20 MB: save only the staff table/);
  });
});

describe("output paths", () => {
  const staff = at("out-staff.csv");
  fs.writeFileSync(staff, csvOf(table));

  it("--out a symlink or a hard link to the staff list or scenario: refused, inputs untouched; exit 2", async () => {
    const before = fs.readFileSync(staff, "utf8");
    fs.symlinkSync(staff, at("sym.xlsx"));
    fs.linkSync(scenario, at("hard.xlsx"));
    for (const out of [at("sym.xlsx"), at("hard.xlsx")]) {
      const r = await board(staff, "--scenario", scenario, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the same file as the input .* \(through a link\)/);
    }
    expect(fs.readFileSync(staff, "utf8")).toBe(before);
    expect(JSON.parse(fs.readFileSync(scenario, "utf8")).targetTerms).toBe("NJC");
  });

  it("--out an existing file the tool did not make (board minutes): refused and kept; --force replaces it", async () => {
    fs.writeFileSync(at("minutes.docx"), "Minutes of the board, 3 December");
    const r = await board(staff, "--scenario", scenario, "--out", at("minutes.docx"));
    expect(r.code).toBe(2);
    expect(fs.readFileSync(at("minutes.docx"), "utf8")).toBe("Minutes of the board, 3 December");
    expect((await board(staff, "--scenario", scenario, "--out", at("minutes.docx"), "--force")).code).toBe(0);
  });

  it("an interrupted write leaves the previous pack and no temporary file (tests/cli/safeWrite.test.ts interrupts it part-way)", async () => {
    const out = at("again.xlsx");
    expect((await board(staff, "--scenario", scenario, "--out", out)).code).toBe(0);
    expect((await board(staff, "--scenario", scenario, "--out", out)).stdout).toMatch(/^Replaced .* \(it replaces the pack that was there\)/);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("hostile scenarios", () => {
  const staff = at("sc-staff.csv");
  fs.writeFileSync(staff, csvOf(table));
  const tryScenario = async (text: string) => {
    fs.writeFileSync(at("hostile.json"), text);
    return board(staff, "--scenario", at("hostile.json"), "--out", at("sc.xlsx"));
  };

  it("targetTerms given twice: reported, no pack; exit 1", async () => {
    const r = await tryScenario('{"targetTerms": "NJC", "protection": "NONE", "targetTerms": "AFC"}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/targetTerms: given twice/);
  });

  it("an array nested 100,000 deep in the title: refused cleanly, no stack overflow", async () => {
    const r = await tryScenario(`{"targetTerms": "NJC", "title": ${"[".repeat(100000)}${"]".repeat(100000)}}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nested more than 32 deep/);
    expect(r.stderr).not.toMatch(/Maximum call stack/);
  });

  it("pool contributions of 1e308 and 8,000 partners: named problems of those settings", async () => {
    const partners = Array.from({ length: 8000 }, (_, i) => `P${i}`);
    const r = await tryScenario(JSON.stringify({ targetTerms: "NJC", pool: { partners, lines: [{ name: "Care", contributions: partners.map(() => 1e308), expenditure: 1 }] } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pool\.partners: A pool's partners may number at most 50/);
    const one = await tryScenario(JSON.stringify({ targetTerms: "NJC", pool: { partners: ["A", "B"], lines: [{ name: "Care", contributions: [1e308, 1], expenditure: 1 }] } }));
    expect(one.stderr).toMatch(/pool\.lines\[0\]\.contributions\[0\]: An amount of the pool must be from £0 to £10,000,000,000/);
  });

  it("a 1 MB note: refused as too long, quoted only in part", async () => {
    const r = await tryScenario(JSON.stringify({ targetTerms: "NJC", notes: "n".repeat(1_000_000) }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes: at most 10,000 characters; got 1,000,000/);
    expect(r.stderr.length).toBeLessThan(2000);
  });
});
