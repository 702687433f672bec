/**
 * Agenda for Change (NHS England): pay scales, progression, High Cost Area Supplements,
 * unsocial-hours enhancements and core terms.
 *
 * Every figure is the published figure as a string. null marks a figure that is part of the
 * structure but could not be confirmed from any publication we could reach (the engine answers
 * #N/A and asks the user for their own figure). See docs/data-sources.md for the gaps.
 */
import type { ByYear, Source, Sourced } from "./types";
import type { AfcPayTable, AfcProgressionTable, HcasTable, TermsTable, UnsocialRates } from "./schema";

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const NHSE_PAY_2526: Source = {
  publisher: "NHS Employers",
  title: "Pay scales for 2025/26",
  url: "https://www.nhsemployers.org/articles/pay-scales-202526",
};
const NHSE_PAY_2627: Source = {
  publisher: "NHS Employers",
  title: "Pay scales for 2026/27",
  url: "https://www.nhsemployers.org/articles/pay-scales-202627",
};
const NHSE_POSTER_2026: Source = {
  publisher: "NHS Employers",
  title: "2026 AfC pay scales (poster)",
  url: "https://www.nhsemployers.org/system/files/2026-02/2026%20AfC%20pay%20scales.pdf",
};
const CASOMO_FIXTURE: Source = {
  publisher: "casomoltd/nhs-pay (GitHub), transcription of the NHS Employers annual pay columns",
  title: "tests/fixtures/pay-scales.csv and src/scales.ts",
  url: "https://github.com/casomoltd/nhs-pay/blob/52bcee297ae659f5c9736ad19e64731ee458b7c9/tests/fixtures/pay-scales.csv",
  role: "evidence",
  excerpt:
    "england,2025-26,5,Year 1,31049,nhsemployers.org/articles/pay-scales-202526 ... england,2025-26,9,Year 5+,125637,nhsemployers.org/articles/pay-scales-202526 ... england,2026-27,5,Year 1,32073,nhsemployers.org/articles/pay-scales-202627 ... england,2026-27,8d,Year 5+,108814,nhsemployers.org/articles/pay-scales-202627",
};
const TAKEHOME_2526: Source = {
  publisher: "nhstakehomepaycalculator.co.uk (third party, cross-check only)",
  title: "NHS pay bands 2025/26",
  url: "https://nhstakehomepaycalculator.co.uk/guides/nhs-pay-bands-2025-26",
  role: "evidence",
  excerpt: "| Band 5 | £31,049 | £33,487 | £37,796 | ... | Band 8d | £91,342 | £96,941 | £105,337 | | Band 9 | £109,179 | £115,763 | £125,637 |",
};
const NHS_JOBS_2627: Source = {
  publisher: "NHS Jobs adverts (via Apify listing; cross-check only)",
  title: "NHS Jobs scraper sample adverts, 2026",
  url: "https://apify.com/listingworks/nhs-jobs-scraper",
  role: "evidence",
  excerpt: "Senior Staff Nurse ... 39,959–48,117 GBP per year; Deputy Named Nurse ... 49,387–56,515 GBP per year",
};
const HEALTH_CAREERS: Source = {
  publisher: "Health Careers (NHS England)",
  title: "Agenda for Change - pay rates",
  url: "https://www.healthcareers.nhs.uk/working-health/working-nhs/nhs-pay-and-benefits/agenda-change-pay-rates",
  excerpt:
    "Band 5 <2 years' experience £29,970 / 2-4 years £32,324 / 4+ years £36,483; Band 6 <2 years' experience £37,338 / 2-5 years £39,405 / 5+ years £44,962; band 1 closed to new entrants from 1 December 2018",
};
const RCNI_BAND8: Source = {
  publisher: "RCNi (citing NHS Employers)",
  title: "NHS band 8 shake-up: new AfC pay points allow faster progression",
  url: "https://www.rcninursingjobs.co.uk/article/nhs-band-8-shake-up-new-afc-pay-points-allow-faster-progression",
  role: "evidence",
  excerpt:
    "Band 8a £53,755 rising to £56,454 after two years; £60,504 after a further three years / Band 8b £62,215 rising to £66,246 ... £72,293 / Band 8c £74,290 rising to £78,814 ... £85,601 / Band 8d £88,168 rising to £93,572 ... £101,677 / Source: NHS Employers",
};
const ZARO_2425: Source = {
  publisher: "zaro.info (third party)",
  title: "What is a band 7 salary (2024/25 pay scales)",
  url: "https://zaro.info/nhs-pay-bands/what-is-a-band-7-salary",
  role: "evidence",
  excerpt: "based on the 2024/25 pay scales ... Band 7 | £46,148 | £52,809 | Band 8a | £53,755 | £60,504 | Band 8b | £62,215 | £72,293",
};
const ROADTONHS_2324: Source = {
  publisher: "roadtonhs.com (third party)",
  title: "NHS pay scale Agenda for Change 2023",
  url: "https://roadtonhs.com/nhs-pay-scale-agenda-for-change-2023",
  role: "evidence",
  excerpt:
    "1£22,383 ... 3< 2 years£22,816 ... 32+ years£24,336 ... 5< 2 years£28,407 ... 52-4 years£30,639 ... 54+ years£34,581 ... 7< 2 years£43,742 ... 72-5 years£45,996 ... 75+ years£50,056 ... 8a< 5 years£50,952 ... 8a5+ years£57,349 ... 8b< 5 years£58,972 ... 8b5+ years£68,525 ... 8c< 5 years£70,417",
};
const ATHONA_2324: Source = {
  publisher: "Athona (third party)",
  title: "Banding in the NHS",
  url: "https://athona.com/banding-in-the-nhs",
  role: "evidence",
  excerpt: "Band 1 ... £22,383 / Band 2 ... £22,383 / Band 6 ... Less than 2 years' experience – £35,392 / 2-5 years – £37,350 / 5+ years – £42,618",
};
const GOVUK_HEALTHCARE_SCALES: Source = {
  publisher: "GOV.UK (Home Office)",
  title: "National pay scales for eligible healthcare occupation codes (updated 4 April 2024)",
  url: "https://www.gov.uk/government/publications/national-pay-scales-for-eligible-healthcare-jobs/national-pay-scales-for-eligible-healthcare-occupation-codes",
  excerpt: "England ... Band 3 £22,816 ... Band 4 £25,147 ... Band 5 £28,407",
};
const NHSE_PAY_2122: Source = {
  publisher: "NHS Employers",
  title: "Annual pay scales 2021/22 (structure: entry, intermediate and top step points, years to progress)",
  url: "https://www.nhsemployers.org/articles/annual-pay-scales-202122",
  excerpt:
    "Entry step point | Years until eligible for pay progression | Intermediate step point | Years until eligible for pay progression | Top step point ... Band 5 £25,655 2 £27,780 2 £31,534 ... Band 6 £32,306 2 £34,172 3 £39,027 ... Band 4 £22,549 3 £24,882 ... Band 8a £47,126** 5",
};
const NHSE_BAND8_FAQ: Source = {
  publisher: "NHS Employers",
  title: "Bands 8a and above intermediate pay point FAQs (4 October 2024)",
  url: "https://nhsemployers.org/news/bands-8a-and-above-intermediate-pay-point-faqs",
  excerpt:
    "the NHS Staff Council ratified the recommendation of the NHS Pay Review Body (NHS PRB) to add an intermediate pay point in each of pay bands 8a and above ... effective from 1 April 2024, and will be implemented from 1 November 2024",
};
const NHSE_BREAKDOWN_2018: Source = {
  publisher: "NHS Employers",
  title: "Breakdown by pay band [Archived] (2018 contract refresh)",
  url: "https://nhsemployers.org/articles/breakdown-pay-band",
  excerpt:
    "Band 1 to be closed to new entrants from the 01 December 2018 ... Band 4 will have two step points and take a minimum of three years to progress to the top of the band. Band 5 will have three step points, taking a minimum of two years to progress from the entry step point to the mid step point and then a further minimum of two years ...",
};
const UNILONDON_HCAS: Source = {
  publisher: "unilondon.co.uk (third party)",
  title: "What is the NHS High Cost Area Supplement (HCAS)",
  url: "https://unilondon.co.uk/what-is-the-nhs-high-cost-area-supplement-hcas",
  role: "evidence",
  excerpt:
    "HCAS Value (2023/24) Inner London 20% of basic salary, with a minimum payment of £5,132 and a maximum payment of £7,745 / Outer London 15% ... minimum payment of £4,313 and a maximum payment of £5,436 / Fringe 5% ... minimum payment of £1,192 and a maximum payment of £2,011",
};
const NHSBSA_HCAS_2022: Source = {
  publisher: "NHSBSA",
  title: "Knowledge base KA-23439: High Cost Area Supplement allowances (2022 rate)",
  url: "https://faq.nhsbsa.nhs.uk/knowledgebase/article/KA-23439",
  excerpt:
    "Inner London 20% of basic salary, subject to a minimum payment of £4,888 and a maximum payment of £7,377 / Outer London 15% ... minimum payment of £4,108 and a maximum payment of £5,177 / Fringe 5% ... minimum payment of £1,136 and a maximum payment of £1,915",
};
const HCAS_2526_SITE: Source = {
  publisher: "Nursing salary guide whose page source is on GitHub (third party; 'Last updated: February 2026. Salary figures reflect NHS Agenda for Change pay rates for England 2025/26')",
  title: "London Weighting and High Cost Area Supplements (found by searching GitHub code for the quoted text)",
  url: "https://github.com/search?q=%22minimum+%C2%A35%2C609%2C+maximum+%C2%A38%2C466%22&type=code",
  role: "evidence",
  excerpt:
    "Inner London: 20% of basic salary, minimum £5,609, maximum £8,466 per year / Outer London: 15% of basic salary, minimum £4,714, maximum £5,941 per year / London Fringe: 5% of basic salary, minimum £1,303, maximum £2,198 per year",
};
const CASOMO_HCAS: Source = {
  publisher: "casomoltd/nhs-pay (GitHub), citing NHS Terms and Conditions of Service Handbook amendment 62 (June 2026), Annex 9",
  title: "src/scales.ts (HCAS zone rates)",
  url: "https://github.com/casomoltd/nhs-pay/blob/03a0a8c76e86f69bbea152b1e241382574f2b0fa/src/scales.ts",
  role: "evidence",
  excerpt:
    "innerLondon: { rate: 20, min: 5794, max: 8746 }, outerLondon: { rate: 15, min: 4870, max: 6137 }, fringe: { rate: 5, min: 1346, max: 2270 }",
};
const NHSE_HANDBOOK_S4: Source = {
  publisher: "NHS Employers",
  title: "NHS Terms and Conditions of Service Handbook, Section 4: Pay in high cost areas; Annex 9",
  url: "https://www.nhsemployers.org/tchandbook/part-2-pay/section-4-pay-in-high-cost-areas",
  excerpt:
    "4.1 ... expressed as a proportion of basic pay (including the value of any long-term recruitment and retention premium), but subject to a minimum and maximum level of extra pay ... 4.3 The level of high cost area payments are set out in Annex 9.",
};
const CUH_UNSOCIAL: Source = {
  publisher: "Cambridge University Hospitals NHS FT (staff portal, reproducing the Handbook Section 2 table)",
  title: "Unsociable hours payments",
  url: "https://www.cuhstaffportal.co.uk/workforce-2/pay/unsociable-hours-payments/",
  role: "evidence",
  excerpt:
    "The table below sets out the payments from 1 April 2020. Pay band | All time on Saturday (midnight to midnight) and any week day after 8pm and before 6am | All time on Sundays and Public Holidays (midnight to midnight) 2 Time plus 41% Time plus 83% 3 Time plus 35% Time plus 69% 4-9 Time plus 30% Time plus 60%",
};
const NHSE_UNSOCIAL_FAQ: Source = {
  publisher: "NHS Employers",
  title: "FAQs: unsocial hours payments",
  url: "https://www.nhsemployers.org/articles/faqs-unsocial-hours-payments",
  excerpt:
    "shifts starting on week days will be paid at the rate which applies to the majority of the hours worked as part of the shift, while Sunday enhancements will apply to the 24 hours from midnight to midnight",
};
const HANDBOOK_S3: Source = {
  publisher: "NHS Terms and Conditions of Service Handbook, Section 3 (extract reproduced by uyab.co.uk)",
  title: "Overtime payments or TOIL",
  url: "http://www.uyab.co.uk/latest-news216/item/137-overtime-payments-or-toil",
  role: "evidence",
  excerpt: "Part-time employees will receive payments for the additional hours at plain time rates until their hours exceed standard hours of 37½ hours a week",
};
const HANDBOOK_S13: Source = {
  publisher: "NHS Employers (Handbook text as reproduced in a docsbay.net extract of Section 13)",
  title: "NHS Terms and Conditions of Service Handbook, Section 13: Annual leave and general public holidays, Table 6",
  url: "https://www.nhsemployers.org/tchandbook",
  excerpt: "Table 6 Leave Entitlements ... On appointment / 27 days + 8 days / After 5 years service / 29 days + 8 days / After 10 years service / 33 days + 8 days",
};
const HANDBOOK_S14: Source = {
  publisher: "NHS Employers (Handbook text as reproduced in a yumpu.com copy and on an NHS GGC page)",
  title: "NHS Terms and Conditions of Service Handbook, Section 14: Sickness absence, 14.2",
  url: "https://www.nhsemployers.org/tchandbook",
  excerpt:
    "during the first year of service - one month's full pay and two months' half pay; during the second year of service - two months' full pay and two months' half pay; during the third year of service – four months' full pay and four months' half pay; during the fourth and fifth years of service – five months' full pay and five months' half pay; after completing five years of service – six months' full pay and six months' half pay.",
};
const HOURLY_DIVISOR: Source = {
  publisher: "casomoltd/nhs-pay (GitHub), note on the NHS Employers 2026/27 hourly table",
  title: "docs/source-archive.md",
  url: "https://github.com/casomoltd/nhs-pay/blob/047a40ef014f14619c82b55ca240d2b8ffd065e8/docs/source-archive.md",
  role: "evidence",
  excerpt: "the page's own divisor confirms £55.65, being 108,814 ÷ 1,955.4",
};

