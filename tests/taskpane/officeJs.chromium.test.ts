/**
 * The built add-in page in Chromium with Microsoft's real office.js (the pinned devDependency
 * @microsoft/office-js), not a stand-in: the CDN URL and every file office.js loads from beside it
 * are answered from node_modules/@microsoft/office-js/dist/, every other request outside the
 * add-in's own origin is refused and recorded. Used only here: the page still loads office.js from
 * Microsoft's CDN (tests/build/bundleSecurity.test.ts), and nothing of it is in dist/.
 *
 * What it shows:
 *  - outside Office, the page's Content Security Policy raises no violation apart from the
 *    telemetry frame office.js tries to open outside Office (known; the CSP keeps it out), the
 *    real CustomFunctions registers exactly the ids of dist/functions.json, and the pane says to
 *    open it from Excel;
 *  - posing as Excel on the web and on Windows (the `_host_Info` query office.js reads), office.js
 *    loads that host's own file, and its real CustomFunctions.Error keeps the message of every code
 *    the functions raise (#VALUE! and #N/A), which is what Excel shows (it drops #NUM!'s); the real
 *    functions, called as Excel calls them, raise errors that keep their messages.
 * The handshake with a real Excel cannot be faked, so workbook writes stay with the stand-in Excel
 * (tests/taskpane/taskpane.chromium.test.ts).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** The frame office.js opens for telemetry when it finds no Office around it; the CSP blocks it (default-src 'self'). */
const TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8", ".json": "application/json", ".css": "text/css" };

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

interface Visit {
  page: Page;
  /** CSP violations: "directive blocked-uri". */
  violations: () => Promise<string[]>;
  /** Files of @microsoft/office-js the page asked for, relative to its dist/. */
  officeFiles: string[];
  refused: string[];
  pageErrors: string[];
  close: () => Promise<void>;
}

