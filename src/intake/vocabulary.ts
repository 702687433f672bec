/**
 * Every heading the product recognises in a staff list, in one place: ours (docs/staff-list.md),
 * ESR Staff in Post's, and the common council HR/payroll systems' (iTrent, SAP, Oracle,
 * ResourceLink). A heading maps to one field; a heading that could mean two things is listed in
 * AMBIGUOUS with what decides it; a heading known to carry nothing the costing needs is listed in
 * KNOWN_NOT_USED with why; a heading that looks like pay, an allowance, hours or an enhancement but
 * is none of these stops the run (payLikeHeading), because ignoring it would cost the person at £0.
 *
 * Headings are compared after normaliseHeading: case, spaces, underscores and punctuation do not
 * matter, "&" reads as "and", and small words ("and", "of", "the"...) are dropped.
 */

export type StaffField =
  | "ref"
  | "person"
  | "name"
  | "group"
  | "employer"
  | "terms"
  | "grade"
  | "scp"
  | "step"
  | "payPoint"
  | "fte"
  | "weeklyHours"
  | "yearsService"
  | "serviceStartDate"
  | "latestStartDate"
  | "yearsInGrade"
  | "scheme"
  | "hcasArea"
  | "localAllowance"
  | "unsocialNightsAndSaturdays"
  | "unsocialSundaysAndPublicHolidays"
  | "unsocialNights"
  | "unsocialSaturdays"
  | "unsocialSundays"
  | "unsocialPublicHolidays"
  | "targetGrade"
  | "gradeTop";

/** Where a heading comes from: our own list, or the export that writes it. */
export type HeadingSource = "ours" | "ESR" | "iTrent" | "SAP" | "Oracle" | "ResourceLink" | "common";

export interface ColumnSpec {
  field: StaffField;
  /** The heading we document and use in messages. */
  heading: string;
  /** What the column is taken as, in the intake report. */
  takenAs: string;
  /** Other headings for the same thing, by where they are written. */
  synonyms: Partial<Record<HeadingSource, readonly string[]>>;
}

