/**
 * The one default year: an omitted year means the same financial year for every scale and rate,
 * in every function and in the board pack. It is the latest year for which every table holds an
 * agreed (not pending) entry, so a sheet without years never mixes years: while the NJC 2026/27
 * award is pending, that is 2025/26, for AfC as for the NJC. It moves on when the last table gets
 * an agreed year.
 */
import { AFC_HCAS, AFC_PAY, AFC_PROGRESSION } from "../data/afc";
import { LGPS_BANDS } from "../data/lgps";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../data/nhsPension";
import { APPRENTICESHIP_LEVY, EMPLOYER_NI } from "../data/ni";
import { NJC_SPINE } from "../data/njc";
import type { ByYear } from "../data/types";
import { financialYear, latestYear, type FinancialYear } from "./years";

/** Every table read by year: the default year is the latest that all of them hold as agreed. */
export const YEARLY_TABLES: readonly ByYear<unknown>[] = [
  AFC_PAY,
  AFC_PROGRESSION,
  AFC_HCAS,
  NJC_SPINE,
  NHS_MEMBER_TIERS,
  NHS_EMPLOYER,
  LGPS_BANDS,
  EMPLOYER_NI,
  APPRENTICESHIP_LEVY,
];

let cached: FinancialYear | null = null;

export function defaultYear(): FinancialYear {
  if (!cached) cached = financialYear(Math.min(...YEARLY_TABLES.map((t) => latestYear(t).start)));
  return cached;
}