const NHSPAYSCALES_BAND9_2324: Source = {
  publisher: "nhspayscales.co.uk (third party; the page labels the year 2022/23, but the figures are 2023/24: 2022/23 was £95,135–£109,475 and 109,475 × 1.05 = 114,948.75)",
  title: "What is the highest NHS pay band?",
  url: "https://nhspayscales.co.uk/what-is-the-highest-nhs-pay-band/",
  role: "evidence",
  excerpt: "Band 9 staff receive a basic salary of between £99,891 and £114,949",
};
const GETMAKE_2223: Source = {
  publisher: "getmakedigital.com (third party; the page is titled 2023-24 but shows the 2022/23 figures)",
  title: "NHS pay rise calculator",
  url: "https://www.getmakedigital.com/nhs-banding/nhs-pay-rise-calculator",
  role: "evidence",
  excerpt: "Band 8c £67,064** 5 - £77,274",
};
const TAKEHOME_BAND7: Source = {
  publisher: "nhstakehomepaycalculator.co.uk (third party; its Northern Ireland 2025/26 row is still on England's 2024/25 rates)",
  title: "NHS band 7 salary",
  url: "https://nhstakehomepaycalculator.co.uk/guides/nhs-band-7-salary",
  role: "evidence",
  excerpt: "Northern Ireland £46,148 £48,526 £52,809",
};
const NHSE_NLW_2025: Source = {
  publisher: "NHS Employers",
  title: "National living wage update (1 April 2025): band 2 and band 3 pay with and without HCAS",
  url: "https://nhsemployers.org/news/national-living-wage-update",
  excerpt: "Band 2 £24,169; with HCAS £29,583 / £28,720 / £25,427. Band 3 entry £24,625 → £30,039 / £29,176 / £25,883",
};
const NHSPAYSCALES_HCAS_2425: Source = {
  publisher: "nhspayscales.co.uk (third party; updated August 2024, 'confirmed')",
  title: "NHS pay scales 2024-25",
  url: "https://nhspayscales.co.uk/nhs-pay-scales-2024-25-predicted/",
  role: "evidence",
  excerpt: "Inner London20%£5,415£8,171 ... Outer London15%£4,552£5,735 ... Fringes5%£1,258£2,121",
};
const NHSPAYSCALES_HCAS_2526: Source = {
  publisher: "nhspayscales.co.uk (third party; its 2025/26 minimums are the 2024/25 ones, so only its maximums are compared)",
  title: "NHS High Cost Area Supplement (HCAS)",
  url: "https://nhspayscales.co.uk/nhs-high-cost-area-supplement-hcas/",
  role: "evidence",
  excerpt: "Inner London 20% ... minimum payment of £5,415 and a maximum payment of £8,465 ... Outer London 15% ... £4,552 ... £5,941 ... Fringe 5% ... £1,258 ... £2,197",
};

