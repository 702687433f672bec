/**
 * The task pane's flow: pick a staff table, set the scenario, Generate -> read the table, build the
 * board pack, write it as new sheets, and say what was written and which rows were left out.
 *
 * The pane holds no rules: it calls src/report (scenario checking, the board pack) and src/excel
 * (reading tables, writing the sheet plan). Everything shown that came from the workbook or the
 * engine is set as text (textContent), never as HTML.
 */
import { ApplyPlanError, type ApplyProgress, type ApplyResult } from "../excel/applyPlan";
import { ReadTableError, type TableData, type TableSummary } from "../excel/readTable";
import { BoardPackCancelled, buildBoardPackAsync, type BoardPackResult, type BoardPackStep } from "../report/boardPack";
import { parseBoardScenario, ScenarioError } from "../report/scenario";
import type { WorkbookPlan } from "../sheets/plan";
import { byId, clear, nextPaint, setHidden, setText, textElement } from "./dom";
import { FIELD_LABELS, problemToField, readScenarioForm, syncDependentFields, type FieldProblem } from "./scenarioForm";
import { timeSliced } from "./yieldToUi";

/** What the pane needs from Excel (Office.js in the add-in; a stand-in in tests). */
export interface WorkbookAccess {
  listTables(): Promise<TableSummary[]>;
  tableAtSelection(): Promise<string | null>;
  readTable(name: string): Promise<TableData>;
  applyPlan(plan: WorkbookPlan, onProgress: (p: ApplyProgress) => void): Promise<ApplyResult>;
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
      return "Laying out the sheets…";
  }
}

/** Progress for screen readers: each stage, and the costing every tenth of the way (not every slice). */
function milestone(step: BoardPackStep): string {
  if (step.stage !== "cost" || step.total === 0) return stepText(step);
  const tenths = Math.floor((step.done / step.total) * 10);
  return `Costing staff: ${tenths * 10}% done${step.pass !== undefined && step.pass > 1 ? " (second pass, over more years)" : ""}.`;
}

