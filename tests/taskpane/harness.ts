/**
 * Shared set-up for the task pane's Chromium tests: the built dist/ served from 127.0.0.1, Debian's
 * Chromium driven by playwright-core, the office.js URL answered by the stand-in Office
 * (./standIn.ts), every other request refused and recorded; and axe-core injected into the page
 * through the DevTools protocol (page.evaluate is not subject to the page's CSP, which rightly
 * refuses inline scripts).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { standInScript } from "./standIn";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "out");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Pane {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Requests refused (anything but 127.0.0.1 and the office.js URL). */
  refused: string[];
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  forcedColors?: "active" | "none";
  /** What the stand-in's Office.context.officeTheme returns (undefined: none, as Excel on the web). */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor?: string };
}

export function checkPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Chromium with "apt-get update && apt-get install -y --no-install-recommends chromium" (CI installs it).`);
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (`npm test` builds dist/ before jest).");
}

function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
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

/** Opens the pane (dist/taskpane.html) in a fresh Chromium profile and waits for the form. */
export async function openPane(options: PaneOptions = {}): Promise<Pane> {
  checkPrerequisites();
  const server = await serveDist();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "caretrust-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 320, height: options.height ?? 800 },
    locale: "en-GB",
    colorScheme: options.colorScheme ?? "light",
    forcedColors: options.forcedColors ?? "none",
  });
  const refused: string[] = [];
  const standIn = standInScript();
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: "application/javascript", body: standIn });
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort("blockedbyclient");
  });
  if (options.officeTheme) await context.addInitScript((theme) => ((window as unknown as { __standInTheme: unknown }).__standInTheme = theme), options.officeTheme);
  const page = context.pages()[0] ?? (await context.newPage());
  const pane: Pane = {
    page,
    context,
    origin,
    refused,
    pageErrors: [],
    consoleErrors: [],
    dialogs: [],
    close: async () => {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  page.on("pageerror", (e) => pane.pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") pane.consoleErrors.push(m.text());
  });
  page.on("dialog", (d) => {
    pane.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("#board-form", { state: "visible", timeout: 20_000 });
  return pane;
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the page as it is now (WCAG 2.0/2.1/2.2 A and AA rules and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** Screenshot into out/, for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * A task of the page's own that runs whenever the pane hands the thread back: a MessageChannel
 * message that posts the next one as it runs. Messages are run in the order they are posted, so
 * exactly one of these runs between two of the pane's turns (the pane's nextTurn is a message too);
 * a status line shown while the pane holds the thread, with no turn before the next line, sees no
 * new run. Each status line is recorded with how many times the probe had run when it appeared,
 * and so is the outcome (results or error) when it shows, as the line "(outcome)".
 * Deterministic, unlike a timer's ticks (which depend on how long the work takes on this machine).
 * Only while a run is watched: it keeps the page busy.
 */
export async function startTaskProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { runs: number; lines: [string, number][]; stop: () => void } };
    const channel = new MessageChannel();
    let running = true;
    const line = document.getElementById("status-text")!;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target === line || line.contains(r.target))) w.__probe.lines.push([line.textContent ?? "", w.__probe.runs]);
      if (records.some((r) => r.type === "attributes" && !(r.target as HTMLElement).hidden)) w.__probe.lines.push(["(outcome)", w.__probe.runs]);
    });
    w.__probe = {
      runs: 0,
      lines: [],
      stop: () => {
        running = false;
        observer.disconnect();
        channel.port1.close();
      },
    };
    channel.port1.onmessage = () => {
      w.__probe.runs++;
      if (running) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    observer.observe(line, { childList: true, characterData: true, subtree: true });
    for (const id of ["results", "error"]) observer.observe(document.getElementById(id)!, { attributes: true, attributeFilter: ["hidden"] });
  });
}

/** Stops the probe: each status line shown with the probe's runs when it appeared, and the runs at the end. */
export async function stopTaskProbe(page: Page): Promise<{ lines: [string, number][]; runs: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { runs: number; lines: [string, number][]; stop: () => void } };
    w.__probe.stop();
    return { lines: w.__probe.lines, runs: w.__probe.runs };
  });
}

/**
 * The status lines matching `re` after which the page's own task did NOT run before the next line
 * (or the end): empty when the pane handed the thread back after every one of them.
 */
export function linesWithoutTurn(probe: { lines: [string, number][]; runs: number }, re: RegExp): string[] {
  const out: string[] = [];
  probe.lines.forEach(([text, runs], i) => {
    if (!re.test(text)) return;
    const next = i + 1 < probe.lines.length ? probe.lines[i + 1][1] : probe.runs;
    if (next <= runs) out.push(text);
  });
  return out;
}
