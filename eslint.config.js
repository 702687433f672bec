// ESLint flat config: TypeScript rules, and the layering of DESIGN.md enforced as import rules.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

const pureLayers = ["src/data/**/*.ts", "src/engine/**/*.ts", "src/report/**/*.ts", "src/sheets/**/*.ts"];
const impureModules = [
  { name: "exceljs", message: "The pure layers (data, engine, report, sheets) must not import ExcelJS: rendering belongs in src/xlsx." },
  { name: "fs", message: "The pure layers must not touch the file system." },
  { name: "node:fs", message: "The pure layers must not touch the file system." },
  { name: "path", message: "The pure layers must not touch the file system." },
  { name: "jszip", message: "Zip handling belongs in src/xlsx." },
];

module.exports = tseslint.config(
  { ignores: ["dist/**", "lib/**", "out/**", "node_modules/**", "coverage/**", "assets/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: pureLayers,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: impureModules,
          patterns: [
            { group: ["**/excel/**", "**/xlsx/**", "**/functions/**", "**/taskpane/**", "**/cli/**"], message: "Imports run one way: adapters use the engine, never the reverse (DESIGN.md)." },
            { group: ["**/testSupport/**"], message: "The recording fake of Excel is for the tests and the benchmark only." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "No Office.js in the pure layers." }, { name: "Excel", message: "No Office.js in the pure layers." }, { name: "document", message: "No DOM in the pure layers." }, { name: "window", message: "No DOM in the pure layers." }, { name: "fetch", message: "Nothing leaves the workbook." }],
    },
  },
  {
    // The two renderers share only the sheet-plan layer (src/sheets): neither imports the other.
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/excel/**"], message: "The .xlsx renderer shares only src/sheets with the Office.js renderer (palette, references)." },
            { group: ["**/testSupport/**"], message: "The recording fake of Excel is for the tests and the benchmark only." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.ts", "src/cli/**/*.ts", "src/intake/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/testSupport/**"], message: "The recording fake of Excel is for the tests and the benchmark only." },
          ],
        },
      ],
    },
  },
);
