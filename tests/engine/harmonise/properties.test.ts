/**
 * Properties of harmonisation over arbitrary staff and scenarios (fast-check):
 *  - the levelled-up cost is at least the current and the target cost, every year;
 *  - a protected person's pay never drops below the target pay, under any policy;
 *  - a projection's yearly figures add up to its total (per person, per group, in total);
 *  - results do not depend on the order of the staff list;
 *  - assimilation lands on the lowest point not below current pay, or the top of the grade.
 */
import fc from "fast-check";
import { AFC_PAY } from "../../../src/data/afc";
import {
  harmonisePerson,
  harmoniseStaff,
  OPTIONS,
  type CostLine,
  type HarmonisationScenario,
  type ProtectionPolicy,
} from "../../../src/engine/harmonise";
import { D, type Decimal } from "../../../src/engine/money";
import type { Scheme } from "../../../src/engine/oncosts";
import type { StaffMember } from "../../../src/engine/staff";
import type { HcasChoice, TermsName } from "../../../src/engine/terms";
import { financialYear } from "../../../src/engine/years";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const SEED = process.env.PROPERTY_SEED === undefined ? 20250401 : process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED);
const opts = { numRuns: RUNS, seed: SEED };

const AFC_BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];
/** Runs of NJC points whose 2025/26 pay is in the data: the whole national spine. */
const NJC_RUNS: [number, number][] = [[2, 43]];
const NJC_GRADES = ["2-6", "7-11", "12-15", "16-21", "17-20", "22-25", "26-29", "28-31", "32-37", "38-40", "41-43"];

const dec = (n: number) => new D(n);
const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => new D(n).dividedBy(100));
const halves = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => new D(n).dividedBy(2));

const afcPosition = fc.constantFrom(...AFC_BANDS).chain((band) =>
  fc.record({ band: fc.constant(band), step: fc.option(fc.integer({ min: 1, max: AFC_PAY["2025/26"].value[band].length }), { nil: null }) }),
);
const njcPosition = fc.constantFrom(...NJC_RUNS).chain(([lo, hi]) =>
  fc.integer({ min: lo, max: hi }).chain((point) => fc.record({ point: fc.constant(point), top: fc.option(fc.integer({ min: point, max: hi }), { nil: null }) })),
);

function memberArb(targetTerms: TermsName): fc.Arbitrary<StaffMember> {
  return fc
    .record({
      terms: fc.constantFrom<TermsName>("AFC", "NJC"),
      afc: afcPosition,
      njc: njcPosition,
      fte: hundredths(0.1, 1),
      hoursGiven: fc.boolean(),
      yearsService: fc.integer({ min: 0, max: 30 }),
      yearsInGrade: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
      scheme: fc.constantFrom<Scheme>("NHS", "LGPS", "LGPS5050", "NONE"),
      hcasArea: fc.constantFrom<HcasChoice>("NONE", "INNER", "OUTER", "FRINGE"),
      localAllowance: fc.integer({ min: 0, max: 5000 }),
      nights: halves(20),
      sundays: halves(15),
      targetGrade: targetTerms === "AFC" ? fc.constantFrom(...AFC_BANDS) : fc.constantFrom(...NJC_GRADES),
      group: fc.constantFrom("Nursing", "Social work", "Admin", "Therapies"),
      employer: fc.constantFrom("Trust", "Council"),
    })
    .map((r) => ({
      ref: "",
      name: null,
      group: r.group,
      employer: r.employer,
      terms: r.terms,
      grade: r.terms === "AFC" ? r.afc.band : String(r.njc.point),
      step: r.terms === "AFC" ? r.afc.step : null,
      fte: r.fte,
      weeklyHours: r.hoursGiven ? r.fte.times(r.terms === "AFC" ? "37.5" : "37").toDecimalPlaces(1) : null,
      yearsService: dec(r.yearsService),
      yearsInGrade: r.yearsInGrade === null ? null : dec(Math.min(r.yearsInGrade, r.yearsService)),
      scheme: r.scheme,
      hcasArea: r.terms === "AFC" ? r.hcasArea : "NONE",
      localAllowance: dec(r.localAllowance),
      // Weekday nights given apart, as councils pay them (AfC costs them at its nights-and-Saturdays rate).
      unsocialNightsAndSaturdays: dec(0),
      unsocialNights: r.nights,
      unsocialSundaysAndPublicHolidays: r.sundays,
      targetGrade: r.targetGrade,
      gradeTop: r.terms === "NJC" ? r.njc.top : null,
    }));
}

