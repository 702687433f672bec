import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/commands";
import { parseBoardArgs, staffHeadingCount, PROGRESS_ROWS } from "../../src/cli/board";
import { readStaffFile } from "../../src/intake/readers";
import { loadWorkbook } from "../../src/xlsx/read";
import { HEADER, ROOT } from "../report/sample";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-board-"));
const scenario = path.join(dir, "scenario.json");
fs.writeFileSync(scenario, JSON.stringify({ targetTerms: "NJC", protection: { policy: "CASH", years: 2 }, lgpsEmployerRate: "19%" }));
const good = ["N1", "Ann Example", "Nursing", "Trust", "AFC", "6", 2, 1, 4, "NHS", "29-31"];

describe("parseBoardArgs", () => {
  it("reads the staff list, options and defaults", () => {
    expect(parseBoardArgs([])).toEqual({ staff: null, sheet: null, scenario: null, out: path.join("out", "board-pack.xlsx"), force: false, names: false, date: null, help: false, includeHidden: false, strict: false });
    expect(parseBoardArgs(["s.csv", "--sheet", "Staff", "--scenario", "x.json", "--out=p.xlsx", "--names", "--date", "2026-01-31", "--strict", "--include-hidden"])).toMatchObject({ strict: true, includeHidden: true,
      staff: "s.csv",
      sheet: "Staff",
      scenario: "x.json",
      out: "p.xlsx",
      force: false,
      names: true,
      date: "2026-01-31",
      help: false,
    });
  });

  it("refuses unknown options, a second staff list, a missing value and a bad date", () => {
    expect(() => parseBoardArgs(["--colour"])).toThrow(/Unknown option --colour/);
    expect(() => parseBoardArgs(["a.csv", "b.csv"])).toThrow(/One staff list at a time/);
    expect(() => parseBoardArgs(["--out"])).toThrow(/--out needs a value/);
    expect(() => parseBoardArgs(["--date", "31/01/2026"])).toThrow(/YYYY-MM-DD/);
  });
});