// ---------------------------------------------------------------------------------------------
// Pay
// ---------------------------------------------------------------------------------------------

const BAND1_NOTE =
  "Band 1 has been closed to new entrants since 1 December 2018 and its remaining staff are paid at the band 2 rate; it is shown here with band 2's single figure, as the NHS Employers tables do.";

/**
 * Annual full-time basic pay, England, by band; steps are entry, (intermediate,) top.
 * Step 1 = entry. Bands 1 and 2 are single spot rates.
 */
export const AFC_PAY: ByYear<AfcPayTable> = {
  "2023/24": {
    value: {
      "1": ["22383"],
      "2": ["22383"],
      "3": ["22816", "24336"],
      "4": ["25147", "27596"],
      "5": ["28407", "30639", "34581"],
      "6": ["35392", "37350", "42618"],
      "7": ["43742", "45996", "50056"],
      "8a": ["50952", "57349"],
      "8b": ["58972", "68525"],
      "8c": ["70417", "81138"],
      "8d": [null, null],
      "9": ["99891", "114949"],
    },
    provenance: "secondary",
    sources: [ROADTONHS_2324, ATHONA_2324, GOVUK_HEALTHCARE_SCALES, NHSPAYSCALES_BAND9_2324, GETMAKE_2223],
    note:
      "5% award from 1 April 2023. The NHS Employers 2023/24 table could not be reached; bands 1 to 8c entry are from two third-party tables that agree on every figure, and GOV.UK confirms bands 3 to 5 entry. " +
      "Band 9 (£99,891 / £114,949) is from nhspayscales.co.uk (its page mislabels the year: 2022/23 was £95,135–£109,475, and 109,475 × 1.05 = 114,948.75). " +
      "Band 8c top £81,138 is derived: 2022/23 top £77,274 × 1.05 = 81,137.70, rounded to the pound. " +
      "£1 conflicts: net-paid.com gives 8c top £81,137 and band 9 top £114,948 (it is £1 out on two figures the sources above share, band 5 top and band 6 entry, and appears to truncate), so its figures are not used; the rounded values are taken. " +
      "Band 8d is null: only net-paid.com gives it (£83,571 / £96,376). " +
      "Bands 8a to 9 had two steps (entry and top after 5 years) in 2023/24. " +
      BAND1_NOTE,
    figures: {
      "8c.2": { provenance: "derived", rule: "2022/23 band 8c top £77,274 (getmakedigital.com) × 1.05 = £81,137.70, rounded to the pound (net-paid.com's £81,137 not used)" },
      "9.1": { provenance: "secondary", rule: "nhspayscales.co.uk 'between £99,891 and £114,949' (net-paid.com agrees)" },
      "9.2": { provenance: "secondary", rule: "nhspayscales.co.uk £114,949 = 2022/23 £109,475 × 1.05 = £114,948.75 rounded (net-paid.com's £114,948 not used)" },
    },
  },
  "2024/25": {
    value: {
      "1": ["23615"],
      "2": ["23615"],
      "3": ["24071", "25674"],
      "4": ["26530", "29114"],
      "5": ["29970", "32324", "36483"],
      "6": ["37338", "39405", "44962"],
      "7": ["46148", "48526", "52809"],
      "8a": ["53755", "56454", "60504"],
      "8b": ["62215", "66246", "72293"],
      "8c": ["74290", "78814", "85601"],
      "8d": ["88168", "93572", "101677"],
      "9": ["105385", "111740", "121271"],
    },
    provenance: "secondary",
    sources: [HEALTH_CAREERS, RCNI_BAND8, ZARO_2425, NHSE_BAND8_FAQ, TAKEHOME_BAND7, TAKEHOME_2526],
    note:
      "5.5% award from 1 April 2024. Bands 2 to 6 are from Health Careers (NHS England); bands 8a to 8d (all three steps) from RCNi citing NHS Employers; band 7 entry and top from a third-party table, within £1 of 2025/26 ÷ 1.036; " +
      "band 9 entry and top (£105,385 / £121,271) only from unofficial calculators, within £1 of 2025/26 ÷ 1.036. " +
      "Band 7 intermediate £48,526: a third-party table's Northern Ireland row (NI was still on England's 2024/25 rates), and 2025/26 £50,273 ÷ 1.036 = 48,526.06. " +
      "Band 9 intermediate £111,740 is derived: 2025/26 £115,763 ÷ 1.036 = 111,740.35, rounded to the pound (no 2024/25 publication of it was found). " +
      "The intermediate points in bands 8a to 9 took effect from 1 April 2024 (paid from November 2024, backdated). " +
      BAND1_NOTE,
    figures: {
      "7.2": { provenance: "secondary", rule: "nhstakehomepaycalculator.co.uk (NI row on England 2024/25 rates) £48,526; 2025/26 £50,273 ÷ 1.036 = £48,526.06 agrees" },
      "9.2": { provenance: "derived", rule: "2025/26 band 9 intermediate £115,763 ÷ 1.036 = £111,740.35, rounded to the pound" },
    },
  },
  "2025/26": {
    value: {
      "1": ["24465"],
      "2": ["24465"],
      "3": ["24937", "26598"],
      "4": ["27485", "30162"],
      "5": ["31049", "33487", "37796"],
      "6": ["38682", "40823", "46580"],
      "7": ["47810", "50273", "54710"],
      "8a": ["55690", "58487", "62682"],
      "8b": ["64455", "68631", "74896"],
      "8c": ["76965", "81652", "88682"],
      "8d": ["91342", "96941", "105337"],
      "9": ["109179", "115763", "125637"],
    },
    provenance: "secondary",
    sources: [NHSE_PAY_2526, CASOMO_FIXTURE, TAKEHOME_2526],
    note:
      "3.6% award from 1 April 2025. Read from a published transcription of the NHS Employers 2025/26 annual column (casomoltd/nhs-pay, each row citing the NHS Employers page); an independent third-party table agrees on every figure. The NHS Employers page itself could not be reached here. " +
      BAND1_NOTE,
  },
  "2026/27": {
    value: {
      "1": ["25272"],
      "2": ["25272"],
      "3": ["25760", "27476"],
      "4": ["28392", "31157"],
      "5": ["32073", "34592", "39043"],
      "6": ["39959", "42170", "48117"],
      "7": ["49387", "51932", "56515"],
      "8a": ["57528", "60417", "64750"],
      "8b": ["66582", "70896", "77368"],
      "8c": ["79504", "84346", "91609"],
      "8d": ["94356", "100140", "108814"],
      "9": ["112782", "119583", "129783"],
    },
    provenance: "secondary",
    sources: [NHSE_PAY_2627, NHSE_POSTER_2026, CASOMO_FIXTURE, NHS_JOBS_2627],
    note:
      "3.3% award from 1 April 2026. Read from a published transcription of the NHS Employers 2026/27 annual column, which the transcriber checked against the NHS Employers poster; real NHS Jobs adverts for bands 6 and 7 agree. " +
      "A different unofficial calculator gives figures £1 to £2 off (e.g. band 7 entry £49,388), apparently a naive 3.3% uplift: not used. The NHS Employers page itself could not be reached here. " +
      BAND1_NOTE,
  },
};

