/**
 * NHS Pension Scheme (England and Wales): member contribution tiers and the employer rate.
 *
 * Member tiers: the whole of actual annual pensionable pay is charged at the rate of the tier it
 * falls in (not marginal). `from` is the tier's lower bound in whole pounds; tier 1 starts at 0.
 */
import type { ByYear, Source } from "./types";
import type { ContributionTiers, NhsEmployerRate } from "./schema";

const NHSE_TIERS_2324: Source = {
  publisher: "NHS Employers",
  title: "NHS Pension Scheme member contributions 2023/24 (member contribution rates poster)",
  url: "https://www.nhsemployers.org/publications/nhs-pension-scheme-member-contributions-202324",
  excerpt:
    "Pensionable pay (tier thresholds from 1 April 2023) | Contribution rate from 1 April 2023 ... £0 to £13,246 | 5.1% | ... £75,633 and above | 13.5%",
};
const BRADFORD_PAYROLL_2324: Source = {
  publisher: "Bradford NHS Payroll Services",
  title: "Current pay proposal 22/23 and 23/24",
  url: "https://www.bradfordnhspayrollservices.co.uk/current-pay-proposal-22-23-23-24/",
  role: "evidence",
  excerpt: "1 (A) * £0.00 to £13,246.99 5.1 ... 2 (B) £13,247.00 to £17,673.99 5.7",
};
const NHSE_TIERS_2425: Source = {
  publisher: "NHS Employers",
  title: "NHS Pension Scheme - member contributions 2024/25 (14 March 2024)",
  url: "https://www.nhsemployers.org/publications/nhs-pension-scheme-member-contributions-202425",
  excerpt:
    "1 | £0 to £13,259 | 5.2% | 2 | £13,260 to £26,831 | 6.5% | 3 | £26,832 to £32,691 | 8.3% | 4 | £32,692 to £49,078 | 9.8% | 5 | £49,079 to £62,924 | 10.7% | 6 | £62,925 and above | 12.5%",
};
const NHSBSA_COST_OF_SCHEME: Source = {
  publisher: "NHSBSA",
  title: "Cost of being in the Scheme",
  url: "https://www.nhsbsa.nhs.uk/member-hub/cost-being-scheme",
  excerpt:
    "These salary ranges will be automatically reviewed in line with the percentage increase in the Consumer Price Index (CPI) on 1 April every year, with the exception of the lowest tier ... If the Agenda for Change pay award for England ... is higher than the increase in CPI, contribution tiers will be updated to reflect the higher pay award.",
};
const NHSBSA_RATES_2526: Source = {
  publisher: "NHSBSA",
  title: "NHS Pensions contribution rates 2025/26",
  url: "https://www.nhsbsa.nhs.uk/nhs-pensions-contribution-rates-202526",
};
const NHSE_TIERS_2526_CPI: Source = {
  publisher: "NHS Employers",
  title: "NHS Pension Scheme member contributions (27 March 2025, CPI version before the pay award)",
  url: "https://nhsemployers.org/publications/nhs-pension-scheme-member-contributions",
  excerpt:
    "From 1 April 2025, the pensionable pay ranges will be increased in line with the Consumer Price Index (CPI) rate from September 2024 of 1.7 per cent ... Up to £13,259 5.2% / £13,260 to £27,288 6.5% / £27,289 to £33,247 8.3% / £33,248 to £49,913 9.8% / £49,914 to £63,994 10.7% / £63,995 and above 12.5%",
};
const CASOMO_TIERS: Source = {
  publisher: "casomoltd/nhs-pay (GitHub), transcription of the NHSBSA tier tables",
  title: "tests/fixtures/pension-tiers.csv",
  url: "https://github.com/casomoltd/nhs-pay/blob/47c92b8222509948c4d33adab4e50476cf879c47/tests/fixtures/pension-tiers.csv",
  role: "evidence",
  excerpt:
    "england,2025-26,2,13260,27797,0.065,nhsbsa.nhs.uk/nhs-pensions-contribution-rates-202526 ... england,2025-26,6,65191,,0.125 ... england,2026-27,2,13260,28854,0.065,nhsbsa.nhs.uk/member-hub/cost-being-scheme ... england,2026-27,6,67669,,0.125",
};

