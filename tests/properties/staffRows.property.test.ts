/**
 * Messy staff tables (./staffTables.ts) through readStaffRows: it never throws, it reports every
 * bad row and every table-level problem with a message, and it still reads every good row.
 */
import fc from "fast-check";
import { readStaffRows } from "../../src/intake";
import { financialYear } from "../../src/engine/years";
import { FUNCTIONS } from "../../src/functions/registry";
import { anyCell } from "./arbitraries";
import { call, describe as show, outcomeProblem } from "./contract";
import { applyMutations, COL, goodRows, HEADER, mutation, type Cell } from "./staffTables";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SEED = process.env.PROPERTY_SEED === undefined ? 20250401 : process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED);
const Y = financialYear(2025);

test("good rows are read, spoiled rows reported by row, table problems reported on the header", () => {
  fc.assert(
    fc.property(goodRows(25), fc.array(mutation, { maxLength: 6 }), (rows, mutations) => {
      const m = applyMutations(rows, mutations);
      const r = readStaffRows(m.table, { year: Y });
      const ctx = () => `${m.notes.join("; ")}\n${JSON.stringify(r.issues.slice(0, 8))}`;
      const dataRows = m.table.length - 1 - m.blank.size;
      expect(r.totalRows).toBe(dataRows);
      expect(r.members.length + r.skippedRows).toBe(dataRows);
      for (const i of r.issues) {
        expect(i.message.trim()).not.toBe("");
        expect(i.row).toBeGreaterThanOrEqual(1);
        expect(i.row).toBeLessThanOrEqual(m.table.length);
      }
      if (m.stopped) {
        expect(r.members).toEqual([]);
        expect(r.report.stops.some((i) => i.row === 1 && /no .* column|second .* column/.test(i.message))).toBe(true);
        return;
      }
      const refCol = (m.table[0] as Cell[]).indexOf("Employee reference");
      const expected = refCol === -1 ? [] : m.table.slice(1).flatMap((row, i) => (m.spoiled.has(i) || m.blank.has(i) ? [] : [String(row[refCol]).trim()]));
      if (JSON.stringify(r.members.map((x) => x.ref)) !== JSON.stringify(expected)) throw new Error(`read ${JSON.stringify(r.members.map((x) => x.ref))}, expected ${JSON.stringify(expected)}: ${ctx()}`);
      const issueRows = new Set(r.issues.map((i) => i.row));
      for (const i of m.spoiled) if (!issueRows.has(i + 2)) throw new Error(`row ${i + 2} was spoiled but not reported: ${ctx()}`);
      for (const i of m.blank) {
        const reported = r.report.notStaffRows.some((x) => x.why === "blank" && x.row === i + 2);
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

describe("LEVELUPTABLE over messy staff tables", () => {
  const levelUpTable = FUNCTIONS.get("LEVELUPTABLE")!;
  const JOB_MATCH = [
    ["1-6", "2"], ["7-11", "3"], ["12-17", "4"], ["18-23", "5"], ["24-29", "6"], ["30-35", "7"], ["36-43", "8a"],
    ...["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"].map((b) => [b, b]),
  ];
  test("one row out per row in; good rows costed, spoiled rows errors, blank rows blank", () => {
    fc.assert(
      fc.property(goodRows(15), fc.array(mutation, { maxLength: 5 }), (rows, mutations) => {
        const untargeted = rows.map((r) => Object.assign(r.slice(), { [COL["Target job match"]]: "" }));
        const m = applyMutations(untargeted, mutations);
        const o = call(levelUpTable, [m.table, "AFC", "2025/26", 0.195, JOB_MATCH]);
        const ctx = () => `${m.notes.join("; ")}: ${show(o.kind === "threw" ? o.error : (o.value as unknown[][]).slice(0, 6))}`;
        const problem = outcomeProblem(o);
        if (problem) throw new Error(`${problem}: ${ctx()}`);
        if (m.stopped) {
          if (o.kind !== "threw") throw new Error(`a table missing a required column, or with two that disagree, was costed: ${ctx()}`);
          return;
        }
        if (o.kind === "threw") throw new Error(`threw for a table with its columns: ${ctx()}`);
        const out = o.value as unknown[][];
        expect(out).toHaveLength(m.table.length);
        expect(out[0]).toEqual(["Current cost", "Target cost", "Levelled-up cost", "Cost of levelling up"]);
        out.slice(1).forEach((row, i) => {
          const kind = m.blank.has(i) ? "blank" : m.spoiled.has(i) ? "error" : "costed";
          const ok =
            kind === "blank" ? row.every((c) => c === "") : kind === "error" ? row.every((c) => c instanceof CustomFunctions.Error) : row.every((c) => typeof c === "number");
          if (!ok) throw new Error(`row ${i + 2} should be ${kind}, got ${show(row)}: ${ctx()}`);
        });
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED },
    );
  });
});
