/**
 * The scenario form: reads the fields into the scenario JSON that src/report/scenario.ts checks
 * (the same shape as a scenario file on the command line), with a message per field for what is
 * plainly not a number or a percentage, and maps the scenario checker's problems back to fields.
 */
import { AFC_PAY } from "../data/afc";
import { NJC_SPINE } from "../data/njc";
import { defaultBaseYear } from "../engine/harmonise";
import { parseFinancialYear, yearsIn } from "../engine/years";
import { checkBoardScenario, type BoardScenarioInput } from "../report/scenario";
import { addCouncilRates, COUNCIL_RATE_FIELDS, COUNCIL_RATE_PATHS } from "./councilRates";
import { byId } from "./dom";

export interface FieldProblem {
  /** Id of the field's input (or fieldset) on the page. */
  field: string;
  /** What is wrong and what to write, for the user. */
  message: string;
}

/** The label the user sees for each field, for the list of problems at the top of the error box. */
export const FIELD_LABELS: Record<string, string> = {
  table: "Staff table",
  "target-terms": "Target terms",
  "financial-year": "Financial year",
  protection: "Pay protection",
  "protection-years": "Protection years",
  taper: "Taper",
  "award-afc": "AfC pay award",
  "award-njc": "NJC pay award",
  "lgps-rate": "LGPS employer rate",
  "leave-share": "Share of leave covered",
  marking: "Protective marking",
  "pool-name": "Pool name",
  partners: "Partners",
  "pool-expenditure": "Pool expenditure",
  "risk-method": "Risk share",
  "risk-params": "Risk-share parameters",
  options: "Options",
  "baseline-option": "Compared with",
  "recommended-option": "Recommended option",
  "planning-years": "Planning years",
  "discount-rate": "Discount rate",
  ...Object.fromEntries(COUNCIL_RATE_FIELDS.map((f) => [f.field, `Council unsocial-hours rates: ${f.label}`])),
};

/** Scenario checker paths -> the field they came from (first match wins). */
const PATH_FIELDS: [RegExp, string][] = [
  ...COUNCIL_RATE_PATHS,
  [/^financialYear/, "financial-year"],
  [/^targetTerms/, "target-terms"],
  [/^protection\.years/, "protection-years"],
  [/^protection\.taper/, "taper"],
  [/^protection/, "protection"],
  [/^payAwards\.AFC/, "award-afc"],
  [/^payAwards\.NJC/, "award-njc"],
  [/^payAwards/, "award-afc"],
  [/^lgpsEmployerRate/, "lgps-rate"],
  [/^leaveValuation/, "leave-share"],
  [/^protectiveMarking/, "marking"],
  [/^pool\.name/, "pool-name"],
  [/^pool\.partners/, "partners"],
  [/^pool\.lines\[0\]\.contributions\[0\]/, "partner-contribution-1"],
  [/^pool\.lines\[0\]\.contributions\[1\]/, "partner-contribution-2"],
  [/^pool\.lines\[0\]\.contributions\[2\]/, "partner-contribution-3"],
  [/^pool\.lines\[0\]\.contributions\[3\]/, "partner-contribution-4"],
  [/^pool\.lines\[0\]\.contributions/, "partners"],
  [/^pool\.lines\[0\]\.expenditure/, "pool-expenditure"],
  [/^pool\.riskShare\.parameters/, "risk-params"],
  [/^pool\.riskShare/, "risk-params"],
  [/^pool/, "partners"],
  [/^options\[(\d)\]\.name/, "option-name-$1"],
  [/^options\[(\d)\]\.approach/, "option-approach-$1"],
  [/^options\[(\d)\]\.protection\.years/, "option-years-$1"],
  [/^options\[(\d)\]\.protection/, "option-protection-$1"],
  [/^options/, "options"],
  [/^baselineOption/, "baseline-option"],
  [/^recommendedOption/, "recommended-option"],
  [/^planningYears/, "planning-years"],
  [/^discountRate/, "discount-rate"],
];

/** The label of a field as the user sees it ("partner-name-2" -> "Partner 2 name"). */
export function fieldLabel(field: string): string {
  const partner = /^partner-(name|contribution)-(\d)$/.exec(field);
  if (partner) return `Partner ${partner[2]} ${partner[1]}`;
  const option = /^option-(name|approach|protection|years)-(\d)$/.exec(field);
  if (option) return `Option ${option[2]} ${option[1] === "years" ? "protection years" : option[1]}`;
  return FIELD_LABELS[field] ?? "Scenario";
}