async function visit(browser: Browser, origin: string, hostInfo: string | null): Promise<Visit> {
  const context = await browser.newContext({ locale: "en-GB" });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const officeFiles: string[] = [];
  const refused: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(CDN).pathname.length));
      officeFiles.push(rel);
      const file = path.normalize(path.join(OFFICE_JS, rel));
      if (!file.startsWith(OFFICE_JS + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, contentType: "application/javascript", body: fs.readFileSync(file, "utf8") });
    }
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${origin}/taskpane.html${hostInfo ? `?_host_Info=${encodeURIComponent(hostInfo)}` : ""}`);
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice()),
    officeFiles,
    refused,
    pageErrors,
    close: () => context.close(),
  };
}

describe("the add-in page with Microsoft's real office.js", () => {
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  let profile: string;
  const functionIds: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Chromium with "apt-get install -y --no-install-recommends chromium" (CI installs it).`);
    if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(path.join(DIST, "functions.json")))
      throw new Error("dist/ is missing: run `npm run build` first (`npm test` builds dist/ before jest).");
    if (!fs.existsSync(path.join(OFFICE_JS, "office.js"))) throw new Error("node_modules/@microsoft/office-js is missing: run `npm ci`.");
    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
    functionIds.push(...metadata.functions.map((f) => f.id));
    server = await serveDist();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "caretrust-officejs-"));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test("office.js is a test dependency only: the page loads it from Microsoft's CDN and dist/ holds none of it", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.devDependencies["@microsoft/office-js"]).toMatch(/^\d+\.\d+\.\d+$/); // pinned
    expect(pkg.dependencies["@microsoft/office-js"]).toBeUndefined();
    for (const f of fs.readdirSync(DIST).filter((x) => x.endsWith(".js"))) expect(fs.readFileSync(path.join(DIST, f), "utf8")).not.toContain("OSF._OfficeAppFactory");
  });

  test("outside Office: no CSP violation but office.js's telemetry frame, the functions registered are exactly functions.json's, and the pane says to open it from Excel", async () => {
    const v = await visit(browser, origin, null);
    try {
      await v.page.waitForFunction(() => /open this task pane from Excel/.test(document.getElementById("startup")?.textContent ?? ""), undefined, { timeout: 20_000 });
      expect(await v.page.textContent("#startup")).toBe("The Care Trust Calculator works in Excel: open this task pane from Excel.");
      const registered = await v.page.evaluate(() => Object.keys((window as unknown as { CustomFunctions: { _association: { mappings: object } } }).CustomFunctions._association.mappings));
      expect([...registered].sort()).toEqual(functionIds.map((id) => id.toUpperCase()).sort());
      expect(registered.length).toBe(functionIds.length);
      const violations = await v.violations();
      expect(violations.filter((x) => !x.startsWith(`frame-src ${TELEMETRY_FRAME}`))).toEqual([]);
      expect(v.officeFiles[0]).toBe("office.js");
      expect(v.pageErrors).toEqual([]);
      // Nothing but the page's own origin and the (answered) CDN was asked for.
      expect(v.refused).toEqual([]);
    } finally {
      await v.close();
    }
  });

  describe.each([
    ["Excel on the web", "Excel$Web$16.01$en-GB$$$$0", "excel-web-16.00.js"],
    ["Excel on Windows", "Excel$Win32$16.01$en-GB$$$$0", "excel-win32-16.01.js"],
  ])("posing as %s", (_label, hostInfo, hostFile) => {
    let v: Visit;
    beforeAll(async () => {
      v = await visit(browser, origin, hostInfo);
      // The host's file defines the real CustomFunctions.Error (with toJSON, what reaches Excel).
      await v.page.waitForFunction(() => typeof (window as unknown as { CustomFunctions: { Error?: { prototype: { toJSON?: unknown } } } }).CustomFunctions.Error?.prototype?.toJSON === "function", undefined, { timeout: 20_000 });
    }, 60_000);
    afterAll(async () => v?.close());

    test(`office.js loads ${hostFile}, and the page raises no CSP violation`, async () => {
      expect(v.officeFiles).toContain(hostFile);
      expect(await v.violations()).toEqual([]);
      expect(v.refused).toEqual([]);
    });

    test("the real CustomFunctions.Error keeps the message of every code the functions raise, as Excel receives it", async () => {
      const sent = await v.page.evaluate(() => {
        const cf = (window as unknown as { CustomFunctions: { Error: new (code: string, message: string) => { toJSON(): { code: string; message?: string } } } }).CustomFunctions;
        return ["#VALUE!", "#N/A", "#NUM!"].map((code) => new cf.Error(code, `message for ${code}`).toJSON());
      });
      expect(sent[0]).toMatchObject({ code: "#VALUE!", message: "message for #VALUE!" });
      expect(sent[1]).toMatchObject({ code: "#N/A", message: "message for #N/A" });
      // Why no function raises #NUM!: the message would not reach Excel.
      expect(sent[2].code).toBe("#NUM!");
      expect(sent[2].message).toBeUndefined();
    });

    test("the real functions, called as Excel calls them, raise #VALUE! and #N/A errors that keep their messages", async () => {
      const raised = await v.page.evaluate(() => {
        const w = window as unknown as { CustomFunctions: { Error: new (...a: unknown[]) => unknown; _association: { mappings: Record<string, (...a: unknown[]) => unknown> } } };
        const call = (name: string, args: unknown[]) => {
          try {
            return { returned: w.CustomFunctions._association.mappings[name](...args) };
          } catch (e) {
            return { real: e instanceof w.CustomFunctions.Error, sent: (e as { toJSON(): unknown }).toJSON() };
          }
        };
        return [
          call("SALARY", [[["AFC"]], "6", 4, "2025/26"]), // a step beyond the band: was #NUM!
          call("HOURLY", [30000, 0]), // 0 hours: was #NUM!
          call("SALARY", [[["AFC"]], "6", 1, "2019/20"]), // a year not in the data
          call("SALARY", [[["AFC"]], "6", 2, "2025/26"]), // fine
        ];
      });
      expect(raised[0]).toMatchObject({ real: true, sent: { code: "#VALUE!", message: expect.stringMatching(/steps 1 to 3/) } });
      expect(raised[1]).toMatchObject({ real: true, sent: { code: "#VALUE!", message: "terms must be more than 0; got 0." } });
      expect(raised[2]).toMatchObject({ real: true, sent: { code: "#N/A", message: expect.stringMatching(/Years held/) } });
      expect(raised[3]).toEqual({ returned: 40823 });
    });
  });
});
