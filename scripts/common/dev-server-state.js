"use strict";
/** Where `npm start` records the development server's process id and log (git-ignored). */
const fs = require("fs");
const path = require("path");

const STATE_DIR = path.resolve(__dirname, "..", "..", "node_modules", ".cache", "caretrust");
const PID_FILE = path.join(STATE_DIR, "dev-server.pid");
const LOG_FILE = path.join(STATE_DIR, "dev-server.log");

/** The recorded process id, or null. */
function readPid() {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/**
 * Whether pid is (still) our webpack dev server and not an unrelated process that reused the id:
 * on Linux, its command line (webpack-cli renames the process "webpack") names webpack and it leads
 * its own process group, as npm start made it. Elsewhere the recorded id is trusted.
 */
function isDevServer(pid) {
  const proc = `/proc/${pid}`;
  if (!fs.existsSync(`${proc}/cmdline`)) return isRunning(pid);
  const cmdline = fs.readFileSync(`${proc}/cmdline`, "utf8");
  // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after ")".
  const stat = fs.readFileSync(`${proc}/stat`, "utf8");
  const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  return /webpack/.test(cmdline) && pgrp === pid;
}

module.exports = { STATE_DIR, PID_FILE, LOG_FILE, readPid, isRunning, isDevServer };
