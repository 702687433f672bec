#!/usr/bin/env node
/**
 * Writes the shipped sample data: samples/staff.csv (a synthetic staff list for an NHS trust and a
 * county council) and samples/scenario.json (harmonising onto Agenda for Change in a care trust,
 * with a three-partner pooled budget that overspends).
 *
 * Everything is synthetic: names are random pairs from short lists of common first names and
 * surnames, references are made up, and no figure describes a real person. Seeded, so a run
 * reproduces the committed files byte for byte:  node scripts/make-sample-data.js [--seed N]
 *
 * Three rows are wrong on purpose (an FTE above 1, a band that does not exist, a duplicate
 * reference) so the demo shows how problems in a staff list are reported and left out.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const seedArg = process.argv.indexOf("--seed");
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20251;

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;
const round2 = (x) => Math.round(x * 100) / 100;

const FIRST = [
  "Aisha", "Alex", "Amir", "Amy", "Ben", "Bethany", "Chloe", "Chris", "Daniel", "Deborah", "Eleanor", "Emeka", "Fatima", "Fiona",
  "Gareth", "Grace", "Hannah", "Harjit", "Ian", "Imogen", "Jack", "Jade", "James", "Joanne", "Kemi", "Kieran", "Laura", "Leon",
  "Lucy", "Marek", "Maria", "Mohammed", "Nadia", "Natalie", "Niamh", "Oliver", "Olu", "Priya", "Rachel", "Rhys", "Rosa", "Ryan",
  "Sam", "Sandeep", "Sarah", "Sean", "Sophie", "Tariq", "Thomas", "Tomasz", "Victoria", "Wei", "Yasmin", "Zoe",
];
const LAST = [
  "Adeyemi", "Ahmed", "Ali", "Atkinson", "Bailey", "Barker", "Begum", "Bennett", "Brown", "Campbell", "Chen", "Clarke", "Davies",
  "Evans", "Fletcher", "Ford", "Green", "Hall", "Harris", "Hughes", "Hussain", "Jackson", "Jones", "Kaur", "Khan", "Kowalski",
  "Lewis", "Lloyd", "Martin", "Mensah", "Mitchell", "Morgan", "Nowak", "O'Brien", "Okafor", "Owen", "Patel", "Phillips", "Price",
  "Roberts", "Robinson", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White",
  "Williams", "Wilson", "Wright", "Young",
];

const TRUST = "Northshire Community Health NHS Trust";
const COUNCIL = "Northshire County Council";

/** AfC steps reached after years in band (2025/26 rules). */
const AFC_STEPS = { "2": [0], "3": [0, 2], "4": [0, 2], "5": [0, 2, 4], "6": [0, 2, 5], "7": [0, 2, 5], "8a": [0, 2, 5], "8b": [0, 2, 5] };
const stepFor = (band, years) => AFC_STEPS[band].filter((t) => years >= t).length;

/** Spinal column points with a 2025/26 figure in the data (16, 21 and 32-37 are not held). */
const HELD = (p) => p >= 2 && p <= 43 && p !== 16 && p !== 21 && !(p >= 32 && p <= 37);
function scpIn(lo, hi) {
  for (;;) {
    const p = int(lo, hi);
    if (HELD(p)) return p;
  }
}

/** Roles: group, how many, and how to draw one person. */
const TRUST_ROLES = [
  { group: "Nursing", n: 96, bands: ["5", "5", "6", "6", "6", "7", "7", "8a"], unsocial: [0.6, 10, 6], target: (b) => b },
  { group: "Healthcare support workers", n: 62, bands: ["3", "3", "4"], unsocial: [0.75, 14, 8], target: (b) => b },
  { group: "Allied health professionals", n: 38, bands: ["5", "6", "6", "7", "7", "8a"], unsocial: [0.15, 4, 2], target: (b) => b },
  { group: "Admin and clerical", n: 34, bands: ["2", "3", "3", "4", "4"], unsocial: [0, 0, 0], target: (b) => b },
  { group: "Managers", n: 12, bands: ["8a", "8a", "8b"], unsocial: [0, 0, 0], target: (b) => b },
];
const COUNCIL_ROLES = [
  { group: "Social work", n: 54, grade: [26, 31], top: 31, unsocial: [0.1, 3, 0], target: () => "6" },
  { group: "Occupational therapy (social care)", n: 16, grade: [27, 31], top: 31, unsocial: [0, 0, 0], target: () => "6" },
  { group: "Care and support workers", n: 58, grade: [6, 12], top: 12, unsocial: [0.85, 14, 8], target: () => "3" },
  { group: "Admin and clerical", n: 24, grade: [3, 14], top: null, unsocial: [0, 0, 0], target: (p) => (p <= 6 ? "2" : p <= 11 ? "3" : "4") },
  { group: "Managers", n: 10, grade: [38, 43], top: 43, unsocial: [0, 0, 0], target: () => "8a" },
];

const HEADER = [
  "Employee reference", "Name", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE", "Weekly hours",
  "Years of service", "Years in grade", "Pension scheme", "HCAS area", "London weighting",
  "Unsocial hours nights and Saturdays", "Unsocial hours Sundays and public holidays", "Target job match", "Top of grade",
];

function fte() {
  return chance(0.62) ? 1 : pick([0.4, 0.5, 0.6, 0.6, 0.8, 0.8, 0.8, 0.9]);
}
/** Unsocial hours a week, at most half the person's weekly hours in all. */
function unsocial([p, maxNights, maxSundays], hours) {
  if (!chance(p)) return ["", ""];
  const cap = Math.floor(hours / 2);
  const nights = Math.min(int(2, maxNights), cap);
  const sundays = maxSundays > 0 && chance(0.6) ? Math.min(int(1, maxSundays), cap - nights) : 0;
  return [nights, Math.max(0, sundays)];
}
function service() {
  const years = int(0, 28);
  return { years, inGrade: Math.min(years, int(0, 9)) };
}
const name = () => `${pick(FIRST)} ${pick(LAST)}`;

