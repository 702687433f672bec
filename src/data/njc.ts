/**
 * NJC for Local Government Services ("Green Book"), England and Wales: the national pay spine
 * (37 hours, excluding London weighting), core terms and the night-work enhancement.
 *
 * The official NJC pay-agreement circulars (full SCP tables) could not be reached. 2024/25 is a
 * council's published reproduction of the whole national spine (SECONDARY); 2023/24 and 2025/26
 * are DERIVED from it by the sourced awards (−£1,290 flat; ×1.032 rounded to the pound), and every
 * published point found is checked in tests/data/njc.test.ts, as is the older derivation from a
 * 2021/22 council table. Each point carries its own provenance and rule (`figures`).
 */
import type { ByYear, FigureProvenance, Source, Sourced } from "./types";
import type { CouncilEnhancementRates, NjcSpineTable, TermsTable } from "./schema";

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const WYCHAVON_2021: Source = {
  publisher: "Wychavon District Council",
  title: "Wychavon pay grades (last updated April 2021): the national NJC spine 2021/22",
  url: "https://www.wychavon.gov.uk/about-wychavon-district-council/finance-and-procurement/government-transparency-code/wychavon-pay-grades",
  role: "evidence",
  excerpt:
    "Pay increment point 1: £18,333 / Pay increment point 2: £18,516 / ... point 9: £21,269 / ... point 11: £22,129 / ... point 22 £27,514 / ... point 31: £35,336 / ... point 32: £36,271 / Grade 10 ... W33: £36,271 ... point 38: £42,614 / ... 42: £46, 662 / Grade M2 ... point 43: £47,665",
};
const SLCC_2023_OFFER: Source = {
  publisher: "SLCC (Society of Local Council Clerks), quoting the NJC employers' 2023 offer",
  title: "NJC pay offer 2023",
  url: "https://slcc.co.uk/?p=30007",
  role: "evidence",
  excerpt:
    "an employee on the bottom pay point in April 2021 (earning £18,333) ... For an employee at the mid-point of the pay spine (pay point 22), their pay will have increased over the same period by £3,850 (13.99 per cent)",
};
const LALC_2023: Source = {
  publisher: "LALC (employers' letter of 23 February 2023)",
  title: "NJC pay offer 2023/24",
  url: "https://lalc.co.uk/wiki/page/133",
  role: "evidence",
  excerpt:
    "With effect from 1 April 2023, an increase of £1,925 (pro rata for part-time employees) to be paid as a consolidated, permanent addition on all NJC pay points 2 to 43 inclusive",
};
const HRFORSCHOOLS_2022: Source = {
  publisher: "HR for Schools, quoting the National Employers' 2022 final offer",
  title: "Support staff pay award consultation dates",
  url: "https://hrforschools.org.uk/news/article/4/support-staff-pay-award-consultation-dates",
  role: "evidence",
  excerpt:
    "with effect from 1 April 2022, an increase of £1,925 on all NJC pay points 1 and above ... with effect from 1 April 2023, an increase of one day to all employees' annual leave entitlement ... with effect from 1 April 2023, the deletion of pay point 1 from the NJC pay spine",
};
const GMB_2024: Source = {
  publisher: "GMB Bedfordshire County branch",
  title: "NJC pay claim 2024: info re backpay (29 October 2024)",
  url: "https://gmbbedscounty.org.uk/njc-pay-claim-2024-info-re-backpay-for-school-staff",
  role: "evidence",
  excerpt:
    "£1,290 per annum (pro rata for part-time staff) to be paid as a consolidated, permanent addition on all NJC pay points 2 to 43 inclusive",
};
const NOTTS_UNISON_2024: Source = {
  publisher: "Nottingham City UNISON",
  title: "Update on NJC pay offer (2024)",
  url: "http://nottinghamcityunison.org.uk/update-on-njc-pay-offer/",
  role: "evidence",
  excerpt: "£1290 on all pay points from 1st April which is equivalent to 5.77% on Spinal Column Point (SCP) 2, 2.5% on SCP 43",
};
const DERBYSHIRE_ALC_2025: Source = {
  publisher: "Derbyshire Association of Local Councils",
  title: "NJC pay agreement 2025/26",
  url: "https://www.derbyshirealc.gov.uk/blog/dalc-news-updates-1/njc-pay-agreement-54",
  excerpt:
    "From 1 April 2025, staff on NJC terms will receive a 3.2% pay increase across all spinal column points (SCPs) ... the removal of SCP 2, meaning staff currently on SCP 2 will move to SCP 3 as a minimum from April 2026",
};
const ADVERTS_2526: Source = {
  publisher: "Council and school job adverts, Aug–Oct 2026 (North East Jobs, Teaching Vacancies), as archived in public GitHub job-search repositories",
  title: "Adverts quoting 2025/26 NJC pay points",
  url: "https://www.northeastjobs.org.uk/job/Administrative_Assistant/300646",
  role: "evidence",
  excerpt:
    "Prudhoe Town Council: SCP 2 - 5 (£24,413 - £25,583 (pro rata); Durham CC: £24,796 - £25,185; Grade 4 £25,583 - £26,824; North Tyneside Council: GRADE 5 SCP 7 (£26,403) - SCP 9 (£27,254); Henry Hinde School: NJC05 to NJC06 £25,583.00 to £25,989.00 FTE; Oastlers: SCP 6 to SCP 11 (£25,989 - £28,142); Durham: £26,403 to £28,598 pro rata; Wiltshire school: £29,064.00 - £31,022.00 (FTE) NJC Grade G; Grade F Points 14 to 19 (£29,540 to £32,061); Tyne & Wear FRS: £32,061 to £33,699",
};
const NEPO_2024: Source = {
  publisher: "North East Procurement Organisation apprenticeship advert (Find an apprenticeship, GOV.UK), closing 14 July 2024, as archived in a public GitHub repository",
  title: "Procurement Apprentice",
  url: "https://www.findapprenticeship.service.gov.uk/apprenticeship/redirecttoexternalwebsite/1000259113",
  role: "evidence",
  excerpt: "£24,294.00 (Band 2 SCP 7-10, salary range £24,294 - £25,545)",
};

