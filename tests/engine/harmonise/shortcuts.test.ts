/**
 * The engine's shortcuts give the figures the long way gives:
 *  - the member's contribution found by comparing numbers is employeePension's, on and around every bound;
 *  - the levelled-up on-costs, when reused from a side, are the on-costs worked out afresh;
 *  - a cost line's parts add up to its pay, employer cost and total, however they were shared;
 *  - costResolved is harmoniseResolved without the comparison table and the totals over the years.
 * (The figures were also compared with the engine before the shortcuts, on staff lists and board
 * packs, byte for byte: docs/benchmarks.md.)
 */
import fc from "fast-check";
import { LGPS_BANDS } from "../../../src/data/lgps";
import { NHS_MEMBER_TIERS } from "../../../src/data/nhsPension";
import {
  costResolved,
  harmoniseResolved,
  onCosts,
  OPTIONS,
  resolveScenario,
  type HarmonisationScenario,
  type ProtectionPolicy,
} from "../../../src/engine/harmonise";
import { employerRateFor } from "../../../src/engine/harmonise/package";
import { tableYear } from "../../../src/engine/harmonise/positions";
import { D, type Decimal } from "../../../src/engine/money";
import { employeePension, type Scheme } from "../../../src/engine/oncosts";
import type { StaffMember } from "../../../src/engine/staff";
import { financialYear } from "../../../src/engine/years";
import { member } from "./helpers";
import { penceOf as wholePence } from "../../../src/engine/pence";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const opts = { numRuns: RUNS, seed: 20261129 };

describe("the member's contribution in a package", () => {
  const years = [financialYear(2024), financialYear(2025), financialYear(2026), financialYear(2031)];
  const bounds = new Set<string>();
  for (const fy of years) {
    for (const t of NHS_MEMBER_TIERS[tableYear(NHS_MEMBER_TIERS, fy).label]?.value ?? []) bounds.add(t.from);
    for (const b of LGPS_BANDS[tableYear(LGPS_BANDS, fy).label]?.value ?? []) bounds.add(b.from);
  }
  const near = [...bounds].flatMap((b) => ["-0.01", "-0.005", "-0.001", "0", "0.001", "0.005", "0.01", "0.99", "1"].map((d) => new D(b).plus(d))).filter((p) => !p.isNegative() && p.decimalPlaces() <= 2);
  const schemes: Scheme[] = ["NHS", "LGPS", "LGPS5050", "NONE"];
  const same = (pay: Decimal, scheme: Scheme, fy: ReturnType<typeof financialYear>) => {
    const memberYear = scheme === "NHS" ? tableYear(NHS_MEMBER_TIERS, fy) : tableYear(LGPS_BANDS, fy);
    const rate = scheme === "NHS" ? "FULL" : scheme === "NONE" ? null : new D("0.195");
    expect(onCosts(wholePence(pay), scheme, fy, rate).employeePension).toBe(wholePence(employeePension(pay, scheme, memberYear)));
  };

  it("is employeePension's on, just below and just above every tier and band bound", () => {
    for (const fy of years) for (const scheme of schemes) for (const pay of near) same(pay, scheme, fy);
  });

  it("is employeePension's for any pay", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000_000 }), fc.constantFrom(...schemes), fc.constantFrom(...years), (pence, scheme, fy) => same(new D(pence).dividedBy(100), scheme, fy)),
      opts,
    );
  });
});