/** "payAwards.AFC: The AFC pay award must be …" -> the AfC field and the sentence after the path. */
export function problemToField(problem: string): FieldProblem {
  const m = /^([A-Za-z0-9_.[\]]+): (.*)$/s.exec(problem);
  if (!m) return { field: "", message: problem };
  const entry = PATH_FIELDS.find(([re]) => re.test(m[1]));
  if (!entry) return { field: "", message: m[2] };
  // options[0] is the form's option 1
  const field = m[1].replace(entry[0], entry[1]).replace(/^(option-[a-z]+-)(\d)$/, (_, p: string, i: string) => `${p}${Number(i) + 1}`);
  return { field: /^option-[a-z]+-\d$/.test(field) ? field : entry[1], message: m[2] };
}

const input = (id: string) => byId<HTMLInputElement>(id);
const value = (id: string) => input(id).value.trim();

/** "3", "3.5", "3%", " 3.5 % " -> "3.5%"; "" -> undefined; anything else a problem. */
function percent(id: string, problems: FieldProblem[], what: string): string | undefined {
  const v = value(id);
  if (v === "") return undefined;
  const m = /^([-+]?\d+(?:\.\d+)?)\s*%?$/.exec(v);
  if (!m) {
    problems.push({ field: id, message: `${what} should be a percentage such as 3 or 19.5; got "${v}".` });
    return undefined;
  }
  return `${m[1]}%`;
}

/** "£1,250,000.50" -> 1250000.5; "" -> undefined. */
function money(id: string, problems: FieldProblem[], what: string): number | undefined {
  const v = value(id);
  if (v === "") return undefined;
  const cleaned = v.replace(/^£/, "").replace(/,/g, "").trim();
  if (!/^\d+(\.\d+)?$/.test(cleaned)) {
    problems.push({ field: id, message: `${what} should be an amount in pounds such as 1,250,000; got "${v}".` });
    return undefined;
  }
  return Number(cleaned);
}

function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** What each risk-share method's parameters are, shown under the parameters box. */
export const RISK_PARAMS_HINT: Record<string, string> = {
  PROPORTIONAL: "",
  FIXED: "One percentage per partner, in the order above, adding up to 100%, separated by semicolons: 60%; 40%",
  LEAD: "The lead partner: its name or its number in the list above (1 = first).",
  CAPPED: "One cap in £ per partner, separated by semicolons (blank = no cap): 500000; 250000. Leave empty to cap each at its contribution.",
  TIERED: "Limit in £, method, its parameters, …, then the method for the rest: 200000; PROPORTIONAL; FIXED; 50%; 50%",
  RISKPOOL: "The risk pool in £, then optionally the method for the rest and its parameters: 250000; PROPORTIONAL",
};

export interface FormResult {
  input: BoardScenarioInput;
  problems: FieldProblem[];
}

