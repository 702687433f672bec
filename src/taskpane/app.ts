/**
 * The task pane's flow: pick a staff table, set the scenario, Generate -> read the table, build the
 * board pack, write it as new sheets, and say what was written and which rows were left out.
 *
 * The pane holds no rules: it calls src/report (scenario checking, the board pack) and src/excel
 * (reading tables, writing the sheet plan). Everything shown that came from the workbook or the
 * engine is set as text (textContent), never as HTML.
 */
import { ApplyPlanError, type ApplyProgress, type ApplyResult } from "../excel/applyPlan";
import { rawTableOfTable, ReadTableError, type TableAndCompanion, type TableData, type TableSummary } from "../excel/readTable";
import { AddSuppliedPayError, type AddSuppliedPayOutcome } from "../excel/suppliedPayTable";
import { EngineError } from "../engine/errors";
import type { IntakeReport } from "../intake";
import { BoardPackCancelled, buildBoardPackAsync, type BoardPackResult, type BoardPackStep } from "../report/boardPack";
import { parseBoardScenario, ScenarioError } from "../report/scenario";
import { SUPPLIED_PAY_TABLE, suppliedPayFromTable, type SuppliedPayTableResult } from "../report/suppliedPayTable";
import type { WorkbookPlan } from "../sheets/plan";
import { councilRateAdviceFor } from "./councilRates";
import { byId, clear, nextPaint, setHidden, setText, textElement } from "./dom";
import { checkScenarioForm, defaultYearLabel, fieldLabel, fieldWarnings, firstPerField, problemToField, syncDependentFields, yearsWithBothScales, type FieldProblem } from "./scenarioForm";
import { PANE_PEOPLE_PER_STEP, timeSliced } from "./yieldToUi";

/** How the pane lets applyPlan share the thread and stop: see src/excel/applyPlan.ts. */
export interface ApplyHooks {
  onProgress: (p: ApplyProgress) => void;
  /** Awaited between pieces of the JavaScript work of building the write requests. */
  yieldToUi: () => Promise<void> | void;
  /** Asked between pieces until the first write is sent: true stops with nothing written. */
  cancelled: () => boolean;
}

/** What the pane needs from Excel (Office.js in the add-in; a stand-in in tests). */
export interface WorkbookAccess {
  listTables(): Promise<TableSummary[]>;
  tableAtSelection(): Promise<string | null>;
  /** The staff table and, in the same request, the table of the user's own pay figures (SuppliedPay) if there is one. */
  readTable(name: string): Promise<TableAndCompanion>;
  /** "Add a table for your own pay figures": creates it, or selects the one there (never overwrites). */
  addSuppliedPayTable(): Promise<AddSuppliedPayOutcome>;
  applyPlan(plan: WorkbookPlan, hooks: ApplyHooks): Promise<ApplyResult>;
}

/** Value of the "table the selection is in" option (table names are never empty). */
export const SELECTION = "";

/** At most this many problem rows are listed in the pane (all of them are on the "Rows left out" sheet). */
export const MAX_ISSUES_SHOWN = 200;

class UserError extends Error {
  constructor(
    message: string,
    readonly items: string[] = [],
  ) {
    super(message);
  }
}

/** The scenario (or the scenario with this staff list) needs changing: each problem by field. */
class FieldProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super("Some of the scenario needs changing first.");
  }
}

