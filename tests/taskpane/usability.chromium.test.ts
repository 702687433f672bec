/**
 * The task pane as a finance officer meets it (issue 12), in Chromium at the widths Excel gives a
 * task pane, against the stand-in Office (./standIn.ts; dist/ must be built: `npm test` builds it):
 * fields that say what they need, one list of every problem at the top, warnings for unusual
 * values, disabled and invalid boxes that look it, a busy state that shows progress and locks the
 * form, a partial run shown as a warning, no sideways scrolling, Cancel in every stage, Office's
 * theme and forced colours, and what screen readers hear; axe-core finds no violation at any stage.
 * Screenshots in out/ (pane-*.png) are for a person to look at.
 */
import type { Page } from "playwright-core";
import * as path from "path";
import { axeViolations, linesWithoutTurn, OUT, openPane, screenshot, startTaskProbe, stopTaskProbe, type Pane } from "./harness";

const count = (page: Page, selector: string) => page.$$eval(selector, (els) => els.length);
const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? "").trim();
const style = (page: Page, selector: string, prop: string) => page.$eval(selector, (e, p) => getComputedStyle(e).getPropertyValue(p), prop);
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const errorItems = (page: Page) => page.$$eval("#error-list li", (lis) => lis.map((li) => li.textContent ?? ""));
const sheetNames = (page: Page) => page.evaluate(() => (window as any).__fake.workbook.sheets.map((s: any) => s.name) as string[]);

async function expectNoAxeViolations(page: Page, stage: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(`axe at "${stage}": ${JSON.stringify(violations, null, 1)}`);
  expect({ stage, violations }).toEqual({ stage, violations: [] });
}

/** A scenario that is good for the stand-in's staff list. */
async function fillScenario(page: Page, table = "StaffList"): Promise<void> {
  await page.selectOption("#table", table);
  await page.check("#target-afc");
  await page.selectOption("#protection", "CASH");
  await page.fill("#protection-years", "3");
  await page.fill("#award-afc", "3");
  await page.fill("#award-njc", "3");
  await page.fill("#lgps-rate", "19.5");
  await page.fill("#marking", "OFFICIAL-SENSITIVE");
}