const OXFORDSHIRE_2024: Source = {
  publisher: "Oxfordshire County Council apprenticeship advert (Find an apprenticeship, GOV.UK), July 2024, as archived in a public GitHub repository",
  title: "Business Admin Apprentice",
  url: "https://www.findapprenticeship.service.gov.uk/apprenticeship/redirecttoexternalwebsite/1000259625",
  role: "evidence",
  excerpt: "salary: '£22,366.00'",
};

const JUDICIUM_2025_OFFER: Source = {
  publisher: "Judicium Education HR hub, quoting the National Employers' offer of 22 April 2025 (later agreed)",
  title: "National Employers (NJC Green Book) make full and final pay offer for 2025/26",
  url: "https://hrhub.judiciumeducation.co.uk/news/national-employers-njc-green-book-make-full-and-final-pay-offer-for-2025-26",
  role: "evidence",
  excerpt: "With effect from 1 April 2026, the deletion of pay point 2 from the NJC pay spine.",
};
const MJ_2026_OFFER: Source = {
  publisher: "The MJ",
  title: "Unions call for urgent pay talks",
  url: "https://www.themj.co.uk/unions-urgent-pay-talks",
  role: "evidence",
  excerpt:
    "The Local Government Association (LGA) tabled an offer of a 3.3% increase for 2026-27. ... Trade unions have called for employers to come to the negotiating table after rejecting a 'full and final' from employers.",
};

const HERTS_2024: Source = {
  publisher: "Hertfordshire County Council (Teach in Herts, schools recruitment site), reproducing the NJC points SCP 2–43",
  title: "Support staff pay ranges 2024-25 ('Valid from 1st April 2024 updated November 2024')",
  url: "https://teachinherts.com/career-advice/professional-and-support/pay-ranges.htm",
  excerpt:
    "Below is a table of support staff pay ranges for the current year, 2024-25. Valid from 1st April 2024 updated November 2024. ... H5 10 26,835 ... H6 16 29,572 ... H7 21 32,115 ... M1 32 41,511 M1 33 42,708 M1 34 43,693 M1 35 44,711 M1 36 45,718 M2 37 46,731 ... Note: SCP 27 = £37,035",
};
const FLOURISH_2024: Source = {
  publisher: "Flourish Education (news)",
  title: "Support staff pay offer rejected as GMB calls 3.2% ...",
  url: "https://www.flourisheducation.co.uk/resources/news/support-staff-pay-offer-rejected-as-gmb-calls-3.2/121/",
  role: "evidence",
  excerpt: "Starting salaries for support staff remain at £23,656",
};

