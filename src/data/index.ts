/**
 * All rate tables, with their sources. ALL_TABLES lists every table once, in the order the
 * "sources of every rate" block on a board sheet prints them.
 */
import type { ByYear, Sourced } from "./types";
import { AFC_HCAS, AFC_PAY, AFC_PROGRESSION, AFC_TERMS, AFC_UNSOCIAL } from "./afc";
import { NJC_ENHANCEMENTS, NJC_SPINE, NJC_TERMS } from "./njc";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "./nhsPension";
import { LGPS_BANDS } from "./lgps";
import { APPRENTICESHIP_LEVY, EMPLOYER_NI } from "./ni";

export * from "./types";
export * from "./schema";
export * from "./afc";
export * from "./njc";
export * from "./nhsPension";
export * from "./lgps";
export * from "./ni";

/** The date the data was last compiled and checked (ISO date). */
export const DATA_VERSION = "2026-11-29";

export interface DataTableEntry {
  id: string;
  title: string;
  table: ByYear<unknown> | Sourced<unknown>;
}

export const ALL_TABLES: DataTableEntry[] = [
  { id: "AFC_PAY", title: "Agenda for Change pay scales (England)", table: AFC_PAY },
  { id: "AFC_PROGRESSION", title: "Agenda for Change pay progression (years to each step)", table: AFC_PROGRESSION },
  { id: "AFC_HCAS", title: "Agenda for Change High Cost Area Supplements", table: AFC_HCAS },
  { id: "AFC_UNSOCIAL", title: "Agenda for Change unsocial-hours enhancements", table: AFC_UNSOCIAL },
  { id: "AFC_TERMS", title: "Agenda for Change hours, leave and sick pay", table: AFC_TERMS },
  { id: "NJC_SPINE", title: "NJC pay spine (England and Wales, excluding London weighting)", table: NJC_SPINE },
  { id: "NJC_TERMS", title: "NJC Green Book hours, leave and sick pay", table: NJC_TERMS },
  { id: "NJC_ENHANCEMENTS", title: "NJC Green Book enhancements (nights, Saturdays, Sundays, public holidays)", table: NJC_ENHANCEMENTS },
  { id: "NHS_MEMBER_TIERS", title: "NHS Pension Scheme member contribution tiers", table: NHS_MEMBER_TIERS },
  { id: "NHS_EMPLOYER", title: "NHS Pension Scheme employer contribution rate", table: NHS_EMPLOYER },
  { id: "LGPS_BANDS", title: "LGPS member contribution bands", table: LGPS_BANDS },
  { id: "EMPLOYER_NI", title: "Employer Class 1 National Insurance", table: EMPLOYER_NI },
  { id: "APPRENTICESHIP_LEVY", title: "Apprenticeship Levy", table: APPRENTICESHIP_LEVY },
];
