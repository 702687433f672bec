/**
 * The worked examples in docs/functions/*.md (the help page of each custom function) are checked
 * against the functions themselves, so a page can never show a figure the add-in does not give.
 *
 * 1. Every function in the built dist/functions.json has a page, docs/functions/<ID>.md.
 *
 * 2. The convention for a checked example. Inside a fenced code block (``` or ~~~), a formula line
 *    is followed by its result on a line that starts with "→" (blank lines between are allowed):
 *
 *        ```
 *        =CARETRUST.SALARY("AFC", 6, 2, "2025/26")
 *        → 40823
 *
 *        =CARETRUST.COSTBREAKDOWN(31049, "NHS", "2025/26")
 *        → {31049,3907.35,7383.45,155.25,42495.05}
 *        ```
 *
 *    - The formula is exactly `=CARETRUST.NAME(arguments)`, on one line.
 *    - It is evaluated when every argument is a literal, written as in Excel: a number (-30000,
 *      0.195; no thousands separators), "text" ("" for a quote inside), TRUE/FALSE, an array
 *      constant such as {500000;300000;200000} (comma = next column, semicolon = next row), or
 *      left empty (`1050000, , , {20000;0}`: an omitted argument, which Excel passes as null).
 *    - The result is a literal in the same notation: a number as Excel holds it (45735.90 or
 *      45735.9, no separators), "text", an array constant for a spilled result (it may run on
 *      over the following lines until a blank line), or an Excel error (#N/A or #VALUE!)
 *      when the function answers with that error.
 *    - A formula with any other argument (a cell reference such as B2:B4, a nested function, an
 *      operator) is an illustration: it is not evaluated and must not carry a "→" result, since
 *      nothing would check it. Formulas outside fenced blocks (inline `code`, tables) are prose.
 *
 *    The function is called as Excel calls it, through the FUNCTIONS registry (what the command
 *    line and Excel run): a literal given where functions.json declares a range is passed as a
 *    1 × 1 range ([[x]]); an array constant where it declares a single value is refused (Excel
 *    would not pass it as a range); omitted and trailing optional arguments are null. Numbers are
 *    compared exactly: the figures are pennies, so the page must give the figure Excel shows.
 *
 * The figures on the pages are worked by hand from the published rates in src/data/ (each page
 * writes out its arithmetic); this test checks the hand working against the code.
 */
import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../src/functions/registry";
import { readFunctionsJson, ROOT, type FunctionMetadata } from "../build/helpers";

const DOCS_DIR = path.join(ROOT, "docs", "functions");

/**
 * Pages written before this convention, whose literal formulas state their result in prose rather
 * than on a "→" line. Their formulas are listed as todo here until their author adds the "→"
 * lines; a page leaves this list as soon as none of its literal formulas lacks a result.
 */
const NOT_YET_CONVERTED = new Set<string>([]);

// ---- literals --------------------------------------------------------------------------------

interface ExcelErrorValue {
  error: string;
}
type Scalar = number | string | boolean | ExcelErrorValue;
type Literal = Scalar | Scalar[][] | null; // null: an omitted argument

const NOT_LITERAL = Symbol("not a literal");
const ERROR_LITERAL = /^#(N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|BUSY!)$/i;
const NUMBER_LITERAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Splits text at a separator that is outside "strings" and {braces}. */
function splitTopLevel(text: string, separators: string): string[] | typeof NOT_LITERAL {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      current += ch;
      if (ch === '"') {
        if (text[i + 1] === '"') current += text[++i];
        else inString = false;
      }
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "(") depth++;
    else if (ch === "}" || ch === ")") depth--;
    if (depth < 0) return NOT_LITERAL;
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  if (inString || depth !== 0) return NOT_LITERAL;
  parts.push(current);
  return parts;
}

function parseScalar(text: string): Scalar | typeof NOT_LITERAL {
  const t = text.trim();
  if (NUMBER_LITERAL.test(t)) return Number(t);
  if (/^"(?:[^"]|"")*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  if (ERROR_LITERAL.test(t)) return { error: t.toUpperCase() };
  return NOT_LITERAL;
}

/** An Excel array constant, {1,2;3,4}, as rows of cells. */
function parseArray(text: string): Scalar[][] | typeof NOT_LITERAL {
  const t = text.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return NOT_LITERAL;
  const rows = splitTopLevel(t.slice(1, -1), ";");
  if (rows === NOT_LITERAL) return NOT_LITERAL;
  const out: Scalar[][] = [];
  for (const row of rows) {
    const cells = splitTopLevel(row, ",");
    if (cells === NOT_LITERAL) return NOT_LITERAL;
    const values = cells.map(parseScalar);
    if (values.some((v) => v === NOT_LITERAL)) return NOT_LITERAL;
    out.push(values as Scalar[]);
  }
  if (!out.every((r) => r.length === out[0].length)) return NOT_LITERAL; // Excel refuses ragged constants
  return out;
}