// ---------------------------------------------------------------------------------------------
// Pay spine
// ---------------------------------------------------------------------------------------------

/**
 * The national spine at 1 April 2021 as published by Wychavon DC (SCPs it lists as national
 * points). Kept here because the tests rebuild the derived years from it.
 * Points 10, 13, 16, 19 and 21 are not on Wychavon's grades; its points 33 to 36 are local "W"
 * points; its point 32 (£36,271) equals its own W33 value and may be a slip, so it is not used.
 */
export const NJC_SPINE_2021_22_BASE: Readonly<Record<number, string>> = {
  1: "18333", 2: "18516", 3: "18887", 4: "19264", 5: "19650", 6: "20043", 7: "20444", 8: "20852", 9: "21269",
  11: "22129", 12: "22571", 14: "23484", 15: "23953", 17: "24920", 18: "25419", 20: "26446", 22: "27514",
  23: "28226", 24: "29174", 25: "30095", 26: "30984", 27: "31895", 28: "32798", 29: "33486", 30: "34373",
  31: "35336", 38: "42614", 39: "43570", 40: "44624", 41: "45648", 42: "46662", 43: "47665",
};

/** The flat-rate and percentage rules that take one year's spine to the next (tests apply them). */
export const NJC_AWARD_RULES = {
  /** 2022/23 +£1,925 on SCPs 1–43 and 2023/24 +£1,925 on SCPs 2–43 (SCP 1 deleted 1 April 2023). */
  "2023/24": { fromBase: "2021/22", flatAdd: "3850" },
  /** +£1,290 on SCPs 2–43 from 1 April 2024 (so 2023/24 = 2024/25 − £1,290). */
  "2024/25": { from: "2023/24", flatAdd: "1290" },
  /** +3.2% on all SCPs from 1 April 2025, rounded to the nearest £1 (half up). */
  "2025/26": { from: "2024/25", multiply: "1.032" },
} as const;

const ALL_POINTS = Array.from({ length: 42 }, (_, i) => i + 2);

/** Every point's provenance: `rule` for all, and `confirmed` points with their own publication. */
function pointProvenance(
  points: readonly number[],
  all: FigureProvenance,
  confirmed: Readonly<Record<number, FigureProvenance>> = {},
): Readonly<Record<string, FigureProvenance>> {
  return Object.fromEntries(points.map((p) => [String(p), confirmed[p] ?? all]));
}

const RULE_2023 = "derived: 2024/25 (Hertfordshire CC's published spine) − £1,290, the flat 2024 award on SCPs 2–43";
const RULE_2025 = "derived: 2024/25 (Hertfordshire CC's published spine) × 1.032, the 3.2% 2025 award, rounded to the nearest £1, half up";
const ADVERT_2025 = (p: number): FigureProvenance => ({
  provenance: "secondary",
  rule: `published in 2025/26 council and school adverts (SCP ${p}); equals 2024/25 × 1.032 rounded to the £`,
});