const TIER_RULE =
  "The tier is found from actual (not whole-time equivalent) annual pensionable pay and the whole of the pay is charged at that tier's rate. Thresholds are whole pounds (a tier runs to the next tier's lower bound less £0.01).";

export const NHS_MEMBER_TIERS: ByYear<ContributionTiers> = {
  "2023/24": {
    value: [
      { from: "0", rate: "0.051" },
      { from: "13247", rate: "0.057" },
      { from: "17674", rate: "0.061" },
      { from: "24023", rate: "0.068" },
      { from: "25147", rate: "0.077" },
      { from: "29636", rate: "0.088" },
      { from: "30639", rate: "0.098" },
      { from: "45997", rate: "0.10" },
      { from: "51709", rate: "0.116" },
      { from: "58973", rate: "0.125" },
      { from: "75633", rate: "0.135" },
    ],
    provenance: "official",
    sources: [NHSE_TIERS_2324, BRADFORD_PAYROLL_2324],
    note: TIER_RULE + " Eleven tiers (phase 1 of the reform), thresholds uplifted by the 2023 pay award and backdated to 1 April 2023.",
  },
  "2024/25": {
    value: [
      { from: "0", rate: "0.052" },
      { from: "13260", rate: "0.065" },
      { from: "26832", rate: "0.083" },
      { from: "32692", rate: "0.098" },
      { from: "49079", rate: "0.107" },
      { from: "62925", rate: "0.125" },
    ],
    provenance: "official",
    sources: [NHSE_TIERS_2425, NHSBSA_COST_OF_SCHEME],
    note: TIER_RULE + " Six tiers from 1 April 2024.",
  },
  "2025/26": {
    value: [
      { from: "0", rate: "0.052" },
      { from: "13260", rate: "0.065" },
      { from: "27798", rate: "0.083" },
      { from: "33869", rate: "0.098" },
      { from: "50846", rate: "0.107" },
      { from: "65191", rate: "0.125" },
    ],
    provenance: "secondary",
    sources: [NHSBSA_RATES_2526, CASOMO_TIERS, NHSBSA_COST_OF_SCHEME, NHSE_TIERS_2526_CPI],
    note:
      TIER_RULE +
      " Final 2025/26 thresholds: within £1 of the 2024/25 thresholds uplifted by the 3.6% AfC award (higher than September 2024 CPI, 1.7%), as the NHSBSA rule requires; tier 1 unchanged. " +
      "Read from a transcription of the NHSBSA 2025/26 page (which itself could not be reached). NHS Employers first published a CPI-only version (£27,288 / £33,247 / £49,913 / £63,994), superseded when the pay award was made; payroll may have applied the final figures retrospectively.",
  },
  "2026/27": {
    value: [
      { from: "0", rate: "0.052" },
      { from: "13260", rate: "0.065" },
      { from: "28855", rate: "0.083" },
      { from: "35156", rate: "0.098" },
      { from: "52779", rate: "0.107" },
      { from: "67669", rate: "0.125" },
    ],
    provenance: "secondary",
    sources: [NHSBSA_COST_OF_SCHEME, CASOMO_TIERS],
    note:
      TIER_RULE +
      " 2026/27 thresholds read from a transcription of the NHSBSA 'Cost of being in the Scheme' page (not reached here directly). They are within £1 of the 2025/26 thresholds × 1.038 (September 2025 CPI 3.8%, higher than the 3.3% AfC award; the publisher's rounding is not stated); tier 1 unchanged.",
  },
};