/** The documented columns (docs/staff-list.md), in the order we suggest. */
export const STAFF_COLUMNS: readonly ColumnSpec[] = [
  {
    field: "ref",
    heading: "Employee reference",
    takenAs: "the reference of each row (one row per post or assignment)",
    synonyms: {
      ours: ["Emp Ref", "Employee reference number", "Staff ID", "Staff number", "Staff no", "Staff ref", "Staff reference", "Ref", "Reference", "ID"],
      ESR: ["Assignment Number", "Assignment No"],
      iTrent: ["Employee Ref", "Assignment No.", "Post Number", "Post No"],
      SAP: ["Personnel Number", "Pers.No.", "Personnel No"],
      Oracle: ["Assignment Number"],
      ResourceLink: ["Payroll Number", "Payroll No", "Payroll Ref", "Payroll reference"],
      common: ["Employee No", "Emp No", "Employee ID", "Emp ID", "Payroll ID", "Person ID"],
    },
  },
  {
    field: "person",
    heading: "Employee number",
    takenAs: "the person: rows with the same number are one person's assignments, costed each and counted once",
    synonyms: { ESR: ["Employee Number"], iTrent: ["Person Number", "Person No", "Person Ref"], Oracle: ["Person Number"] },
  },
  {
    field: "name",
    heading: "Name",
    takenAs: "the name (shown only when names are asked for)",
    synonyms: { ours: ["Employee name", "Full name", "Staff name"], ESR: ["Full Name"], common: ["Surname and forename", "Forename and surname", "Employee Full Name"] },
  },
  {
    field: "group",
    heading: "Staff group",
    takenAs: "the staff group the summary totals by",
    synonyms: {
      ours: ["Group", "Professional group", "Occupational group", "Occupation group", "Occupation", "Staff category", "Job family", "Staff type"],
      ESR: ["Staff Group"],
    },
  },
  {
    field: "employer",
    heading: "Current employer",
    takenAs: "the current employer the summary totals by",
    synonyms: { ours: ["Employer", "Current organisation", "Current organization", "Transferring employer", "From employer"], common: ["Employing organisation", "Employing body", "Company"] },
  },
  {
    field: "terms",
    heading: "Current terms",
    takenAs: "the terms each person is on now (AFC or NJC)",
    synonyms: { ours: ["Terms", "Terms and conditions", "Current terms and conditions", "T and Cs", "Ts and Cs", "TCs", "Pay terms", "Contract terms", "Conditions"] },
  },
  {
    field: "grade",
    heading: "Band or grade",
    takenAs: "the Agenda for Change band (and, with no point column, the NJC point)",
    synonyms: {
      ours: ["Band", "Pay band", "AfC band", "Grade or band", "Current band", "Current grade", "Band or SCP", "Grade or SCP", "Band SCP", "Grade SCP", "Pay grade", "Band grade"],
      ESR: ["Grade"],
      common: ["Grade"],
    },
  },
  {
    field: "scp",
    heading: "Spinal column point",
    takenAs: "the NJC spinal column point (sets NJC pay)",
    synonyms: {
      ours: ["SCP", "Spine point", "NJC SCP", "NJC point", "Spinal column", "Current SCP"],
      iTrent: ["Spinal Point"],
      ResourceLink: ["Spinal Column Point", "SCP Point"],
      common: ["Spinal point"],
    },
  },
  {
    field: "step",
    heading: "Step",
    takenAs: "the Agenda for Change pay step",
    synonyms: { ours: ["Pay step", "Band step", "AfC step", "Increment", "Step on band", "Step point"], ESR: ["Step Point", "Spinal Step"] },
  },
  {
    field: "payPoint",
    heading: "Pay point",
    takenAs: "the pay point: the step for Agenda for Change staff, the spinal column point for NJC staff",
    synonyms: { ESR: ["Pay Point"], iTrent: ["Pay Point"], SAP: ["Pay Scale Level"], common: ["Point"] },
  },
  {
    field: "fte",
    heading: "FTE",
    takenAs: "the full-time equivalent",
    synonyms: { ours: ["WTE", "Whole time equivalent", "Full time equivalent", "FTE ratio"], ESR: ["Contracted WTE", "Assignment WTE"], iTrent: ["FTE"], SAP: ["Capacity Util. Lvl"], common: ["Contracted FTE"] },
  },
  {
    field: "weeklyHours",
    heading: "Weekly hours",
    takenAs: "the contracted hours a week",
    synonyms: {
      ours: ["Hours", "Hours week", "Contracted weekly hours", "Hrs", "Weekly contracted hours", "Hours a week"],
      ESR: ["Contracted Hours"],
      iTrent: ["Hours", "Working Hours"],
      SAP: ["Weekly Working Hours"],
      common: ["Contracted hours", "Hours per week"],
    },
  },
  {
    field: "yearsService",
    heading: "Years of service",
    takenAs: "completed years of service",
    synonyms: { ours: ["Years service", "Length of service", "Reckonable service", "Service years", "Service in years", "LOS", "Continuous service"], common: ["Years of continuous service", "Reckonable service years"] },
  },
  {
    field: "serviceStartDate",
    heading: "Continuous service date",
    takenAs: "the start of reckonable service: completed years of service at the start of the pack's financial year",
    synonyms: { ESR: ["NHS Start Date", "NHS Service Date"], iTrent: ["Continuous Service Date"], ResourceLink: ["Continuous Service Start Date", "CSD"], common: ["Continuous employment date", "Local government service date"] },
  },
  {
    field: "latestStartDate",
    heading: "Latest start date",
    takenAs: "the start with this employer: completed years of service at the start of the pack's financial year, when there is no NHS or continuous service date",
    synonyms: { ESR: ["Latest Start Date"], common: ["Start date", "Date started", "Employment start date", "Date of joining"] },
  },
  { field: "yearsInGrade", heading: "Years in grade", takenAs: "completed years in the band or grade", synonyms: { ours: ["Years in band", "Time in grade", "Time in band", "Years on grade", "Years on band"] } },
  {
    field: "scheme",
    heading: "Pension scheme",
    takenAs: "the pension scheme (NHS, LGPS main or 50/50, none)",
    synonyms: { ours: ["Pension", "Scheme", "Pension scheme membership"], ESR: ["Pension Scheme", "Superannuation Scheme"], iTrent: ["Pension Scheme Name"], common: ["Superannuation"] },
  },
  { field: "hcasArea", heading: "HCAS area", takenAs: "the AfC High Cost Area Supplement zone", synonyms: { ours: ["HCAS", "High cost area", "High cost area supplement", "HCAS zone", "High cost area zone"] } },
  {
    field: "localAllowance",
    heading: "London weighting",
    takenAs: "a council London weighting or local allowance, £ a year full time",
    synonyms: { ours: ["Local allowance", "London allowance", "Location allowance", "London weighting allowance", "Local weighting"], iTrent: ["Location Allowance"] },
  },
  {
    field: "unsocialNightsAndSaturdays",
    heading: "Unsocial hours nights and Saturdays",
    takenAs: "AfC unsocial hours a week on weekday nights and Saturdays",
    synonyms: {
      ours: [
        "Unsocial nights and Saturdays", "Unsocial hours Saturdays and nights", "Unsocial Saturdays and nights", "Nights and Saturdays",
        "Unsocial hours nights Saturdays", "Unsocial nights", "Unsocial hours nights", "Unsocial hours Saturday and night",
        "Unsocial hours night and Saturday", "Unsocial night and Saturday",
      ],
    },
  },
  {
    field: "unsocialSundaysAndPublicHolidays",
    heading: "Unsocial hours Sundays and public holidays",
    takenAs: "AfC unsocial hours a week on Sundays and public holidays",
    synonyms: {
      ours: [
        "Unsocial Sundays and public holidays", "Unsocial hours Sundays and bank holidays", "Unsocial Sundays and bank holidays",
        "Sundays and public holidays", "Sundays and bank holidays", "Unsocial hours Sundays", "Unsocial Sundays",
        "Unsocial hours Sunday and public holiday", "Unsocial Sunday and bank holiday",
      ],
    },
  },
  {
    field: "unsocialNights",
    heading: "Night hours",
    takenAs: "hours a week of night work (8pm to 6am) on weekdays, paid at the council night rate",
    synonyms: { common: ["Nights hours", "Weekday night hours", "Night work hours", "Hours of night work", "Night duty hours"] },
  },
  { field: "unsocialSaturdays", heading: "Saturday hours", takenAs: "hours a week worked on Saturdays", synonyms: { common: ["Saturdays hours", "Hours on Saturdays", "Saturday working hours"] } },
  { field: "unsocialSundays", heading: "Sunday hours", takenAs: "hours a week worked on Sundays", synonyms: { common: ["Sundays hours", "Hours on Sundays", "Sunday working hours"] } },
  {
    field: "unsocialPublicHolidays",
    heading: "Public holiday hours",
    takenAs: "hours a week (averaged over the year) worked on public holidays",
    synonyms: { common: ["Bank holiday hours", "Bank holidays hours", "Public holidays hours", "BH hours", "Hours on bank holidays", "Hours on public holidays"] },
  },
  {
    field: "targetGrade",
    heading: "Target job match",
    takenAs: "the grade on the target terms",
    synonyms: { ours: ["Target grade", "Target band", "Job match", "Matched grade", "Matched band", "Target", "New grade", "New band", "Target job", "Target SCP", "Target points"] },
  },
  {
    field: "gradeTop",
    heading: "Top of grade",
    takenAs: "the top spinal column point of the NJC grade, for increments",
    synonyms: { ours: ["Grade top", "Top SCP", "Top point", "Grade top SCP", "Top of grade SCP", "Max SCP", "Maximum SCP", "Grade max", "SCP top"] },
  },
];