export const NJC_SPINE: ByYear<NjcSpineTable> = {
  "2023/24": {
    value: {
      2: "22366", 3: "22737", 4: "23114", 5: "23500", 6: "23893", 7: "24294", 8: "24702", 9: "25119", 10: "25545",
      11: "25979", 12: "26421", 13: "26873", 14: "27334", 15: "27803", 16: "28282", 17: "28770", 18: "29269", 19: "29777",
      20: "30296", 21: "30825", 22: "31364", 23: "32076", 24: "33024", 25: "33945", 26: "34834", 27: "35745", 28: "36648",
      29: "37336", 30: "38223", 31: "39186", 32: "40221", 33: "41418", 34: "42403", 35: "43421", 36: "44428", 37: "45441",
      38: "46464", 39: "47420", 40: "48474", 41: "49498", 42: "50512", 43: "51515",
    },
    provenance: "derived",
    sources: [HERTS_2024, GMB_2024, NOTTS_UNISON_2024, WYCHAVON_2021, HRFORSCHOOLS_2022, LALC_2023, SLCC_2023_OFFER, NEPO_2024, OXFORDSHIRE_2024],
    note:
      "Derived: the 2024/25 spine published by Hertfordshire CC less the flat £1,290 of the 2024 award (SCPs 2–43), exact pounds. " +
      "Cross-check: every point the 2021/22 national spine (Wychavon DC, April 2021) holds also gives the same figure as 2021/22 + £1,925 (2022/23) + £1,925 (2023/24) = 2021/22 + £3,850. SCP 1 was deleted on 1 April 2023. " +
      "Published 2023/24 figures agree: SCP 2 £22,366 (£11.59 an hour, SLCC; an Oxfordshire CC advert of July 2024), SCP 7 £24,294 and SCP 10 £25,545 (NEPO advert, 'SCP 7-10 ... £24,294 - £25,545'); SCP 22 up £3,850 since 2021 (SLCC). " +
      "SCPs 16, 21 and 32–37 rest on the Hertfordshire table alone (no 2023/24 publication of them was found).",
    figures: pointProvenance(ALL_POINTS, { provenance: "derived", rule: RULE_2023 }, {
      2: { provenance: "secondary", rule: "published: £22,366 (Oxfordshire CC advert, July 2024; £11.59 an hour, SLCC); equals 2024/25 − £1,290" },
      7: { provenance: "secondary", rule: "published: £24,294 (NEPO advert, July 2024); equals 2024/25 − £1,290" },
      10: { provenance: "secondary", rule: "published: £25,545 (NEPO advert, July 2024); equals 2024/25 − £1,290" },
    }),
  },
  "2024/25": {
    value: {
      2: "23656", 3: "24027", 4: "24404", 5: "24790", 6: "25183", 7: "25584", 8: "25992", 9: "26409", 10: "26835",
      11: "27269", 12: "27711", 13: "28163", 14: "28624", 15: "29093", 16: "29572", 17: "30060", 18: "30559", 19: "31067",
      20: "31586", 21: "32115", 22: "32654", 23: "33366", 24: "34314", 25: "35235", 26: "36124", 27: "37035", 28: "37938",
      29: "38626", 30: "39513", 31: "40476", 32: "41511", 33: "42708", 34: "43693", 35: "44711", 36: "45718", 37: "46731",
      38: "47754", 39: "48710", 40: "49764", 41: "50788", 42: "51802", 43: "52805",
    },
    provenance: "secondary",
    sources: [HERTS_2024, FLOURISH_2024, GMB_2024, NOTTS_UNISON_2024, WYCHAVON_2021, ADVERTS_2526],
    note:
      "Read from Hertfordshire County Council's published support-staff pay ranges for 2024-25 ('Valid from 1st April 2024'), which reproduce the national NJC points SCP 2–43 (points above 43 are local). The NJC circular itself could not be reached. " +
      "Cross-checks: SCP 2 £23,656 (Flourish Education, 'Starting salaries ... £23,656'); every point the older derivation held (2021/22 national spine + £3,850 + £1,290) gives the same figure; 2024/25 × 1.032 rounded reproduces all 15 published 2025/26 points. £1,290 is 5.77% of 2023/24 SCP 2 and 2.5% of SCP 43 (Nottingham City UNISON).",
    figures: pointProvenance(ALL_POINTS, { provenance: "secondary", rule: "published: Hertfordshire CC's 2024/25 pay ranges (the national NJC points)" }),
  },
  "2025/26": {
    value: {
      2: "24413", 3: "24796", 4: "25185", 5: "25583", 6: "25989", 7: "26403", 8: "26824", 9: "27254", 10: "27694",
      11: "28142", 12: "28598", 13: "29064", 14: "29540", 15: "30024", 16: "30518", 17: "31022", 18: "31537", 19: "32061",
      20: "32597", 21: "33143", 22: "33699", 23: "34434", 24: "35412", 25: "36363", 26: "37280", 27: "38220", 28: "39152",
      29: "39862", 30: "40777", 31: "41771", 32: "42839", 33: "44075", 34: "45091", 35: "46142", 36: "47181", 37: "48226",
      38: "49282", 39: "50269", 40: "51356", 41: "52413", 42: "53460", 43: "54495",
    },
    provenance: "derived",
    sources: [DERBYSHIRE_ALC_2025, HERTS_2024, ADVERTS_2526, GMB_2024],
    note:
      "Derived: 2024/25 × 1.032 (the 3.2% award on all SCPs from 1 April 2025, agreement of 23 July 2025), rounded to the nearest £1, half up. The rounding rule is inferred: it reproduces all 15 advert values checked (SCPs 2–9, 11–14, 17, 19, 22) to the pound. " +
      "One advert (Faringdon Community College) gives SCP 5 as £25,584 against £25,583 in four others. SCP 2 is deleted from 1 April 2026. No 2026/27 award had been agreed when this data was compiled (see the 2026/27 entry).",
    figures: pointProvenance(
      ALL_POINTS,
      { provenance: "derived", rule: RULE_2025 },
      Object.fromEntries([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 19, 22].map((p) => [p, ADVERT_2025(p)])),
    ),
  },
  /**
   * AWARD PENDING: the 2025/26 rates with SCP 2 deleted (agreed in 2025, from 1 April 2026). Every
   * figure read from this year is the 2025/26 figure × (1 + an assumed award), rounded to the pound,
   * and is flagged as pending wherever it is shown.
   */
  "2026/27": {
    value: {
      3: "24796", 4: "25185", 5: "25583", 6: "25989", 7: "26403", 8: "26824", 9: "27254", 10: "27694",
      11: "28142", 12: "28598", 13: "29064", 14: "29540", 15: "30024", 16: "30518", 17: "31022", 18: "31537", 19: "32061",
      20: "32597", 21: "33143", 22: "33699", 23: "34434", 24: "35412", 25: "36363", 26: "37280", 27: "38220", 28: "39152",
      29: "39862", 30: "40777", 31: "41771", 32: "42839", 33: "44075", 34: "45091", 35: "46142", 36: "47181", 37: "48226",
      38: "49282", 39: "50269", 40: "51356", 41: "52413", 42: "53460", 43: "54495",
    },
    provenance: "derived",
    sources: [JUDICIUM_2025_OFFER, DERBYSHIRE_ALC_2025, MJ_2026_OFFER],
    pending:
      "The NJC 2026/27 pay award is not agreed: the employers offered 3.3% ('full and final') and the unions rejected it. These are the 2025/26 rates with SCP 2 deleted from 1 April 2026 (staff on SCP 2 move to SCP 3); an assumed award is applied to them.",
    note:
      "Award pending. The 2025/26 spine with SCP 2 deleted from 1 April 2026 (agreed in the 2025 settlement: 'With effect from 1 April 2026, the deletion of pay point 2 from the NJC pay spine'; staff on SCP 2 move to SCP 3 as a minimum). " +
      "No 2026/27 award was agreed when this data was compiled: the employers' 3.3% offer was rejected by the unions (The MJ). Figures for 2026/27 are these rates × (1 + the award the user assumes), rounded to the pound, and are flagged as resting on an assumed award.",
  },
};

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

