/** The shipped sample data, read as the command line reads it. */
import fs from "fs";
import path from "path";
import { parse } from "csv-parse/sync";
import { parseBoardScenario, type BoardScenario } from "../../src/report/scenario";

export const ROOT = path.join(__dirname, "..", "..");

export function sampleTable(): unknown[][] {
  return parse(fs.readFileSync(path.join(ROOT, "samples", "staff.csv"), "utf8"), { bom: true, relax_column_count: true }) as unknown[][];
}

export function sampleScenarioJson(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "scenario.json"), "utf8"));
}

export function sampleScenario(changes: Record<string, unknown> = {}): BoardScenario {
  return parseBoardScenario({ ...sampleScenarioJson(), ...changes });
}

export const HEADER = [
  "Employee reference", "Name", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE",
  "Years of service", "Pension scheme", "Target job match",
];

/** The settings of the sample's options appraisal. */
export const APPRAISAL_SETTINGS = ["options", "baselineOption", "recommendedOption", "planningYears", "discountRate", "gdpDeflator", "boardAskedTo", "figuresIn"];

/** The sample scenario without its options appraisal: the simple, single-scenario pack. */
export function singleScenario(changes: Record<string, unknown> = {}): BoardScenario {
  const json = sampleScenarioJson();
  for (const k of APPRAISAL_SETTINGS) delete json[k];
  return parseBoardScenario({ ...json, ...changes });
}