// ---------------------------------------------------------------------------------------------
// Progression
// ---------------------------------------------------------------------------------------------

const PROGRESSION_COMMON = {
  "1": [0],
  "2": [0],
  "3": [0, 2],
  "4": [0, 3],
  "5": [0, 2, 4],
  "6": [0, 2, 5],
  "7": [0, 2, 5],
} as const;

const PROGRESSION_NOTE =
  "Years in the band at which each step point is reached (eligibility: progression also requires the pay-progression standards to be met). Band 5: intermediate after 2 years, top after 2 more (4); bands 6 and 7: intermediate after 2, top after 3 more (5).";

const progressionWithBand8 = (band8: readonly number[]): AfcProgressionTable => ({
  ...PROGRESSION_COMMON,
  "8a": band8,
  "8b": band8,
  "8c": band8,
  "8d": band8,
  "9": band8,
});

const progression2324: Sourced<AfcProgressionTable> = {
  value: progressionWithBand8([0, 5]),
  provenance: "official",
  sources: [NHSE_PAY_2122, NHSE_BREAKDOWN_2018],
  note: PROGRESSION_NOTE + " Bands 8a to 9 had two step points in 2023/24: entry, and top after 5 years.",
};

const progressionFrom2425 = (note: string): Sourced<AfcProgressionTable> => ({
  value: progressionWithBand8([0, 2, 5]),
  provenance: "official",
  sources: [NHSE_PAY_2122, NHSE_BREAKDOWN_2018, NHSE_BAND8_FAQ],
  note,
});