/** Thrown when Cancel was honoured: nothing was written. */
class Cancelled extends Error {}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** Headings that name the employee reference and name columns, after lower-casing and dropping everything but letters and digits. */
const REF_HEADINGS = new Set(["employeereference", "employeeref", "empref", "employeenumber", "employeeno", "employeeid", "staffid", "staffnumber", "payrollnumber", "assignmentnumber", "reference", "ref", "id"]);
const NAME_HEADINGS = new Set(["name", "employeename", "fullname", "staffname"]);
const squash = (s: unknown) => String(s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");

const isSuppliedPayTable = (name: string) => name.toLowerCase() === SUPPLIED_PAY_TABLE.toLowerCase();

/** What the pane says at each step of building the pack (the visible line, updated every slice). */
export function stepText(step: BoardPackStep): string {
  switch (step.stage) {
    case "read":
      return `Checking ${count(Math.max(0, step.total - 1), "row")} of the staff table…`;
    case "cost":
      return step.pass !== undefined && step.pass > 1
        ? `Costing ${step.done.toLocaleString("en-GB")} of ${count(step.total, "member of staff", "staff")} again, over ${step.years} years (protection continues)…`
        : `Costing ${step.done.toLocaleString("en-GB")} of ${count(step.total, "member of staff", "staff")}…`;
    case "layout":
      return step.sheet ? `Laying out the sheets… (${step.sheet})` : "Laying out the sheets…";
  }
}

/** Progress for screen readers: each stage, and the costing every tenth of the way (not every slice). */
function milestone(step: BoardPackStep): string {
  if (step.stage === "layout") return "Laying out the sheets…";
  if (step.stage !== "cost" || step.total === 0) return stepText(step);
  const tenths = Math.floor((step.done / step.total) * 10);
  return `Costing staff: ${tenths * 10}% done${step.pass !== undefined && step.pass > 1 ? " (second pass, over more years)" : ""}.`;
}

export class TaskPane {
  private busy = false;
  private tables: TableSummary[] = [];
  /** Set by Cancel (or Escape); read between steps until the first write is sent. */
  private cancelRequested = false;
  /** Problems currently listed at the top (null: none shown). */
  private shownProblems: FieldProblem[] | null = null;
  /** Problems found with this staff list (e.g. the LGPS rate it needs): kept until their field is changed. */
  private runProblems: FieldProblem[] = [];

  constructor(
    private readonly excel: WorkbookAccess,
    private readonly version: string,
  ) {}

  async start(): Promise<void> {
    const form = byId("board-form");
    byId("generate").addEventListener("click", () => void this.generate());
    // Enter in a text box or on a checkbox or radio button runs Generate, as it would submit a form.
    form.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (!(e.target instanceof HTMLInputElement)) return;
      e.preventDefault();
      void this.generate();
    });
    form.addEventListener("change", (e) => {
      syncDependentFields();
      this.edited(e.target);
    });
    form.addEventListener("input", (e) => this.edited(e.target));
    byId("refresh-tables").addEventListener("click", () => void this.loadTables());
    byId("add-supplied-pay").addEventListener("click", () => void this.addSuppliedPay());
    byId("cancel").addEventListener("click", () => this.cancel());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.busy && !byId("cancel").hidden) {
        e.preventDefault();
        this.cancel();
      }
    });
    // The problem list's links move to their field (without changing the page's address).
    byId("error-list").addEventListener("click", (e) => {
      const link = e.target instanceof Element ? e.target.closest("a[data-field]") : null;
      if (!link) return;
      e.preventDefault();
      this.focusField(link.getAttribute("data-field") ?? "");
    });
    byId("options-enabled").addEventListener("change", () => {
      syncDependentFields();
      if (byId<HTMLInputElement>("options-enabled").checked) byId("option-name-1").focus();
    });
    byId("pool-enabled").addEventListener("change", () => {
      syncDependentFields();
      if (byId<HTMLInputElement>("pool-enabled").checked) byId("pool-name").focus();
    });
    // The real default year as the value, not a grey placeholder.
    const year = byId<HTMLInputElement>("financial-year");
    if (year.value === "") year.value = defaultYearLabel();
    setText("financial-year-hint", `The year harmonisation starts. Pay scales are held for ${yearsWithBothScales().join(", ")}; left blank, ${defaultYearLabel()}.`);
    syncDependentFields();
    this.showWarnings();
    setHidden("startup", true);
    form.hidden = false;
    await this.loadTables();
  }

  /** Fills the table list: "the table the selection is in", then the workbook's tables. */
  async loadTables(): Promise<void> {
    const select = byId<HTMLSelectElement>("table");
    const previous = select.value;
    try {
      this.tables = await this.excel.listTables();
    } catch (e) {
      this.tables = [];
      this.showError(new UserError(`Could not list the workbook's tables. ${e instanceof Error ? e.message : ""}`.trim()));
    }
    clear(select);
    select.appendChild(new Option("The table the selection is in", SELECTION));
    for (const t of this.tables) {
      select.appendChild(new Option(`${t.name} (${t.sheet}, ${count(t.rows, "row")})`, t.name));
    }
    // The one table that can be a staff list is picked for you (the table of your own pay figures is not one).
    const staffTables = this.tables.filter((t) => !isSuppliedPayTable(t.name));
    const keep = this.tables.some((t) => t.name === previous) ? previous : staffTables.length === 1 ? staffTables[0].name : SELECTION;
    select.value = keep;
    setText(
      "table-hint",
      this.tables.length === 0
        ? "This workbook has no tables yet. Select your staff list and press Ctrl+T to make it a table, then Refresh list."
        : "An Excel table with a heading row: employee reference, staff group, employer, terms, band or grade, FTE and so on.",
    );
    this.showSuppliedPayStatus();
  }

  /** Under "Your own pay figures": whether the workbook has the table, as the list of tables says. */
  private showSuppliedPayStatus(): void {
    const t = this.tables.find((x) => x.name.toLowerCase() === SUPPLIED_PAY_TABLE.toLowerCase());
    setText(
      "supplied-pay-status",
      t
        ? `This workbook has the table ${t.name} (on "${t.sheet}", ${count(t.rows, "row")}): its figures are used when you generate.`
        : `This workbook has no table named ${SUPPLIED_PAY_TABLE}: no pay figures of your own are used.`,
    );
  }

  /** "Add a table for your own pay figures": a new sheet and table, or the one there selected; the pane says which. */
  async addSuppliedPay(): Promise<void> {
    if (this.busy) return;
    const button = byId<HTMLButtonElement>("add-supplied-pay");
    button.disabled = true;
    let said: string;
    try {
      const outcome = await this.excel.addSuppliedPayTable();
      said =
        outcome.kind === "created"
          ? `Added the sheet "${outcome.sheet}" with an empty table ${outcome.table} (${outcome.address}): type one figure a row (the lines above it say how), then generate.`
          : outcome.kind === "table-exists"
            ? `This workbook already has the table ${outcome.table} (on "${outcome.sheet}"): it is selected, and nothing was changed.`
            : `There is already a sheet called "${outcome.sheet}" without a table named ${SUPPLIED_PAY_TABLE}: it is shown, and nothing was changed. Make your figures a table named ${SUPPLIED_PAY_TABLE} (Table Design > Table Name), or rename that sheet and press the button again.`;
      await this.loadTables();
    } catch (e) {
      said = e instanceof AddSuppliedPayError ? e.message : `Could not add the table: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
    }
    setText("supplied-pay-status", said);
    this.announce(said);
  }

  /** What screen readers hear: one polite live region, in the page from the start. */
  private announce(text: string): void {
    const live = byId("announcer");
    if (live.textContent !== text) live.textContent = text;
  }

  /** Shows the progress box (at the top), scrolled into view, with a line screen readers hear. */
  private status(text: string): void {
    const box = byId("status");
    const wasHidden = box.hidden;
    box.hidden = false;
    setText("status-text", text);
    byId<HTMLProgressElement>("status-progress").removeAttribute("value");
    this.announce(text);
    if (wasHidden) box.scrollIntoView({ block: "nearest" });
  }

  /** Shows a step of building the pack: the line and the bar every slice, the live region at milestones. */
  private progress(step: BoardPackStep): void {
    if (this.cancelRequested) return;
    setText("status-text", stepText(step));
    const bar = byId<HTMLProgressElement>("status-progress");
    if (step.total > 0) {
      bar.max = step.total;
      bar.value = step.done;
    } else bar.removeAttribute("value");
    this.announce(milestone(step));
  }

  /** Cancel: honoured at the next step of every stage; once sheets have been written, they are removed again. */
  private cancel(): void {
    if (!this.busy || this.cancelRequested) return;
    this.cancelRequested = true;
    byId<HTMLButtonElement>("cancel").disabled = true;
    setText("status-text", "Cancelling…");
    this.announce("Cancelling…");
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    const form = byId("board-form");
    // The form is locked while it runs: nothing can be changed or started twice.
    form.toggleAttribute("inert", busy);
    form.setAttribute("aria-busy", String(busy));
    byId<HTMLButtonElement>("generate").disabled = busy;
    const cancel = byId<HTMLButtonElement>("cancel");
    cancel.hidden = !busy;
    cancel.disabled = false;
    if (busy) {
      this.cancelRequested = false;
      // Focus was in the (now inert) form: Cancel is where the keyboard user lands.
      cancel.focus();
    } else setHidden("status", true);
  }

  private clearMessages(): void {
    setHidden("error", true);
    setHidden("results", true);
    this.shownProblems = null;
    this.renderFieldProblems([]);
  }

  /** Marks each field with its problem (beside it, and aria-invalid), and clears the others. */
  private renderFieldProblems(problems: FieldProblem[]): void {
    for (const e of Array.from(document.querySelectorAll<HTMLElement>(".field-error"))) {
      e.hidden = true;
      e.textContent = "";
    }
    for (const e of Array.from(document.querySelectorAll("[aria-invalid]"))) e.removeAttribute("aria-invalid");
    for (const p of problems) {
      if (!p.field) continue;
      const errorBox = document.getElementById(`${p.field}-error`);
      if (errorBox) {
        errorBox.textContent = p.message;
        errorBox.hidden = false;
      }
      for (const control of this.controlsOf(p.field)) control.setAttribute("aria-invalid", "true");
    }
  }

  /** The inputs a field id stands for: the control itself, or a fieldset's radios. */
  private controlsOf(field: string): HTMLElement[] {
    const e = document.getElementById(field);
    if (!e) return [];
    if (e instanceof HTMLInputElement || e instanceof HTMLSelectElement) return [e];
    return Array.from(e.querySelectorAll<HTMLElement>('input[type="radio"]'));
  }

  private focusField(field: string): void {
    const e = document.getElementById(field);
    if (!e) return;
    if (e.closest("#pool-section")) (byId("pool-section") as HTMLDetailsElement).open = true;
    if (e.closest("#options-section")) (byId("options-section") as HTMLDetailsElement).open = true;
    const target = e instanceof HTMLInputElement || e instanceof HTMLSelectElement ? e : e.querySelector<HTMLElement>("input, select");
    target?.focus();
  }

  /**
   * The list of problems at the top, each a link to its field, and each beside its field. Focus
   * moves to the list's heading (read out once: the box is not also an alert).
   */
  private showProblems(problems: FieldProblem[], focus: boolean): void {
    this.shownProblems = problems;
    this.renderFieldProblems(problems);
    if (problems.length === 0) {
      setHidden("error", true);
      this.announce("All the problems are corrected.");
      return;
    }
    setText("error-title", problems.length === 1 ? "One thing to change before the board pack can be written" : `${problems.length} things to change before the board pack can be written`);
    setText("error-text", "Nothing was written. Each link goes to its box.");
    const list = byId("error-list");
    clear(list);
    for (const p of problems) {
      const li = document.createElement("li");
      if (p.field && document.getElementById(p.field)) {
        const a = textElement("a", `${fieldLabel(p.field)}: ${p.message}`);
        a.href = `#${p.field}`;
        a.setAttribute("data-field", p.field);
        li.appendChild(a);
      } else li.textContent = p.field ? `${fieldLabel(p.field)}: ${p.message}` : p.message;
      list.appendChild(li);
    }
    setHidden("error-list", false);
    setHidden("error", false);
    if (focus) {
      byId("error").scrollIntoView({ block: "start" });
      byId("error-title").focus();
    }
  }

  /** The warnings beside fields with an unusual value (they do not stop the pack). */
  private showWarnings(): void {
    const warnings = fieldWarnings();
    for (const e of Array.from(document.querySelectorAll<HTMLElement>(".field-warning"))) {
      const field = e.id.replace(/-warning$/, "");
      const w = warnings.find((x) => x.field === field);
      e.textContent = w ? w.message : "";
      e.hidden = !w;
      document.getElementById(field)?.classList.toggle("has-warning", Boolean(w));
    }
  }

  /** A field was changed: warnings follow at once; listed problems are checked again, and cleared when corrected. */
  private edited(target: EventTarget | null): void {
    if (this.busy) return;
    this.showWarnings();
    if (this.shownProblems === null) return;
    const field = target instanceof HTMLElement ? (target.closest("fieldset[id]:not(#pool-fields)")?.id === "target-terms" ? "target-terms" : target.id) : "";
    this.runProblems = this.runProblems.filter((p) => p.field !== field);
    const { problems } = checkScenarioForm();
    this.showProblems(firstPerField([...problems, ...this.runProblems]), false);
  }

  /** Generate: check everything, read the table, build the pack, write the sheets. */
  async generate(): Promise<void> {
    if (this.busy) return;
    this.clearMessages();
    this.runProblems = [];
    // 1. The scenario: one pass, every problem at once.
    const { input, problems } = checkScenarioForm();
    if (problems.length > 0) {
      this.showProblems(problems, true);
      return;
    }
    const scenario = parseBoardScenario(input);
    this.status("Reading the staff table from Excel…");
    this.setBusy(true);
    try {
      // 2. The staff table.
      const choice = byId<HTMLSelectElement>("table").value;
      let name = choice;
      if (choice === SELECTION) {
        const found = await this.excel.tableAtSelection();
        if (!found) throw new FieldProblems([{ field: "table", message: "The selection is not in a table. Click a cell in your staff table, or pick the table from the list." }]);
        name = found;
      }
      if (isSuppliedPayTable(name))
        throw new FieldProblems([
          {
            field: "table",
            message: `${choice === SELECTION ? "The selection is in" : "That is"} the table of your own pay figures (${SUPPLIED_PAY_TABLE}), not a staff list: ${choice === SELECTION ? "click a cell in your staff table, or pick it from the list" : "pick your staff table"}. ${SUPPLIED_PAY_TABLE} is read with it.`,
          },
        ]);
      const read = await this.excel.readTable(name);
      const data = read.table;
      if (data.rows === 0) throw new FieldProblems([{ field: "table", message: `The table "${data.name}" has no rows of staff.` }]);
      if (this.cancelRequested) throw new Cancelled();

      // 3. The board pack, a step at a time: the pane hands the thread back every few tens of
      // milliseconds (so Excel, custom functions and the pane stay responsive), shows how far it
      // has got, and stops if Cancel is pressed.
      let pack: BoardPackResult;
      let supplied: SuppliedPayTableResult | null = null;
      let costed = scenario;
      try {
        // The user's own pay figures: each row checked as the scenario file's suppliedPay is; the good rows join the scenario.
        if (read.companion) {
          supplied = suppliedPayFromTable(read.companion.values, read.companion.headerRowNumber, scenario.harmonisation.year ?? null);
          if (supplied.entries.length > 0) costed = parseBoardScenario({ ...input, suppliedPay: supplied.entries });
        }
        pack = await buildBoardPackAsync(
          {
            table: data.values,
            raw: rawTableOfTable(data),
            includeHidden: byId<HTMLInputElement>("include-hidden").checked,
            scenario: costed,
            generatedOn: todayIso(),
            version: this.version,
            firstRowNumber: data.headerRowNumber,
          },
          { yieldToUi: timeSliced((step: BoardPackStep) => this.progress(step)), cancelled: () => this.cancelRequested, peoplePerStep: PANE_PEOPLE_PER_STEP },
        );
      } catch (e) {
        if (e instanceof ScenarioError) throw new FieldProblems(e.problems.map(problemToField));
        if (e instanceof BoardPackCancelled) throw new Cancelled();
        if (e instanceof EngineError && e.kind === "notAvailable") throw new FieldProblems([{ field: "financial-year", message: e.message }]);
        throw e;
      }

      // Nothing costed: no pack (an empty pack is never presented as a result), and why.
      if (pack.report.people.length === 0) {
        this.showNothingCosted(pack);
        return;
      }

      // 4. The sheets: the requests are built a slice at a time (Cancel still works), then sent.
      this.status("Writing sheets…");
      await nextPaint();
      const slice = timeSliced((p: ApplyProgress) => {
        if (p.stage === "writing" && p.sheetIndex !== undefined && p.sheetCount !== undefined) setText("status-text", `Writing sheets… (${p.sheetIndex + 1} of ${p.sheetCount}: ${p.sheet ?? ""})`);
      });
      let lastProgress: ApplyProgress = { stage: "reading" };
      const result = await this.excel.applyPlan(pack.workbook, {
        onProgress: (p) => {
          lastProgress = p;
          if (p.stage === "writing" && p.sheetIndex !== undefined && p.sheetCount !== undefined && !this.cancelRequested) {
            setText("status-text", `Writing sheets… (${p.sheetIndex + 1} of ${p.sheetCount}: ${p.sheet ?? ""})`);
            if (p.sheetIndex === 0) this.announce("Writing sheets…");
          }
        },
        yieldToUi: () => slice(lastProgress),
        cancelled: () => this.cancelRequested,
      });
      this.showResults(result, pack, data, { read, supplied });
    } catch (e) {
      if (e instanceof FieldProblems) {
        this.runProblems = e.problems;
        this.showProblems(firstPerField([...checkScenarioForm().problems, ...e.problems]), true);
      } else if (e instanceof Cancelled) {
        this.showError(new UserError("You cancelled it. Nothing was written to the workbook."));
      } else this.showError(e);
    } finally {
      this.setBusy(false);
    }
  }

  private showNothingCosted(pack: BoardPackResult): void {
    const intake = pack.intake;
    const why = intake.stops.length > 0 ? intake.stops : pack.issues.slice(0, 5);
    const items = why.map((i) => `${i.row ? `Row ${i.row}` : ""}${i.column ? `${i.row ? ", " : ""}${i.column}` : ""}${i.row || i.column ? ": " : ""}${i.message}`);
    if (intake.stops.length === 0 && pack.issues.length > why.length) items.push(`… and ${(pack.issues.length - why.length).toLocaleString("en-GB")} more problems.`);
    if (intake.stops.length === 0) items.unshift(...councilRateAdviceFor(pack.issues));
    this.showError(new UserError(`No one in the staff list could be costed, so no board pack was written. Nothing was changed in the workbook. ${intake.stops.length > 0 ? "Change the table so that:" : "The first problems:"}`, items));
    renderIntake(byId("error-intake"), intake, true);
    setHidden("error-intake", false);
  }

  private showResults(result: ApplyResult, pack: BoardPackResult, data: TableData, own: { read: TableAndCompanion; supplied: SuppliedPayTableResult | null }): void {
    const leftOut = pack.skippedRows;
    const costed = pack.report.people.length;
    const intake = pack.intake;
    const hiddenLeftOut = intake.hiddenIncluded ? 0 : intake.hiddenRows.length;
    const warnings = [...pack.warnings, ...result.warnings];
    const suppliedTrouble = (own.supplied?.problems.length ?? 0) > 0 || own.read.companionNote !== null;
    const partial = leftOut > 0 || hiddenLeftOut > 0 || warnings.length > 0 || suppliedTrouble;
    const box = byId("results");
    box.classList.toggle("success", !partial);
    box.classList.toggle("warning", partial);
    const issuesSheet = result.sheets.find((s) => s.key === "issues");
    let title: string;
    let summary: string;
    const hiddenText =
      hiddenLeftOut > 0
        ? ` ${count(hiddenLeftOut, "hidden row")} left out (tick "Cost hidden rows too", or unhide them, to cost them).`
        : intake.hiddenIncluded && intake.hiddenRows.length > 0
          ? ` ${count(intake.hiddenRows.length, "hidden row")} costed like the others ("Cost hidden rows too" is on).`
          : "";
    if (leftOut > 0 || hiddenLeftOut > 0) {
      const out = leftOut + hiddenLeftOut;
      title = `Board pack written, but ${count(out, "row")} of ${(pack.totalRows).toLocaleString("en-GB")} left out`;
      summary =
        `From the table "${data.name}" on "${data.sheet}": ${count(pack.totalRows, "row")} read, ${costed.toLocaleString("en-GB")} costed, ${leftOut.toLocaleString("en-GB")} left out` +
        `${intake.peopleLeftOut > 0 ? ` (${count(intake.peopleLeftOut, "person", "people")})` : ""}.${hiddenText} The figures cover only the rows costed` +
        `${leftOut > 0 ? `: correct the rows below${issuesSheet ? ` (all are on the sheet "${issuesSheet.name}")` : ""} and generate again.` : "."}`;
    } else {
      title = warnings.length > 0 || suppliedTrouble ? "Board pack written, with parts left out" : "Board pack written";
      summary = `From the table "${data.name}" on "${data.sheet}": all ${count(pack.totalRows, "row")} read and costed.${hiddenText}`;
    }
    setText("results-title", title);
    setText("results-summary", `${summary} New sheets:`);
    const list = byId("written-sheets");
    clear(list);
    for (const s of result.sheets) {
      const renamed = s.name !== s.requestedName ? ` (named so because "${s.requestedName}" was taken)` : "";
      list.appendChild(textElement("li", `${s.name}${renamed}`));
    }

    const rateList = byId("council-rates-needed-list");
    clear(rateList);
    const rateAdvice = councilRateAdviceFor(pack.issues);
    for (const advice of rateAdvice) rateList.appendChild(textElement("li", advice));
    setHidden("council-rates-needed", rateAdvice.length === 0);

    const warningList = byId("warnings-list");
    clear(warningList);
    for (const w of warnings) warningList.appendChild(textElement("li", w));
    setHidden("warnings", warnings.length === 0);

    const body = byId("issues-body");
    clear(body);
    const issues = pack.issues;
    const people = this.peopleByRow(data);
    for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) {
      const tr = document.createElement("tr");
      const who = people.get(issue.row);
      tr.appendChild(textElement("td", String(issue.row)));
      tr.appendChild(textElement("td", issue.column || "(whole row)"));
      const problem = document.createElement("td");
      if (who) problem.appendChild(textElement("span", `${who}: `, "who"));
      problem.appendChild(document.createTextNode(issue.message));
      tr.appendChild(problem);
      body.appendChild(tr);
    }
    setText(
      "issues-summary",
      issues.length === 0
        ? ""
        : `${count(issues.length, "problem")} in the staff table, by worksheet row. ${issuesSheet ? `They are also listed on the sheet "${issuesSheet.name}".` : ""}`.trim(),
    );
    setText("issues-more", issues.length > MAX_ISSUES_SHOWN ? `Showing the first ${MAX_ISSUES_SHOWN}; all ${issues.length.toLocaleString("en-GB")} are on the sheet.` : "");
    setHidden("issues-more", issues.length <= MAX_ISSUES_SHOWN);
    setHidden("issues-block", issues.length === 0);
    renderIntake(byId("intake-block"), intake, intake.columnsNotUsed.length > 0 || hiddenLeftOut > 0);
    setHidden("intake-block", false);
    this.showSuppliedPayUsed(own.read, own.supplied);

    setHidden("results", false);
    box.scrollIntoView({ block: "start" });
    byId("results-title").focus();
    // The heading is read on focus; the outcome (rows left out) is said here too, whatever the reader does with aria-describedby.
    this.announce(`${title}. ${summary}`);
  }

  /**
   * Under the outcome: how many of the user's own pay figures were used (labelled "supplied by you"
   * in the pack), and each row of the SuppliedPay table not used, by worksheet row and column.
   */
  private showSuppliedPayUsed(read: TableAndCompanion, supplied: SuppliedPayTableResult | null): void {
    const list = byId("supplied-problems");
    clear(list);
    if (!read.companion && !read.companionNote) {
      setHidden("supplied-block", true);
      return;
    }
    let summary: string;
    if (read.companionNote) summary = read.companionNote;
    else {
      const t = read.companion!;
      const used = supplied?.figures.length ?? 0;
      const where = `the table ${t.name} on "${t.sheet}"`;
      summary =
        used > 0
          ? `${count(used, "pay figure")} of your own from ${where} used where the published scales have none, each labelled "supplied by you" in the pack and listed on the Assumptions sheet.`
          : `No pay figures of your own were used: ${where} ${supplied && supplied.rowsRead > 0 ? "has no figure that could be used (see below)" : "is empty"}.`;
      if (supplied && supplied.problems.length > 0) summary += ` ${count(supplied.problems.length, "problem")} to correct in it (that row's figure was not used):`;
    }
    setText("supplied-summary", summary);
    for (const p of supplied?.problems ?? []) list.appendChild(textElement("li", `Row ${p.row}, ${p.column}: ${p.message}`));
    setHidden("supplied-problems", (supplied?.problems.length ?? 0) === 0);
    setHidden("supplied-block", false);
  }

  /** Worksheet row -> "reference, name" for the rows of the table, to say whose row a problem is on. */
  private peopleByRow(data: TableData): Map<number, string> {
    const out = new Map<number, string>();
    const header = data.values[0] ?? [];
    const refCol = Math.max(0, header.findIndex((h) => REF_HEADINGS.has(squash(h))));
    const nameCol = header.findIndex((h) => NAME_HEADINGS.has(squash(h)));
    for (let i = 1; i < data.values.length; i++) {
      const row = data.values[i];
      const parts = [row[refCol], nameCol >= 0 ? row[nameCol] : ""].map((v) => String(v ?? "").trim()).filter((v) => v !== "");
      if (parts.length > 0) out.set(data.headerRowNumber + i, parts.join(", "));
    }
    return out;
  }

  private showError(e: unknown): void {
    let message: string;
    let items: string[] = [];
    if (e instanceof UserError) {
      message = e.message;
      items = e.items;
    } else if (e instanceof ApplyPlanError || e instanceof ReadTableError) {
      message = e.message;
    } else if (e instanceof EngineError) {
      message = `${e.message} Nothing was written to the workbook.`;
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      message = `Something went wrong that the add-in did not expect: ${detail} Nothing was written to the workbook.`;
    }
    setText("error-title", "The board pack was not written");
    setHidden("error-intake", true);
    setText("error-text", message);
    const list = byId("error-list");
    clear(list);
    for (const item of items) list.appendChild(textElement("li", item));
    setHidden("error-list", items.length === 0);
    setHidden("error", false);
    byId("error").scrollIntoView({ block: "start" });
    byId("error-title").focus();
  }
}