const NHSE_EMPLOYER_2019_24: Source = {
  publisher: "NHS Employers",
  title: "NHS Pension Scheme employer contributions",
  url: "https://www.nhsemployers.org/articles/nhs-pension-scheme-employer-contributions",
  excerpt:
    "The employer contribution rate for the period 1 April 2019 to 31 March 2024 is 20.6 per cent ... This levy is 0.08 per cent of pensionable pay ... employers will pay 20.68 per cent of pensionable pay. For the 2019/20, 2020/21, 2021/22, 2022/23 and 2023/24 scheme years, employers are responsible for paying 14.38 per cent of contributions, with the remaining 6.3 per cent being funded centrally.",
};
const NHSE_EMPLOYER_2024: Source = {
  publisher: "NHS Employers",
  title: "NHS Pension Scheme employer contribution rate from 1 April 2024 (14 March 2024)",
  url: "http://nhsemployers.org/your-workforce/pay-and-reward/pensions/pension-contribution-tax-relief",
  excerpt:
    "The employer contribution rate from 1 April 2024 is 23.7 per cent ... This levy is 0.08 per cent ... employers will pay 23.78 per cent of pensionable pay. Employers are responsible for paying 14.38 per cent of contributions, with the remaining 9.4 per cent being funded centrally. The 2024 valuation will commence in 2025 and will determine the employer contribution rate for four years from 1 April 2027.",
};
const NHSBSA_EMPLOYER_2425: Source = {
  publisher: "NHSBSA",
  title: "NHS Pension Scheme employer contribution rates 2024/25",
  url: "https://nhsbsa.nhs.uk/nhs-pension-scheme-employer-contribution-rates-202425",
  excerpt:
    "from 1 April 2024 an employer rate of 23.7% (23.78% inclusive of the administration charge) will apply. However, the NHS Business Services Authority will continue to only collect 14.38% from employers ... central payments will be made by NHS England for the remaining 9.4%.",
};
const CASOMO_EMPLOYER: Source = {
  publisher: "casomoltd/nhs-pay (GitHub)",
  title: "tests/fixtures/employer-rates.csv",
  url: "https://github.com/casomoltd/nhs-pay/blob/b2835a384e7134c310269013ccaa0dcbcbbf98ec/tests/fixtures/employer-rates.csv",
  role: "evidence",
  excerpt: "england,0.237,0.0008,NHSBSA,nhsbsa.nhs.uk employer-contribution-rates-202425",
};

const EMPLOYER_NOTE =
  "'full' is the whole employer rate including the 0.08% administration levy, the cost a board should see; 'local' is what NHSBSA collects from the employer (14.38%, levy included), the rest being paid centrally by NHS England (DHSC before 2024/25). " +
  "Local authorities employing NHS Pension Scheme members are invoiced differently (NHSBSA: 'DHSC invoices will increase to account for the additional 3.1% contribution rate for Local Authorities'): check the council's own arrangement.";

export const NHS_EMPLOYER: ByYear<NhsEmployerRate> = {
  "2023/24": {
    value: { full: "0.2068", local: "0.1438", levy: "0.0008" },
    provenance: "official",
    sources: [NHSE_EMPLOYER_2019_24],
    note: EMPLOYER_NOTE + " 20.6% + 0.08% levy for 1 April 2019 to 31 March 2024; 6.3% funded centrally.",
  },
  "2024/25": {
    value: { full: "0.2378", local: "0.1438", levy: "0.0008" },
    provenance: "official",
    sources: [NHSE_EMPLOYER_2024, NHSBSA_EMPLOYER_2425],
    note: EMPLOYER_NOTE + " 23.7% + 0.08% levy from 1 April 2024; 9.4% funded centrally.",
  },
  "2025/26": {
    value: { full: "0.2378", local: "0.1438", levy: "0.0008" },
    provenance: "secondary",
    sources: [NHSE_EMPLOYER_2024, CASOMO_EMPLOYER],
    note:
      EMPLOYER_NOTE +
      " Confidence medium-high: the 23.7% rate runs until the 2024 valuation sets a new rate 'for four years from 1 April 2027' (NHS Employers), so 23.78% in total holds for 2025/26; the continued 14.38% local / 9.4% central split was not confirmed from an NHSBSA 2025/26 page.",
  },
  "2026/27": {
    value: { full: "0.2378", local: "0.1438", levy: "0.0008" },
    provenance: "secondary",
    sources: [NHSE_EMPLOYER_2024, CASOMO_EMPLOYER],
    note:
      EMPLOYER_NOTE +
      " Confidence medium-high: the next rate takes effect from 1 April 2027 (NHS Employers), so 23.78% in total holds for 2026/27; the 14.38% local / 9.4% central split was not confirmed for 2026/27.",
  },
};
