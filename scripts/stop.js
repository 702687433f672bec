#!/usr/bin/env node
/**
 * `npm stop`: stops the development server that `npm start` started, by the process id it
 * recorded (and only that process and what it started).
 */
"use strict";

const fs = require("fs");
const { spawnSync } = require("child_process");
const { setTimeout: sleep } = require("timers/promises");
const { PID_FILE, readPid, isRunning, isDevServer } = require("./common/dev-server-state");

async function main() {
  const pid = readPid();
  if (!pid) {
    console.log("No development server recorded by npm start: nothing to stop.");
    return;
  }
  if (!isRunning(pid) || !isDevServer(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log(`The recorded development server (process ${pid}) is no longer running.`);
    return;
  }

  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    // npm start made it a process-group leader: signal the group (it and anything it started).
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
  }
  const deadline = Date.now() + 5000;
  while (isRunning(pid) && Date.now() < deadline) await sleep(100);
  if (isRunning(pid) && process.platform !== "win32") {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      process.kill(pid, "SIGKILL");
    }
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Stopped the development server (process ${pid}).`);
  console.log(
    "The add-in stays sideloaded: on the web, clear the browser's cache to remove it; on Windows, remove manifest.xml from the shared catalog folder; on Mac, delete it from the wef folder.",
  );
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
