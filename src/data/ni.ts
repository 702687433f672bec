/**
 * Employer (secondary) Class 1 National Insurance, category A, and the Apprenticeship Levy.
 *
 * Keyed by financial year label, meaning the TAX year that starts on 6 April of that financial
 * year: "2025/26" holds the rates for 6 April 2025 to 5 April 2026. (Pay years run from 1 April,
 * so 1 to 5 April of each financial year actually falls in the previous tax year.)
 */
import type { ByYear, Source } from "./types";
import type { ApprenticeshipLevyRate, EmployerNiRate } from "./schema";

const govuk = (span: string, slug: string): Source => ({
  publisher: "HMRC (GOV.UK)",
  title: `Rates and thresholds for employers ${span}`,
  url: `https://www.gov.uk/guidance/rates-and-thresholds-for-employers-${slug}`,
});

const GOVUK_2324 = govuk("2023 to 2024", "2023-to-2024");
const GOVUK_2425 = govuk("2024 to 2025", "2024-to-2025");
const GOVUK_2526 = govuk("2025 to 2026", "2025-to-2026");
const GOVUK_2627 = govuk("2026 to 2027", "2026-to-2027");

const FLEET_2324_2425: Source = {
  publisher: "Fleet Operations tax guide (third party)",
  title: "National Insurance thresholds 2024/25 and 2023/24",
  url: "https://www.fleetoperationstaxguide.co.uk",
  role: "evidence",
  excerpt: "Secondary Threshold (ST) | £175 | £758 | £9,100 | £175 | £758 | £9,100 ... Apprenticeship levy | £15,000 | £15,000",
};
const THOMASCOOMBS_NI: Source = {
  publisher: "Thomas Coombs (accountants)",
  title: "Tax tables: National Insurance (2025/26, 2024/25, 2023/24)",
  url: "https://www.thomascoombs.com/resource-centre/tax-tables/national-insurance.php",
  role: "evidence",
  excerpt: "Secondary threshold £5,000 £9,100 £9,100 (2025/26, 2024/25, 2023/24)",
};
const SPRING_2025: Source = {
  publisher: "Lewis Brownlee (accountants), Spring Statement 2025 summary",
  title: "National Insurance contributions",
  url: "https://lewisbrownlee-co-uk.rc.clientzone.com/news/spring-statement/article/2025/March/national-insurance-contributions",
  role: "evidence",
  excerpt:
    "The government announced that it will increase the employer rate from 13.8% to 15% from 6 April 2025 ... The government will reduce the Secondary Threshold to £5,000 a year from 6 April 2025 until 6 April 2028 and then increase it by Consumer Price Index (CPI) thereafter.",
};
const DELPHINI_2627: Source = {
  publisher: "Delphini Accounting (accountants)",
  title: "Tax tables: National Insurance (2026/27, 2025/26, 2024/25)",
  url: "https://delphiniaccounting.co.uk/resource-centre/tax-tables/national-insurance.php",
  role: "evidence",
  excerpt: "Secondary threshold (ST) £5,000 £5,000 £9,100 ... Above secondary threshold (ST) 15.00% 15.00% 13.80%",
};
const ROBB_FERGUSON_2025: Source = {
  publisher: "Robb Ferguson, Autumn Budget 2025",
  title: "Employment: National Insurance contributions",
  url: "https://online.flippingbook.com/view/704252240/6",
  role: "evidence",
  excerpt:
    "The employer rate is 15%. The Secondary Threshold ... is currently set at £5,000 a year from 6 April 2025. The government announced that this will be maintained at this level until April 2031.",
};

const NI_NOTE =
  "Category A, annual secondary threshold. The GOV.UK page is the authority and is cited, but its text could not be retrieved here: the figures are from accountancy tables that agree with each other and with the Budget announcements.";

