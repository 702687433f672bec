/**
 * The harmonisation's money rules in whole pence (src/engine/harmonise, src/engine/terms.ts)
 * against a decimal.js reference written out here, on random inputs from a fixed seed
 * (tests/engine/propertySeed.ts; PROPERTY_SEED=random explores, PROPERTY_RUNS_SCALE=10 runs more).
 *
 * The reference works each rule as DESIGN.md states it, in decimal.js at 80 digits with every
 * division last, so it is exact wherever the answer is a half-penny tie (a tie is a terminating
 * decimal, which decimal.js divides exactly), and rounds to the penny half up. Inputs are drawn to
 * hit ties often: pays that are multiples of 37 and 75 (the standard weeks' factors), hours in
 * quarters, FTEs from hours, thirds; each property counts the ties it met and requires some, so
 * it cannot pass by never reaching the case it is for.
 */
import fc from "fast-check";
import DecimalBase from "decimal.js";
import { AFC_HCAS } from "../../../src/data/afc";
import { valueTimeOff } from "../../../src/engine/harmonise/compare";
import { effectiveHourlyRate, enhancedHoursAYear, unsocialPence } from "../../../src/engine/harmonise/package";
import { protectionSchedule } from "../../../src/engine/harmonise/protection";
import type { UnsocialHours, UnsocialRates } from "../../../src/engine/harmonise/types";
import { D } from "../../../src/engine/money";
import { dividedBy, ratio, ratioOf, roundTimes, times, whole, type Ratio } from "../../../src/engine/pence";
import { rateOf, type ExactRate } from "../../../src/engine/rates";
import { hcasPence, hourlyRatePence, perHourOf } from "../../../src/engine/terms";
import { financialYear } from "../../../src/engine/years";
import { runs } from "../propertySeed";

const R = DecimalBase.clone({ precision: 80, rounding: DecimalBase.ROUND_HALF_UP });
type Rd = InstanceType<typeof R>;
const WEEKS = new R("52.143");
const WORKING_DAYS = new R("260.715");

/** £ to the penny, half up, as whole pence: the reference's one rounding. */
const pence = (pounds: Rd): number => pounds.times(100).toDecimalPlaces(0, DecimalBase.ROUND_HALF_UP).toNumber() + 0;
/** Whether a figure in pounds is exactly half a penny past a whole penny. */
const isTie = (pounds: Rd): boolean => pounds.times(100).minus(pounds.times(100).floor()).eq(0.5);
const pounds = (p: number): Rd => new R(p).dividedBy(100);

function same(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`${what}: got ${actual}, expected ${expected}`);
}

/** A full-time pay in pence, often a multiple of 37 or 75 pounds (ties with 37- and 37.5-hour weeks). */
const fullTimePay = fc.oneof(
  fc.integer({ min: 1_200_000, max: 15_000_000 }),
  fc.integer({ min: 300, max: 4_000 }).map((k) => k * 3700),
  fc.integer({ min: 150, max: 2_000 }).map((k) => k * 7500),
  fc.integer({ min: 1_200_000, max: 15_000_000 }).map((p) => p - (p % 37)),
);
/** Weekly hours in quarters, 0.25 to 60. */
const quarterHours = fc.integer({ min: 1, max: 240 }).map((q) => new R(q).dividedBy(4));
const standardWeek = fc.constantFrom("37.5", "37", "36", "35");

