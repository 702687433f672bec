/**
 * 100,000 staff rows, with every hundredth row broken in one of the ways of ./staffTables.ts and
 * every thousandth blank: the report names the bad rows, the good rows are read and costed, and
 * nothing falls over.
 */
import fc from "fast-check";
import { readStaffRows } from "../../src/intake";
import { financialYear } from "../../src/engine/years";
import { costTable } from "../../src/functions/tables";
import { goodRows, HEADER, ROW_FAULTS, COL, type Cell } from "./staffTables";

const N = 100_000;
const Y = financialYear(2025);

function bigTable(): { table: Cell[][]; bad: Set<number>; blank: Set<number> } {
  // 500 distinct good rows from the generator, repeated with unique references.
  const sample = fc.sample(goodRows(500), { numRuns: 1, seed: 7 })[0];
  const bad = new Set<number>();
  const blank = new Set<number>();
  const rows: Cell[][] = [];
  for (let i = 0; i < N; i++) {
    if (i % 1000 === 999) {
      rows.push(HEADER.map(() => null));
      blank.add(i);
      continue;
    }
    const r = sample[i % sample.length].slice();
    r[COL["Employee reference"]] = `E${i}`;
    if (i % 100 === 42) {
      const [col, value] = ROW_FAULTS[(i / 100) % ROW_FAULTS.length | 0];
      r[COL[col]] = value;
      bad.add(i);
    }
    rows.push(r);
  }
  // One duplicated reference, late in the list.
  rows[N - 2][COL["Employee reference"]] = "E0";
  bad.add(N - 2);
  return { table: [[...HEADER], ...rows], bad, blank };
}

test(`${N.toLocaleString("en-GB")} rows: every bad row reported, every good row read and costed`, () => {
  const { table, bad, blank } = bigTable();
  const t0 = Date.now();
  const r = readStaffRows(table, { year: Y });
  const readMs = Date.now() - t0;
  expect(r.totalRows).toBe(N - blank.size);
  expect(r.members).toHaveLength(N - bad.size - blank.size);
  const reported = new Set(r.issues.map((i) => i.row - 2));
  for (const i of bad) expect(reported.has(i)).toBe(true);
  expect(r.report.notStaffRows.filter((n) => n.why === "blank")).toHaveLength(blank.size);
  expect(readMs).toBeLessThan(20000);

  // Cost them all in one COSTTABLE call, bad and blank rows included as they stand in the sheet.
  const pays = table.slice(1).map((row, i) => [bad.has(i) || blank.has(i) ? (blank.has(i) ? null : "n/a") : 20000 + (i % 30000)]);
  const schemes = table.slice(1).map((row) => [row[COL["Pension scheme"]] === "NHS Pension Scheme" ? "NHS" : row[COL["Pension scheme"]] === "LGPS 50/50" ? "LGPS5050" : row[COL["Pension scheme"]]]);
  const costed = costTable(pays, schemes, "2025/26", [[0.2]]);
  expect(costed).toHaveLength(N);
  let good = 0;
  costed.forEach((row, i) => {
    if (blank.has(i)) expect(row).toEqual(["", "", "", "", ""]);
    else if (bad.has(i)) expect((row[0] as { code: string }).code).toBe("#VALUE!");
    else if (typeof row[4] === "number" && Number.isFinite(row[4])) good++;
  });
  expect(good).toBe(N - bad.size - blank.size);
});
