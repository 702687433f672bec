/**
 * Synthetic staff tables (as Office.js `values` gives them: header row, then rows) for the
 * renderer and task pane tests: an NHS trust's AfC staff and a council's NJC staff, every
 * reference unique, deterministic from the row number. Shared by the Chromium test's stand-in.
 */

export const STAFF_HEADER = [
  "Employee reference",
  "Name",
  "Staff group",
  "Current employer",
  "Current terms",
  "Band or grade",
  "Step",
  "FTE",
  "Weekly hours",
  "Years of service",
  "Years in grade",
  "Pension scheme",
  "HCAS area",
  "London weighting",
  "Unsocial hours nights and Saturdays",
  "Unsocial hours Sundays and public holidays",
  "Target job match",
];

const FIRST = ["Amira", "Ben", "Chloe", "Dev", "Ellen", "Farid", "Grace", "Huw", "Ines", "Jack"];
const LAST = ["Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Price", "Quinn", "Roberts", "Singh", "Taylor"];

/** One person: even i an AfC nurse or therapist at the trust, odd i an NJC social worker or carer at the council. */
export function staffRow(i: number): (string | number)[] {
  const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`;
  const fte = [1, 0.8, 0.6, 1, 0.5][i % 5];
  if (i % 2 === 0) {
    const band = ["3", "4", "5", "6", "7"][(i >> 1) % 5];
    const step = 1 + ((i >> 2) % 2);
    return [`NT${String(i).padStart(6, "0")}`, name, i % 4 === 0 ? "Nursing" : "Allied health professionals", "Northshire NHS Trust", "AFC", band, step, fte, 37.5 * fte, 2 + (i % 20), 1 + (i % 2), "NHS", "", "", i % 3, 0, band];
  }
  const scp = [5, 8, 11, 14, 17, 19, 22, 25, 28, 30][(i >> 1) % 10];
  return [`NC${String(i).padStart(6, "0")}`, name, i % 4 === 1 ? "Social work" : "Support workers", "Northshire County Council", "NJC", String(scp), "", fte, 37 * fte, 1 + (i % 25), 1, "LGPS", "", "", 0, 0, ["3", "4", "5", "6"][(i >> 1) % 4]];
}

export function staffTable(rows: number): (string | number)[][] {
  return [STAFF_HEADER, ...Array.from({ length: rows }, (_, i) => staffRow(i))];
}

export const SCENARIO = {
  financialYear: "2025/26",
  targetTerms: "AFC",
  protection: { policy: "CASH", years: 3 },
  payAwards: { AFC: "3%", NJC: "3%" },
  lgpsEmployerRate: "19.5%",
  leaveValuation: "NONE",
  protectiveMarking: "OFFICIAL-SENSITIVE",
  includeNames: false,
};