export const AFC_PROGRESSION: ByYear<AfcProgressionTable> = {
  "2023/24": progression2324,
  "2024/25": progressionFrom2425(
    PROGRESSION_NOTE +
      " From 1 April 2024 bands 8a to 9 have an intermediate step after 2 years and the top after 3 more (5); the new point was implemented in November 2024 and backdated.",
  ),
  "2025/26": progressionFrom2425(PROGRESSION_NOTE + " Bands 8a to 9: intermediate after 2 years, top after 5."),
  "2026/27": progressionFrom2425(PROGRESSION_NOTE + " Bands 8a to 9: intermediate after 2 years, top after 5."),
};

// ---------------------------------------------------------------------------------------------
// High Cost Area Supplements (Handbook Section 4, Annex 9)
// ---------------------------------------------------------------------------------------------

const HCAS_RULE =
  "HCAS is a fraction of basic pay (including any long-term recruitment and retention premium), no less than the minimum and no more than the maximum payment (Handbook 4.1); it is pensionable (4.2).";

/**
 * Each held year is within £1 of the official 2022/23 NHSBSA figures uplifted by the AfC awards
 * (5%, 5.5%, 3.6%, 3.3%): tests/data/afc.test.ts checks this. Where sources differ by £1 the
 * note says which was taken and why; `figures` gives each minimum and maximum its own footing.
 */
