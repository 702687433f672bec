import { parseFinancialYear } from "../../src/engine/years";

describe("parseFinancialYear reads years as users type them", () => {
  test.each<[unknown, string]>([
    ["2025/26", "2025/26"],
    ["2025-26", "2025/26"],
    ["2025/2026", "2025/26"],
    [" 2025 / 26 ", "2025/26"],
    [2025, "2025/26"],
    ["2025", "2025/26"],
    ["1999/00", "1999/00"],
    // Excel serials: 45748 = 1 April 2025 (first day of 2025/26); 45747 = 31 March 2025 (last of 2024/25).
    [45748, "2025/26"],
    [45747, "2024/25"],
    [45747.75, "2024/25"],
  ])("%p -> %s", (input, label) => expect(parseFinancialYear(input)?.label).toBe(label));

  test("omitted means the default year (null)", () => {
    expect(parseFinancialYear(null)).toBeNull();
    expect(parseFinancialYear("")).toBeNull();
  });

  test.each<[unknown, RegExp]>([
    ["2025/27", /second year must follow the first/],
    ["next year", /not a financial year/],
    [12, /not a year/],
    [true, /not TRUE or FALSE/],
    [Number.NaN, /must be a number/],
  ])("%p is refused with a message", (input, message) => expect(() => parseFinancialYear(input)).toThrow(message));
});
