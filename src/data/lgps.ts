/**
 * Local Government Pension Scheme (England and Wales): member contribution bands.
 *
 * The band is found from the member's actual (not full-time equivalent) pensionable pay for the
 * employment, rounded down to the whole pound; the whole pay is charged at the band's rate. The
 * 50/50 section pays half the main-section rate. Bands rise each April with the cost of living.
 *
 * Employer rates are NOT held here: there is no national LGPS employer rate. Each fund's actuarial
 * valuation sets a rate for each employer (primary % plus a secondary % or £ amount), so the user
 * supplies their fund's employer rate (the engine answers #N/A without it).
 */
import type { ByYear, Source } from "./types";
import type { LgpsBand } from "./schema";

const AVON_2324: Source = {
  publisher: "Avon Pension Fund",
  title: "How much do I pay? (Contribution table 2023/24)",
  url: "https://www.avonpensionfund.org.uk/how-much-do-i-pay",
  excerpt: "Contribution Table 2023/24 ... Up to £16,500 | 5.5% | 2.75% | £16,501 to £25,900 | 5.8% | 2.9% | ... £187,201 or more | 12.5% | 6.25%",
};
const LEICS_2324: Source = {
  publisher: "Leicestershire County Council (Leicestershire Pension Fund)",
  title: "Pension contributions (advice for employers)",
  url: "https://www.leicestershire.gov.uk/jobs-and-volunteering/local-government-pensions/advice-for-employers/pension-contributions",
};
const KENT_2425: Source = {
  publisher: "Kent Pension Fund",
  title: "Membership and contributions: contributions",
  url: "https://kentpensionfund.co.uk/local-government/current-member-paying-in/membership-and-contributions/contributions",
  excerpt: "From 1 April 2024 ... Up to £17,600 | 5.5% | 2.75% | ... £199,701 or more | 12.5% | 6.25%. The pay band ranges are increased each April in line with the cost of living.",
};
const MERSEYSIDE_2526: Source = {
  publisher: "Merseyside Pension Fund",
  title: "New employee contribution pay bands 1 April 2025",
  url: "https://mpfmembers.org.uk/content/new-employee-contribution-pay-bands-1-april-2025",
  excerpt:
    "from 1 April 2025 until 31 March 2026 ... £0 - £17,800 5.5% 2.75% | £17,801 - £28,000 5.8% 2.90% | ... £203,001 or more 12.5% 6.25%",
};
const LGPSMEMBER_2627: Source = {
  publisher: "LGA, lgpsmember.org",
  title: "How much do I pay? (pay bands from April 2026)",
  url: "https://www.lgpsmember.org/?p=2577",
  excerpt:
    "The table below shows the pay bands and contribution rates that will apply from April 2026 ... Up to £18,400 | 5.5% | £18,401 to £29,000 | 5.8% | £29,001 to £47,300 | 6.5% | £47,301 to £59,800 | 6.8% | £59,801 to £84,000 | 8.5% | £84,001 to £119,100 | 9.9% | £119,101 to £140,400 | 10.5% | £140,401 to £210,700 | 11.4% | £210,701 or more | 12.5%",
};

const RATES = [
  ["0.055", "0.0275"],
  ["0.058", "0.029"],
  ["0.065", "0.0325"],
  ["0.068", "0.034"],
  ["0.085", "0.0425"],
  ["0.099", "0.0495"],
  ["0.105", "0.0525"],
  ["0.114", "0.057"],
  ["0.125", "0.0625"],
] as const;

/** Nine bands from the lower bounds of bands 2 to 9 (band 1 starts at 0), with the fixed rates. */
function bands(lowerBounds: readonly [string, string, string, string, string, string, string, string]): readonly LgpsBand[] {
  const from = ["0", ...lowerBounds];
  return RATES.map(([main, fiftyFifty], i) => ({ from: from[i], main, fiftyFifty }));
}

const RULE =
  "Band by actual pensionable pay for the employment, rounded down to the whole pound; the whole pay at the band's rate. 50/50 section = half the main rate.";

export const LGPS_BANDS: ByYear<readonly LgpsBand[]> = {
  "2023/24": {
    value: bands(["16501", "25901", "42101", "53301", "74701", "105901", "124801", "187201"]),
    provenance: "official",
    sources: [AVON_2324, LEICS_2324],
    note: RULE + " From 1 April 2023 (Avon Pension Fund; identical at Leicestershire).",
  },
  "2024/25": {
    value: bands(["17601", "27601", "44901", "56801", "79701", "112901", "133101", "199701"]),
    provenance: "official",
    sources: [KENT_2425],
    note: RULE + " From 1 April 2024 (Kent Pension Fund; the same table is published by Berkshire, Shropshire and Buckinghamshire).",
  },
  "2025/26": {
    value: bands(["17801", "28001", "45601", "57701", "81001", "114801", "135301", "203001"]),
    provenance: "official",
    sources: [MERSEYSIDE_2526],
    note: RULE + " From 1 April 2025 to 31 March 2026 (Merseyside Pension Fund; identical at Gwynedd and Buckinghamshire).",
  },
  "2026/27": {
    value: bands(["18401", "29001", "47301", "59801", "84001", "119101", "140401", "210701"]),
    provenance: "official",
    sources: [LGPSMEMBER_2627, MERSEYSIDE_2526, KENT_2425],
    note:
      RULE +
      " From April 2026 (lgpsmember.org). That page shows the main-section rates only; the 50/50 column is half of each, as in every fund's table for earlier years (the rates are the same each year; only the bands move). Berkshire Pension Fund: 'Under the 50/50 Section of the LGPS the member pays half their normal contribution rate'.",
  },
};