export const AFC_HCAS: ByYear<HcasTable> = {
  "2023/24": {
    value: {
      INNER: { rate: "0.20", minimum: "5132", maximum: "7745" },
      OUTER: { rate: "0.15", minimum: "4313", maximum: "5436" },
      FRINGE: { rate: "0.05", minimum: "1192", maximum: "2011" },
    },
    provenance: "secondary",
    sources: [UNILONDON_HCAS, NHSE_HANDBOOK_S4, NHSBSA_HCAS_2022],
    note:
      HCAS_RULE +
      " 2023/24 minima and maxima from one third-party page, not checked against Annex 9; they are within £1 of the official 2022/23 figures (NHSBSA KA-23439) × 1.05.",
  },
  "2024/25": {
    value: {
      INNER: { rate: "0.20", minimum: "5414", maximum: "8171" },
      OUTER: { rate: "0.15", minimum: "4551", maximum: "5735" },
      FRINGE: { rate: "0.05", minimum: "1258", maximum: "2121" },
    },
    provenance: "secondary",
    sources: [NHSE_NLW_2025, NHSPAYSCALES_HCAS_2425, NHSE_HANDBOOK_S4, NHSBSA_HCAS_2022],
    note:
      HCAS_RULE +
      " Minimums from NHS Employers' own figures (derived from official): its 1 April 2025 national living wage page gives band 2 £24,169 and with HCAS £29,583 / £28,720 / £25,427, so the minimum payments then in force (the 2024/25 ones) are £5,414 / £4,551 / £1,258; band 3 entry gives the same differences. " +
      "Maximums from nhspayscales.co.uk (£8,171 / £5,735 / £2,121), the only source found. " +
      "£1 conflicts: nhspayscales.co.uk gives inner and outer minimums £5,415 and £4,552, and compounding the 2022/23 figures by 5% then 5.5% gives £5,414 and £4,550; the NHS Employers subtraction is taken as it rests on the official page. Confirm against Annex 9.",
    figures: {
      "INNER.minimum": { provenance: "derived", rule: "NHS Employers 1 April 2025: band 2 with inner London HCAS £29,583 − £24,169 = £5,414 (nhspayscales.co.uk: £5,415)" },
      "OUTER.minimum": { provenance: "derived", rule: "NHS Employers 1 April 2025: £28,720 − £24,169 = £4,551 (nhspayscales.co.uk: £4,552)" },
      "FRINGE.minimum": { provenance: "derived", rule: "NHS Employers 1 April 2025: £25,427 − £24,169 = £1,258 (nhspayscales.co.uk agrees)" },
      "INNER.maximum": { provenance: "secondary", rule: "nhspayscales.co.uk 2024/25 £8,171" },
      "OUTER.maximum": { provenance: "secondary", rule: "nhspayscales.co.uk 2024/25 £5,735" },
      "FRINGE.maximum": { provenance: "secondary", rule: "nhspayscales.co.uk 2024/25 £2,121" },
    },
  },
  "2025/26": {
    value: {
      INNER: { rate: "0.20", minimum: "5609", maximum: "8466" },
      OUTER: { rate: "0.15", minimum: "4714", maximum: "5941" },
      FRINGE: { rate: "0.05", minimum: "1303", maximum: "2198" },
    },
    provenance: "secondary",
    sources: [HCAS_2526_SITE, NHSPAYSCALES_HCAS_2526, NHSE_HANDBOOK_S4, NHSBSA_HCAS_2022],
    note:
      HCAS_RULE +
      " 2025/26 minima and maxima from one third-party salary guide (February 2026; it has an error elsewhere on the page, band 5 intermediate), not checked against Annex 9. " +
      "All six figures are within £1 of the official 2022/23 figures × 1.05 × 1.055 × 1.036 (the AfC awards), which is why they are used. " +
      "£1 conflicts: nhspayscales.co.uk gives maximums £8,465 and £2,197 (and the 2024/25 minimums again, so its page is not used); compounding 2022/23 unrounded gives minimums £5,610 and £1,304; 2024/25 × 1.036 gives £5,609 / £8,465, £4,715 / £5,942, £1,303 / £2,197. The guide's set is kept: it is the one source that labels all six as 2025/26. Confirm against Annex 9.",
  },
  "2026/27": {
    value: {
      INNER: { rate: "0.20", minimum: "5794", maximum: "8746" },
      OUTER: { rate: "0.15", minimum: "4870", maximum: "6137" },
      FRINGE: { rate: "0.05", minimum: "1346", maximum: "2270" },
    },
    provenance: "secondary",
    sources: [CASOMO_HCAS, NHSE_HANDBOOK_S4, NHSBSA_HCAS_2022],
    note:
      HCAS_RULE +
      " These figures come from code citing Handbook amendment 62 (June 2026), Annex 9, which labels them 'unchanged between 2025-26 and 2026-27'. " +
      "They are placed in 2026/27 by inference (the team's reference file, §0.4): they are within £1 of the official 2022/23 figures × 1.05 × 1.055 × 1.036 × 1.033, i.e. after the 2026/27 award, and the 2025/26 set above is one award lower. Confirm against Annex 9.",
  },
};

