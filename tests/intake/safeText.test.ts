import { escapeControls, showValue } from "../../src/intake/safeText";

describe("text from the input, safe on a terminal", () => {
  it("shows ESC, NUL, BEL, CR, newline, DEL, C1 and bidi overrides escaped, and leaves other text alone", () => {
    expect(escapeControls("Rosa\u001b[31m red\u0000\u0007")).toBe("Rosa\\u001b[31m red\\u0000\\u0007");
    expect(escapeControls("a\rb\nc\td\u007f\u009b")).toBe("a\\u000db\\u000ac\\u0009d\\u007f\\u009b");
    expect(escapeControls("pay\u202e0001")).toBe("pay\\u202e0001");
    expect(escapeControls("Zoë £1,200 — 東京 😀")).toBe("Zoë £1,200 — 東京 😀");
    expect(escapeControls("lone \ud800 surrogate")).toBe("lone \\ud800 surrogate");
  });

  it("cuts a long value, saying how much was left out", () => {
    expect(showValue("x".repeat(131072))).toBe(`${"x".repeat(200)}… (130,872 more characters)`);
    expect(showValue("short")).toBe("short");
    expect(showValue(12.5)).toBe("12.5");
  });
});
