#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (built by `npm run build:cli`, and by `prepare` on `npm ci`).
let cli;
try {
  cli = require("../lib/cli/commands.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli/.test(String(e.message))) {
    console.error("caretrust: the command line is not built yet. Run `npm run build:cli` (or `npm ci`) first.");
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`caretrust: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
