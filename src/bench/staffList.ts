/**
 * A synthetic staff list for the benchmark, as a table would arrive from a workbook or a CSV file:
 * a header row, then one row per person, from the published scales of the year (AfC staff in an
 * NHS trust, NJC staff in a council), with references unique. Deterministic: row i is always the same.
 */
import { AFC_PAY } from "../data/afc";
import { NJC_SPINE } from "../data/njc";

export const STAFF_HEADER = [
  "Employee reference", "Name", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE",
  "Years of service", "Years in grade", "Pension scheme", "HCAS area", "London weighting",
  "Unsocial hours nights and Saturdays", "Unsocial hours Sundays and public holidays", "Target job match",
];

const GROUPS_NHS = ["Nursing", "Allied health professionals", "Admin and clerical", "Healthcare assistants"];
const GROUPS_COUNCIL = ["Social work", "Occupational therapy", "Admin and clerical", "Care workers"];

function afcGrades(year: string): [string, number][] {
  const table = AFC_PAY[year]?.value ?? {};
  return Object.entries(table)
    .map(([band, steps]): [string, number] => {
      const firstMissing = steps.findIndex((s) => s === null);
      return [band, firstMissing === -1 ? steps.length : firstMissing];
    })
    .filter(([band, n]) => n > 0 && band !== "1" && band !== "9" && band !== "8d");
}

function njcPoints(year: string): number[] {
  return Object.entries(NJC_SPINE[year]?.value ?? {})
    .filter(([, v]) => v !== null)
    .map(([k]) => Number(k))
    .filter((p) => p >= 3 && p <= 40);
}

export function staffTable(n: number, year = "2025/26"): unknown[][] {
  const bands = afcGrades(year);
  const points = njcPoints(year);
  const rows: unknown[][] = [STAFF_HEADER];
  for (let i = 0; i < n; i++) {
    const service = (i * 7) % 31;
    if (i % 2 === 0) {
      const [band, steps] = bands[(i >> 1) % bands.length];
      const step = 1 + ((i >> 3) % steps);
      rows.push([
        `N${i}`, null, GROUPS_NHS[i % GROUPS_NHS.length], "Northshire NHS Trust", "AFC", band, step, [1, 0.8, 0.6][i % 3],
        service, Math.min(service, 3), i % 17 === 0 ? "NONE" : "NHS", ["", "OUTER", "FRINGE"][i % 3], "",
        i % 5 === 0 ? 4 : 0, i % 5 === 0 ? 2 : 0, "",
      ]);
    } else {
      const point = points[(i >> 1) % points.length];
      rows.push([
        `C${i}`, null, GROUPS_COUNCIL[i % GROUPS_COUNCIL.length], "Northshire County Council", "NJC", point, "", [1, 0.5, 0.8][i % 3],
        service, "", i % 19 === 0 ? "NONE" : "LGPS", "", i % 4 === 0 ? 1200 : "", 0, 0, "",
      ]);
    }
  }
  return rows;
}
