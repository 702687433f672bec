import { D, type Decimal } from "../../../src/engine/money";
import type { StaffMember } from "../../../src/engine/staff";
import { financialYear } from "../../../src/engine/years";

export const Y2025 = financialYear(2025);

/** A full-time AfC band 5 step 1 nurse with one year's service, unless overridden. */
export function member(o: Partial<StaffMember> = {}): StaffMember {
  return {
    ref: "P1",
    name: null,
    group: "Nursing",
    employer: "Northshire NHS Trust",
    terms: "AFC",
    grade: "5",
    step: 1,
    fte: new D(1),
    weeklyHours: null,
    yearsService: new D(1),
    yearsInGrade: new D(1),
    scheme: "NHS",
    hcasArea: "NONE",
    localAllowance: new D(0),
    unsocialNightsAndSaturdays: new D(0),
    unsocialSundaysAndPublicHolidays: new D(0),
    targetGrade: null,
    ...o,
  };
}

/** Money as the 2-decimal string a sheet shows. */
export const m = (d: Decimal): string => d.toFixed(2);

/** A Decimal from arithmetic written out in the test, rounded to the penny, half up. */
export const pennies = (x: string | number | Decimal): string => new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);

export const d = (x: string | number): Decimal => new D(x);
