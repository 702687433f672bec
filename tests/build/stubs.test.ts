/**
 * tests/stubs/office-addin-manifest.js stands in for office-addin-manifest under jest, so that
 * office-addin-mock loads. Its OfficeApp values must stay those of the real package.
 */
import * as fs from "fs";
import * as path from "path";
import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import { ROOT } from "./helpers";

describe("office-addin-manifest stub", () => {
  test("has the real package's OfficeApp values", () => {
    const realSource = fs.readFileSync(path.join(ROOT, "node_modules", "office-addin-manifest", "lib", "officeApp.js"), "utf8");
    const real = Object.fromEntries([...realSource.matchAll(/OfficeApp\["(\w+)"\] = "(\w+)"/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(real).length).toBeGreaterThan(0);
    expect({ ...OfficeApp }).toEqual(real);
  });

  test("office-addin-mock loads under jest and checks load/sync discipline", async () => {
    const context = new OfficeMockObject({ workbook: { range: { address: "C2:G3" }, getSelectedRange() { return this.range; } } });
    const range = (context as any).workbook.getSelectedRange();
    expect(range.address).toBe("Error, property was not loaded");
    range.load("address");
    await (context as any).sync();
    expect(range.address).toBe("C2:G3");
  });
});
