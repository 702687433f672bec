/**
 * How a list is laid out never changes a figure: permuting its columns, writing any recognised
 * synonym of a heading, adding columns the calculator does not know (each named in the report as
 * not used) and adding title rows above the header give the same staff records as the shipped
 * sample read as it is.
 */
import fc from "fast-check";
import { readStaffRows } from "../../src/intake";
import { fieldForHeading, headingsFor, SPEC_BY_FIELD } from "../../src/intake/vocabulary";
import { financialYear } from "../../src/engine/years";
import { sampleTable } from "../report/sample";

const Y = financialYear(2025);
const SAMPLE = sampleTable().slice(0, 60);
const HEAD = SAMPLE[0] as string[];

/** A member as plain text, every field: two reads are the same if and only if these are. */
const canonical = (t: unknown[][]) => {
  const r = readStaffRows(t, { year: Y });
  return { r, members: JSON.stringify(r.members.map((m) => Object.entries(m).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]))) };
};
const BASE = canonical(SAMPLE);

const synonymsOf = HEAD.map((h) => {
  const field = fieldForHeading(h)!;
  return headingsFor(SPEC_BY_FIELD.get(field)!).map((x) => x.heading);
});

const layout = fc.record({
  order: fc.shuffledSubarray(HEAD.map((_, i) => i), { minLength: HEAD.length, maxLength: HEAD.length }),
  names: fc.tuple(...synonymsOf.map((list) => fc.constantFrom(...list))),
  extra: fc.uniqueArray(fc.constantFrom("Favourite colour", "Desk", "Parking permit", "Locker", "Team badge", "Car registration"), { maxLength: 3 }),
  titles: fc.array(fc.constantFrom("Staff list for transfer", "Run on 01/03/2026", "OFFICIAL-SENSITIVE", ""), { maxLength: 4 }),
});

test("permuted columns, synonyms, unknown columns and title rows never change a staff record", () => {
  expect(BASE.r.members.length).toBeGreaterThan(50);
  fc.assert(
    fc.property(layout, ({ order, names, extra, titles }) => {
      const header = [...order.map((c) => names[c]), ...extra];
      const rows = SAMPLE.slice(1).map((row, i) => [...order.map((c) => row[c]), ...extra.map((_, j) => `note ${i}-${j}`)]);
      const table = [...titles.map((t) => [t]), header, ...rows];
      const got = canonical(table);
      expect(got.members).toBe(BASE.members);
      // The same rows left out for the same reasons (each named by the column's heading as written).
      const shifted = (i: { row: number; message: string }) => `${i.row - titles.length}: ${i.message.replace(/row (\d+)/g, (_, n) => `row ${Number(n) - titles.length}`)}`;
      const baseShift = (i: { row: number; message: string }) => `${i.row}: ${i.message}`;
      expect(got.r.issues.map(shifted)).toEqual(BASE.r.issues.map(baseShift));
      expect(got.r.report.rowsAboveHeader).toBe(titles.length);
      expect(got.r.report.columnsNotUsed.map((c) => c.heading).sort()).toEqual([...extra].sort());
    }),
    { numRuns: 60, seed: 20251207 },
  );
});