const protectionArb: fc.Arbitrary<ProtectionPolicy> = fc.oneof(
  fc.constant<ProtectionPolicy>({ kind: "NONE" }),
  fc.integer({ min: 0, max: 6 }).map((years): ProtectionPolicy => ({ kind: "CASH", years })),
  fc.integer({ min: 0, max: 6 }).map((years): ProtectionPolicy => ({ kind: "CASH_WITH_AWARDS", years })),
  fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }).map((years): ProtectionPolicy => ({ kind: "MARKTIME", years })),
  fc.array(hundredths(0, 1), { minLength: 1, maxLength: 5 }).map((taper): ProtectionPolicy => ({ kind: "TAPERED", taper })),
  fc.constant<ProtectionPolicy>({ kind: "REDCIRCLE" }),
);

function scenarioArb(targetTerms: TermsName, movePension: fc.Arbitrary<boolean>): fc.Arbitrary<HarmonisationScenario> {
  return fc.record({
    target: fc.record({
      terms: fc.constant(targetTerms),
      hcasArea: fc.constantFrom<HcasChoice | null>(null, "NONE", "OUTER"),
      localAllowance: fc.option(fc.integer({ min: 0, max: 4000 }).map(dec), { nil: null }),
      unsocialRates: fc.constant({ sundaysAndPublicHolidays: new D("0.5") }),
    }),
    current: fc.constant({ NJC: { unsocialRates: { sundaysAndPublicHolidays: new D("0.5") } } }),
    year: fc.constantFrom(financialYear(2025), financialYear(2026)),
    projectionYears: fc.integer({ min: 1, max: 6 }),
    protection: protectionArb,
    protectUnsocial: fc.boolean(),
    payAwards: fc.record({ AFC: hundredths(0, 0.06), NJC: hundredths(0, 0.06) }),
    lgpsEmployerRate: hundredths(0.15, 0.25),
    nhsRateBasis: fc.constantFrom<"FULL" | "LOCAL">("FULL", "LOCAL"),
    coverProportion: hundredths(0, 1.5),
    movePension,
    hoursBasis: fc.constantFrom<"KEEP_FTE" | "KEEP_HOURS">("KEEP_FTE", "KEEP_HOURS"),
  });
}

const personCase = (move: fc.Arbitrary<boolean>) =>
  fc.constantFrom<TermsName>("AFC", "NJC").chain((t) => fc.tuple(memberArb(t), scenarioArb(t, move)));

const show = (x: unknown) => JSON.stringify(x);

describe("levelling up", () => {
  test("with pensions kept (the default), the levelled-up cost is at least the current and the target cost every year", () => {
    fc.assert(
      fc.property(personCase(fc.constant(false)), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        for (const y of r.years) {
          for (const field of ["pay", "employerCost", "total"] as const) {
            expect(y.levelledUp[field].gte(y.current[field])).toBe(true);
            expect(y.levelledUp[field].gte(y.target[field])).toBe(true);
          }
        }
      }),
      opts,
    );
  });

  test("when people move pension scheme, levelled up is still at least the target cost and at least the current pay", () => {
    // (Moving from the NHS scheme to the LGPS can cut the employer's pension cost below the current cost.)
    fc.assert(
      fc.property(personCase(fc.constant(true)), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        for (const y of r.years) {
          expect(y.levelledUp.total.gte(y.target.total)).toBe(true);
          expect(y.levelledUp.pay.gte(y.current.pay)).toBe(true);
        }
      }),
      opts,
    );
  });
});

describe("protection", () => {
  test("a protected person's pay never drops below the target pay, under any policy", () => {
    fc.assert(
      fc.property(personCase(fc.boolean()), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        for (const y of r.years) {
          expect(y.basicProtection.paid.gte(y.basicProtection.targetPay)).toBe(true);
          expect(y.basicProtection.targetPay.eq(y.target.basicPay)).toBe(true);
          expect(y.protected.pay.gte(y.target.pay)).toBe(true);
          expect(y.protected.employerCost.gte(y.target.employerCost)).toBe(true);
          if (y.unsocialProtection) expect(y.unsocialProtection.paid.gte(y.target.unsocial)).toBe(true);
        }
      }),
      opts,
    );
  });

  test("protected pay is never above the protected level, and only people who lose pay are protected", () => {
    fc.assert(
      fc.property(personCase(fc.boolean()), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        const loses = r.current.basicPay.gt(r.target.basicPay);
        for (const y of r.years) {
          const p = y.basicProtection;
          if (!loses) expect(p.active).toBe(false);
          if (p.active) expect(p.paid.eq(p.protectedLevel as Decimal)).toBe(true);
        }
      }),
      opts,
    );
  });
});

const LINE_FIELDS: readonly (keyof CostLine)[] = ["basicPay", "supplement", "unsocial", "protection", "pay", "employerNi", "employerPension", "apprenticeshipLevy", "employerCost", "leaveValue", "hoursValue", "total"];