describe("caretrust board", () => {
  it("writes the pack from a CSV, prints the problems to stderr and the headline to stdout, and says when it replaced a file", async () => {
    const csv = path.join(dir, "staff.csv");
    fs.writeFileSync(csv, [HEADER, good, ["N2", "", "Nursing", "Trust", "AFC", "6", 2, "full", 4, "NHS", "29-31"], ["", "", "", "", "", "", "", "", "", "", ""]].map((r) => r.join(",")).join("\n"));
    const out = path.join(dir, "pack.xlsx");
    const first = await run(["board", csv, "--scenario", scenario, "--out", out, "--date", "2026-11-29"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Row 3, FTE: FTE must be a number; got "full".');
    expect(first.stderr).not.toMatch(/Row 4/); // a blank row is not a person left out
    expect(first.stderr).toMatch(/WARNING: 1 person \(1 of 2 rows of .*staff\.csv\) left out of every figure/);
    // Row 3's FTE cannot be read, so its pay cannot be worked out: said, never counted as £0.
    expect(first.stderr).toContain("left out of every figure (their pay cannot be worked out (1 row without a readable pay point or FTE))");
    expect(first.stdout).toMatch(/^Wrote .*pack\.xlsx\n/);
    expect(first.stdout).toMatch(/Staff costed \(FTE\) +1 \(1\.00\)/);
    expect(first.stdout).toMatch(/Current terms, 2025\/26 +£\d{2},\d{3}\.\d{2}/);
    const wb = await loadWorkbook(fs.readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Board summary", "Detail", "Projection", "Assumptions and sources", "Rows left out"]);

    const again = await run(["board", csv, "--scenario", scenario, "--out", out, "--date", "2026-11-29"]);
    expect(again.stdout).toMatch(/^Replaced .*pack\.xlsx \(it replaces the pack that was there\)/);
  });

  it("tells the rows left out for want of the same unsocial-hours rate once, naming the setting, and lists each row in the pack", async () => {
    const csv = path.join(dir, "rates.csv");
    const head = [...HEADER, "Unsocial hours nights and Saturdays"];
    const council = (ref: string) => [ref, "", "Social work", "Council", "NJC", "20", "", 1, 4, "LGPS", "5", 4];
    fs.writeFileSync(csv, [head, council("C1"), council("C2"), [...good.slice(0, 10), "5", ""], council("C3"), council("C4")].map((r) => r.join(",")).join("\n"));
    const noRates = path.join(dir, "rates.json");
    fs.writeFileSync(noRates, JSON.stringify({ targetTerms: "AFC", lgpsEmployerRate: "19%" }));
    const out = path.join(dir, "rates.xlsx");
    const r = await run(["board", csv, "--scenario", noRates, "--out", out]);
    expect(r.code).toBe(0);
    const message =
      "4 rows need one rate for nights and Saturdays on the current council (NJC) terms: set currentTerms.NJC.unsocialRates.nightsAndSaturdays in the scenario";
    expect(r.stderr.split(message)).toHaveLength(2); // said once
    expect(r.stderr).toContain("Rows 2 to 3, 5 to 6.");
    expect(r.stderr).not.toMatch(/cannot be costed/);
    expect(r.stderr).toMatch(/WARNING: 4 people \(4 of 5 rows of .*rates\.csv\) left out of every figure \(.*\); 4 of them for want of currentTerms\.NJC\.unsocialRates\.nightsAndSaturdays in the scenario \(above\)/);
    // The pack still lists each row left out, with the engine's own message.
    const sheet = (await loadWorkbook(fs.readFileSync(out))).getWorksheet("Rows left out")!;
    const listed: string[] = [];
    sheet.eachRow((row) => {
      const text = String(row.getCell(3).value ?? "");
      if (/cannot be costed and is left out: The Green Book has no national rate for Saturdays/.test(text)) listed.push(`${row.getCell(1).value} ${text.slice(0, 2)}`);
    });
    expect(listed).toEqual(["2 C1", "3 C2", "5 C3", "6 C4"]);
    // Above the rows, the rate to give, once.
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    const at = texts.indexOf("Rates the scenario must give");
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toMatch(new RegExp(`^${message.replace(/[.()]/g, "\\$&")}`));
    expect(texts.filter((t) => t.startsWith("4 rows need"))).toHaveLength(1);
  });

  it("shows names only with --names", async () => {
    const csv = path.join(dir, "names.csv");
    fs.writeFileSync(csv, [HEADER, good].map((r) => r.join(",")).join("\n"));
    const out = path.join(dir, "names.xlsx");
    await run(["board", csv, "--scenario", scenario, "--out", out]);
    const without = await loadWorkbook(fs.readFileSync(out));
    expect(without.getWorksheet("Detail")!.getRow(5).values).not.toContain("Name");
    await run(["board", csv, "--scenario", scenario, "--out", out, "--names"]);
    const withNames = await loadWorkbook(fs.readFileSync(out));
    expect(withNames.getWorksheet("Detail")!.getRow(5).getCell(2).value).toBe("Name");
    expect(withNames.getWorksheet("Detail")!.getRow(6).getCell(2).value).toBe("Ann Example");
  });

  it("reads the sheet of an .xlsx holding the staff table, title rows above it, numbering problems by the sheet's rows", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Cover").getCell("A1").value = "Transfer of staff";
    const ws = wb.addWorksheet("Staff");
    ws.getCell("A1").value = "Transfer list (synthetic)";
    ws.addTable({ name: "Staff", ref: "B3", columns: HEADER.map((name) => ({ name })), rows: [good, ["N2", "", "Nursing", "Trust", "AFC", "6", 2, 1.5, 4, "NHS", "29-31"]] });
    const xlsx = path.join(dir, "staff.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const raw = await readStaffFile(xlsx, { scoreHeader: staffHeadingCount });
    expect(raw.rowNumbers.slice(0, 2)).toEqual([1, 3]);
    expect(raw.rows[1]).toEqual([null, ...HEADER]);
    const r = await run(["board", xlsx, "--scenario", scenario, "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Read sheet "Staff": its row 3 holds 11 staff-list headings');
    expect(r.stderr).toContain("Row 5, FTE: FTE must be more than 0 and at most 1");
    expect(r.stderr).toMatch(/1 person \(1 of 2 rows of .*staff\.xlsx, sheet "Staff"\) left out/);
    expect(r.stderr).toMatch(/Header row: row 3 \(1 row above it not read\)/);
    const named = await run(["board", xlsx, "--sheet", "Cover", "--scenario", scenario, "--out", path.join(dir, "x.xlsx")]);
    expect(named.stderr).toContain('Read sheet "Cover", as asked.');
  });

  it("reads a sheet without tables, formula results, and a pack it wrote itself", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("List");
    ws.addRow(HEADER);
    ws.addRow(good);
    ws.getCell("K2").value = { formula: '"29-"&"31"', result: "29-31" } as ExcelJS.CellFormulaValue;
    const xlsx = path.join(dir, "plain.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const t = await readStaffFile(xlsx);
    expect(t.source.sheet).toBe("List");
    expect(t.rows[1][10]).toBe("29-31");
    // A pack has tables with custom totals rows, which ExcelJS alone cannot read.
    const pack = path.join(dir, "pack-in.xlsx");
    await run(["board", "--out", pack]);
    const fromPack = await readStaffFile(pack);
    expect(fromPack.source.sheet).toBe("Board summary");
  });

  it("says what a file is when it is not a staff list it can read", async () => {
    const xls = path.join(dir, "old.xlsx");
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]));
    const r = await run(["board", xls, "--scenario", scenario, "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Cannot read the staff list: ".*old\.xlsx" is an Excel 97-2003 workbook \(\.xls\)/);
  });

  it("stops with a clear message on a bad scenario, a missing file or --out pointing at an input", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ targetTerms: "AFC", protection: { policy: "CASH" } }));
    const r1 = await run(["board", "--scenario", bad, "--out", path.join(dir, "y.xlsx")]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/protection.years: CASH protection needs a number of years/);
    const r2 = await run(["board", path.join(dir, "nope.csv"), "--scenario", scenario]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/Cannot read the staff list/);
    const csv = path.join(dir, "staff.csv");
    const r3 = await run(["board", csv, "--out", csv]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/is one of the input files/);
    const r4 = await run(["board", "--bogus"]);
    expect(r4.code).toBe(2);
  });

  it("never overwrites a file it did not write unless --force, writes to standard output with --out -", async () => {
    const minutes = path.join(dir, "minutes.xlsx");
    fs.writeFileSync(minutes, "Board minutes");
    const refused = await run(["board", "--out", minutes]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/minutes\.xlsx already exists and is not a pack this tool wrote, so it is not overwritten/);
    expect(fs.readFileSync(minutes, "utf8")).toBe("Board minutes");
    const forced = await run(["board", "--out", minutes, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Replaced .*minutes\.xlsx \(--force: it replaces the file that was there\)/);
    const piped = await run(["board", "--out", "-"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.slice(0, 2)).toBe("PK");
    expect(piped.stderr).toMatch(/Wrote the pack to standard output \([\d,]+ bytes\)\n +Staff costed/);
  });

  it("shows control characters from the staff list escaped on the terminal", async () => {
    const csv = path.join(dir, "controls.csv");
    fs.writeFileSync(csv, [HEADER, good, ["N2", "", "Nursing", "Trust", "AFC", "6", 2, "\u001b[2Jfull\u0007", 4, "NHS", "29-31"]].map((r) => r.join(",")).join("\n"));
    const r = await run(["board", csv, "--scenario", scenario, "--out", path.join(dir, "controls.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("\\u001b[2Jfull\\u0007");
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it("stops on a scenario with a key given twice, naming it", async () => {
    const dup = path.join(dir, "dup.json");
    fs.writeFileSync(dup, '{\n  "targetTerms": "NJC",\n  "protection": { "policy": "CASH", "years": 2 },\n  "targetTerms": "AFC"\n}\n');
    const r = await run(["board", "--scenario", dup, "--out", path.join(dir, "dup.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dup\.json: targetTerms: given twice \(lines 2 and 4\); JSON would silently keep only the last\. Delete one\./);
    expect(fs.existsSync(path.join(dir, "dup.xlsx"))).toBe(false);
  });

  it("refuses a staff list of your own without a scenario, pointing to caretrust init (the sample's assumptions are not yours)", async () => {
    const csv = path.join(dir, "own.csv");
    fs.writeFileSync(csv, [HEADER, ["N1", "", "Nursing", "Trust", "AFC", "6", 2, 1, 4, "NHS", "6"]].map((r) => r.join(",")).join("\n"));
    const out = path.join(dir, "own.xlsx");
    const r = await run(["board", csv, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No --scenario given/);
    expect(r.stderr).toContain(`caretrust init ${csv}`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("writes no pack and exits 2 when nothing can be costed, saying why", async () => {
    const csv = path.join(dir, "nothing.csv");
    fs.writeFileSync(csv, [[...HEADER, "Overtime hours"], [...good, 7]].map((r) => r.join(",")).join("\n"));
    const out = path.join(dir, "nothing.xlsx");
    const r = await run(["board", csv, "--scenario", scenario, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/STOP: Overtime hours: Column "Overtime hours" looks like an enhancement/);
    expect(r.stderr).toMatch(/Nothing in .*nothing\.csv could be costed: the list stops at the problem above\. No pack was written\./);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--strict makes a row left out a failure; --include-hidden is accepted", async () => {
    const csv = path.join(dir, "strict.csv");
    fs.writeFileSync(csv, [HEADER, good, ["N2", "", "Nursing", "Trust", "AFC", "6", 2, "full", 4, "NHS", "29-31"]].map((r) => r.join(",")).join("\n"));
    const out = path.join(dir, "strict.xlsx");
    const r = await run(["board", csv, "--scenario", scenario, "--out", out, "--strict", "--include-hidden"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--strict: rows were left out, so no pack was written/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("shows progress on large lists (as plain lines when stderr is not a terminal)", async () => {
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i <= PROGRESS_ROWS; i++) rows.push([`E${i}`, "", "Nursing", "Trust", "AFC", "5", 1 + (i % 3), 1, i % 20, "NHS", "5"]);
    const csv = path.join(dir, "large.csv");
    fs.writeFileSync(csv, rows.map((r) => r.join(",")).join("\n"));
    const r = await run(["board", csv, "--scenario", scenario, "--out", path.join(dir, "large.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Costing +\[.*\] 100% \| 2001\/2001/);
    expect(r.stdout).toMatch(/Staff costed \(FTE\) +2001/);
  });

  it("has help", async () => {
    const r = await run(["board", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/caretrust board \[STAFF.csv\|STAFF.xlsx\]/);
    expect(fs.existsSync(path.join(ROOT, "samples", "staff.csv"))).toBe(true);
  });
});