// ---------------------------------------------------------------------------------------------
// Unsocial hours (Handbook Section 2, England), from 1 April 2020
// ---------------------------------------------------------------------------------------------

const UNSOCIAL_4_TO_9: UnsocialRates = { nightsAndSaturdays: "0.30", sundaysAndPublicHolidays: "0.60" };

export const AFC_UNSOCIAL: Sourced<Readonly<Record<string, UnsocialRates>>> = {
  value: {
    "1": { nightsAndSaturdays: null, sundaysAndPublicHolidays: null },
    "2": { nightsAndSaturdays: "0.41", sundaysAndPublicHolidays: "0.83" },
    "3": { nightsAndSaturdays: "0.35", sundaysAndPublicHolidays: "0.69" },
    "4": UNSOCIAL_4_TO_9,
    "5": UNSOCIAL_4_TO_9,
    "6": UNSOCIAL_4_TO_9,
    "7": UNSOCIAL_4_TO_9,
    "8a": UNSOCIAL_4_TO_9,
    "8b": UNSOCIAL_4_TO_9,
    "8c": UNSOCIAL_4_TO_9,
    "8d": UNSOCIAL_4_TO_9,
    "9": UNSOCIAL_4_TO_9,
  },
  provenance: "secondary",
  sources: [CUH_UNSOCIAL, NHSE_UNSOCIAL_FAQ],
  note:
    "Time plus the rate, from 1 April 2020 (the last step of the 2018 deal), read from an NHS trust's reproduction of the Handbook Section 2 table; not re-checked for later changes. " +
    "'Nights and Saturdays' = all time on Saturday and weekday hours after 8pm and before 6am; 'Sundays and public holidays' = midnight to midnight. Unsocial-hours payments do not apply to overtime. " +
    "Band 1 is null: its rates were not found.",
};

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