const rows = [];
let t = 0;
for (const role of TRUST_ROLES)
  for (let i = 0; i < role.n; i++) {
    const band = pick(role.bands);
    const s = service();
    const f = fte();
    const [nights, sundays] = unsocial(role.unsocial, f * 37.5);
    const hcas = chance(0.08) ? "FRINGE" : "";
    rows.push([
      `NT${String(++t).padStart(4, "0")}`, name(), role.group, TRUST, "AFC", band, stepFor(band, s.inGrade), f, round2(f * 37.5),
      s.years, s.inGrade, chance(0.93) ? "NHS" : "NONE", hcas, "", nights, sundays, role.target(band), "",
    ]);
  }
let c = 0;
for (const role of COUNCIL_ROLES)
  for (let i = 0; i < role.n; i++) {
    const point = scpIn(role.grade[0], role.grade[1]);
    const s = service();
    const f = fte();
    const [nights, sundays] = unsocial(role.unsocial, f * 37);
    const scheme = chance(0.9) ? "LGPS" : chance(0.5) ? "LGPS 50/50" : "NONE";
    rows.push([
      `NC${String(++c).padStart(4, "0")}`, name(), role.group, COUNCIL, "NJC", point, "", f, round2(f * 37), s.years, s.inGrade, scheme,
      "", chance(0.1) ? 1000 : "", nights, sundays, role.target(point), role.top ?? "",
    ]);
  }

// Three rows wrong on purpose, to show how problems are reported.
rows.splice(40, 0, ["NT9001", name(), "Nursing", TRUST, "AFC", "6", 2, 1.2, 45, 6, 3, "NHS", "", "", "", "", "6", ""]);
rows.splice(200, 0, ["NT9002", name(), "Allied health professionals", TRUST, "AFC", "5a", 1, 1, 37.5, 2, 2, "NHS", "", "", "", "", "5", ""]);
rows.splice(300, 0, ["NC0007", name(), "Social work", COUNCIL, "NJC", 29, "", 1, 37, 4, 2, "LGPS", "", "", "", "", "6", 31]);

function csvCell(v) {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csv = [HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

const scenario = {
  title: "Northshire Care Trust: harmonising transferred council staff onto Agenda for Change",
  organisation: "Northshire Care Trust with Northshire County Council and Northshire ICB",
  financialYear: "2025/26",
  targetTerms: "AFC",
  // The Green Book sets no national Saturday or Sunday rate: the council's own (Saturdays at the night rate, time plus a third).
  currentTerms: { NJC: { unsocialRates: { saturdays: "1/3", sundaysAndPublicHolidays: "50%" } } },
  protection: { policy: "CASH", years: 3 },
  payAwards: { AFC: "3%", NJC: "3%" },
  lgpsEmployerRate: "19.5%",
  nhsEmployerRate: "FULL",
  leaveValuation: { coverProportion: "50%" },
  movePension: false,
  protectiveMarking: "OFFICIAL-SENSITIVE",
  includeNames: false,
  pool: {
    name: "Northshire integrated community services (Section 75 pooled budget)",
    partners: ["Northshire Care Trust", "Northshire County Council", "Northshire ICB"],
    riskShare: "PROPORTIONAL",
    lines: [
      { name: "Community nursing", contributions: [6200000, 0, { base: 1100000, changes: [100000] }], expenditure: 7612450 },
      { name: "Reablement and home care", contributions: [0, 4800000, 600000], expenditure: 5598320.5, riskShare: { method: "LEAD", parameters: ["Northshire County Council"] } },
      { name: "Integrated therapy", contributions: [1400000, 900000, 300000], expenditure: 2587110 },
      { name: "Care coordination and administration", contributions: [500000, 500000, 200000], expenditure: 1231980.25 },
    ],
  },
  // The options appraisal: three options over five years, each changing the settings above where it differs.
  options: [
    { name: "Transfer on protected terms, no harmonisation", approach: "KEEP_CURRENT" },
    { name: "Onto Agenda for Change, 3 years' cash protection" },
    {
      name: "Onto NJC terms with mark-time",
      // The council's own weekend rates, as for the council staff now.
      targetTerms: { terms: "NJC", unsocialRates: { saturdays: "1/3", sundaysAndPublicHolidays: "50%" } },
      protection: { policy: "MARKTIME" },
      // AfC bands onto council grades (ranges of spinal column points), and council staff onto their own grades.
      jobMatch: [
        { from: "2", to: "2-3" }, { from: "3", to: "3-6" }, { from: "4", to: "7-11" }, { from: "5", to: "17-20" },
        { from: "6", to: "26-31" }, { from: "7", to: "38-41" }, { from: "8a", to: "42-43" }, { from: "8b", to: "42-43" },
        { from: "2-6", to: "2-6" }, { from: "7-12", to: "7-12" }, { from: "13-15", to: "13-15" }, { from: "26-31", to: "26-31" }, { from: "38-43", to: "38-43" },
      ],
    },
  ],
  baselineOption: "Transfer on protected terms, no harmonisation",
  recommendedOption: "Onto Agenda for Change, 3 years' cash protection",
  planningYears: 5,
  discountRate: "3.5%",
};

const out = path.join(__dirname, "..", "samples");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "staff.csv"), csv);
fs.writeFileSync(path.join(out, "scenario.json"), JSON.stringify(scenario, null, 2) + "\n");
console.log(`samples/staff.csv: ${rows.length} rows (seed ${SEED}); samples/scenario.json written.`);