/** Reads the scenario fields. Problems are only what is plainly malformed; src/report/scenario.ts checks the rest. */
export function readScenarioForm(): FormResult {
  const problems: FieldProblem[] = [];
  const json: Record<string, unknown> = {};

  const target = document.querySelector<HTMLInputElement>('input[name="target-terms"]:checked');
  if (!target) problems.push({ field: "target-terms", message: "Choose the terms staff are harmonised onto: Agenda for Change or the NJC Green Book." });
  else json.targetTerms = target.value;

  const year = value("financial-year");
  if (year !== "") json.financialYear = year;

  const policy = byId<HTMLSelectElement>("protection").value;
  if (policy === "TAPERED") {
    const steps = splitList(value("taper"));
    const taper: string[] = [];
    for (const s of steps) {
      const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(s);
      if (m) taper.push(`${m[1]}%`);
      else problems.push({ field: "taper", message: `Each year of the taper should be a percentage such as 50; got "${s}".` });
    }
    json.protection = { policy, taper };
  } else if (policy === "CASH" || policy === "CASH_WITH_AWARDS" || policy === "MARKTIME") {
    const yearsText = value("protection-years");
    if (yearsText === "") {
      if (policy !== "MARKTIME") problems.push({ field: "protection-years", message: "Give the number of years protection lasts, such as 3." });
      json.protection = { policy };
    } else if (!/^\d+$/.test(yearsText)) {
      problems.push({ field: "protection-years", message: `Protection years should be a whole number such as 3; got "${yearsText}".` });
    } else json.protection = { policy, years: Number(yearsText) };
  } else json.protection = policy;

  const afc = percent("award-afc", problems, "The AfC pay award");
  const njc = percent("award-njc", problems, "The NJC pay award");
  if (afc !== undefined || njc !== undefined) json.payAwards = { ...(afc !== undefined ? { AFC: afc } : {}), ...(njc !== undefined ? { NJC: njc } : {}) };

  addCouncilRates(json, Object.fromEntries(COUNCIL_RATE_FIELDS.map((f) => [f.key, value(f.field)])));

  const lgps = percent("lgps-rate", problems, "The LGPS employer rate");
  if (lgps !== undefined) json.lgpsEmployerRate = lgps;

  const leave = byId<HTMLSelectElement>("leave-valuation").value;
  if (leave === "SHARE") {
    const share = percent("leave-share", problems, "The share of leave covered");
    if (share === undefined && !problems.some((p) => p.field === "leave-share")) problems.push({ field: "leave-share", message: "Give the share of time off that is covered, such as 50." });
    if (share !== undefined) json.leaveValuation = { coverProportion: share };
  } else json.leaveValuation = leave;

  const organisation = value("organisation");
  if (organisation !== "") json.organisation = organisation;
  json.protectiveMarking = value("marking");
  json.includeNames = input("include-names").checked;

  if (input("pool-enabled").checked) {
    const partners: string[] = [];
    const contributions: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const name = value(`partner-name-${i}`);
      const amount = money(`partner-contribution-${i}`, problems, `Partner ${i}'s contribution`);
      if (name === "" && amount === undefined) continue;
      if (name === "") problems.push({ field: `partner-name-${i}`, message: `Give partner ${i} a name, or clear its contribution.` });
      else if (partners.some((p) => p.toLowerCase() === name.toLowerCase())) problems.push({ field: `partner-name-${i}`, message: `"${name}" is already partner ${partners.findIndex((p) => p.toLowerCase() === name.toLowerCase()) + 1}: give each partner once.` });
      partners.push(name);
      contributions.push(amount ?? 0);
    }
    if (partners.length === 0 && !problems.some((p) => p.field.startsWith("partner"))) problems.push({ field: "partners", message: "Name at least one partner and what it contributes, or untick the pooled budget." });
    const expenditure = money("pool-expenditure", problems, "Expenditure");
    if (expenditure === undefined && !problems.some((p) => p.field === "pool-expenditure")) problems.push({ field: "pool-expenditure", message: "Give what the pool spent or is forecast to spend." });
    const method = byId<HTMLSelectElement>("risk-method").value;
    const params = splitList(value("risk-params")).map((p) => (/^[-+]?£?[\d,]+(\.\d+)?%?$/.test(p) && !/%$/.test(p) ? Number(p.replace(/[£,]/g, "")) : p));
    const name = value("pool-name") || "Pooled budget";
    json.pool = {
      name,
      partners,
      riskShare: params.length > 0 ? { method, parameters: params } : method,
      lines: [{ name, contributions, expenditure: expenditure ?? 0 }],
    };
  }

  if (input("options-enabled").checked) readOptions(json, problems);

  return { input: json as unknown as BoardScenarioInput, problems };
}

/** The options to compare (each overriding the scenario above), the baseline, the recommendation and the appraisal's settings. */
function readOptions(json: Record<string, unknown>, problems: FieldProblem[]): void {
  const options: Record<string, unknown>[] = [];
  for (let i = 1; i <= 4; i++) {
    const name = value(`option-name-${i}`);
    const policy = byId<HTMLSelectElement>(`option-protection-${i}`).value;
    const yearsText = value(`option-years-${i}`);
    if (name === "" && policy === "" && yearsText === "") continue;
    if (name === "") {
      problems.push({ field: `option-name-${i}`, message: `Give option ${i} a name, such as "Harmonise with 3 years' protection".` });
      continue;
    }
    const option: Record<string, unknown> = { name, approach: byId<HTMLSelectElement>(`option-approach-${i}`).value };
    if (yearsText !== "" && !/^\d+$/.test(yearsText)) problems.push({ field: `option-years-${i}`, message: `Years should be a whole number such as 3; got "${yearsText}".` });
    else if (policy !== "") option.protection = yearsText === "" ? { policy } : { policy, years: Number(yearsText) };
    else if (yearsText !== "") problems.push({ field: `option-protection-${i}`, message: "Choose the protection these years are for, or clear the years." });
    options.push(option);
  }
  if (options.length < 2 && !problems.some((p) => p.field.startsWith("option-")))
    problems.push({ field: "options", message: "Name at least two options to compare, or untick Compare options." });
  json.options = options;
  const baseline = value("baseline-option");
  if (baseline !== "") json.baselineOption = baseline;
  const recommended = value("recommended-option");
  if (recommended !== "") json.recommendedOption = recommended;
  const years = value("planning-years");
  if (years !== "") {
    if (/^\d+$/.test(years)) json.planningYears = Number(years);
    else problems.push({ field: "planning-years", message: `Planning years should be a whole number such as 5; got "${years}".` });
  }
  const rate = percent("discount-rate", problems, "The discount rate");
  if (rate !== undefined) json.discountRate = rate;
}