describe("projections add up", () => {
  test("a person's yearly figures add up to their total, for every option and every element", () => {
    fc.assert(
      fc.property(personCase(fc.boolean()), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        for (const o of OPTIONS)
          for (const f of LINE_FIELDS) {
            const sum = r.years.reduce((a, y) => a.plus(y[o][f]), new D(0));
            expect(sum.eq(r.total[o][f])).toBe(true);
          }
        for (const y of r.years)
          for (const o of OPTIONS) {
            const l = y[o];
            expect(l.pay.eq(l.basicPay.plus(l.supplement).plus(l.unsocial).plus(l.protection))).toBe(true);
            expect(l.total.eq(l.employerCost.plus(l.leaveValue).plus(l.hoursValue))).toBe(true);
            for (const f of LINE_FIELDS) expect(l[f].decimalPlaces()).toBeLessThanOrEqual(2);
          }
      }),
      opts,
    );
  });

  const staffCase = fc.constantFrom<TermsName>("AFC", "NJC").chain((t) =>
    fc.tuple(fc.array(memberArb(t), { minLength: 1, maxLength: 8 }).map((ms) => ms.map((x, i) => ({ ...x, ref: `E${i + 1}` }))), scenarioArb(t, fc.boolean())),
  );

  test("a staff list's years add up to its total; groups and employers add up to the total each year", () => {
    fc.assert(
      fc.property(staffCase, ([members, sc]) => {
        const res = harmoniseStaff(members, sc);
        for (const o of OPTIONS) {
          const years = res.total.years.reduce((a, y) => a.plus(y[o].total), new D(0));
          expect(years.eq(res.total.total[o].total)).toBe(true);
          res.total.years.forEach((y, t) => {
            for (const split of [res.byGroup, res.byEmployer]) {
              const parts = split.reduce((a, g) => a.plus(g.years[t][o].total), new D(0));
              expect(parts.eq(y[o].total)).toBe(true);
            }
            let people = new D(0);
            for (let i = 0; i < res.count; i++) people = people.plus(res.line(i, t, o).employerCost);
            expect(people.eq(y[o].employerCost)).toBe(true);
          });
        }
        expect(res.total.headcount).toBe(members.length);
      }),
      { ...opts, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test("each person's cost lines held in columns are the figures the person costed in full gives, figure for figure", () => {
    fc.assert(
      fc.property(staffCase, ([members, sc]) => {
        const res = harmoniseStaff(members, sc);
        expect(res.count).toBe(members.length);
        for (let i = 0; i < res.count; i++) {
          const person = harmonisePerson(members[i], sc);
          expect(res.ref(i)).toBe(members[i].ref);
          expect(show(res.person(i))).toBe(show(person));
          person.years.forEach((y, t) => {
            for (const o of OPTIONS) {
              expect(show(res.line(i, t, o))).toBe(show(y[o]));
              for (const f of LINE_FIELDS) expect(res.linePence(i, t, o)[f]).toBe(y[o][f].times(100).toNumber());
            }
          });
        }
      }),
      { ...opts, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test("results do not depend on the order of the staff", () => {
    fc.assert(
      fc.property(
        staffCase.chain(([members, sc]) => fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length, maxLength: members.length }), fc.constant(sc))),
        ([members, shuffled, sc]) => {
          const a = harmoniseStaff(members, sc);
          const b = harmoniseStaff(shuffled, sc);
          expect(show(b.total)).toBe(show(a.total));
          expect(show(b.byGroup)).toBe(show(a.byGroup));
          expect(show(b.byEmployer)).toBe(show(a.byEmployer));
          const byRef = (r: typeof a) => Object.fromEntries(Array.from({ length: r.count }, (_, i) => [r.ref(i), show(r.person(i))]));
          expect(byRef(b)).toEqual(byRef(a));
        },
      ),
      { ...opts, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe("assimilation", () => {
  test("the lowest point not below current pay, or the top of the grade when none is", () => {
    fc.assert(
      fc.property(personCase(fc.constant(false)), ([mem, sc]) => {
        const r = harmonisePerson(mem, sc);
        const a = r.assimilation;
        if (a.rule === "ABOVE_TOP") {
          expect(a.currentPay.gt(a.pay)).toBe(true);
          expect(a.shortfall.eq(a.currentPay.minus(a.pay))).toBe(true);
        } else {
          expect(a.pay.gte(a.currentPay)).toBe(true);
          expect(a.shortfall.isZero()).toBe(true);
        }
        expect(a.pay.eq(r.target.basicPay)).toBe(true);
      }),
      opts,
    );
  });
});
