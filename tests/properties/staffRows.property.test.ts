/**
 * Messy staff tables (./staffTables.ts) through readStaffRows: it never throws, it reports every
 * bad row and every table-level problem with a message, and it still reads every good row.
 */
import fc from "fast-check";
import { readStaffRows } from "../../src/engine/staffRows";
import { financialYear } from "../../src/engine/years";
import { anyCell } from "./arbitraries";
import { applyMutations, goodRows, HEADER, mutation, type Cell } from "./staffTables";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const SEED = process.env.PROPERTY_SEED === undefined ? 20250401 : process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED);
const Y = financialYear(2025);

test("good rows are read, spoiled rows reported by row, table problems reported on the header", () => {
  fc.assert(
    fc.property(goodRows(25), fc.array(mutation, { maxLength: 6 }), (rows, mutations) => {
      const m = applyMutations(rows, mutations);
      const r = readStaffRows(m.table, { year: Y });
      const ctx = () => `${m.notes.join("; ")}\n${JSON.stringify(r.issues.slice(0, 8))}`;
      const dataRows = m.table.length - 1;
      expect(r.totalRows).toBe(dataRows);
      expect(r.members.length + r.skippedRows).toBe(dataRows);
      for (const i of r.issues) {
        expect(i.message.trim()).not.toBe("");
        expect(i.row).toBeGreaterThanOrEqual(1);
        expect(i.row).toBeLessThanOrEqual(m.table.length);
      }
      if (m.missingRequired) {
        expect(r.members).toEqual([]);
        expect(r.issues.some((i) => i.row === 1 && /no .* column/.test(i.message))).toBe(true);
        return;
      }
      const refCol = (m.table[0] as Cell[]).indexOf("Employee reference");
      const expected = refCol === -1 ? [] : m.table.slice(1).flatMap((row, i) => (m.spoiled.has(i) || m.blank.has(i) ? [] : [String(row[refCol]).trim()]));
      if (JSON.stringify(r.members.map((x) => x.ref)) !== JSON.stringify(expected)) throw new Error(`read ${JSON.stringify(r.members.map((x) => x.ref))}, expected ${JSON.stringify(expected)}: ${ctx()}`);
      const issueRows = new Set(r.issues.map((i) => i.row));
      for (const i of m.spoiled) if (!issueRows.has(i + 2)) throw new Error(`row ${i + 2} was spoiled but not reported: ${ctx()}`);
      for (const i of m.blank) {
        const reported = r.issues.some((x) => x.column === "" && /blank/.test(x.message) && (x.row === i + 2 || new RegExp(`Rows (\\d+) to (\\d+)`).test(x.message)));
        if (!reported) throw new Error(`blank row ${i + 2} not reported: ${ctx()}`);
      }
      if ((m.table[0] as Cell[]).length > new Set(m.table[0]).size && !r.issues.some((i) => i.row === 1 && /second/.test(i.message)))
        throw new Error(`a doubled column was not reported: ${ctx()}`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test("any table at all (ragged rows, rubbish cells, no header) gives a report, never an exception", () => {
  const anyTable = fc.oneof(
    fc.array(fc.array(anyCell, { maxLength: 16 }), { maxLength: 8 }),
    fc.array(fc.array(anyCell, { maxLength: 16 }), { maxLength: 8 }).map((rows) => [[...HEADER] as unknown[], ...rows]),
  );
  fc.assert(
    fc.property(anyTable, (t) => {
      const r = readStaffRows(t as unknown[][], { year: Y });
      expect(r.members.length + r.skippedRows).toBe(r.totalRows);
      if (r.members.length === 0 && r.totalRows > 0) expect(r.issues.length).toBeGreaterThan(0);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