/** Green Book terms: the shared shape plus the 2 extra statutory days, on top of leave and public holidays. */
export interface NjcTermsTable extends TermsTable {
  /** Extra statutory days a year, in addition to the annual leave days and the 8 public holidays. */
  extraDays: number;
}

const SLCC_LEAVE: Source = {
  publisher: "SLCC (Society of Local Council Clerks)",
  title: "NJC annual leave from 1 April 2023",
  url: "https://slcc.co.uk/?p=30449",
  role: "evidence",
  excerpt:
    "annual leave entitlement for all employees will increase by one day from 1st April 2023 ... Up to 5 years' continuous service: 23 days' annual leave plus 2 extra statutory days plus public holidays. After 5 years' continuous service: 26 days' annual leave plus 2 extra statutory days plus public holidays",
};
const NEU_HOURS: Source = {
  publisher: "NEU (National Education Union)",
  title: "Support staff working time",
  url: "https://neu.org.uk/advice/your-rights-work/teachers-workload-and-working-hours/workload-bargaining-toolkit/support-staff-working-time",
  role: "evidence",
  excerpt: "the standard full-time equivalent working week for Green Book employees is 37 hours (36 in London)",
};
const DEVON_HOURLY: Source = {
  publisher: "Devon County Council",
  title: "NJC for Local Government Services pay award 2016 and 2017",
  url: "https://www.devon.gov.uk/schcomms/sc/052016-3386/",
  excerpt:
    "hourly rate calculated by dividing annual salary by 52.143 weeks (which is 365 days divided by 7) and then divided by 37 hours (the standard working week in the National Agreement 'Green Book')",
};
const SCHOOLS_CHOICE_SICK: Source = {
  publisher: "Schools Choice (Green Book-based knowledge base)",
  title: "Sick pay entitlement (KA-01383)",
  url: "https://portal.schoolschoice.org/knowledge-base/article-details/KA-01383/en-us",
  role: "evidence",
  excerpt:
    "Up to 4 months of service: 1 month's full pay / 4-12 months of service: 1 month full pay and 2 months half pay / 1-2 years of service: 2 months full and 2 months half pay / 2-3 years of service: 4 months full and 4 months half pay / 3-5 years of service 5 months full and 5 months half pay / Over 5 years of service 6 months full and 6 months half pay",
};

