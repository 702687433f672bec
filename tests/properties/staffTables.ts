/**
 * Staff tables for the property tests: good rows drawn from the published 2025/26 scales, and the
 * ways real staff lists go wrong, applied to them (a missing or doubled column, a duplicated
 * employee reference, an unknown band or point, an FTE below 0 or above 1, text in a number
 * column, blank rows). Each mutation records which rows it spoiled, so a property can check that
 * those rows are reported and every other row is still read.
 */
import fc from "fast-check";
import { AFC_PAY } from "../../src/data/afc";
import { NJC_SPINE } from "../../src/data/njc";

export const YEAR_LABEL = "2025/26";

export const HEADER = [
  "Employee reference", "Name", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE",
  "Years of service", "Years in grade", "Pension scheme", "HCAS area", "London weighting", "Target job match",
] as const;

const COL = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<(typeof HEADER)[number], number>;
export { COL };

/** Columns without which no row can be read (FTE could be replaced by weekly hours, which these tables do not have). */
export const REQUIRED_HEADINGS = ["Employee reference", "Staff group", "Current employer", "Current terms", "Band or grade", "FTE", "Years of service", "Pension scheme"];

const afcTable = AFC_PAY[YEAR_LABEL].value;
/** [band, number of steps with a published figure from step 1] for the year. */
export const AFC_GRADES: [string, number][] = Object.entries(afcTable)
  .map(([band, steps]): [string, number] => [band, steps.findIndex((s) => s === null) === -1 ? steps.length : steps.findIndex((s) => s === null)])
  .filter(([, n]) => n > 0);
export const NJC_POINTS: number[] = Object.entries(NJC_SPINE[YEAR_LABEL].value)
  .filter(([, v]) => v !== null)
  .map(([k]) => Number(k));

export type Cell = string | number | boolean | null;
export type Row = Cell[];

const afcRow: fc.Arbitrary<Row> = fc
  .record({
    grade: fc.constantFrom(...AFC_GRADES),
    stepPick: fc.nat(),
    fte: fc.constantFrom(1, 0.8, 0.6, 0.5, 0.4, 0.27, "100%", "0.5"),
    service: fc.integer({ min: 0, max: 40 }),
    scheme: fc.constantFrom("NHS", "NHS Pension Scheme", "NONE"),
    hcas: fc.constantFrom("", "INNER", "OUTER", "FRINGE", "NONE"),
    group: fc.constantFrom("Nursing", "Allied health professionals", "Admin and clerical"),
    target: fc.constantFrom("", "29-31", "30", "38-41"),
  })
  .map(({ grade: [band, steps], stepPick, fte, service, scheme, hcas, group, target }) => [
    "", null, group, "Northshire NHS Trust", "AFC", band, 1 + (stepPick % steps), fte, service, Math.min(service, 2), scheme, hcas, "", target,
  ]);

const njcRow: fc.Arbitrary<Row> = fc
  .record({
    point: fc.constantFrom(...NJC_POINTS),
    fte: fc.constantFrom(1, 0.8, 0.5, 0.3),
    service: fc.integer({ min: 0, max: 40 }),
    scheme: fc.constantFrom("LGPS", "LGPS 50/50", "NONE"),
    weighting: fc.constantFrom("", 0, 1200, "£3,200"),
    group: fc.constantFrom("Social work", "Occupational therapy", "Admin and clerical"),
    target: fc.constantFrom("", "6", "Band 5", "7"),
  })
  .map(({ point, fte, service, scheme, weighting, group, target }) => [
    "", "A Person", group, "Northshire County Council", "NJC", point, "", fte, service, "", scheme, "", weighting, target,
  ]);

/** Good rows; references are filled in by position so they are unique. */
export const goodRows = (maxLength: number): fc.Arbitrary<Row[]> =>
  fc.array(fc.oneof(afcRow, njcRow), { minLength: 1, maxLength }).map((rows) => rows.map((r, i) => Object.assign(r.slice(), { [COL["Employee reference"]]: `E${1000 + i}` })));

/** A row-level fault: [column, value, which rule it breaks]. */
export const ROW_FAULTS: [keyof typeof COL, Cell, string][] = [
  ["Band or grade", "10a", "neither an AfC band nor an NJC point"],
  ["Band or grade", 99, "unknown band or point"],
  ["Band or grade", "", "empty grade"],
  ["FTE", -0.5, "negative FTE"],
  ["FTE", 1.5, "FTE over 1"],
  ["FTE", 0, "zero FTE"],
  ["FTE", "full time", "text in FTE"],
  ["Years of service", "lots", "text in years of service"],
  ["Years of service", -3, "negative service"],
  ["Pension scheme", "Teachers", "unknown scheme"],
  ["Current terms", "Whitley", "unknown terms"],
  ["Staff group", "", "empty staff group"],
  ["Employee reference", "", "empty reference"],
  ["Employee reference", true, "a boolean reference"],
  ["Step", "top", "text in step"],
];

