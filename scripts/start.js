#!/usr/bin/env node
/**
 * `npm start`: starts the development server (webpack serve, https://localhost:3000/) in the
 * background, records its process id, waits until it answers, and says how to sideload the add-in.
 * `npm stop` stops it.
 *
 * The template's `office-addin-debugging start` (which also sideloads into desktop Excel) is not
 * used: it pulls in keytar, which cannot build on machines without libsecret, and it does not run
 * on Linux at all. Sideloading is a few clicks instead; see docs/deployment.md.
 */
"use strict";

const fs = require("fs");
const net = require("net");
const path = require("path");
const https = require("https");
const http = require("http");
const { spawn } = require("child_process");
const { setTimeout: sleep } = require("timers/promises");
const { PID_FILE, LOG_FILE, STATE_DIR, isRunning, isDevServer, readPid } = require("./common/dev-server-state");

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000;
const START_TIMEOUT_MS = 120000;

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Resolves with "https" or "http" once the server serves taskpane.html. */
function probe() {
  const get = (mod, url, opts) =>
    new Promise((resolve) => {
      const req = mod.get(url, opts, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.setTimeout(3000, () => {
        req.destroy();
        resolve(false);
      });
    });
  return get(https, `https://localhost:${PORT}/taskpane.html`, { rejectUnauthorized: false }).then((ok) =>
    ok ? "https" : get(http, `http://localhost:${PORT}/taskpane.html`, {}).then((ok2) => (ok2 ? "http" : null)),
  );
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function sideloadInstructions(protocol) {
  const manifest = path.join(ROOT, "manifest.xml");
  return `
The add-in is served at ${protocol}://localhost:${PORT}/ (task pane: /taskpane.html, help: /help/index.html).
Server log: ${LOG_FILE}
Stop it with: npm stop

Sideload the add-in (manifest: ${manifest}):

  Excel on the web (Microsoft 365, in a browser on this machine):
    Open a workbook, then Home > Add-ins > More Settings > Upload My Add-in (in some versions:
    Insert > Office Add-ins > My Add-ins > Manage My Add-ins > Upload My Add-in), choose
    manifest.xml and Upload. The browser must trust the development certificate: trust
    ~/.office-addin-dev-certs/ca.crt in the browser, or open https://localhost:${PORT}/taskpane.html
    once and accept the warning.

  Excel on Windows (shared-folder catalog):
    Put manifest.xml in a folder and share it (folder Properties > Sharing > Share). In Excel:
    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs: enter the
    share's network path (\\\\MACHINE\\share) as the Catalog Url, Add catalog, tick Show in Menu, OK.
    Restart Excel, then Home > Add-ins > More Add-ins > SHARED FOLDER > Care Trust Calculator > Add.
    \`npx office-addin-dev-certs install\` trusts the development certificate on Windows.

  Excel on Mac:
    Copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create the
    folder if needed), restart Excel, then Home > Add-ins and choose Care Trust Calculator under
    Developer Add-ins. \`npx office-addin-dev-certs install\` trusts the development certificate on macOS.

After sideloading, the functions are under =CARETRUST. and the Care Trust Calculator button is on the Home tab.
${protocol === "http" ? "\nWARNING: the server is on plain http, so Office will not load the add-in (the manifest names https). See the server log.\n" : ""}`;
}

async function main() {
  const existing = readPid();
  if (existing && isRunning(existing) && isDevServer(existing)) {
    console.log(`The development server is already running (process ${existing}).`);
    const protocol = await probe();
    if (protocol) console.log(sideloadInstructions(protocol));
    return;
  }
  if (await portInUse(PORT)) {
    console.error(`Port ${PORT} is already in use by another program. Stop it (the manifest names https://localhost:${PORT}/), then run npm start again.`);
    process.exitCode = 1;
    return;
  }

  fs.mkdirSync(STATE_DIR, { recursive: true });
  const log = fs.openSync(LOG_FILE, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true, // its own process group, so npm stop can end it and anything it started
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  child.unref();
  console.log(`Starting the development server (process ${child.pid}); log in ${LOG_FILE} ...`);

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      fs.rmSync(PID_FILE, { force: true });
      console.error(`The development server stopped (exit code ${exited.code}, signal ${exited.signal}). Last lines of the log:\n${tail(LOG_FILE, 40)}`);
      process.exitCode = 1;
      return;
    }
    const protocol = await probe();
    if (protocol) {
      console.log(sideloadInstructions(protocol));
      const errors = fs.readFileSync(LOG_FILE, "utf8").split("\n").filter((l) => /^ERROR\b/.test(l));
      if (errors.length > 0) {
        console.warn(`WARNING: the build has errors, so some files may be missing or stale (full text in the log):\n${errors.slice(0, 10).join("\n")}`);
      }
      return;
    }
    if (Date.now() > deadline) {
      console.error(`The development server did not answer within ${START_TIMEOUT_MS / 1000} s. It is still running (process ${child.pid}); see ${LOG_FILE}, or npm stop.`);
      process.exitCode = 1;
      return;
    }
    await sleep(1000);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
