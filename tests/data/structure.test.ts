import * as data from "../../src/data";
import { ALL_TABLES, DATA_VERSION } from "../../src/data";
import { entriesOf, isSourced, leaves } from "./helpers";

const PROVENANCES = ["official", "secondary", "derived"];
const DECIMAL = /^\d+(\.\d+)?$/;
/** Keys whose values are fractions (rates), not money. */
const RATE_KEYS = new Set(["rate", "main", "fiftyFifty", "full", "local", "levy", "nightsAndSaturdays", "sundaysAndPublicHolidays"]);
/** Council enhancement rates (time plus the rate): a decimal or an exact ratio such as "1/3", from 0 to 3. */
const ENHANCEMENT_KEYS = new Set(["nights", "saturdays", "sundays", "publicHolidays"]);
const RATIO = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/;

describe("every table", () => {
  test("DATA_VERSION is an ISO date", () => {
    expect(DATA_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("ALL_TABLES lists every table exported from src/data exactly once", () => {
    const ids = ALL_TABLES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const exportedTables = Object.entries(data)
      .filter(([, v]) => typeof v === "object" && v !== null && !Array.isArray(v))
      .filter(([, v]) => isSourced(v) || Object.values(v as object).some(isSourced))
      .map(([k]) => k)
      .sort();
    expect([...ids].sort()).toEqual(exportedTables);
    for (const t of ALL_TABLES) expect(t.table).toBe((data as Record<string, unknown>)[t.id]);
  });

  describe.each(ALL_TABLES.map((t) => [t.id, t] as const))("%s", (_id, { title, table }) => {
    test("has a title", () => expect(title.length).toBeGreaterThan(5));

    test("is keyed by consecutive financial years '2023/24', ... (or is a single sourced entry)", () => {
      if (isSourced(table)) return;
      const years = Object.keys(table).sort();
      for (const y of years) expect(y).toMatch(/^(\d{4})\/(\d{2})$/);
      for (const y of years) expect(Number(y.slice(5))).toBe((Number(y.slice(0, 4)) + 1) % 100);
      expect(years[0] >= "2023/24").toBe(true);
    });

    test("every entry has a provenance and at least one source with a publisher, title and http(s) url", () => {
      for (const [, entry] of entriesOf(table)) {
        expect(PROVENANCES).toContain(entry.provenance);
        expect(entry.sources.length).toBeGreaterThan(0);
        for (const s of entry.sources) {
          expect(s.publisher.length).toBeGreaterThan(0);
          expect(s.title.length).toBeGreaterThan(0);
          expect(s.url).toMatch(/^https?:\/\/[^\s]+$/);
        }
      }
    });

    test("every entry that is not plainly official, or holds a null, has a note", () => {
      for (const [, entry] of entriesOf(table)) {
        const hasNull = leaves(entry.value).some((l) => l.leaf === null);
        if (entry.provenance !== "official" || hasNull) expect((entry.note ?? "").length).toBeGreaterThan(20);
      }
    });

    test("every figure is a string of a plain decimal number (or null), and rates lie between 0 and 1", () => {
      for (const [, entry] of entriesOf(table)) {
        for (const { path, leaf } of leaves(entry.value)) {
          if (leaf === null) continue;
          const key = path.split(".").pop() ?? "";
          if (ENHANCEMENT_KEYS.has(key)) {
            const m = RATIO.exec(String(leaf));
            expect(`${path}=${leaf}`).toMatch(/=\d+(\.\d+)?(\/[1-9]\d*)?$/);
            const value = Number(m![1]) / Number(m![2] ?? 1);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(3);
            continue;
          }
          expect(`${path}=${leaf}`).toMatch(new RegExp(`=${DECIMAL.source.slice(1)}`));
          if (RATE_KEYS.has(key)) {
            expect(Number(leaf)).toBeGreaterThanOrEqual(0);
            expect(Number(leaf)).toBeLessThan(1);
          }
        }
      }
    });
  });
});
