"use strict";
/**
 * Writes lib/functions.json: the custom functions' metadata (names, descriptions, parameters), made
 * by the same generator as the add-in's dist/functions.json, for `caretrust fn --help` and the
 * command line's argument count check. Run by `npm run build:cli` (and `prepare`) after tsc.
 */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { customFunctionFiles } = require("./common/functions-files");

(async () => {
  const r = await generateCustomFunctionsMetadata(customFunctionFiles(), false);
  if (r.errors && r.errors.length) {
    console.error(`cli-metadata: ${r.errors.join("\n")}`);
    process.exit(1);
  }
  const out = path.resolve(__dirname, "..", "lib", "functions.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, r.metadataJson);
})();
