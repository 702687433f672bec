import { invalidNumber, invalidValue } from "../errors";
import { dec, ZERO, type Decimal } from "../money";
import { ONE_RATIO, plus as plusRatio, ratioOf, type Ratio } from "../pence";
import { givenValue, type RateGiven } from "../rates";
import { standardHours } from "../terms";
import type { TermsName } from "../terms";
import { defaultYear } from "../defaultYear";
import { checkAward, suppliedPayLabel, suppliedPayProblem, type SuppliedPay } from "../scales";
import type { FinancialYear } from "../years";
import {
  PROTECTION_KINDS,
  type ConditionsOptions,
  type HarmonisationScenario,
  type PayScheme,
  type ResolvedScenario,
  type UnsocialRateInput,
} from "./types";

export const DEFAULT_PROJECTION_YEARS = 5;
const MAX_PROJECTION_YEARS = 40;

/** The default base year: the one default year of every function and the pack (src/engine/defaultYear.ts). */
export function defaultBaseYear(): FinancialYear {
  return defaultYear();
}

function fraction(v: Decimal | null | undefined, what: string, max = 1): Decimal | null {
  if (v === null || v === undefined) return null;
  if (!v.isFinite() || v.isNegative() || v.gt(max))
    throw invalidNumber(`${what} is a fraction from 0 to ${max} (30% is 0.3); got ${v.toString()}.`);
  return v;
}

/** An assumed pay award: from −10% to +25% (src/engine/scales.ts checkAward says why). */
function award(v: Decimal | null | undefined, what: string): Decimal | null {
  if (v === null || v === undefined) return null;
  checkAward(v, what);
  return v;
}

function wholeYears(n: number | null | undefined, what: string, min: number): number | null {
  if (n === null || n === undefined) return null;
  if (!Number.isInteger(n) || n < min || n > MAX_PROJECTION_YEARS)
    throw invalidNumber(`${what} must be a whole number of years from ${min} to ${MAX_PROJECTION_YEARS}; got ${n}.`);
  return n;
}

function hours(v: Decimal | null | undefined, what: string): Decimal | null {
  if (v === null || v === undefined) return null;
  if (!v.isFinite() || !v.isPositive() || v.gt(80)) throw invalidNumber(`${what} must be more than 0 and at most 80 hours a week; got ${v.toString()}.`);
  return v;
}

function extraDays(n: number | null | undefined, what: string): number {
  if (n === null || n === undefined) return 0;
  if (!Number.isFinite(n) || n < 0 || n > 60) throw invalidNumber(`${what} must be from 0 to 60 days; got ${n}.`);
  return n;
}

/** An enhancement rate, time plus 0 to 3 (a decimal, or exact such as a third). */
function enhancement(v: RateGiven | null | undefined, what: string): RateGiven | null {
  if (v === null || v === undefined) return null;
  fraction(givenValue(v), what, 3);
  return v;
}

function rates(r: UnsocialRateInput | null | undefined, what: string): UnsocialRateInput {
  return {
    nightsAndSaturdays: enhancement(r?.nightsAndSaturdays, `${what} nights and Saturdays rate`),
    sundaysAndPublicHolidays: enhancement(r?.sundaysAndPublicHolidays, `${what} Sundays and public holidays rate`),
    nights: enhancement(r?.nights, `${what} night rate`),
    saturdays: enhancement(r?.saturdays, `${what} Saturday rate`),
    sundays: enhancement(r?.sundays, `${what} Sunday rate`),
    publicHolidays: enhancement(r?.publicHolidays, `${what} public holiday rate`),
  };
}

function conditions(terms: TermsName, o: ConditionsOptions | null | undefined, what: string) {
  const r = o?.unsocialRates;
  if (terms === "AFC" && r)
    for (const [k, words] of [["nights", "night"], ["saturdays", "Saturday"], ["sundays", "Sunday"], ["publicHolidays", "public holiday"]] as const)
      if (r[k] !== null && r[k] !== undefined)
        throw invalidValue(
          `${what} terms are Agenda for Change, which pays ${k === "nights" || k === "saturdays" ? "weekday nights and Saturdays" : "Sundays and public holidays"} at one rate: give ${k === "nights" || k === "saturdays" ? "nightsAndSaturdays" : "sundaysAndPublicHolidays"} instead of a ${words} rate.`,
        );
  return {
    standardHours: hours(o?.standardHours, `${what} standard weekly hours`) ?? standardHours(terms),
    extraLeaveDays: extraDays(o?.extraLeaveDays, `${what} extra leave days`),
    unsocialRates: rates(o?.unsocialRates, what),
  };
}