const STOP_WORDS = new Set(["and", "the", "of", "per", "a", "in"]);

/** "Emp_Ref", "emp ref", "EMP-REF" -> "empref"; "&" reads as "and"; small words dropped (unless nothing else is left). */
export function normaliseHeading(text: string): string {
  const tokens = text
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
  const kept = tokens.filter((t) => !STOP_WORDS.has(t));
  return (kept.length > 0 ? kept : tokens).join("");
}

/**
 * Headings that mean different things in different lists: what is decided, and how. The intake
 * looks at the column's values (AMBIGUOUS_BY_VALUE) or reports the column and asks for a clearer
 * heading; it never picks one reading silently.
 */
export type AmbiguousHeading =
  /** "Pay Scale": the terms ("AFC", "NJC") in our lists; ESR pay scale codes in an ESR export. */
  | { kind: "termsOrPayScaleCode" }
  /** "Service": years of service, a date, or a council team/service name. */
  | { kind: "serviceOrTeam" }
  /** "Organisation": the employer in our lists; the cost centre in an ESR export. */
  | { kind: "employerOrCostCentre" }
  /** A heading that cannot be placed in one column: the message says how to split or rename it. */
  | { kind: "split"; message: string };

const AMBIGUOUS_LIST: readonly [string[], AmbiguousHeading][] = [
  [["Pay Scale", "Scale", "Payscale"], { kind: "termsOrPayScaleCode" }],
  [["Service", "Service Area", "Service Name"], { kind: "serviceOrTeam" }],
  [["Organisation", "Organization", "Org", "Organisation Name", "Current Organisation Name"], { kind: "employerOrCostCentre" }],
  [
    ["Unsocial hours", "Unsocial"],
    {
      kind: "split",
      message:
        'Unsocial hours are paid at different rates for nights and Saturdays and for Sundays and public holidays: split this column into "Unsocial hours nights and Saturdays" and "Unsocial hours Sundays and public holidays" (hours a week each).',
    },
  ],
  [
    ["Outer London Weighting", "Inner London Weighting", "Fringe London Weighting", "Outer London Allowance", "Inner London Allowance"],
    {
      kind: "split",
      message:
        'This could be an Agenda for Change High Cost Area Supplement (give the zone in a "HCAS area" column: INNER, OUTER or FRINGE) or a council London weighting (give the £ a year, full time, in a "London weighting" column). Rename the column to the one it is.',
    },
  ],
];