export const EMPLOYER_NI: ByYear<EmployerNiRate> = {
  "2023/24": {
    value: { rate: "0.138", secondaryThreshold: "9100" },
    provenance: "secondary",
    sources: [GOVUK_2324, FLEET_2324_2425, THOMASCOOMBS_NI],
    note: NI_NOTE + " Tax year 6 April 2023 to 5 April 2024: 13.8% above £9,100 a year (£758 a month, £175 a week).",
  },
  "2024/25": {
    value: { rate: "0.138", secondaryThreshold: "9100" },
    provenance: "secondary",
    sources: [GOVUK_2425, FLEET_2324_2425, THOMASCOOMBS_NI, DELPHINI_2627],
    note: NI_NOTE + " Tax year 6 April 2024 to 5 April 2025: 13.8% above £9,100 a year.",
  },
  "2025/26": {
    value: { rate: "0.15", secondaryThreshold: "5000" },
    provenance: "secondary",
    sources: [GOVUK_2526, SPRING_2025, THOMASCOOMBS_NI, DELPHINI_2627],
    note: NI_NOTE + " Tax year 6 April 2025 to 5 April 2026: 15% above £5,000 a year (£417 a month, £96 a week).",
  },
  "2026/27": {
    value: { rate: "0.15", secondaryThreshold: "5000" },
    provenance: "secondary",
    sources: [GOVUK_2627, DELPHINI_2627, ROBB_FERGUSON_2025],
    note: NI_NOTE + " Tax year 6 April 2026 to 5 April 2027: 15% above £5,000 a year; the threshold is frozen at £5,000 (to April 2028 per the 2025 Spring Statement, to April 2031 per the Autumn Budget 2025).",
  },
};

const LAD_LEVY: Source = {
  publisher: "LAD Training, reproducing GOV.UK Apprenticeship Levy guidance",
  title: "How much do I need to pay?",
  url: "https://lad-training.co.uk/apprenticeships/the-apprenticeship-levy/much-need-pay",
  role: "evidence",
  excerpt:
    "Public bodies each get a full Apprenticeship Levy allowance as they aren't considered to be connected companies ... NHS trusts and other health service bodies ... are considered to be companies",
};
const AURELIA_LEVY: Source = {
  publisher: "Aurelia Training",
  title: "The Apprenticeship Levy",
  url: "https://aureliatraining.com/levy",
  role: "evidence",
  excerpt:
    "The levy will be charged at a rate of 0.5% of an employer's annual pay bill. Each employer will have an annual levy allowance of £15,000 (being 0.5% of £3 million)",
};
const GOVUK_LEVY: Source = {
  publisher: "HMRC (GOV.UK)",
  title: "Pay Apprenticeship Levy",
  url: "https://www.gov.uk/guidance/pay-apprenticeship-levy",
};

const LEVY_NOTE =
  "0.5% of the employer's annual pay bill (earnings liable to Class 1 secondary NICs), less an annual allowance of £15,000 per employer (not per person); unused allowance is not carried forward. " +
  "NHS bodies and councils each get a full allowance. No change to the rate or allowance was found for 2023/24 to 2026/27 (the Growth and Skills Levy changes how the funds are spent); confidence medium. The GOV.UK guidance could not be retrieved here.";

const LEVY = { rate: "0.005", allowance: "15000" } as const;

export const APPRENTICESHIP_LEVY: ByYear<ApprenticeshipLevyRate> = {
  "2023/24": { value: LEVY, provenance: "secondary", sources: [GOVUK_LEVY, AURELIA_LEVY, LAD_LEVY, FLEET_2324_2425], note: LEVY_NOTE },
  "2024/25": { value: LEVY, provenance: "secondary", sources: [GOVUK_LEVY, AURELIA_LEVY, LAD_LEVY, FLEET_2324_2425], note: LEVY_NOTE },
  "2025/26": { value: LEVY, provenance: "secondary", sources: [GOVUK_LEVY, AURELIA_LEVY, LAD_LEVY], note: LEVY_NOTE },
  "2026/27": { value: LEVY, provenance: "secondary", sources: [GOVUK_LEVY, AURELIA_LEVY, LAD_LEVY], note: LEVY_NOTE },
};