const AFC_BANDS = ["3", "4", "5", "6", "7", "8a"];
const memberArb: fc.Arbitrary<StaffMember> = fc
  .record({
    afc: fc.boolean(),
    band: fc.constantFrom(...AFC_BANDS),
    point: fc.constantFrom(3, 5, 8, 11, 14, 17, 19, 22, 25, 28, 30),
    fte: fc.integer({ min: 10, max: 100 }).map((n) => new D(n).dividedBy(100)),
    years: fc.integer({ min: 0, max: 30 }),
    scheme: fc.constantFrom<Scheme>("NHS", "LGPS", "LGPS5050", "NONE"),
    hcas: fc.constantFrom("NONE", "INNER", "OUTER", "FRINGE" as const),
    allowance: fc.constantFrom(0, 1200, 3500),
    nights: fc.constantFrom(0, 0, 4, 7.5),
    sundays: fc.constantFrom(0, 0, 3),
    target: fc.constantFrom(...AFC_BANDS),
  })
  .map((r) =>
    member({
      ref: "X",
      terms: r.afc ? "AFC" : "NJC",
      grade: r.afc ? r.band : String(r.point),
      step: null,
      fte: r.fte,
      yearsService: new D(r.years),
      yearsInGrade: new D(Math.min(r.years, 3)),
      scheme: r.scheme,
      hcasArea: r.afc ? r.hcas : "NONE",
      localAllowance: r.afc ? new D(0) : new D(r.allowance),
      // Weekday nights given apart, as councils pay them (AfC costs them at its nights-and-Saturdays rate).
      unsocialNightsAndSaturdays: new D(0),
      unsocialNights: new D(r.nights),
      unsocialSundaysAndPublicHolidays: new D(r.sundays),
      targetGrade: r.target,
    }),
  );

const protectionArb = fc.constantFrom<ProtectionPolicy>(
  { kind: "NONE" },
  { kind: "CASH", years: 2 },
  { kind: "CASH_WITH_AWARDS", years: 3 },
  { kind: "MARKTIME", years: null },
  { kind: "TAPERED", taper: [new D(1), new D("0.5")] },
  { kind: "REDCIRCLE" },
);
const scenarioArb: fc.Arbitrary<HarmonisationScenario> = fc.record({
  target: fc.record({ terms: fc.constant("AFC" as const), hcasArea: fc.constantFrom(null, "NONE", "OUTER" as const) }),
  current: fc.constant({ NJC: { unsocialRates: { sundaysAndPublicHolidays: new D("0.5") } } }),
  projectionYears: fc.integer({ min: 1, max: 6 }),
  protection: protectionArb,
  protectUnsocial: fc.boolean(),
  payAwards: fc.record({ AFC: fc.constantFrom(new D(0), new D("0.03")), NJC: fc.constantFrom(new D(0), new D("0.025")) }),
  lgpsEmployerRate: fc.constant(new D("0.195")),
  nhsRateBasis: fc.constantFrom("FULL" as const, "LOCAL" as const),
  coverProportion: fc.constantFrom(new D(0), new D("0.5"), new D(1)),
  movePension: fc.boolean(),
  hoursBasis: fc.constantFrom("KEEP_FTE" as const, "KEEP_HOURS" as const),
});

describe("a person's costs", () => {
  it("levelled-up on-costs are the on-costs of the levelled-up pay, and every line adds up", () => {
    fc.assert(
      fc.property(memberArb, scenarioArb, (m, sc) => {
        const s = resolveScenario(sc);
        const r = harmoniseResolved(m, s);
        for (const y of r.years) {
          const L = y.levelledUp;
          const fresh = onCosts(wholePence(L.pay), y.targetPackage.scheme, y.year, employerRateFor(y.targetPackage.scheme, s));
          expect([L.employerNi, L.employerPension, L.apprenticeshipLevy].map(wholePence)).toEqual([fresh.employerNi, fresh.employerPension, fresh.apprenticeshipLevy]);
          for (const o of OPTIONS) {
            const l = y[o];
            expect(l.pay.eq(l.basicPay.plus(l.supplement).plus(l.unsocial).plus(l.protection))).toBe(true);
            expect(l.employerCost.eq(l.pay.plus(l.employerNi).plus(l.employerPension).plus(l.apprenticeshipLevy))).toBe(true);
            expect(l.total.eq(l.employerCost.plus(l.leaveValue).plus(l.hoursValue))).toBe(true);
          }
          if (s.coverProportion.isZero()) for (const o of OPTIONS) expect([y[o].leaveValue.valueOf(), y[o].hoursValue.valueOf()]).toEqual(["0", "0"]);
        }
      }),
      opts,
    );
  });

  it("costResolved is harmoniseResolved without the comparison table and the totals", () => {
    fc.assert(
      fc.property(memberArb, scenarioArb, (m, sc) => {
        const s = resolveScenario(sc);
        const { comparison, total, ...rest } = harmoniseResolved(m, s);
        expect(comparison.length).toBeGreaterThan(0);
        expect(total).toBeDefined();
        expect(costResolved(m, s)).toEqual(rest);
      }),
      opts,
    );
  });
});