function parseLiteral(text: string): Literal | typeof NOT_LITERAL {
  const t = text.trim();
  if (t === "") return null;
  return t.startsWith("{") ? parseArray(t) : parseScalar(t);
}

// ---- the examples in the docs ----------------------------------------------------------------

interface Example {
  file: string;
  /** 1-based line of the formula in the file. */
  line: number;
  formula: string;
  name: string;
  /** The arguments, or null when one is not a literal (an illustration). */
  args: Literal[] | null;
  /** The text after "→", or null when none follows. */
  result: string | null;
  resultLine: number | null;
}

interface PageProblems {
  examples: Example[];
  problems: string[];
}

const FORMULA = /^=CARETRUST\.([A-Za-z][A-Za-z0-9.]*)\((.*)\)$/;

function readExamples(file: string): PageProblems {
  const lines = fs.readFileSync(path.join(DOCS_DIR, file), "utf8").replace(/\r\n?/g, "\n").split("\n");
  const examples: Example[] = [];
  const problems: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const fence = /^\s*(```|~~~)/.exec(lines[i]);
    if (!fence) {
      i++;
      continue;
    }
    // The block's lines, with their 1-based line numbers.
    const block: { text: string; n: number }[] = [];
    i++;
    while (i < lines.length && !new RegExp(`^\\s*${fence[1]}\\s*$`).test(lines[i])) {
      block.push({ text: lines[i], n: i + 1 });
      i++;
    }
    i++; // closing fence
    let k = 0;
    while (k < block.length) {
      const text = block[k].text.trim();
      if (text.startsWith("→")) {
        problems.push(`${file}:${block[k].n}: a "→" result with no formula before it`);
        k++;
        continue;
      }
      if (!text.toUpperCase().startsWith("=CARETRUST.")) {
        k++;
        continue;
      }
      const formulaLine = block[k].n;
      const m = FORMULA.exec(text);
      let args: Literal[] | null = null;
      if (m) {
        const pieces = m[2].trim() === "" ? [] : splitTopLevel(m[2], ",");
        if (pieces !== NOT_LITERAL) {
          const parsed = pieces.map(parseLiteral);
          args = parsed.some((a) => a === NOT_LITERAL) ? null : (parsed as Literal[]);
        }
      }
      k++;
      while (k < block.length && block[k].text.trim() === "") k++;
      let result: string | null = null;
      let resultLine: number | null = null;
      if (k < block.length && block[k].text.trim().startsWith("→")) {
        resultLine = block[k].n;
        const parts = [block[k].text.trim().slice(1)];
        k++;
        while (k < block.length && block[k].text.trim() !== "" && !/^(=|→)/.test(block[k].text.trim())) parts.push(block[k++].text.trim());
        result = parts.join("").trim();
      }
      examples.push({ file, line: formulaLine, formula: text, name: m ? m[1].toUpperCase() : "", args, result, resultLine });
    }
  }
  return { examples, problems };
}

// ---- calling a function as Excel does --------------------------------------------------------

function isExcelError(e: unknown): e is { code: string; message?: string } {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" && (e as { code: string }).code.startsWith("#");
}

/** A value as the page would write it: numbers, text, booleans, {error} for an Excel error, rows of cells. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (isExcelError(value)) return { error: value.code };
  if (typeof value === "number" && Object.is(value, -0)) return 0; // Excel shows -0 as 0
  return value;
}

function evaluate(example: Example, meta: FunctionMetadata): unknown {
  const fn = FUNCTIONS.get(example.name);
  if (!fn) throw new Error(`${example.name} is in functions.json but not in the FUNCTIONS registry`);
  const params = meta.parameters ?? [];
  const given = example.args ?? [];
  if (given.length > params.length) throw new Error(`${example.name} takes at most ${params.length} arguments; the example gives ${given.length}`);
  const required = params.filter((p) => !p.optional).length;
  if (given.length < required) throw new Error(`${example.name} needs at least ${required} arguments; the example gives ${given.length}`);
  const args = params.map((p, i) => {
    const a = i < given.length ? given[i] : null;
    if (a === null) return null;
    const isRange = Array.isArray(a);
    if (p.dimensionality === "matrix") return isRange ? a : [[a]];
    if (isRange)
      throw new Error(
        `argument ${i + 1} (${p.name}) of ${example.name} is declared a single value, so Excel would not pass the array constant to it as a range`,
      );
    return a;
  });
  try {
    return normalise(fn(...args));
  } catch (e) {
    if (isExcelError(e)) return { error: e.code, message: e.message };
    throw e;
  }
}

// ---- the tests -------------------------------------------------------------------------------

const functions = readFunctionsJson().functions;
const byName = new Map(functions.map((f) => [f.name.toUpperCase(), f]));
const docFiles = fs.existsSync(DOCS_DIR) ? fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith(".md")).sort() : [];
const pages = docFiles.map((file) => ({ file, ...readExamples(file) }));

describe("the example notation", () => {
  test("array constants: a comma is the next column, a semicolon the next row", () => {
    expect(parseLiteral("{1,2;3,4}")).toEqual([[1, 2], [3, 4]]);
    expect(parseLiteral("{500000;300000}")).toEqual([[500000], [300000]]);
    expect(parseLiteral('{"ICB","a ""quoted"", name";-0.5,TRUE}')).toEqual([["ICB", 'a "quoted", name'], [-0.5, true]]);
  });
  test("numbers, text, errors and an empty argument", () => {
    expect(parseLiteral(" 45735.90 ")).toBe(45735.9);
    expect(parseLiteral('"2025/26"')).toBe("2025/26");
    expect(parseLiteral("#n/a")).toEqual({ error: "#N/A" });
    expect(parseLiteral("  ")).toBeNull();
  });
  test("cell references, names, operators, thousands separators and ragged arrays are not literals", () => {
    for (const t of ["B2:B4", "A1", "FULL", "40823*0.6", "SUM(1,2)", "{1,2;3}", "{B2}", "{}"]) expect(parseLiteral(t)).toBe(NOT_LITERAL);
    expect(splitTopLevel('1, "a,b", {1,2;3,4}, , x', ",")).toEqual(["1", ' "a,b"', " {1,2;3,4}", " ", " x"]);
  });
});

describe("docs/functions: a help page for every custom function", () => {
  test("every function in dist/functions.json has docs/functions/<ID>.md", () => {
    const missing = functions.map((f) => `${f.id}.md`).filter((f) => !docFiles.includes(f));
    expect(missing).toEqual([]);
  });
});

describe.each(pages)("docs/functions/$file", ({ file, examples, problems }) => {
  test("its examples follow the convention", () => {
    const found = [...problems];
    for (const ex of examples) {
      const where = `${file}:${ex.line}: ${ex.formula}`;
      if (!ex.name) found.push(`${where}: not of the form =CARETRUST.NAME(arguments)`);
      else if (!byName.has(ex.name)) found.push(`${where}: no function CARETRUST.${ex.name} in functions.json`);
      if (ex.args === null && ex.result !== null)
        found.push(`${where}: has a "→" result, but its arguments are not all literals, so nothing checks it`);
      if (ex.args !== null && ex.result === null && !NOT_YET_CONVERTED.has(file))
        found.push(`${where}: its arguments are all literals: state its result on the next line, "→ value"`);
      if (ex.result !== null && parseLiteral(ex.result) === NOT_LITERAL)
        found.push(`${file}:${ex.resultLine}: "→ ${ex.result}" is not a literal (a number without separators, "text", {array constant} or #ERROR)`);
    }
    expect(found).toEqual([]);
  });

  if (NOT_YET_CONVERTED.has(file)) {
    const unconverted = examples.filter((ex) => ex.args !== null && ex.result === null);
    test(`is still to be converted (else remove ${file} from NOT_YET_CONVERTED)`, () => expect(unconverted.length).toBeGreaterThan(0));
    for (const ex of unconverted) test.todo(`${file}:${ex.line}: state the result of ${ex.formula}`);
  }

  const checked = examples.filter((ex) => ex.args !== null && ex.result !== null && byName.has(ex.name));
  if (checked.length > 0) {
    test.each(checked.map((ex) => [`${file}:${ex.line}: ${ex.formula.length > 90 ? `${ex.formula.slice(0, 87)}...` : ex.formula}`, ex]))(
      "%s",
      (_title, ex) => {
        const example = ex as Example;
        const expected = parseLiteral(example.result as string);
        const actual = evaluate(example, byName.get(example.name) as FunctionMetadata);
        if (actual && typeof actual === "object" && "error" in actual && !(expected && typeof expected === "object" && "error" in expected)) {
          // Show the function's message, which says what is wrong with the example.
          throw new Error(`${example.formula} gave ${(actual as ExcelErrorValue).error}: ${(actual as { message?: string }).message}`);
        }
        const got = actual && typeof actual === "object" && "error" in actual ? { error: (actual as ExcelErrorValue).error } : actual;
        // A single value written for a 1 × 1 spilled result is that value, as Excel shows it.
        const unwrapped = Array.isArray(got) && got.length === 1 && Array.isArray(got[0]) && got[0].length === 1 && !Array.isArray(expected) ? got[0][0] : got;
        expect(unwrapped).toEqual(expected);
      },
    );
  }
});