export const NJC_TERMS: Sourced<NjcTermsTable> = {
  value: {
    weeklyHours: "37",
    weeksPerYear: "52.143",
    leave: [
      { afterYears: 0, days: 23 },
      { afterYears: 5, days: 26 },
    ],
    publicHolidays: 8,
    extraDays: 2,
    sickPay: [
      { afterMonths: 0, fullPayMonths: 1, halfPayMonths: 0 },
      { afterMonths: 4, fullPayMonths: 1, halfPayMonths: 2 },
      { afterMonths: 12, fullPayMonths: 2, halfPayMonths: 2 },
      { afterMonths: 24, fullPayMonths: 4, halfPayMonths: 4 },
      { afterMonths: 36, fullPayMonths: 5, halfPayMonths: 5 },
      { afterMonths: 60, fullPayMonths: 6, halfPayMonths: 6 },
    ],
  },
  provenance: "secondary",
  sources: [SLCC_LEAVE, HRFORSCHOOLS_2022, NEU_HOURS, DEVON_HOURLY, SCHOOLS_CHOICE_SICK],
  note:
    "Green Book national minimum; many councils give more, so a council's own terms should be supplied where they differ. " +
    "Leave from 1 April 2023 (one extra day from the 2022 agreement): 23 days under 5 years' continuous local government service, 26 after. " +
    "The 2 extra statutory days are IN ADDITION to the 23/26 days and to the 8 public holidays ('23 days' annual leave plus 2 extra statutory days plus public holidays'), so they are held separately as extraDays for the engine to add: a full-time minimum of 23 + 2 + 8 = 33 days off a year. " +
    "Hours: 37 a week (36 in London). Hourly rate = annual ÷ 52.143 ÷ 37. " +
    "Sick pay: up to 4 months' service 1 month full pay; 4–12 months 1 full + 2 half; second year 2 + 2; third year 4 + 4; fourth and fifth years 5 + 5; after 5 years 6 + 6 (from a Green Book-based guide; the Green Book text itself was not retrieved).",
};

// ---------------------------------------------------------------------------------------------
// Night work (Green Book Part 3), national default
// ---------------------------------------------------------------------------------------------

