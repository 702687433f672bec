/**
 * The stand-in for office.js in the Chromium test: a script served at the Office CDN URL that
 * defines `Office` (onReady, context.requirements), `CustomFunctions` (associate, for the shared
 * runtime's functions bundle) and `Excel.run` over the recording fake of src/testSupport/recordingExcel.ts,
 * whose workbook holds a staff table. The fake and the staff fixture are TypeScript with no
 * imports: they are transpiled here (in memory, not built into dist/) and wrapped for the page.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

function transpile(file: string): string {
  const source = fs.readFileSync(path.join(__dirname, "..", "..", file), "utf8");
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
}

export const EVIL_NAME_BAD_ROW = "<img src=x onerror=alert(1)>";
export const EVIL_NAME_GOOD_ROW = "<img src=x onerror=alert(2)>";

/** The script body. The page reads back `window.__fake` (the workbook) and `window.__associated`; `window.__staffTable(n)` makes a staff table of n rows. */
export function standInScript(): string {
  return `
(function () {
  "use strict";
  var fakeModule = { exports: {} };
  (function (exports, module) {
${transpile("src/testSupport/recordingExcel.ts")}
  })(fakeModule.exports, fakeModule);
  var staffModule = { exports: {} };
  (function (exports, module) {
${transpile("tests/excel/staffFixtures.ts")}
  })(staffModule.exports, staffModule);

  var FakeExcel = fakeModule.exports.FakeExcel;
  var staff = staffModule.exports;
  var fake = new FakeExcel();
  var wb = fake.workbook;

  // The user's workbook: a notes sheet, a staff list as a table at B4 (header on row 4), and a second table.
  wb.addSheet("Notes");
  var table = staff.staffTable(24);
  var nameCol = staff.STAFF_HEADER.indexOf("Name");
  var fteCol = staff.STAFF_HEADER.indexOf("FTE");
  table[3][nameCol] = ${JSON.stringify(EVIL_NAME_BAD_ROW)};
  table[3][fteCol] = "abc";                       // the bad row: worksheet row 4 + 3 = 7
  table[5][nameCol] = ${JSON.stringify(EVIL_NAME_GOOD_ROW)};
  wb.seedTable("Staff", "StaffList", "B4", table);
  wb.seedTable("Pool", "Partners", "A1", [["Partner", "Contribution"], ["Northshire NHS Trust", 500000], ["Northshire County Council", 300000]]);
  wb.selection = { sheet: "Staff", address: "C6" };
  wb.active = wb.sheets[0];

  window.__fake = fake;
  window.__staffTable = staff.staffTable;          // for a test that adds a large table
  window.__associated = [];
  window.Excel = { run: function (batch) { return fake.run(batch); } };
  window.CustomFunctions = {
    associate: function (id) { window.__associated.push(id); },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" }
  };
  var ready = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    // officeTheme: what a test put in window.__standInTheme before the page loaded (Excel on the web gives none).
    context: { requirements: { isSetSupported: function () { return true; } }, get officeTheme() { return window.__standInTheme; } },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () { if (callback) callback(ready); resolve(ready); }, 0);
      });
    }
  };
})();
`;
}