/**
 * How the staff list was read (the intake report), as the pane shows it under the outcome: the
 * header row, each column used and what it was taken as, each column not used and why, hidden rows,
 * rows that are not staff, and the intake's notes. Open when something was not used or left out.
 */
export function renderIntake(container: HTMLElement, r: IntakeReport, open: boolean): void {
  clear(container);
  const details = document.createElement("details");
  details.open = open;
  details.appendChild(textElement("summary", "How the staff list was read"));
  const para = (t: string) => details.appendChild(textElement("p", t));
  const list = (items: string[]) => {
    const ul = document.createElement("ul");
    for (const item of items) ul.appendChild(textElement("li", item));
    details.appendChild(ul);
  };
  for (const n of r.readerNotes) para(n);
  para(`Heading row: row ${r.headerRow}${r.rowsAboveHeader > 0 ? ` (${count(r.rowsAboveHeader, "row")} above it not read)` : ""}.`);
  para(`Columns used (${r.columnsUsed.length}):`);
  list(r.columnsUsed.map((c) => `${c.column} "${c.heading}": ${c.takenAs}`));
  if (r.columnsNotUsed.length > 0) {
    para(`Columns not used (${r.columnsNotUsed.length}):`);
    list(r.columnsNotUsed.map((c) => `${c.column} "${c.heading}": ${c.why}`));
  } else para("Every column was used.");
  if (r.hiddenRows.length > 0)
    para(
      `${count(r.hiddenRows.length, "hidden row")} (${rowList(r.hiddenRows)}) ${r.hiddenIncluded ? 'costed like the others ("Cost hidden rows too" is on)' : 'left out: they are hidden in the table (tick "Cost hidden rows too", or unhide them, to cost them)'}.`,
    );
  else para(`No rows are hidden in the table${r.hiddenIncluded ? ' ("Cost hidden rows too" is on: there were none to cost)' : ""}.`);
  if (r.notStaffRows.length > 0) {
    para(`${count(r.notStaffRows.length, "row")} not read as staff:`);
    list(r.notStaffRows.slice(0, 20).map((n) => `Row ${n.row}: ${n.why}`).concat(r.notStaffRows.length > 20 ? [`… and ${(r.notStaffRows.length - 20).toLocaleString("en-GB")} more.`] : []));
  }
  if (r.notes.length > 0) list(r.notes);
  para(`${count(r.staffRows, "staff row")} (${count(r.people, "person", "people")}): ${r.rowsRead.toLocaleString("en-GB")} read into the costing.`);
  container.appendChild(details);
}

/** "5, 7-9, 12" (the first 20 runs, then "…"). */
function rowList(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? `row ${sorted[i]}` : `rows ${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.length > 20 ? `${runs.slice(0, 20).join(", ")}, …` : runs.join(", ");
}