const LAWINSIDER_NIGHT: Source = {
  publisher: "Law Insider (sample clause matching the Green Book Part 3 night-work clause; not attributed there)",
  title: "Night work clause",
  url: "https://lawinsider.com/clause/night-work-ordinary-hours",
  role: "evidence",
  excerpt:
    "Employees who work at night as part of their normal working week are entitled to receive an enhancement of time and one third for all hours worked between 8.00 pm and 6.00 am.",
};
const MCCAFFERTY: Source = {
  publisher: "BAILII (Industrial Tribunal, Northern Ireland)",
  title: "McCafferty v Derry City Council [2007] NIIT 818_06IT",
  url: "http://www.bailii.org/nie/cases/NIIT/2007/818_06IT.html",
  role: "evidence",
  excerpt:
    "all hours worked by the claimant between 8.00pm and 6.00am ... (defined as \"night work\") were to receive an enhancement of remuneration at time and one third",
};
const NEU_PART3: Source = {
  publisher: "NEU (National Education Union)",
  title: "Support staff working conditions",
  url: "https://neu.org.uk/advice/member-groups/support-staff/working-conditions",
  role: "evidence",
  excerpt:
    "Part 3, section 2 of the Green Book contains the compensation provisions for night work (Para 2.3c), sleeping-in duty (2.3e) and other non-standard working patterns, such as shift working (2.3f).",
};

const LAWINSIDER_PUBLIC_HOLIDAYS: Source = {
  publisher: "Law Insider (sample clause; its samples are copies of the 'National Agreement on Pay and Conditions of Service', the Green Book's title)",
  title: "Public and extra statutory holidays clause",
  url: "https://lawinsider.com/clause/public-and-extra-statutory-holidays/_1",
  role: "evidence",
  excerpt:
    "Employees required to work on a public or extra statutory holiday shall, in addition to the normal pay for that day, be paid at plain time rate for all hours worked within their normal working hours for that day. In addition, at a later date, time off with pay shall be allowed",
};
const PPL_CHRISTMAS: Source = {
  publisher: "PPL (payroll provider), quoting the NJC joint advice",
  title: "Working arrangements: Christmas and Boxing Day",
  url: "https://global-ppl.com/working-arrangements-christmas-and-boxing-day",
  role: "evidence",
  excerpt:
    "payments, unless a local agreement is in place, should be made in accordance with Green Book Part 3 Para 2.6 ... should receive public holiday pay, plus time off with pay at a later date",
};
const SEFTON_PART3: Source = {
  publisher: "Sefton Council (staff policy)",
  title: "Non-standard working arrangements",
  url: "https://dev-seften.uksouth01.umbraco.io/miscellaneous-pages/staff-information-hub/policies-and-procedures/pay-allowances-and-pensions/non-standard-working-arrangements",
  role: "evidence",
  excerpt:
    "Part 3 of the national Single Status agreement ... contains provisions which may be modified by local negotiation ... (b) Saturday and Sunday working (c) Night work (d) Public and Extra-Statutory Holidays",
};

/**
 * Green Book Part 3 enhancements, national defaults, by the categories councils pay: nights,
 * Saturdays, Sundays, public holidays. Saturday and Sunday rates are null: no national figure was
 * found (every clause found is a local variation), so they are the user's inputs.
 */
export const NJC_ENHANCEMENTS: Sourced<CouncilEnhancementRates> = {
  value: {
    nights: "1/3",
    saturdays: null,
    sundays: null,
    publicHolidays: "1",
  },
  provenance: "secondary",
  sources: [LAWINSIDER_NIGHT, MCCAFFERTY, NEU_PART3, LAWINSIDER_PUBLIC_HOLIDAYS, PPL_CHRISTMAS, SEFTON_PART3],
  note:
    "Night work: time plus one third for hours worked between 8pm and 6am as part of the normal working week (Green Book Part 3), held exactly as the ratio 1/3. " +
    "Public holidays: in addition to the normal pay for the day, plain time for the hours worked (time plus 1, i.e. double time), and time off with pay at a later date; the time off in lieu is not costed here (add it as local extra leave days if it should be). " +
    "Saturday and Sunday working: no national rate was found (the clauses found are local variations: time and a half, double time, plain time), so they are null and must be given as the council's own rates. " +
    "From secondary sources only; Part 3 is commonly varied locally: supply your council's rates where they differ.",
};