export const AMBIGUOUS: ReadonlyMap<string, AmbiguousHeading> = new Map(
  AMBIGUOUS_LIST.flatMap(([headings, a]) => headings.map((h): [string, AmbiguousHeading] => [normaliseHeading(h), a])),
);

/**
 * Headings an export carries that the costing does not need, with why: listed in the intake
 * report as "not used", never a reason to stop.
 */
const KNOWN_NOT_USED_LIST: readonly [string[], string][] = [
  [["Cost Centre", "Cost Center", "Cost Code", "Organisation Code", "Org Code", "Department", "Directorate", "Division", "Team", "Location", "Site", "Base", "Work Location", "Ward"], "where the post sits, not used in the costing"],
  [["Position", "Position Title", "Position Number", "Job Title", "Job Role", "Role", "Post Title", "Post", "Area of Work", "Occupation Code", "Job Code"], "the job title or position, not used in the costing"],
  [["Pay Scale Code", "Grade Code", "Pay Scale Area", "Pay Scale Type", "Pay Scale Group"], "a payroll code: the terms and grade are read from their own columns"],
  [["Annual Salary", "Basic Salary", "Salary", "FTE Salary", "Basic Pay", "Annual Basic Pay", "Full Time Salary", "Actual Salary", "Annual Pay"], "pay is worked out from the band, step or point and the year's published scales, so a salary column is not used (compare it with the Detail sheet)"],
  [["Date of Birth", "DOB", "Age", "Gender", "Sex", "Ethnic Origin", "Ethnicity", "Disability", "Religious Belief", "Sexual Orientation", "Marital Status", "Nationality"], "personal information, not used"],
  [["Title", "Forename", "First Name", "Surname", "Last Name", "Known As", "Middle Name", "Initials"], "part of the name, not used"],
  [["Assignment Category", "Assignment Status", "Employee Category", "Employment Status", "Contract Type", "Permanent or Fixed Term", "Assignment Type", "Employee Status", "Primary Assignment", "Person Type", "User Person Type"], "the kind of contract, not used in the costing"],
  [["Fixed Term End Date", "Projected Assignment End", "End Date", "Leaving Date", "Termination Date", "Date Left", "Contract End Date"], "an end date, not used in the costing"],
  [["Grade Start Date", "Date in Grade", "Increment Date", "Incremental Date", "Anniversary Date", "Next Increment Date", "Date of Last Increment", "Assignment Start Date", "Date Started in Post", "Position Start Date"], "a date the costing does not need (years in grade come from the Years in grade column)"],
  [["NI Number", "National Insurance Number", "NINO", "NI Category", "National Insurance Category", "Tax Code"], "tax and National Insurance details: the costing applies the year's rates, not used"],
  [["Email", "Email Address", "Work Email", "Phone", "Telephone", "Address", "Postcode", "Manager", "Line Manager", "Supervisor", "Professional Registration", "Registration Number", "Notes", "Comments", "Comment"], "not used in the costing"],
  [["Headcount", "Count", "Row"], "not used: people are counted from the rows"],
];

export const KNOWN_NOT_USED: ReadonlyMap<string, string> = new Map(
  KNOWN_NOT_USED_LIST.flatMap(([headings, why]) => headings.map((h): [string, string] => [normaliseHeading(h), why])),
);

/** Every heading written for a field, with where it comes from (the documented heading first). */
export function headingsFor(spec: ColumnSpec): { heading: string; source: HeadingSource }[] {
  const out: { heading: string; source: HeadingSource }[] = [{ heading: spec.heading, source: "ours" }];
  for (const [source, list] of Object.entries(spec.synonyms) as [HeadingSource, readonly string[]][]) for (const h of list) out.push({ heading: h, source });
  return out;
}

