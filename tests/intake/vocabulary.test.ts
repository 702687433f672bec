import { AMBIGUOUS, fieldForHeading, headingsFor, KNOWN_NOT_USED, normaliseHeading, payLikeHeading, STAFF_COLUMNS, suggestionsFor } from "../../src/intake/vocabulary";

describe("the heading vocabulary: every heading the product recognises maps to its one field", () => {
  const cases = STAFF_COLUMNS.flatMap((spec) => headingsFor(spec).map((h) => [h.heading, h.source, spec.field] as const));
  test.each(cases)('"%s" (%s) is read as %s', (heading, _source, field) => {
    expect(fieldForHeading(heading)).toBe(field);
    // Case, spacing and punctuation do not matter.
    expect(fieldForHeading(`  ${heading.toUpperCase().replace(/ /g, "_")} `)).toBe(field);
  });

  it("has the ESR Staff in Post headings", () => {
    expect(fieldForHeading("Assignment Number")).toBe("ref");
    expect(fieldForHeading("Employee Number")).toBe("person");
    expect(fieldForHeading("Staff Group")).toBe("group");
    expect(fieldForHeading("Grade")).toBe("grade");
    expect(fieldForHeading("Contracted WTE")).toBe("fte");
    expect(fieldForHeading("Contracted Hours")).toBe("weeklyHours");
    expect(fieldForHeading("NHS Start Date")).toBe("serviceStartDate");
    expect(fieldForHeading("Latest Start Date")).toBe("latestStartDate");
    expect(fieldForHeading("Step Point")).toBe("step");
  });

  it("has the council headings, the spinal point apart from the local grade", () => {
    expect(fieldForHeading("Person Number")).toBe("person");
    expect(fieldForHeading("Post Number")).toBe("ref");
    expect(fieldForHeading("SCP")).toBe("scp");
    expect(fieldForHeading("Spinal Point")).toBe("scp");
    expect(fieldForHeading("Spinal Column Point")).toBe("scp");
    expect(fieldForHeading("Pay Point")).toBe("payPoint");
    expect(fieldForHeading("Continuous Service Date")).toBe("serviceStartDate");
    expect(fieldForHeading("Location Allowance")).toBe("localAllowance");
    expect(fieldForHeading("Night hours")).toBe("unsocialNights");
    expect(fieldForHeading("Saturday hours")).toBe("unsocialSaturdays");
    expect(fieldForHeading("Sunday hours")).toBe("unsocialSundays");
    expect(fieldForHeading("Bank holiday hours")).toBe("unsocialPublicHolidays");
  });

  it("never reads Organisation as the employer, nor Pay Scale or Service by their heading alone", () => {
    expect(fieldForHeading("Organisation")).toBeNull();
    expect(AMBIGUOUS.get(normaliseHeading("Organisation"))?.kind).toBe("employerOrCostCentre");
    expect(AMBIGUOUS.get(normaliseHeading("Pay Scale"))?.kind).toBe("termsOrPayScaleCode");
    expect(AMBIGUOUS.get(normaliseHeading("Service"))?.kind).toBe("serviceOrTeam");
  });

  it("knows export columns the costing does not need, with why", () => {
    expect(KNOWN_NOT_USED.get(normaliseHeading("Annual Salary"))).toMatch(/worked out from the band/);
    expect(KNOWN_NOT_USED.get(normaliseHeading("Date of Birth"))).toMatch(/personal/);
    expect(KNOWN_NOT_USED.get(normaliseHeading("Position Title"))).toMatch(/job title/);
  });

  it("names a pay-like heading it does not understand, with the headings it could be", () => {
    expect(payLikeHeading("Overtime")).toMatch(/Column "Overtime" looks like an enhancement/);
    expect(payLikeHeading("Shift allowance")).toMatch(/looks like an enhancement/);
    expect(payLikeHeading("Market supplement")).toMatch(/looks like pay, an allowance or hours/);
    expect(payLikeHeading("Night enhancement")).toMatch(/"Night hours"/);
    expect(suggestionsFor("Outer London Weighting")).toEqual(expect.arrayContaining(["London weighting", "HCAS area"]));
    expect(payLikeHeading("Corporate Directorate")).toBeNull();
    expect(payLikeHeading("Favourite colour")).toBeNull();
  });
});