describe("the harmonisation's money rules in whole pence agree with decimal.js", () => {
  it("basic pay: full-time pay × FTE, the FTE given (to six places) or hours ÷ the standard week, exactly", () => {
    let ties = 0;
    fc.assert(
      fc.property(fullTimePay, fc.integer({ min: 1, max: 1_000_000 }), quarterHours, standardWeek, fc.boolean(), (full, millionths, hours, week, fromHours) => {
        const fte = fromHours ? ratioOf(new D(hours.toString())) : ratio(millionths, 1_000_000);
        const fteFromHours = fromHours ? dividedBy(fte, ratioOf(new D(week))) : fte;
        const exact = fromHours ? pounds(full).times(hours).dividedBy(week) : pounds(full).times(millionths).dividedBy(1_000_000);
        if (isTie(exact)) ties++;
        same(roundTimes(full, fteFromHours), pence(exact), `£${pounds(full).toString()} × ${fromHours ? `${hours.toString()}/${week}` : millionths / 1e6}`);
      }),
      runs(60_000),
    );
    expect(ties).toBeGreaterThan(100);
  });

  it("hourly rate: full-time pay ÷ (52.143 × weekly hours), and the effective rate of basic pay over contracted hours", () => {
    fc.assert(
      fc.property(fullTimePay, quarterHours, (full, hours) => {
        const exact = pounds(full).dividedBy(WEEKS.times(hours));
        const perHour = perHourOf(ratioOf(new D(hours.toString())));
        same(hourlyRatePence(full, perHour), pence(exact), `£${pounds(full).toString()} over ${hours.toString()} hours`);
        same(effectiveHourlyRate(full, ratioOf(new D(hours.toString()))), pence(exact), "effective rate");
      }),
      runs(40_000),
    );
  });

  it("HCAS: a share of full-time pay between the zone's minimum and maximum, to the penny, then × FTE", () => {
    const years = ["2023/24", "2024/25", "2025/26"].filter((y) => AFC_HCAS[y]);
    let ties = 0;
    fc.assert(
      fc.property(fullTimePay, fc.constantFrom("INNER" as const, "OUTER" as const, "FRINGE" as const), fc.constantFrom(...years), fc.integer({ min: 1, max: 1000 }), (full, area, label, thousandths) => {
        const r = AFC_HCAS[label].value[area];
        const raw = pounds(full).times(r.rate);
        const clamped = raw.lt(r.minimum) ? new R(r.minimum) : raw.gt(r.maximum) ? new R(r.maximum) : raw;
        if (isTie(clamped)) ties++;
        const fullTime = pence(clamped);
        same(hcasPence(full, area, financialYear(Number(label.slice(0, 4)))), fullTime, `${area} ${label} on £${pounds(full).toString()}`);
        same(roundTimes(fullTime, ratio(thousandths, 1000)), pence(pounds(fullTime).times(thousandths).dividedBy(1000)), "pro rata");
      }),
      runs(40_000),
    );
    expect(ties).toBeGreaterThan(10);
  });

  it("unsocial hours: Σ hours × enhancement × hourly rate × 52.143 weeks, a third exactly a third, rounded once", () => {
    const rates = ["0.3", "0.5", "0.6", "1", "1/3", "2/3", "0.25", "1/6"];
    let ties = 0;
    const exactOf = (r: ExactRate): Rd => new R(r.numerator.toString()).dividedBy(r.denominator.toString());
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9000 }),
        fc.array(fc.tuple(quarterHours.filter((h) => h.lte(40)), fc.constantFrom(...rates)), { minLength: 1, maxLength: 4 }),
        (hourly, parts) => {
          const [a, b, c, d] = [...parts, ...Array<[Rd, string]>(4).fill([new R(0), "0.5"])].slice(0, 4);
          const worked: UnsocialHours = {
            nightsAndSaturdays: { split: true, total: new D(a[0].plus(b[0]).toString()), first: new D(a[0].toString()), second: new D(b[0].toString()) },
            sundaysAndPublicHolidays: { split: true, total: new D(c[0].plus(d[0]).toString()), first: new D(c[0].toString()), second: new D(d[0].toString()) },
          };
          const unsocialRates: UnsocialRates = { terms: "NJC", nights: rateOf(a[1]), saturdays: rateOf(b[1]), sundays: rateOf(c[1]), publicHolidays: rateOf(d[1]) };
          // Reference: with a common denominator so the sum of thirds stays exact until the one division.
          const common = 60; // every rate drawn × 60 is a whole number
          const scaled = [a, b, c, d].reduce((sum, [h, r]) => sum.plus(h.times(exactOf(rateOf(r)).times(common).toDecimalPlaces(0))), new R(0));
          const exact = scaled.times(pounds(hourly)).times(WEEKS).dividedBy(common);
          if (isTie(exact)) ties++;
          same(unsocialPence(enhancedHoursAYear(worked, unsocialRates), hourly), pence(exact), `${JSON.stringify(parts.map(([h, r]) => [h.toString(), r]))} at £${pounds(hourly).toString()} an hour`);
        },
      ),
      runs(60_000),
    );
    expect(ties).toBeGreaterThan(10);
  });

  it("leave and hours valued: extra days × basic pay ÷ 260.715 × cover; (longer week − this week) ÷ this week × basic pay × cover", () => {
    let ties = 0;
    fc.assert(
      fc.property(
        fullTimePay,
        fc.integer({ min: 0, max: 15 }),
        quarterHours.filter((h) => h.gte(1)),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom("0", "0.5", "0.75", "1", "1.3", "0.333"),
        (basic, extraDays, hours, extraQuarters, cover) => {
          const longest = hours.plus(new R(extraQuarters).dividedBy(4));
          const c = new R(cover);
          const leave = pounds(basic).times(extraDays).times(c).dividedBy(WORKING_DAYS);
          const hoursValue = longest.minus(hours).times(pounds(basic)).times(c).dividedBy(hours);
          if (isTie(leave) || isTie(hoursValue)) ties++;
          const got = valueTimeOff(basic, 25 + extraDays, ratioOf(new D(hours.toString())), 25, ratioOf(new D(longest.toString())), ratioOf(new D(cover)));
          same(got.leaveValue, pence(leave), `leave: ${extraDays} days on £${pounds(basic).toString()} × ${cover}`);
          same(got.hoursValue, pence(hoursValue), `hours: ${hours.toString()} of ${longest.toString()} on £${pounds(basic).toString()} × ${cover}`);
        },
      ),
      runs(60_000),
    );
    expect(ties).toBeGreaterThan(10);
  });

  it("protection: the level uplifted by each year's award, or tapered, to the penny", () => {
    let ties = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1_500_000, max: 9_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.constantFrom("0", "0.02", "0.025", "0.033", "0.035", "0.0475", "-0.01"), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom("1", "0.75", "0.5", "0.333", "0.25", "0"), { minLength: 1, maxLength: 4 }),
        (base, drops, awards, taper) => {
          const targets = drops.map((d) => Math.max(0, base - d));
          const onePlus: Ratio[] = awards.map((a) => ratioOf(new D(a).plus(1)));
          // Red circle: the base uplifted each year after the first.
          let level = pounds(base);
          const red = protectionSchedule({ kind: "REDCIRCLE", years: null, taper: [] }, base, targets, onePlus);
          targets.forEach((target, t) => {
            if (t > 0) {
              const uplifted = level.times(new R(awards[t]).plus(1));
              if (isTie(uplifted)) ties++;
              level = new R(pence(uplifted)).dividedBy(100);
            }
            if (base > targets[0]) same(red[t].protectedLevel ?? -1, pence(level), `red circle year ${t}`);
          });
          // Tapered: target + share × (base − target).
          const tapered = protectionSchedule({ kind: "TAPERED", years: null, taper: taper.map((x) => new D(x)) }, base, targets, onePlus);
          targets.forEach((target, t) => {
            const share = t < taper.length ? taper[t] : "0";
            if (!(base > targets[0]) || !(base > target)) return;
            const exact = pounds(target).plus(pounds(base - target).times(share));
            if (isTie(exact)) ties++;
            same(tapered[t].protectedLevel ?? -1, pence(exact), `taper year ${t} share ${share}`);
          });
        },
      ),
      runs(30_000),
    );
    expect(ties).toBeGreaterThan(10);
  });

  it("an allowance uplifted by awards year on year, to the penny, then × FTE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 800_000 }), fc.constantFrom("0.02", "0.025", "0.033", "0.0475"), fc.integer({ min: 1, max: 1000 }), (allowance, award, thousandths) => {
        const uplifted = roundTimes(allowance, ratioOf(new D(award).plus(1)));
        same(uplifted, pence(pounds(allowance).times(new R(award).plus(1))), "uplift");
        same(roundTimes(uplifted, times(whole(thousandths), ratio(1, 1000))), pence(pounds(uplifted).times(thousandths).dividedBy(1000)), "× FTE");
      }),
      runs(20_000),
    );
  });
});