export const AFC_TERMS: Sourced<TermsTable> = {
  value: {
    weeklyHours: "37.5",
    weeksPerYear: "52.143",
    leave: [
      { afterYears: 0, days: 27 },
      { afterYears: 5, days: 29 },
      { afterYears: 10, days: 33 },
    ],
    publicHolidays: 8,
    sickPay: [
      { afterMonths: 0, fullPayMonths: 1, halfPayMonths: 2 },
      { afterMonths: 12, fullPayMonths: 2, halfPayMonths: 2 },
      { afterMonths: 24, fullPayMonths: 4, halfPayMonths: 4 },
      { afterMonths: 36, fullPayMonths: 5, halfPayMonths: 5 },
      { afterMonths: 60, fullPayMonths: 6, halfPayMonths: 6 },
    ],
  },
  provenance: "official",
  sources: [HANDBOOK_S3, HANDBOOK_S13, HANDBOOK_S14, HOURLY_DIVISOR],
  note:
    "Read from verbatim extracts of the NHS Terms and Conditions of Service Handbook (Sections 3, 13, 14). Leave is by reckonable NHS service (need not be continuous), plus 8 general public holidays, pro rata in hours for part-time staff. " +
    "Sick pay: first year 1 month full + 2 months half; second year 2 + 2; third year 4 + 4; fourth and fifth years 5 + 5; after five years 6 + 6. " +
    "Hourly rate = annual ÷ (52.143 × 37.5), the divisor the NHS Employers hourly table uses.",
};
