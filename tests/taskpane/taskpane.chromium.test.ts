/**
 * The task pane in Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a
 * stand-in Office: the built dist/taskpane.html served from 127.0.0.1, the office.js CDN URL
 * answered with tests/taskpane/standIn.ts, every other request refused and recorded.
 *
 * It builds nothing: `npm test` builds dist/ before jest. Screenshot: out/taskpane.png.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { EVIL_NAME_BAD_ROW, EVIL_NAME_GOOD_ROW, standInScript } from "./standIn";
import { linesWithoutTurn, startTaskProbe, stopTaskProbe } from "./harness";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "out");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
};

/** A static server for dist/ on 127.0.0.1 (an ephemeral port); records every path asked for. */
function serveDist(asked: string[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    asked.push(url.pathname);
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("task pane in Chromium against a stand-in Office", () => {
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const served: string[] = [];
  const requests: string[] = [];
  const refused: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Chromium with "apt-get update && apt-get install -y --no-install-recommends chromium" (CI installs it).`);
    }
    if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(path.join(DIST, "taskpane.js"))) {
      throw new Error("dist/taskpane.html is missing: run `npm run build` first (`npm test` builds dist/ before jest).");
    }
    server = await serveDist(served);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "caretrust-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 380, height: 900 },
      locale: "en-GB",
    });
    const standIn = standInScript();
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: "application/javascript", body: standIn });
      if (url.startsWith(`${origin}/`)) return route.continue();
      refused.push(url);
      return route.abort("blockedbyclient");
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector("#board-form", { state: "visible", timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test("the page is en-GB, lists the workbook's tables, and is keyboard reachable in order with a visible focus", async () => {
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
    const options = await page.$$eval("#table option", (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toEqual([
      ["", "The table the selection is in"],
      ["StaffList", "StaffList (Staff, 24 rows)"],
      ["Partners", "Partners (Pool, 2 rows)"],
    ]);
    // every form control has an accessible name (a label, a legend's label or aria-labelledby)
    const unnamed = await page.$$eval("input, select, button", (els) =>
      els
        .filter((e) => !(e as HTMLElement).closest("[hidden]"))
        .filter((e) => {
          const el = e as HTMLInputElement;
          const labelled = (el.labels && el.labels.length > 0) || el.getAttribute("aria-labelledby") || el.getAttribute("aria-label");
          return !labelled && !(el.tagName === "BUTTON" && (el.textContent ?? "").trim() !== "");
        })
        .map((e) => e.id),
    );
    expect(unnamed).toEqual([]);

    // Tab order follows the page: table, Refresh, target terms … Generate.
    await page.focus("#table");
    const order: string[] = ["table"];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || "");
      order.push(id);
      if (id === "generate") break;
    }
    expect(order.slice(0, 5)).toEqual(["table", "refresh-tables", "include-hidden", "add-supplied-pay", "target-afc"]);
    expect(order).toContain("financial-year");
    expect(order).toContain("marking");
    expect(order[order.length - 1]).toBe("generate");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
  });

  test("pick the table, set the scenario, Enter generates: sheets written, bad row listed, names shown as text only", async () => {
    await page.selectOption("#table", "StaffList");
    await page.check("#target-afc");
    await page.fill("#financial-year", "2025/26");
    await page.selectOption("#protection", "CASH");
    await page.fill("#protection-years", "3");
    await page.fill("#award-afc", "3");
    await page.fill("#award-njc", "3");
    await page.fill("#lgps-rate", "19.5");
    await page.fill("#organisation", "Northshire Care Partnership");
    await page.check("#include-names");
    // the optional pool
    await page.click("#pool-section > summary");
    await page.check("#pool-enabled");
    await page.fill("#pool-name", "Community services pool");
    await page.fill("#partner-name-1", "Northshire NHS Trust");
    await page.fill("#partner-contribution-1", "£1,200,000");
    await page.fill("#partner-name-2", "Northshire County Council");
    await page.fill("#partner-contribution-2", "800,000");
    await page.fill("#pool-expenditure", "2,050,000");
    await page.selectOption("#risk-method", "FIXED");
    await page.fill("#risk-params", "60%; 40%");
    // Enter in a text box runs Generate (there is no form to submit; the page never navigates).
    await page.focus("#marking");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });

    // The stand-in workbook received the sheets; the user's sheets are still there, untouched.
    const sheets = await page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name));
    expect(sheets.slice(0, 3)).toEqual(["Notes", "Staff", "Pool"]);
    expect(sheets).toEqual(expect.arrayContaining(["Board summary", "Detail", "Projection", "Pool statement", "Assumptions and sources", "Rows left out"]));
    const syncs = await page.evaluate(() => (window as any).__fake.syncs);
    const staffCell = await page.evaluate(() => (window as any).__fake.workbook.cell("Staff", "C7").value);
    expect(staffCell).toBe(EVIL_NAME_BAD_ROW);

    // The results: what was written, and the bad row by worksheet row, column and message.
    const written = await page.$$eval("#written-sheets li", (lis) => lis.map((li) => li.textContent));
    expect(written).toEqual(expect.arrayContaining(["Board summary", "Detail", "Pool statement"]));
    const rows = await page.$$eval("#issues-body tr", (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent)));
    expect(rows).toEqual([["7", "FTE", `NT000002, ${EVIL_NAME_BAD_ROW}: FTE must be a number; got "abc".`]]);

    // The names are text: no <img> anywhere, no dialog, no script error; the good row's name is a text cell on the Detail sheet.
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
    expect(await page.textContent("#issues-body")).toContain(EVIL_NAME_BAD_ROW);
    const detailTexts = await page.evaluate(() =>
      Array.from((window as any).__fake.workbook.sheet("Detail").cells.values())
        .filter((c: any) => c.kind === "text")
        .map((c: any) => c.value),
    );
    expect(detailTexts).toContain(EVIL_NAME_GOOD_ROW);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe("results-title");
    expect(page.url()).toBe(`${origin}/taskpane.html`);

    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });
    await page.locator("#results").screenshot({ path: path.join(OUT, "taskpane-results.png") });
    console.log(`task pane: ${sheets.length - 3} sheets written in ${syncs} syncs of the stand-in (listing tables and reading the staff table included); screenshot out/taskpane.png`);
  }, 120_000);

  test("a failure while writing is reported in plain words and the sheets it added are removed", async () => {
    const before = await page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name));
    await page.evaluate(() => {
      (window as any).__fake.failWhen = (a: any) => (a.name === "add" && /\.charts$/.test(a.target) ? "GeneralException" : null);
    });
    await page.click("#generate");
    await page.waitForSelector("#error", { state: "visible", timeout: 90_000 });
    const message = await page.textContent("#error-text");
    expect(message).toMatch(/^The board pack could not be written\. Excel reported a general error/);
    expect(message).toContain("have been removed; your own sheets were not changed.");
    const after = await page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name));
    expect(after).toEqual(before);
    expect(await page.isHidden("#results")).toBe(true);
    await page.evaluate(() => {
      (window as any).__fake.failWhen = undefined;
    });
  }, 120_000);

  test("the selection outside any table, and a scenario mistake, are explained next to the field", async () => {
    await page.evaluate(() => {
      (window as any).__fake.workbook.selection = { sheet: "Notes", address: "A1" };
    });
    await page.selectOption("#table", "");
    await page.click("#generate");
    await page.waitForSelector("#error", { state: "visible" });
    expect(await page.$$eval("#error-list li", (lis) => lis.map((li) => li.textContent))).toEqual([
      "Staff table: The selection is not in a table. Click a cell in your staff table, or pick the table from the list.",
    ]);
    expect(await page.textContent("#table-error")).toBe("The selection is not in a table. Click a cell in your staff table, or pick the table from the list.");

    await page.selectOption("#table", "StaffList");
    await page.fill("#award-afc", "three");
    await page.click("#generate");
    await page.waitForSelector("#award-afc-error", { state: "visible" });
    expect(await page.textContent("#award-afc-error")).toBe('The AfC pay award should be a percentage such as 3 or 19.5; got "three".');
    expect(await page.getAttribute("#award-afc", "aria-invalid")).toBe("true");
    expect(await page.$$eval("#error-list li", (lis) => lis.map((li) => li.textContent))).toEqual(['AfC pay award: The AfC pay award should be a percentage such as 3 or 19.5; got "three".']);
    await page.fill("#award-afc", "3");

    // A council unsocial-hours rate is read by the scenario reader (as a scenario file's is) and refused beside its box.
    await page.fill("#rate-saturdays", "half");
    await page.click("#generate");
    await page.waitForSelector("#rate-saturdays-error", { state: "visible" });
    expect(await page.textContent("#rate-saturdays-error")).toBe('The Saturday rate should be a fraction such as 0.195 or a percentage such as "19.5%"; got "half".');
    expect(await page.getAttribute("#rate-saturdays", "aria-invalid")).toBe("true");
    expect(await page.$$eval("#error-list li", (lis) => lis.map((li) => li.textContent))).toEqual([
      'Council unsocial-hours rates: Saturdays: The Saturday rate should be a fraction such as 0.195 or a percentage such as "19.5%"; got "half".',
    ]);
    await page.fill("#rate-saturdays", "");
  });

  test("a large table is costed a step at a time: the pane says how far it has got and the page stays responsive", async () => {
    const N = 10_000;
    await page.evaluate((n) => {
      const w = window as any;
      if (!w.__fake.workbook.findSheet("Big")) w.__fake.workbook.seedTable("Big", "BigStaff", "A1", w.__staffTable(n));
    }, N);
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="BigStaff"]', { state: "attached" });
    await page.selectOption("#table", "BigStaff");
    await page.check("#target-afc");
    await page.fill("#financial-year", "2025/26");
    await page.selectOption("#protection", "CASH");
    await page.fill("#protection-years", "3");
    await page.fill("#award-afc", "3");
    await page.fill("#lgps-rate", "19.5");
    const before = await page.evaluate(() => (window as any).__fake.workbook.sheets.length);
    // Record every status line (with when it appeared) and a 10 ms timer's ticks: the timer only runs when the pane yields.
    await page.evaluate(() => {
      const w = window as any;
      w.__status = [];
      w.__ticks = [];
      const line = document.getElementById("status-text")!;
      new MutationObserver(() => w.__status.push([performance.now(), line.textContent])).observe(line, { childList: true, characterData: true, subtree: true });
      w.__ticker = setInterval(() => w.__ticks.push(performance.now()), 10);
    });
    await startTaskProbe(page);
    await page.click("#generate");
    // The pane while costing (out/taskpane-progress.png): it answers while it works.
    await page.waitForFunction(() => /^Costing [1-9][\d,]* of /.test(document.getElementById("status-text")?.textContent ?? ""), null, { timeout: 60_000 });
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "taskpane-progress.png") });
    await page.waitForSelector("#results", { state: "visible", timeout: 120_000 });
    const probe = await stopTaskProbe(page);
    const { status, ticks } = await page.evaluate(() => {
      const w = window as any;
      clearInterval(w.__ticker);
      return { status: w.__status as [number, string][], ticks: w.__ticks as number[] };
    });
    const costing = status.filter(([, t]) => /^Costing [\d,]+ of [\d,]+ staff…$/.test(t));
    const partWay = costing.filter(([, t]) => !/^Costing (0|10,000) of/.test(t));
    expect(costing[0][1]).toBe(`Costing 0 of ${N.toLocaleString("en-GB")} staff…`);
    // The costing was cut into steps, and after every step shown the pane handed the thread back: the page's own
    // task (startTaskProbe) ran before the next line. Structural, not timed: how many steps there are depends on
    // how fast the engine is (each step is 40 ms of work), so at least one part-way step is asked for, and the count printed.
    expect(partWay.length).toBeGreaterThanOrEqual(1);
    expect(linesWithoutTurn(probe, /^Costing [\d,]+ of /)).toEqual([]);
    expect(status.map(([, t]) => t)).toEqual(expect.arrayContaining(["Laying out the sheets… (Detail)"]));
    // How long the page's 10 ms timer waited while costing depends on the machine: printed, never asserted (speed is for `npm run bench`).
    const from = costing[0][0];
    const to = status.find(([, t]) => t.startsWith("Laying out the sheets…"))![0];
    const during = ticks.filter((t) => t >= from && t <= to);
    const gaps = during.slice(1).map((t, i) => t - during[i]);
    const longest = gaps.length > 0 ? Math.max(...gaps) : NaN;
    const writingFrom = status.find(([, t]) => t.startsWith("Writing sheets…"))?.[0] ?? to;
    const duringWriting = ticks.filter((t) => t >= writingFrom).length;
    console.log(
      `task pane: ${N} staff costed in ${Math.round(to - from)} ms with ${costing.length} progress lines; the page's 10 ms timer ran ${during.length} times while costing (longest gap ${Math.round(longest)} ms) and ${duringWriting} times from "Writing sheets…" to the end`,
    );
    const written = await page.$$eval("#written-sheets li", (lis) => lis.map((li) => li.textContent));
    expect(written).toEqual(expect.arrayContaining([expect.stringMatching(/^Board summary/), expect.stringMatching(/^Detail/), expect.stringMatching(/^Projection/)]));
    expect(await page.evaluate(() => (window as any).__fake.workbook.sheets.length)).toBe(before + written.length);
    expect(await page.textContent("#results-summary")).toContain(`${N.toLocaleString("en-GB")} rows read`);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  test("Cancel while costing stops the run: nothing is written and the pane says so", async () => {
    await page.selectOption("#table", "BigStaff");
    const before = await page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name));
    // Cancel is pressed the moment the costing shows (a click from outside could arrive after the costing, now quick, has ended).
    await page.evaluate(() => {
      const line = document.getElementById("status-text")!;
      const w = window as any;
      const observer = new MutationObserver(() => {
        if (!/^Costing [\d,]+ of /.test(line.textContent ?? "")) return;
        observer.disconnect();
        w.__focusAtCancel = document.activeElement?.id;
        w.__cancelledAt = line.textContent;
        document.getElementById("cancel")!.click();
      });
      observer.observe(line, { childList: true, characterData: true, subtree: true });
    });
    await page.focus("#generate");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#error", { state: "visible", timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).__cancelledAt)).toMatch(/^Costing [\d,]+ of 10,000 staff…$/);
    expect(await page.evaluate(() => (window as any).__focusAtCancel)).toBe("cancel"); // Generate is disabled: focus went to Cancel
    expect(await page.textContent("#error-text")).toBe("You cancelled it. Nothing was written to the workbook.");
    expect(await page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name))).toEqual(before);
    expect(await page.isHidden("#cancel")).toBe(true);
    expect(await page.isDisabled("#generate")).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-title");
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test("your own pay figures: the pane adds the table (never over one), and its rows are used, labelled, or reported by row and column", async () => {
    await page.click("#add-supplied-pay");
    await page.waitForFunction(() => /^Added the sheet/.test(document.getElementById("supplied-pay-status")?.textContent ?? ""));
    expect(await page.textContent("#supplied-pay-status")).toBe(
      'Added the sheet "Supplied pay" with an empty table SuppliedPay (A5:F6): type one figure a row (the lines above it say how), then generate.',
    );
    expect(await page.evaluate(() => (window as any).__fake.workbook.tables.find((t: any) => t.name === "SuppliedPay").columns)).toEqual(["Scale", "Band or point", "Step", "Year", "Full-time pay (£ a year)", "Note"]);
    // Pressed again: the table is there, selected, and nothing is changed.
    await page.click("#add-supplied-pay");
    await page.waitForFunction(() => /already has the table/.test(document.getElementById("supplied-pay-status")?.textContent ?? ""));
    expect(await page.textContent("#supplied-pay-status")).toBe('This workbook already has the table SuppliedPay (on "Supplied pay"): it is selected, and nothing was changed.');
    // The selection is now in that table: it is not taken as the staff list.
    await page.selectOption("#table", "");
    await page.click("#generate");
    await page.waitForSelector("#table-error", { state: "visible" });
    expect(await page.textContent("#table-error")).toBe(
      "The selection is in the table of your own pay figures (SuppliedPay), not a staff list: click a cell in your staff table, or pick it from the list. SuppliedPay is read with it.",
    );

    // The user types two figures: SCP 44 (a local point above the 2025/26 spine) and SCP 20 (the data has it: refused).
    await page.evaluate(() => {
      const wb = (window as any).__fake.workbook;
      wb.tables = wb.tables.filter((t: any) => t.name !== "SuppliedPay");
      wb.seedTable("Supplied pay", "SuppliedPay", "A5", [
        ["Scale", "Band or point", "Step", "Year", "Full-time pay (£ a year)", "Note"],
        ["NJC", 44, "", "2025/26", 52805, "local pay policy 2025"],
        ["NJC", 20, "", "2025/26", 30000, ""],
      ]);
    });
    await page.selectOption("#table", "StaffList");
    await page.check("#include-hidden");
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
    expect(await page.textContent("#supplied-summary")).toBe(
      '1 pay figure of your own from the table SuppliedPay on "Supplied pay" used where the published scales have none, each labelled "supplied by you" in the pack and listed on the Assumptions sheet. 1 problem to correct in it (that row\'s figure was not used):',
    );
    expect(await page.$$eval("#supplied-problems li", (lis) => lis.map((li) => li.textContent))).toEqual([
      expect.stringMatching(/^Row 7, Band or point: The data already holds £[\d,]+ for NJC SCP 20 in 2025\/26 \(from the published scale\): remove this entry\..* This figure was not used\.$/),
    ]);
    expect(await page.getAttribute("#results", "class")).toContain("warning");
    const assumptions = await page.evaluate(() => {
      const sheets = (window as any).__fake.workbook.sheets.filter((s: any) => s.name.startsWith("Assumptions and sources"));
      return Array.from(sheets[sheets.length - 1].cells.values()).map((c: any) => String(c.value)).join("\n");
    });
    expect(assumptions).toContain("NJC SCP 44 in 2025/26: £52,805 a year full-time (supplied by you: local pay policy 2025; not in the published data)");
    // The switch is said in how the list was read.
    expect(await page.textContent("#intake-block")).toContain('No rows are hidden in the table ("Cost hidden rows too" is on: there were none to cost).');
    await page.uncheck("#include-hidden");
    await page.locator("#results").screenshot({ path: path.join(OUT, "taskpane-supplied-pay.png") });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  test("council staff with Saturday hours: the outcome names the box to fill, and the rate given there costs them", async () => {
    await page.evaluate(() => {
      const w = window as any;
      // 6 staff from the sample generator (3 AfC, 3 council), with a "Saturday hours" column: 5 a week for each council row, blank for the others (and no AfC-grouped nights-and-Saturdays hours).
      const t = w.__staffTable(6);
      const terms = t[0].indexOf("Current terms");
      const grouped = t[0].findIndex((h: string) => /nights and saturdays/i.test(h));
      t[0].push("Saturday hours");
      for (let r = 1; r < t.length; r++) {
        t[r].push(t[r][terms] === "NJC" ? 5 : "");
        if (grouped >= 0) t[r][grouped] = ""; // the Saturday column alone holds the hours on nights and Saturdays
      }
      if (!w.__fake.workbook.findSheet("Weekend")) w.__fake.workbook.seedTable("Weekend", "WeekendStaff", "A1", t);
    });
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="WeekendStaff"]', { state: "attached" });
    await page.selectOption("#table", "WeekendStaff");
    await page.check("#target-afc");
    await page.fill("#financial-year", "2025/26");
    await page.fill("#lgps-rate", "19.5");
    await page.fill("#rate-saturdays", "");
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
    expect(await page.textContent("#results-title")).toBe("Board pack written, but 3 rows of 6 left out");
    expect(await page.$$eval("#council-rates-needed-list li", (lis) => lis.map((li) => li.textContent))).toEqual([
      '3 rows need the Saturday rate on the current council (NJC) terms: fill "Saturdays" under Council unsocial-hours rates (time plus a fraction: 0.5 is time and a half, 1/3 time and a third).',
    ]);

    await page.fill("#rate-saturdays", "0.5");
    await page.click("#generate");
    await page.waitForFunction(() => !/3 rows of 6/.test(document.getElementById("results-title")?.textContent ?? ""), null, { timeout: 90_000 });
    // Every row costed (the title may still say "with parts left out": the SuppliedPay table the test before added has rows to correct).
    expect(await page.textContent("#results-title")).toMatch(/^Board pack written(, with parts left out)?$/);
    expect(await page.isHidden("#council-rates-needed")).toBe(true);
    expect(await page.textContent("#results-summary")).toMatch(/all 6 rows read and costed/);
    await page.fill("#rate-saturdays", "");
    expect(pageErrors).toEqual([]);
  });

  test("nothing was requested from anywhere but 127.0.0.1 and the routed office.js URL", () => {
    const elsewhere = requests.filter((u) => u !== OFFICE_JS_URL && !u.startsWith(`${origin}/`));
    expect(elsewhere).toEqual([]);
    expect(refused).toEqual([]);
    expect(requests).toContain(OFFICE_JS_URL);
    expect(served).toEqual(expect.arrayContaining(["/taskpane.html", "/taskpane.js", "/functions.js"]));
    expect(served.filter((p) => p === "/x")).toEqual([]); // an injected <img src=x> would have asked for /x
  });
});