/** Records what the live region says, in order. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__said = [];
    const live = document.getElementById("announcer")!;
    new MutationObserver(() => w.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
}

describe("task pane at 320 px", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane({ width: 320 });
    page = pane.page;
  }, 60_000);
  afterAll(() => pane?.close());

  test("9: the live region is on the page, empty, before its first message; the error box is not an alert", async () => {
    expect(await page.getAttribute("#announcer", "role")).toBe("status");
    expect(await page.getAttribute("#announcer", "aria-live")).toBe("polite");
    expect(await page.isHidden("#announcer")).toBe(false); // visually hidden, but in the accessibility tree
    expect(await text(page, "#announcer")).toBe("");
    expect(await page.getAttribute("#error", "role")).toBeNull();
    await expectNoAxeViolations(page, "the form as it opens");
  });

  test("1: required fields are marked and explained; defaults are values, not grey placeholders", async () => {
    expect(await count(page, "input[placeholder]")).toBe(0);
    expect(await text(page, 'label[for="table"]')).toBe("Staff table (required)");
    expect(await text(page, "#target-terms legend")).toBe("Target terms (required)");
    expect(await text(page, 'label[for="lgps-rate"]')).toBe("LGPS employer rate (required if anyone is in the LGPS)");
    expect(await text(page, "#lgps-rate-hint")).toContain("There is no national rate");
    expect(await page.inputValue("#award-afc")).toBe("0");
    expect(await page.inputValue("#award-njc")).toBe("0");
    expect(await text(page, "#awards-hint")).toContain("0 assumes no award; a blank box counts as 0.");
    const year = await page.inputValue("#financial-year");
    expect(year).toMatch(/^\d{4}\/\d{2}$/);
    expect(await text(page, "#financial-year-hint")).toContain(`left blank, ${year}.`);
    expect(await page.inputValue("#marking")).toBe("OFFICIAL-SENSITIVE");
  });

  test("1: with LGPS staff and no LGPS rate, the message is beside the field, in plain words, and goes when the rate is given", async () => {
    await fillScenario(page);
    await page.fill("#lgps-rate", "");
    await page.click("#generate");
    await page.waitForSelector("#lgps-rate-error", { state: "visible", timeout: 60_000 });
    const message = await text(page, "#lgps-rate-error");
    expect(message).toMatch(/^\d+ of the 2\d staff are in the LGPS/);
    expect(message).not.toMatch(/lgpsEmployerRate/);
    expect(await page.getAttribute("#lgps-rate", "aria-invalid")).toBe("true");
    expect(await errorItems(page)).toEqual([`LGPS employer rate: ${message}`]);
    expect(await sheetNames(page)).toEqual(["Notes", "Staff", "Pool"]);
    await expectNoAxeViolations(page, "a problem found with the staff list");
    await page.fill("#lgps-rate", "19.5");
    expect(await page.isHidden("#error")).toBe(true);
    expect(await page.isHidden("#lgps-rate-error")).toBe(true);
    expect(await page.getAttribute("#lgps-rate", "aria-invalid")).toBeNull();
    expect(await text(page, "#announcer")).toBe("All the problems are corrected.");
  });

  test("10: unusual values are accepted with a word beside the field: 0% LGPS, a negative award, 0 years of cash protection, no marking", async () => {
    await page.fill("#lgps-rate", "0");
    await page.fill("#award-afc", "-3");
    await page.fill("#protection-years", "0");
    await page.fill("#marking", "");
    expect(await text(page, "#lgps-rate-warning")).toContain("0% means LGPS members cost their employer nothing");
    expect(await text(page, "#award-afc-warning")).toContain("-3% is a pay cut every year for AfC staff");
    expect(await text(page, "#protection-years-warning")).toContain("0 years means no protection");
    expect(await text(page, "#marking-warning")).toContain("every page is marked OFFICIAL-SENSITIVE, the default");
    expect(await page.getAttribute("#lgps-rate", "aria-describedby")).toContain("lgps-rate-warning");
    await page.locator("#lgps-rate").scrollIntoViewIfNeeded();
    await screenshot(page, "pane-warnings.png");
    await expectNoAxeViolations(page, "warnings beside fields");
    await fillScenario(page);
    expect(await count(page, ".field-warning:not([hidden])")).toBe(0);
  });

  test("2: a disabled box looks disabled and an invalid box gets its red border", async () => {
    const enabledBackground = await style(page, "#protection-years", "background-color");
    await page.selectOption("#protection", "NONE");
    expect(await page.isDisabled("#protection-years")).toBe(true);
    expect(await style(page, "#protection-years", "background-color")).toBe("rgb(240, 240, 240)"); // colorNeutralBackgroundDisabled
    expect(await style(page, "#protection-years", "color")).toBe("rgb(189, 189, 189)"); // colorNeutralForegroundDisabled
    expect(enabledBackground).toBe("rgb(255, 255, 255)");
    await page.click("#pool-section > summary");
    expect(await page.isDisabled("#partner-name-1")).toBe(true);
    expect(await style(page, "#partner-name-1", "background-color")).toBe("rgb(240, 240, 240)");
    await page.selectOption("#protection", "CASH");
    await page.fill("#award-afc", "abc");
    await page.click("#generate");
    await page.waitForSelector("#award-afc-error", { state: "visible" });
    expect(await style(page, "#award-afc", "border-top-color")).toBe("rgb(197, 15, 31)"); // colorStatusDangerBorder2
    expect(await style(page, "#award-afc", "border-top-width")).toBe("2px");
    await page.fill("#award-afc", "3");
    await page.click("#pool-section > summary");
  });

  test("4: one pass lists every problem at once, at the top, each a link to its field, each cleared when corrected", async () => {
    await fillScenario(page);
    await page.fill("#financial-year", "2030/31");
    await page.fill("#protection-years", "99");
    await page.fill("#award-afc", "three");
    await page.fill("#lgps-rate", "150");
    await page.click("#generate");
    await page.waitForSelector("#error", { state: "visible" });
    const items = await errorItems(page);
    expect(items).toHaveLength(4);
    expect(items[0]).toBe('AfC pay award: The AfC pay award should be a percentage such as 3 or 19.5; got "three".');
    expect(items).toContain("Protection years: Protection years must be a whole number from 0 to 40; got 99.");
    expect(items.find((i) => i.startsWith("Financial year:"))).toMatch(/^Financial year: There are no pay scales for 2030\/31 yet: the data holds .*2025\/26/);
    expect(items.find((i) => i.startsWith("LGPS employer rate:"))).toContain("must be from 0% to 100%");
    expect(items.join(" ")).not.toMatch(/needs a number of years|Something went wrong/);
    // At the top: above the form, scrolled into view, its heading focused (and read once: not an alert).
    const errorBox = (await page.locator("#error").boundingBox())!;
    const formBox = (await page.locator("#board-form").boundingBox())!;
    expect(errorBox.y).toBeLessThan(formBox.y);
    expect(await activeId(page)).toBe("error-title");
    expect(await text(page, "#error-title")).toBe("4 things to change before the board pack can be written");
    await expectNoAxeViolations(page, "every problem listed");
    await screenshot(page, "pane-problems.png", false);
    // A link goes to its box, without changing the page's address.
    const url = page.url();
    await page.click('#error-list a[data-field="lgps-rate"]');
    expect(await activeId(page)).toBe("lgps-rate");
    expect(page.url()).toBe(url);
    // Corrected boxes leave the list at once.
    await page.fill("#lgps-rate", "19.5");
    expect(await errorItems(page)).toHaveLength(3);
    expect(await page.isHidden("#lgps-rate-error")).toBe(true);
    await page.fill("#award-afc", "3");
    await page.fill("#protection-years", "3");
    expect(await errorItems(page)).toHaveLength(1);
    expect(await page.getAttribute("#award-afc", "aria-invalid")).toBeNull();
    await page.fill("#financial-year", "2025/26");
    expect(await page.isHidden("#error")).toBe(true);
  });

  test("5 and 9: a run with rows left out is a warning, not a success, and screen readers hear the stages in order and the outcome", async () => {
    await fillScenario(page);
    await recordAnnouncements(page);
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
    expect(await page.getAttribute("#results", "class")).toBe("message warning");
    expect(await text(page, "#results-title")).toBe("Board pack written, but 1 row of 24 left out");
    expect(await text(page, "#results-summary")).toContain("24 rows read, 23 costed, 1 left out (1 person). The figures cover only the rows costed");
    expect(await activeId(page)).toBe("results-title");
    const said: string[] = await page.evaluate(() => (window as any).__said);
    const firstIndex = (re: RegExp) => said.findIndex((s) => re.test(s));
    const order = [/^Reading the staff table from Excel…$/, /^Checking 24 rows of the staff table…$/, /^Costing staff: 0% done\.$/, /^Laying out the sheets…$/, /^Writing sheets…$/, /^Board pack written, but 1 row of 24 left out\. .*1 left out \(1 person\)/];
    const at = order.map(firstIndex);
    expect(at.every((i) => i >= 0)).toBe(true);
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1]);
    expect(said[said.length - 1]).toMatch(/left out/);
    await expectNoAxeViolations(page, "results with rows left out");
    await screenshot(page, "pane-results-320.png");
  });

  test("5: the results show how the staff list was read: each column used, and a column not used named with why", async () => {
    await page.evaluate(() => {
      const w = window as any;
      const table = w.__staffTable(4).map((row: unknown[], i: number) => [...row, i === 0 ? "Favourite colour" : "green"]);
      w.__fake.workbook.seedTable("Extra", "StaffExtra", "A1", table);
    });
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="StaffExtra"]', { state: "attached" });
    await fillScenario(page, "StaffExtra");
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
    const intake = await text(page, "#intake-block");
    expect(await page.$eval("#intake-block details", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(intake).toContain("How the staff list was read");
    expect(intake).toContain("Heading row: row 1.");
    expect(intake).toMatch(/Columns used \(\d+\):/);
    expect(intake).toContain('A "Employee reference"');
    expect(intake).toMatch(/Columns not used \(1\):\s*R "Favourite colour": /);
    await expectNoAxeViolations(page, "results with the intake report");
    await page.locator("#intake-block").screenshot({ path: path.join(OUT, "pane-intake-320.png") });
  });

  test("5: rows hidden in the table are left out, counted in the warning and listed in how the list was read", async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.__fake.workbook.seedTable("Hidden", "StaffHidden", "A1", w.__staffTable(6));
      w.__fake.workbook.findSheet("Hidden").hiddenRows = new Set([2, 4]); // worksheet rows 3 and 5
    });
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="StaffHidden"]', { state: "attached" });
    await fillScenario(page, "StaffHidden");
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
    expect(await page.getAttribute("#results", "class")).toBe("message warning");
    expect(await text(page, "#results-title")).toBe("Board pack written, but 2 rows of 6 left out");
    expect(await text(page, "#results-summary")).toContain('2 hidden rows left out (tick "Cost hidden rows too", or unhide them, to cost them). The figures cover only the rows costed.');
    expect(await page.$eval("#intake-block details", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await text(page, "#intake-block")).toContain('2 hidden rows (row 3, row 5) left out: they are hidden in the table (tick "Cost hidden rows too", or unhide them, to cost them).');

    // The switch: the hidden rows are costed like the others, and the pane says so.
    expect(await page.isChecked("#include-hidden")).toBe(false); // off by default
    await page.check("#include-hidden");
    await page.click("#generate");
    await page.waitForFunction(() => /all 6 rows read and costed/.test(document.getElementById("results-summary")?.textContent ?? ""), null, { timeout: 90_000 });
    expect(await text(page, "#results-title")).toBe("Board pack written");
    expect(await text(page, "#results-summary")).toContain('all 6 rows read and costed. 2 hidden rows costed like the others ("Cost hidden rows too" is on).');
    expect(await text(page, "#intake-block")).toContain('2 hidden rows (row 3, row 5) costed like the others ("Cost hidden rows too" is on).');
    await page.uncheck("#include-hidden");
  });

  test("5: when no one can be costed, no pack is written and the pane says why (not a success, not an empty pack)", async () => {
    await page.evaluate(() => {
      const w = window as any;
      const table = w.__staffTable(3).map((row: unknown[]) => row.filter((_: unknown, c: number) => c !== 2)); // no "Staff group" column
      w.__fake.workbook.seedTable("NoGroup", "StaffNoGroup", "A1", table);
    });
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="StaffNoGroup"]', { state: "attached" });
    await fillScenario(page, "StaffNoGroup");
    const before = await sheetNames(page);
    await page.click("#generate");
    await page.waitForSelector("#error", { state: "visible", timeout: 90_000 });
    expect(await text(page, "#error-text")).toMatch(/^No one in the staff list could be costed, so no board pack was written\./);
    expect((await errorItems(page)).join(" ")).toMatch(/Staff group/);
    expect(await page.isVisible("#error-intake")).toBe(true);
    expect(await page.isHidden("#results")).toBe(true);
    expect(await sheetNames(page)).toEqual(before);
    await expectNoAxeViolations(page, "nothing costed");
  });

  test("options to compare: at least two, checked with the rest, and an Options sheet in the pack", async () => {
    await fillScenario(page);
    await page.click("#options-section > summary");
    await page.check("#options-enabled");
    expect(await activeId(page)).toBe("option-name-1");
    await page.fill("#option-name-1", "Harmonise with 3 years' protection");
    await page.selectOption("#option-protection-1", "CASH");
    await page.fill("#option-years-1", "3");
    await page.click("#generate");
    await page.waitForSelector("#error", { state: "visible" });
    expect(await errorItems(page)).toEqual(["Options: Name at least two options to compare, or untick Compare options."]);
    await page.fill("#option-name-2", "Keep current terms");
    await page.selectOption("#option-approach-2", "KEEP_CURRENT");
    expect(await page.isHidden("#error")).toBe(true);
    await page.fill("#recommended-option", "Harmonise with 3 years' protection");
    await expectNoAxeViolations(page, "options to compare");
    await page.click("#generate");
    await page.waitForSelector("#results", { state: "visible", timeout: 120_000 });
    const written = await page.$$eval("#written-sheets li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(written.some((w) => /^Options/.test(w))).toBe(true);
    await page.uncheck("#options-enabled");
    await page.click("#options-section > summary");
  }, 180_000);

  test("3 and 7: Enter near the top shows progress in view and locks the form; every stage is sliced; Cancel works while laying out and while writing", async () => {
    const N = 10_000;
    await page.evaluate((n) => {
      const w = window as any;
      if (!w.__fake.workbook.findSheet("Big")) w.__fake.workbook.seedTable("Big", "BigStaff", "A1", w.__staffTable(n));
    }, N);
    await page.click("#refresh-tables");
    await page.waitForSelector('#table option[value="BigStaff"]', { state: "attached" });
    await fillScenario(page, "BigStaff");
    const before = await sheetNames(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await startTaskProbe(page);
    await page.focus("#financial-year");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^(Checking|Costing)/.test(document.getElementById("status-text")?.textContent ?? ""), null, { timeout: 60_000 });
    const inView = await page.$eval("#status", (e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.getAttribute("#board-form", "inert")).not.toBeNull();
    expect(await activeId(page)).toBe("cancel");
    // The locked form takes no typing.
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#board-form")))).toBe(false);
    await expectNoAxeViolations(page, "busy: progress and Cancel");
    await screenshot(page, "pane-progress-320.png", false);
    await page.waitForSelector("#results", { state: "visible", timeout: 180_000 });
    const probe = await stopTaskProbe(page);
    // Every step shown in every stage handed the thread back (the page's own task ran before the next line), and
    // the writing of 10,000 rows gave the page turns between its first sheet and the outcome: structural checks.
    expect(linesWithoutTurn(probe, /^(Checking|Costing|Laying out)/)).toEqual([]);
    const writingStarts = probe.lines.findIndex(([t]) => /^Writing sheets… \(/.test(t));
    const outcome = probe.lines.findIndex(([t]) => t === "(outcome)");
    expect(writingStarts).toBeGreaterThanOrEqual(0);
    expect(outcome).toBeGreaterThan(writingStarts);
    expect(probe.lines[outcome][1]).toBeGreaterThan(probe.lines[writingStarts][1]);
    // How many times each stage handed the thread back, printed (how many depends on how long each stage takes on
    // this machine, each slice being 40 ms of work: not asserted; the time each hold takes is `npm run bench -- --only pane`).
    const stages: [string, RegExp][] = [["reading", /^Checking/], ["costing", /^Costing/], ["layout", /^Laying out/], ["writing", /^Writing/]];
    const report: string[] = [];
    stages.forEach(([name, re], k) => {
      const first = probe.lines.findIndex(([t]) => re.test(t));
      const next = probe.lines.findIndex(([t]) => (k + 1 < stages.length ? stages[k + 1][1].test(t) : t === "(outcome)"));
      const turns = first < 0 || next < 0 ? 0 : probe.lines[next][1] - probe.lines[first][1];
      report.push(`${name} ${turns} turns`);
    });
    // That the stages yield every STAFF_ROWS_PER_STEP rows, every few people and every DETAIL_ROWS_PER_STEP Detail rows is pinned in tests/report/steps.test.ts.
    console.log(`task pane at ${N.toLocaleString("en-GB")} rows in Chromium, times the pane handed the thread back: ${report.join("; ")}`);
    expect(await page.getAttribute("#board-form", "inert")).toBeNull();
    const written = await sheetNames(page);
    expect(written.length).toBeGreaterThan(before.length);

    // Cancel while laying out, and while writing: nothing is written.
    for (const stage of [/^Laying out the sheets…/, /^Writing sheets… \(/]) {
      const names = await sheetNames(page);
      // Cancel is pressed the moment the stage shows (a click from outside could arrive after a short stage has ended).
      await page.evaluate((src) => {
        const line = document.getElementById("status-text")!;
        const observer = new MutationObserver(() => {
          if (!new RegExp(src).test(line.textContent ?? "")) return;
          observer.disconnect();
          (window as any).__cancelledAt = line.textContent;
          document.getElementById("cancel")!.click();
        });
        observer.observe(line, { childList: true, characterData: true, subtree: true });
      }, stage.source);
      await page.click("#generate");
      await page.waitForSelector("#error", { state: "visible", timeout: 60_000 });
      expect(await text(page, "#error-text")).toMatch(/^You cancelled it(\. Nothing was written to the workbook\.| before anything was written: the workbook was not changed\.)$/);
      expect(await sheetNames(page)).toEqual(names);
      expect(await activeId(page)).toBe("error-title");
      expect(await page.evaluate(() => (window as any).__cancelledAt)).toMatch(stage);
    }
    expect(pane.pageErrors).toEqual([]);
  }, 400_000);
});

describe("task pane by keyboard alone, and at narrow widths", () => {
  test("6: at 320, 350 and 450 px nothing scrolls sideways: long table names, the drop-down and partner names fit", async () => {
    for (const width of [320, 350, 450]) {
      const pane = await openPane({ width });
      const { page } = pane;
      try {
        const long = "StaffListForTheNorthshireCommunityServicesHarmonisationProgramme2025";
        await page.evaluate((name) => (window as any).__fake.workbook.seedTable("Long", name, "A1", (window as any).__staffTable(6)), long);
        await page.click("#refresh-tables");
        await page.waitForSelector(`#table option[value="${long}"]`, { state: "attached" });
        await fillScenario(page, long);
        await page.click("#pool-section > summary");
        await page.check("#pool-enabled");
        await page.fill("#partner-name-1", "Northshire County Council");
        await page.fill("#partner-contribution-1", "800,000");
        await page.fill("#pool-expenditure", "750,000");
        const fits = (sel: string) => page.$eval(sel, (e) => (e as HTMLInputElement).scrollWidth <= (e as HTMLInputElement).clientWidth);
        expect({ width, partnerName: await fits("#partner-name-1") }).toEqual({ width, partnerName: true });
        const select = (await page.locator("#table").boundingBox())!;
        const card = (await page.locator("#table").evaluateHandle((e) => e.closest(".card")!)).asElement()!;
        const cardBox = (await card.boundingBox())!;
        expect({ width, selectInCard: select.x + select.width <= cardBox.x + cardBox.width }).toEqual({ width, selectInCard: true });
        await page.click("#generate");
        await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ width, sideways }).toEqual({ width, sideways: 0 });
        await screenshot(page, `pane-${width}.png`);
        expect(pane.pageErrors).toEqual([]);
      } finally {
        await pane.close();
      }
    }
  }, 300_000);

  test("a keyboard-only run: Tab, arrow keys, Space and Enter from the first field to the results", async () => {
    const pane = await openPane({ width: 350 });
    const { page } = pane;
    try {
      await page.keyboard.press("Tab"); // the first control: the table list
      expect(await activeId(page)).toBe("table");
      await page.keyboard.press("ArrowDown"); // "StaffList (Staff, 24 rows)"
      expect(await page.inputValue("#table")).toBe("StaffList");
      await page.keyboard.press("Tab"); // Refresh list
      expect(await activeId(page)).toBe("refresh-tables");
      await page.keyboard.press("Tab"); // Cost hidden rows too
      expect(await activeId(page)).toBe("include-hidden");
      await page.keyboard.press("Tab"); // Add a table for your own pay figures
      expect(await activeId(page)).toBe("add-supplied-pay");
      await page.keyboard.press("Tab"); // the target terms
      expect(await activeId(page)).toBe("target-afc");
      await page.keyboard.press("Space");
      expect(await page.isChecked("#target-afc")).toBe(true);
      const seen: string[] = [];
      for (let i = 0; i < 20 && (await activeId(page)) !== "lgps-rate"; i++) {
        await page.keyboard.press("Tab");
        seen.push(await activeId(page));
      }
      expect(seen).toEqual(["financial-year", "protection", "protection-years", "award-afc", "award-njc", "lgps-rate"]);
      expect(await style(page, "#lgps-rate", "outline-style")).not.toBe("none"); // focus is visible
      await page.keyboard.type("19.5");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#results", { state: "visible", timeout: 90_000 });
      expect(await activeId(page)).toBe("results-title");
      expect(await text(page, "#results-title")).toBe("Board pack written, but 1 row of 24 left out");
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  }, 120_000);
});

describe("task pane themes", () => {
  test("8: dark when the system asks for it (no Office theme): Fluent 2 dark tokens, axe clean", async () => {
    const pane = await openPane({ width: 320, colorScheme: "dark" });
    try {
      const { page } = pane;
      expect(await page.getAttribute("html", "data-theme")).toBeNull();
      expect(await style(page, "body", "background-color")).toBe("rgb(31, 31, 31)"); // colorNeutralBackground2, dark
      expect(await style(page, ".card", "background-color")).toBe("rgb(41, 41, 41)"); // colorNeutralBackground1, dark
      await page.selectOption("#protection", "NONE");
      await page.fill("#lgps-rate", "0");
      await page.click("#generate"); // no target terms: a problem listed, the field invalid
      await page.waitForSelector("#error", { state: "visible" });
      await expectNoAxeViolations(page, "dark theme with a problem and a warning");
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "pane-dark.png");
    } finally {
      await pane.close();
    }
  }, 60_000);

  test("8: Office's own theme wins over the system's: dark Office on a light system, light Office on a dark system", async () => {
    const dark = await openPane({ width: 320, colorScheme: "light", officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" } });
    try {
      expect(await dark.page.getAttribute("html", "data-theme")).toBe("dark");
      expect(await style(dark.page, "body", "background-color")).toBe("rgb(31, 31, 31)");
      await expectNoAxeViolations(dark.page, "Office dark theme");
    } finally {
      await dark.close();
    }
    const light = await openPane({ width: 320, colorScheme: "dark", officeTheme: { bodyBackgroundColor: "#ffffff" } });
    try {
      expect(await light.page.getAttribute("html", "data-theme")).toBe("light");
      expect(await style(light.page, "body", "background-color")).toBe("rgb(250, 250, 250)");
    } finally {
      await light.close();
    }
  }, 90_000);

  test("8 and 2: forced colours (high contrast): cards keep their outlines, invalid and disabled boxes look different", async () => {
    const pane = await openPane({ width: 320, forcedColors: "active" });
    try {
      const { page } = pane;
      expect(await style(page, ".card", "border-top-style")).toBe("solid");
      expect(await style(page, ".card", "border-top-width")).toBe("1px");
      await page.selectOption("#protection", "NONE"); // Years disabled
      await page.fill("#award-afc", "abc");
      await page.click("#generate");
      await page.waitForSelector("#award-afc-error", { state: "visible" });
      expect(await style(page, "#award-afc", "border-top-style")).toBe("double");
      expect(await style(page, "#award-afc", "border-top-width")).toBe("3px");
      const disabled = await style(page, "#protection-years", "color");
      const enabled = await style(page, "#award-njc", "color");
      expect(disabled).not.toBe(enabled);
      await expectNoAxeViolations(page, "forced colours with a problem");
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "pane-forced-colors.png");
    } finally {
      await pane.close();
    }
  }, 60_000);
});