export interface Mutated {
  table: Cell[][];
  /** Data row indexes (0 = first row after the header) that must be reported and left out. */
  spoiled: Set<number>;
  /** Data row indexes that are blank. */
  blank: Set<number>;
  /** Whether a required column was removed (then no row can be read). */
  missingRequired: boolean;
  /** The list cannot be costed at all: a required column is missing, or a column is doubled with values that disagree. */
  stopped: boolean;
  /** Headings removed or doubled. */
  notes: string[];
}

export type Mutation =
  | { kind: "fault"; at: number; fault: number }
  | { kind: "duplicateRef"; from: number; to: number }
  | { kind: "blank"; at: number; empty: "" | null }
  | { kind: "dropColumn"; col: number }
  | { kind: "doubleColumn"; col: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("fault" as const), at: fc.nat(), fault: fc.nat({ max: ROW_FAULTS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicateRef" as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("blank" as const), at: fc.nat(), empty: fc.constantFrom("" as const, null) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropColumn" as const), col: fc.nat({ max: HEADER.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("doubleColumn" as const), col: fc.nat({ max: HEADER.length - 1 }) }) },
);

/** Applies mutations to good rows and works out, independently of the code under test, which rows must be read. */
export function applyMutations(rows: Row[], mutations: Mutation[]): Mutated {
  const data = rows.map((r) => r.slice());
  const spoiled = new Set<number>();
  const faults: [number, string][] = [];
  const notes: string[] = [];
  // Duplicated references first, then faults (a fault may then overwrite a copied reference).
  const ordered = [...mutations.filter((m) => m.kind === "duplicateRef"), ...mutations.filter((m) => m.kind === "fault")];
  for (const m of ordered) {
    if (m.kind === "fault") {
      const at = m.at % data.length;
      const [col, value, why] = ROW_FAULTS[m.fault];
      data[at][COL[col]] = value;
      faults.push([at, col]);
      notes.push(`row ${at}: ${why}`);
    } else if (m.kind === "duplicateRef" && data.length >= 2) {
      const a = m.from % data.length;
      const b = m.to % data.length;
      if (a === b) continue;
      const [first, second] = a < b ? [a, b] : [b, a];
      data[second][COL["Employee reference"]] = data[first][COL["Employee reference"]];
      notes.push(`row ${second}: the reference of row ${first}`);
    }
  }
  const dropped = new Set(mutations.filter((m): m is Extract<Mutation, { kind: "dropColumn" }> => m.kind === "dropColumn").map((m) => HEADER[m.col] as string));
  const doubled = [...new Set(mutations.filter((m): m is Extract<Mutation, { kind: "doubleColumn" }> => m.kind === "doubleColumn").map((m) => HEADER[m.col] as string))].filter((h) => !dropped.has(h));
  for (const d of dropped) notes.push(`dropped "${d}"`);
  for (const d of doubled) notes.push(`doubled "${d}"`);
  const missingRequired = REQUIRED_HEADINGS.some((h) => dropped.has(h));
  // A fault in a column that is then dropped is not read, so it spoils nothing.
  for (const [at, col] of faults) if (!dropped.has(col)) spoiled.add(at);
  // Without a Step column no Agenda for Change row has its pay step.
  if (dropped.has("Step")) data.forEach((r, i) => r[COL["Current terms"]] === "AFC" && spoiled.add(i));
  // A row repeating the reference of an earlier row that is read is left out.
  const seen = new Set<string>();
  data.forEach((r, i) => {
    if (spoiled.has(i)) return;
    const raw = r[COL["Employee reference"]];
    if (raw === "" || raw === null || typeof raw === "boolean") return void spoiled.add(i);
    const ref = String(raw).trim().toUpperCase();
    if (seen.has(ref)) spoiled.add(i);
    else seen.add(ref);
  });

  let rowsOut = data.map((r, i) => ({ row: r as Cell[], spoiled: spoiled.has(i), blank: false }));
  const blanks = mutations
    .filter((m): m is Extract<Mutation, { kind: "blank" }> => m.kind === "blank")
    .map((m) => ({ at: m.at % (data.length + 1), empty: m.empty }))
    .sort((a, b) => b.at - a.at);
  for (const b of blanks) rowsOut.splice(b.at, 0, { row: HEADER.map(() => b.empty), spoiled: false, blank: true });

  const keep = HEADER.map((h, i) => [h as string, i] as const).filter(([h]) => !dropped.has(h));
  const header: Cell[] = [...keep.map(([h]) => h), ...doubled];
  // The second copy of a doubled column holds rubbish: the two disagree, so the list is not costed.
  rowsOut = rowsOut.map((x) => ({ ...x, row: [...keep.map(([, i]) => x.row[i]), ...doubled.map(() => (x.blank ? x.row[0] : "rubbish"))] }));
  return {
    table: [header, ...rowsOut.map((x) => x.row)],
    spoiled: new Set(rowsOut.flatMap((x, i) => (x.spoiled ? [i] : []))),
    blank: new Set(rowsOut.flatMap((x, i) => (x.blank ? [i] : []))),
    missingRequired,
    stopped: missingRequired || doubled.length > 0,
    notes,
  };
}
