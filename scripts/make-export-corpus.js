#!/usr/bin/env node
/**
 * Makes staff lists in the shapes they really arrive in, from the shipped sample's people
 * (samples/staff.csv, synthetic): an ESR-style CSV with title rows and ESR headings, a council
 * .xlsx with a cover sheet and a local grade beside the spinal column point, a semicolon CSV, a
 * Windows-1252 CSV with £ amounts, an .xlsx table with hidden leavers, and unusual headings; plus
 * one with a pay column the calculator does not understand, which must stop the run.
 *
 *   node scripts/make-export-corpus.js [DIR]      (default out/export-corpus)
 *
 * tests/intake/corpus.test.ts makes the corpus in a temporary folder and checks that every shape is
 * costed to the same totals as the sample itself (or stops, naming the column and the fix).
 */
const fs = require("fs");
const path = require("path");
const { parse } = require("csv-parse/sync");
const ExcelJS = require("exceljs");

const ROOT = path.join(__dirname, "..");

function sample() {
  const rows = parse(fs.readFileSync(path.join(ROOT, "samples", "staff.csv"), "utf8"), { bom: true, relax_column_count: true });
  const header = rows[0];
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  return { header, col, people: rows.slice(1) };
}

const csvCell = (v, sep) => {
  const s = v === null || v === undefined ? "" : String(v);
  return s.includes(sep) || s.includes('"') || s.includes("\n") ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows, sep = ",") => rows.map((r) => r.map((v) => csvCell(v, sep)).join(sep)).join("\r\n") + "\r\n";
const pounds = (v) => (v === "" || v === undefined ? "" : `£${Number(v).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const schemeName = (s) => ({ NHS: "NHS Pension 2015", LGPS: "LGPS Main Scheme", LGPS5050: "LGPS 50/50", "LGPS 50/50": "LGPS 50/50", NONE: "Opted out" })[s] ?? s;

/** ESR-style: title rows, ESR headings, "Band 8 - Range A", NHS section names, £ amounts, columns not used. */
function esr({ col, people }) {
  const header = [
    "Assignment Number", "Full Name", "Organisation", "Staff Group", "Employer", "Terms and Conditions", "Grade", "Spinal Point", "Step Point",
    "Contracted WTE", "Contracted Hours", "Years of service", "Years in band", "Pension Scheme", "HCAS area", "London weighting",
    "Unsocial hours nights and Saturdays", "Unsocial hours Sundays and public holidays", "Target job match", "Top of grade", "Position Title", "Annual Salary",
  ];
  const band = (b) => (/^8[a-d]$/i.test(b) ? `Band 8 - Range ${b[1].toUpperCase()}` : `Band ${b}`);
  const rows = people.map((p) => {
    const afc = p[col["Current terms"]] === "AFC";
    return [
      p[col["Employee reference"]], p[col.Name], "123 Community Services", p[col["Staff group"]], p[col["Current employer"]], p[col["Current terms"]],
      afc ? band(p[col["Band or grade"]]) : "", afc ? "" : p[col["Band or grade"]], p[col.Step], p[col.FTE], p[col["Weekly hours"]],
      p[col["Years of service"]], p[col["Years in grade"]], schemeName(p[col["Pension scheme"]]), p[col["HCAS area"]], pounds(p[col["London weighting"]]),
      p[col["Unsocial hours nights and Saturdays"]], p[col["Unsocial hours Sundays and public holidays"]], p[col["Target job match"]], p[col["Top of grade"]],
      "Practitioner", "",
    ];
  });
  return csv([["Staff in Post (synthetic)"], ["Run 01/03/2026"], [], header, ...rows, [], ["End of report"]]);
}

/** The sample's own headings and values, in another layout. */
function same({ header, people }) {
  return [header, ...people];
}

/** Unusual but recognised headings. */
function unusualHeadings({ header, people }) {
  const rename = {
    "Employee reference": "Emp_Ref", "Staff group": "Job family", "Current employer": "EMPLOYER", "Current terms": "T&Cs", "Band or grade": "Pay band",
    FTE: "WTE", "Weekly hours": "Hrs", "Years of service": "Length of service", "Pension scheme": "Superannuation", "London weighting": "Location allowance",
  };
  return [header.map((h) => rename[h] ?? h), ...people];
}

async function councilWorkbook({ header, col, people }, file) {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("Cover");
  cover.getCell("A1").value = "Establishment report (synthetic)";
  cover.getCell("A3").value = "Produced by the HR system for the transfer";
  const ws = wb.addWorksheet("Establishment");
  const h = [...header.slice(0, 5), "Grade", "SCP", ...header.slice(6)];
  ws.addRow(["Northshire County Council"]);
  ws.addRow([]);
  ws.addRow(h);
  for (const p of people) {
    const afc = p[col["Current terms"]] === "AFC";
    ws.addRow([...p.slice(0, 5), afc ? p[col["Band or grade"]] : `Grade L${p[col["Band or grade"]]}`, afc ? "" : Number(p[col["Band or grade"]]), ...p.slice(6).map((v) => (v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v))]);
  }
  await wb.xlsx.writeFile(file);
}

async function hiddenLeavers({ header, col, people }, file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Staff");
  const leavers = people.slice(0, 10).map((p) => [`LEAVER-${p[col["Employee reference"]]}`, ...p.slice(1)]);
  ws.addTable({ name: "Staff", ref: "A1", columns: header.map((name) => ({ name })), rows: [...people, ...leavers].map((p) => p.map((v) => (v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v))) });
  for (let i = 0; i < leavers.length; i++) ws.getRow(2 + people.length + i).hidden = true;
  await wb.xlsx.writeFile(file);
}

/** Writes every shape into `dir`; returns their names and what each should do ("same" totals or "stop" naming a column). */
async function makeCorpus(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const s = sample();
  const files = [];
  const put = (name, data, expect) => {
    fs.writeFileSync(path.join(dir, name), data);
    files.push({ name, ...expect });
  };
  put("esr-title-rows.csv", esr(s), { expect: "same" });
  put("semicolon.csv", "\ufeff" + csv(same(s), ";"), { expect: "same" });
  const latin = csv([s.header, ...s.people.map((p) => p.map((v, i) => (s.header[i] === "London weighting" ? pounds(v) : v)))]);
  put("windows-1252.csv", Buffer.from(latin, "latin1"), { expect: "same" });
  put("unusual-headings.csv", csv(unusualHeadings(s)), { expect: "same" });
  put("tab-separated.txt", csv(same(s), "\t"), { expect: "same" });
  put("overtime-column.csv", csv([[...s.header, "Overtime"], ...s.people.map((p, i) => [...p, i % 7 === 0 ? 4 : ""])]), { expect: "stop", column: "Overtime" });
  await councilWorkbook(s, path.join(dir, "council-cover-sheet.xlsx"));
  files.push({ name: "council-cover-sheet.xlsx", expect: "same" });
  await hiddenLeavers(s, path.join(dir, "hidden-leavers.xlsx"));
  files.push({ name: "hidden-leavers.xlsx", expect: "same" });
  return files;
}

module.exports = { makeCorpus };

if (require.main === module) {
  const dir = process.argv[2] ?? path.join("out", "export-corpus");
  makeCorpus(dir).then((files) => {
    for (const f of files) process.stdout.write(`${path.join(dir, f.name)}  (${f.expect === "same" ? "the sample's totals" : `stops at "${f.column}"`})\n`);
  });
}
