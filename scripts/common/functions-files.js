"use strict";
/**
 * The custom-function source files: every src/functions/*.ts with a JSDoc @customfunction tag,
 * sorted by name. The webpack build uses this one list both as the `functions` entry and as the
 * input of CustomFunctionsMetadataPlugin, so a new file of functions is picked up by the next build
 * (restart `npm start` to pick it up in the development server).
 */
const fs = require("fs");
const path = require("path");

const DEFAULT_DIR = path.resolve(__dirname, "..", "..", "src", "functions");
const TAG = /^\s*(\/\*\*|\*)\s*@customfunction\b/m;

/** @returns {string[]} absolute paths */
function customFunctionFiles(dir = DEFAULT_DIR) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !/\.(test|spec)\.ts$/.test(f))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && TAG.test(fs.readFileSync(f, "utf8")));
}

module.exports = { customFunctionFiles, DEFAULT_DIR };