/** Fills in every default and checks every figure, with messages that say what to change. */
export function resolveScenario(s: HarmonisationScenario): ResolvedScenario {
  if (!s || !s.target) throw invalidValue("The scenario needs target terms (AFC or NJC).");
  const t = s.target;
  if (t.terms !== "AFC" && t.terms !== "NJC") throw invalidValue(`Target terms must be AFC or NJC; got "${String(t.terms)}".`);
  const p = s.protection ?? { kind: "NONE" };
  if (!PROTECTION_KINDS.includes(p.kind))
    throw invalidValue(`Protection policy "${String(p.kind)}" is not recognised. Use one of: ${PROTECTION_KINDS.join(", ")}.`);
  const years = wholeYears(p.years, "Protection years", 0);
  if ((p.kind === "CASH" || p.kind === "CASH_WITH_AWARDS") && years === null)
    throw invalidValue(`${p.kind} protection needs a number of years (e.g. 3).`);
  const taper = (p.taper ?? []).map((x, i) => fraction(x, `Taper year ${i + 1}`) as Decimal);
  if (p.kind === "TAPERED" && taper.length === 0)
    throw invalidValue("TAPERED protection needs a schedule: the share of the pay loss protected each year, e.g. 100%, 50%, 0%.");

  const aw = s.payAwards ?? {};
  const afcAward = award(aw.AFC, "The AfC pay award") ?? ZERO;
  const njcAward = award(aw.NJC, "The NJC pay award") ?? ZERO;
  const byYear: Record<string, Partial<Record<PayScheme, Decimal>>> = {};
  for (const [label, v] of Object.entries(aw.byYear ?? {})) {
    const entry: Partial<Record<PayScheme, Decimal>> = {};
    for (const k of ["AFC", "NJC", "LOCAL"] as const) {
      const a = award(v[k], `The ${label} ${k} pay award`);
      if (a !== null) entry[k] = a;
    }
    byYear[label] = entry;
  }

  const allowance = t.localAllowance ?? null;
  if (allowance !== null && (!allowance.isFinite() || allowance.isNegative()))
    throw invalidNumber(`The target local allowance must not be negative; got ${allowance.toString()}.`);
  const cover = s.coverProportion ?? ZERO;
  if (!cover.isFinite() || cover.isNegative() || cover.gt(5))
    throw invalidNumber(`The cover proportion is a fraction from 0 to 5 (50% of time off backfilled is 0.5); got ${cover.toString()}.`);

  const tc = conditions(t.terms, t, "Target");
  return {
    target: {
      terms: t.terms,
      scale: t.scale ?? { kind: t.terms },
      hcasArea: t.hcasArea ?? null,
      localAllowance: allowance ?? ZERO,
      ...tc,
    },
    current: {
      AFC: conditions("AFC", s.current?.AFC, "Current AfC"),
      NJC: conditions("NJC", s.current?.NJC, "Current NJC"),
    },
    year: s.year ?? defaultBaseYear(),
    projectionYears: wholeYears(s.projectionYears, "Projection years", 1) ?? DEFAULT_PROJECTION_YEARS,
    protection: { kind: p.kind, years, taper },
    protectUnsocial: s.protectUnsocial ?? false,
    payAwards: { AFC: afcAward, NJC: njcAward, LOCAL: award(aw.LOCAL, "The local scale pay award") ?? (t.terms === "AFC" ? afcAward : njcAward), byYear },
    payAwardsGiven: { AFC: aw.AFC !== null && aw.AFC !== undefined, NJC: aw.NJC !== null && aw.NJC !== undefined },
    lgpsEmployerRate: fraction(s.lgpsEmployerRate, "The LGPS employer rate"),
    nhsRateBasis: s.nhsRateBasis ?? "FULL",
    coverProportion: cover,
    movePension: s.movePension ?? false,
    hoursBasis: s.hoursBasis ?? "KEEP_FTE",
    jobMatch: s.jobMatch ?? [],
    increments: s.increments ?? true,
    suppliedPay: checkedSuppliedPay(s.suppliedPay),
  };
}

/** The assumed award for a pay scheme in a financial year (the year's exception, else the scheme's rate). */
export function awardFor(s: ResolvedScenario, scheme: PayScheme, fy: FinancialYear): Decimal {
  return s.payAwards.byYear[fy.label]?.[scheme] ?? s.payAwards[scheme];
}

/** 1 + the award assumed for a scheme in a year, exactly: what a figure uplifted by it is multiplied by. */
export function onePlusAward(s: ResolvedScenario, scheme: PayScheme, fy: FinancialYear): Ratio {
  const award = awardFor(s, scheme, fy);
  let r = ONE_PLUS.get(award);
  if (!r) ONE_PLUS.set(award, (r = plusRatio(ONE_RATIO, ratioOf(award))));
  return r;
}
const ONE_PLUS = new WeakMap<Decimal, Ratio>();

export const pct = (d: Decimal): string => `${dec(d).times(100).toDecimalPlaces(2).toString()}%`;

/** The supplied pay figures, each checked by the one rule (suppliedPayProblem); two for one point and year are refused. */
function checkedSuppliedPay(list: readonly SuppliedPay[] | null | undefined): readonly SuppliedPay[] {
  if (!list || list.length === 0) return [];
  const seen = new Set<string>();
  for (const p of list) {
    const why = suppliedPayProblem(p);
    if (why !== null) throw invalidValue(why);
    const label = suppliedPayLabel(p);
    if (seen.has(label)) throw invalidValue(`Two supplied figures for ${label}: keep one.`);
    seen.add(label);
  }
  return list;
}