export class TaskPane {
  private busy = false;
  private tables: TableSummary[] = [];
  /** Set by Cancel (or Escape) while the staff are being costed; read between steps. */
  private cancelRequested = false;

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
    form.addEventListener("change", () => syncDependentFields());
    byId("refresh-tables").addEventListener("click", () => void this.loadTables());
    byId("cancel").addEventListener("click", () => this.cancel());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !byId("cancel").hidden) {
        e.preventDefault();
        this.cancel();
      }
    });
    byId("pool-enabled").addEventListener("change", () => {
      syncDependentFields();
      if (byId<HTMLInputElement>("pool-enabled").checked) byId("pool-name").focus();
    });
    syncDependentFields();
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
    const keep = this.tables.some((t) => t.name === previous) ? previous : this.tables.length === 1 ? this.tables[0].name : SELECTION;
    select.value = keep;
    setText(
      "table-hint",
      this.tables.length === 0
        ? "This workbook has no tables yet. Select your staff list and press Ctrl+T to make it a table, then Refresh."
        : "An Excel table with a heading row: employee reference, staff group, employer, terms, band or grade, FTE and so on.",
    );
  }

  private status(text: string): void {
    setHidden("status", false);
    setText("status-text", text);
    setText("status-live", text);
    byId<HTMLProgressElement>("status-progress").removeAttribute("value");
  }

  /** Shows a step of building the pack: the line and the bar every slice, the live region at milestones. */
  private progress(step: BoardPackStep): void {
    setText("status-text", stepText(step));
    const bar = byId<HTMLProgressElement>("status-progress");
    if (step.stage === "cost" && step.total > 0) {
      bar.max = step.total;
      bar.value = step.done;
    } else bar.removeAttribute("value");
    const said = milestone(step);
    const live = byId("status-live");
    if (live.textContent !== said) live.textContent = said;
  }

  /** Cancel: honoured at the next step of the costing (within a few tens of milliseconds). */
  private cancel(): void {
    if (!this.busy || this.cancelRequested) return;
    this.cancelRequested = true;
    const button = byId<HTMLButtonElement>("cancel");
    button.disabled = true;
    setText("status-text", "Cancelling…");
    setText("status-live", "Cancelling…");
  }

  /** The Cancel button: shown only while the pack is being built (writing to Excel cannot be stopped half-way). */
  private showCancel(show: boolean): void {
    const button = byId<HTMLButtonElement>("cancel");
    button.hidden = !show;
    button.disabled = false;
    // Generate is disabled while busy: a keyboard user who pressed it lands on Cancel. (Afterwards
    // focus moves to the results or the error.)
    if (show && (document.activeElement === byId("generate") || document.activeElement === document.body)) button.focus();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    const button = byId<HTMLButtonElement>("generate");
    button.disabled = busy;
    byId("board-form").setAttribute("aria-busy", String(busy));
    byId("refresh-tables").toggleAttribute("disabled", busy);
    if (!busy) {
      setHidden("status", true);
      this.showCancel(false);
    }
  }

  private clearMessages(): void {
    setHidden("error", true);
    setHidden("results", true);
    for (const e of Array.from(document.querySelectorAll<HTMLElement>(".field-error"))) {
      e.hidden = true;
      e.textContent = "";
    }
    for (const e of Array.from(document.querySelectorAll("[aria-invalid]"))) e.removeAttribute("aria-invalid");
  }

  private markFields(problems: FieldProblem[]): void {
    for (const p of problems) {
      const id = p.field || "";
      const errorBox = id ? document.getElementById(`${id}-error`) : null;
      if (errorBox) {
        errorBox.textContent = errorBox.textContent ? `${errorBox.textContent} ${p.message}` : p.message;
        errorBox.hidden = false;
      }
      const control = id ? document.getElementById(id) : null;
      if (control && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) control.setAttribute("aria-invalid", "true");
    }
  }

  /** Generate: read the table, build the pack, write the sheets. */
  async generate(): Promise<void> {
    if (this.busy) return;
    this.clearMessages();
    this.setBusy(true);
    try {
      // 1. The scenario.
      const { input, problems } = readScenarioForm();
      if (problems.length > 0) {
        this.markFields(problems);
        throw new UserError("Some of the scenario needs changing first:", problems.map((p) => `${FIELD_LABELS[p.field] ?? FIELD_LABELS[p.field.replace(/-\d+$/, "")] ?? "Scenario"}: ${p.message}`));
      }
      let scenario;
      try {
        scenario = parseBoardScenario(input);
      } catch (e) {
        if (e instanceof ScenarioError) {
          const mapped = e.problems.map(problemToField);
          this.markFields(mapped);
          throw new UserError("Some of the scenario needs changing first:", mapped.map((p) => `${FIELD_LABELS[p.field] ?? "Scenario"}: ${p.message}`));
        }
        throw e;
      }

      // 2. The staff table.
      this.status("Reading table…");
      const choice = byId<HTMLSelectElement>("table").value;
      let name = choice;
      if (choice === SELECTION) {
        const found = await this.excel.tableAtSelection();
        if (!found) {
          this.markFields([{ field: "table", message: "The selection is not in a table." }]);
          throw new UserError("The selection is not in a table. Click a cell in your staff table (or pick the table from the list), then Generate again.");
        }
        name = found;
      }
      const data = await this.excel.readTable(name);
      if (data.rows === 0) throw new UserError(`The table "${data.name}" has no rows of staff.`);

      // 3. The board pack, a step at a time: the pane hands the thread back every few tens of
      // milliseconds (so Excel, custom functions and the pane stay responsive), shows how far it
      // has got, and stops if Cancel is pressed.
      this.status(`Costing ${count(data.rows, "member of staff", "staff")}…`);
      this.cancelRequested = false;
      this.showCancel(true);
      await nextPaint();
      let pack: BoardPackResult;
      try {
        pack = await buildBoardPackAsync(
          { table: data.values, scenario, generatedOn: todayIso(), version: this.version, firstRowNumber: data.headerRowNumber },
          { yieldToUi: timeSliced((step: BoardPackStep) => this.progress(step)), cancelled: () => this.cancelRequested },
        );
      } catch (e) {
        if (e instanceof ScenarioError) throw new UserError("The scenario cannot be applied to this staff list:", e.problems);
        if (e instanceof BoardPackCancelled) throw new UserError("You cancelled it while the staff were being costed. Nothing was written to the workbook.");
        throw e;
      } finally {
        this.showCancel(false);
      }

      // 4. The sheets.
      this.status("Writing sheets…");
      await nextPaint();
      const result = await this.excel.applyPlan(pack.workbook, (p) => {
        if (p.stage === "writing" && p.sheetIndex !== undefined && p.sheetCount !== undefined) {
          this.status(`Writing sheets… (${p.sheetIndex + 1} of ${p.sheetCount}: ${p.sheet ?? ""})`);
        }
      });
      this.showResults(result, pack, data);
    } catch (e) {
      this.showError(e);
    } finally {
      this.setBusy(false);
    }
  }

  private showResults(result: ApplyResult, pack: BoardPackResult, data: TableData): void {
    setText("results-summary", `From the table "${data.name}" on "${data.sheet}": ${count(pack.totalRows, "row")} read, ${count(pack.skippedRows, "row")} left out. New sheets:`);
    const list = byId("written-sheets");
    clear(list);
    for (const s of result.sheets) {
      const renamed = s.name !== s.requestedName ? ` (named so because "${s.requestedName}" was taken)` : "";
      list.appendChild(textElement("li", `${s.name}${renamed}`));
    }

    const warnings = [...pack.warnings, ...result.warnings];
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
    const issuesSheet = result.sheets.find((s) => s.key === "issues");
    setText(
      "issues-summary",
      issues.length === 0
        ? ""
        : `${count(issues.length, "problem")} in the staff table, by worksheet row. ${issuesSheet ? `They are also listed on the sheet "${issuesSheet.name}".` : ""}`.trim(),
    );
    setText("issues-more", issues.length > MAX_ISSUES_SHOWN ? `Showing the first ${MAX_ISSUES_SHOWN}; all ${issues.length.toLocaleString("en-GB")} are on the sheet.` : "");
    setHidden("issues-more", issues.length <= MAX_ISSUES_SHOWN);
    setHidden("issues-block", issues.length === 0);

    setHidden("results", false);
    byId("results-title").focus();
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
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      message = `Something went wrong that the add-in did not expect: ${detail} Nothing was written to the workbook.`;
    }
    setText("error-text", message);
    const list = byId("error-list");
    clear(list);
    for (const item of items) list.appendChild(textElement("li", item));
    setHidden("error-list", items.length === 0);
    setHidden("error", false);
    byId("error-title").focus();
  }
}