const HEADING_INDEX: ReadonlyMap<string, StaffField> = (() => {
  const m = new Map<string, StaffField>();
  for (const spec of STAFF_COLUMNS) {
    for (const { heading } of headingsFor(spec)) {
      const key = normaliseHeading(heading);
      if (m.has(key) && m.get(key) !== spec.field) throw new Error(`[CareTrust] heading "${heading}" is given to two fields`);
      if (AMBIGUOUS.has(key) || KNOWN_NOT_USED.has(key)) throw new Error(`[CareTrust] heading "${heading}" is both a field's and ambiguous or not used`);
      m.set(key, spec.field);
    }
  }
  return m;
})();

export const SPEC_BY_FIELD: ReadonlyMap<StaffField, ColumnSpec> = new Map(STAFF_COLUMNS.map((s) => [s.field, s]));

export function fieldForHeading(text: string): StaffField | null {
  return HEADING_INDEX.get(normaliseHeading(text)) ?? null;
}

export function documentedHeading(field: StaffField): string {
  return SPEC_BY_FIELD.get(field)!.heading;
}

/**
 * Words of enhancements: a heading with one of them that is not a known column (e.g. "Overtime",
 * "Night allowance", "Shift premium") stops the run instead of being ignored.
 */
const ENHANCEMENT_WORDS = new Set([
  "night", "nights", "saturday", "saturdays", "sunday", "sundays", "weekend", "weekends", "holiday", "holidays", "bh", "unsocial",
  "enhancement", "enhancements", "enhanced", "shift", "shifts", "overtime", "oncall", "call", "standby", "sleep", "sleepin",
]);
/** Words that make a heading look like money or time paid. */
const PAY_WORDS = new Set([
  "pay", "salary", "salaries", "wage", "wages", "allowance", "allowances", "weighting", "supplement", "premium", "premia", "honorarium",
  "honoraria", "bonus", "hours", "hour", "hrs", "rate", "rates", "london", "acting", "responsibility", "rrp", "recruitment", "retention",
  "protection", "protected", "spinal", "scp", "band", "grade", "fte", "wte", "£", "increment", "uplift", "payment", "payments",
]);

function headingWords(heading: string): string[] {
  return heading.toLowerCase().replace(/£/g, " £ ").split(/[^a-z0-9£]+/).filter((w) => w !== "");
}

/**
 * Is this heading (matched to no field, not ambiguous, not known as unused) one that looks like pay,
 * an allowance, hours or an enhancement? Such a column stops the run: ignoring it would cost the
 * people in it at £0. Returns the message naming it and the headings it could be, or null.
 */
export function payLikeHeading(heading: string): string | null {
  const words = headingWords(heading);
  const enhancement = words.some((w) => ENHANCEMENT_WORDS.has(w));
  if (!enhancement && !words.some((w) => PAY_WORDS.has(w))) return null;
  const could = suggestionsFor(heading);
  const couldText = could.length > 0 ? ` It could be ${could.map((h) => `"${h}"`).join(" or ")}: rename it to the one it is.` : "";
  if (enhancement)
    return `Column "${heading}" looks like an enhancement or hours paid at a different rate, which the calculator does not read under that heading.${couldText} If it is not paid (or is in the pay already), delete the column or rename it so it no longer looks like pay. The list is not costed until then, so that nobody's pay is left out at £0.`;
  return `Column "${heading}" looks like pay, an allowance or hours, which the calculator does not read under that heading.${couldText} If the costing does not need it, delete the column or rename it so it no longer looks like pay. The list is not costed until then, so that nobody's pay is left out at £0.`;
}

/** Documented headings whose words overlap the heading's (for "it could be ..."). */
export function suggestionsFor(heading: string): string[] {
  const words = new Set(heading.toLowerCase().split(/[^a-z0-9£]+/).filter((w) => w.length > 2 && !STOP_WORDS.has(w)));
  const stem = (w: string) => w.replace(/s$/, "");
  const stems = new Set([...words].map(stem));
  const out: string[] = [];
  for (const spec of STAFF_COLUMNS) {
    const all = headingsFor(spec).map((h) => h.heading.toLowerCase());
    const hit = all.some((h) => h.split(/[^a-z0-9]+/).some((w) => w.length > 2 && stems.has(stem(w))));
    if (hit) out.push(spec.heading);
  }
  if (/night|saturday/i.test(heading) && !out.includes("Unsocial hours nights and Saturdays")) out.push("Unsocial hours nights and Saturdays");
  if (/sunday|holiday/i.test(heading) && !out.includes("Unsocial hours Sundays and public holidays")) out.push("Unsocial hours Sundays and public holidays");
  if (/london|weighting|location/i.test(heading)) for (const h of ["London weighting", "HCAS area"]) if (!out.includes(h)) out.push(h);
  return out.slice(0, 4);
}
