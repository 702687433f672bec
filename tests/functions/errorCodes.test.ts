/**
 * Every error a custom function raises keeps its message in Excel: Excel shows a custom function's
 * error message only for #VALUE! and #N/A (docs/development.md, "Errors"). The fuzz tests over the
 * registry (tests/properties) check what the functions raise; this checks the one mapping and that
 * no function module picks another code by hand.
 */
import fs from "fs";
import path from "path";
import { CODES_WITH_MESSAGES, toExcelError } from "../../src/functions/excelErrors";
import { EngineError, type EngineErrorKind } from "../../src/engine/errors";

const KINDS: Record<EngineErrorKind, string> = { value: "#VALUE!", notAvailable: "#N/A", number: "#VALUE!" };

test("the codes whose message Excel shows are #VALUE! and #N/A", () => {
  expect([...CODES_WITH_MESSAGES].sort()).toEqual(["#N/A", "#VALUE!"]);
});

test.each(Object.entries(KINDS))("an engine error of kind %s is %s, with its message", (kind, code) => {
  const e = toExcelError(new EngineError(kind as EngineErrorKind, "Band 6 has steps 1 to 3 in 2025/26; got step 4."));
  expect(e.code).toBe(code);
  expect(CODES_WITH_MESSAGES).toContain(e.code);
  expect(e.message).toBe("Band 6 has steps 1 to 3 in 2025/26; got step 4.");
});

test("a bug is #VALUE! with its message, not an exception", () => {
  const e = toExcelError(new TypeError("x is undefined"));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("Unexpected problem: x is undefined");
});

test("no module of src/functions names an error code other than invalidValue or notAvailable", () => {
  const dir = path.join(__dirname, "..", "..", "src", "functions");
  const offenders: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "runtime.ts")) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/ErrorCode\.(\w+)/g)) if (!["invalidValue", "notAvailable"].includes(m[1])) offenders.push(`${file}: ErrorCode.${m[1]}`);
    for (const m of text.matchAll(/new CustomFunctions\.Error\(\s*["']([^"']+)["']/g)) if (!CODES_WITH_MESSAGES.includes(m[1])) offenders.push(`${file}: "${m[1]}"`);
  }
  expect(offenders).toEqual([]);
});