/** Shows or hides the fields that only some choices need. */
export function syncDependentFields(): void {
  const policy = byId<HTMLSelectElement>("protection").value;
  const yearsInput = input("protection-years");
  yearsInput.disabled = !(policy === "CASH" || policy === "CASH_WITH_AWARDS" || policy === "MARKTIME");
  byId("taper-field").hidden = policy !== "TAPERED";

  byId("leave-share-field").hidden = byId<HTMLSelectElement>("leave-valuation").value !== "SHARE";

  byId<HTMLFieldSetElement>("options-fields").disabled = !input("options-enabled").checked;
  const poolOn = input("pool-enabled").checked;
  byId<HTMLFieldSetElement>("pool-fields").disabled = !poolOn;
  const method = byId<HTMLSelectElement>("risk-method").value;
  const hint = RISK_PARAMS_HINT[method] ?? "";
  byId("risk-params-field").hidden = hint === "";
  byId("risk-params-hint").textContent = hint;
}

/** The years a board pack can start: those with both the Agenda for Change and the NJC pay scales in the data. */
export function yearsWithBothScales(): string[] {
  const njc = new Set(yearsIn(NJC_SPINE));
  return yearsIn(AFC_PAY).filter((y) => njc.has(y));
}

/** What a blank financial year means: the latest year with both pay scales. */
export function defaultYearLabel(): string {
  return defaultBaseYear().label;
}

function financialYearProblem(): FieldProblem | null {
  const text = value("financial-year");
  if (text === "") return null;
  let label: string;
  try {
    const year = parseFinancialYear(text);
    if (!year) return null;
    label = year.label;
  } catch (e) {
    return { field: "financial-year", message: `${(e as Error).message}` };
  }
  const held = yearsWithBothScales();
  if (held.includes(label)) return null;
  return {
    field: "financial-year",
    message: `There are no pay scales for ${label} yet: the data holds ${held.join(", ")}. Choose one of those, or ${defaultYearLabel()} (the latest). Later years are projected with the pay awards below.`,
  };
}

/** Keeps the first problem for each field (a second about the same box only contradicts or repeats it). */
export function firstPerField(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.field || p.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every problem with the form at once: what is malformed, what the scenario checker refuses (the
 * same check as a scenario file), and a financial year with no pay scales. One per field.
 */
export function checkScenarioForm(): FormResult {
  const form = readScenarioForm();
  const problems = [...form.problems];
  const year = financialYearProblem();
  if (year) problems.push(year);
  const checked = checkBoardScenario(form.input);
  for (const p of checked.problems) problems.push(problemToField(p));
  return { input: form.input, problems: firstPerField(problems) };
}

const numberIn = (id: string): number | null => {
  const m = /^([-+]?\d+(?:\.\d+)?)\s*%?$/.exec(value(id));
  return m ? Number(m[1]) : null;
};

/**
 * Values that are allowed but unusual, each with what it means, shown beside its field (they do
 * not stop the pack): a 0% or very high LGPS rate, a negative or very large award, 0 years of cash
 * protection, a cleared protective marking.
 */
export function fieldWarnings(): FieldProblem[] {
  const out: FieldProblem[] = [];
  const lgps = numberIn("lgps-rate");
  if (lgps === 0) out.push({ field: "lgps-rate", message: "0% means LGPS members cost their employer nothing for their pension. Funds' rates are typically 15% to 25%: check your fund's valuation." });
  else if (lgps !== null && lgps > 40) out.push({ field: "lgps-rate", message: `${lgps}% is far above funds' usual rates (15% to 25%): check it is the employer rate, as a percentage.` });
  for (const [id, terms] of [["award-afc", "AfC"], ["award-njc", "NJC"]] as const) {
    const award = numberIn(id);
    if (award !== null && award < 0) out.push({ field: id, message: `${award}% is a pay cut every year for ${terms} staff. Pay awards are rarely negative: check the sign.` });
    else if (award !== null && award > 10) out.push({ field: id, message: `${award}% a year is far above recent awards (1% to 6.5%): check it is a percentage, such as 3 for 3%.` });
  }
  const policy = byId<HTMLSelectElement>("protection").value;
  if ((policy === "CASH" || policy === "CASH_WITH_AWARDS") && value("protection-years") === "0")
    out.push({ field: "protection-years", message: "0 years means no protection: staff move to their new pay at once. Choose None if that is what you mean." });
  if (value("marking") === "")
    out.push({ field: "marking", message: "With the box empty, every page is marked OFFICIAL-SENSITIVE, the default. Write the marking your organisation uses (for example OFFICIAL)." });
  return out;
}
