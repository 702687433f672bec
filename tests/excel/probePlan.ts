/**
 * A small workbook plan that sets every field of the plan types (src/sheets/plan.ts), and every
 * value of each union of literals, with values distinct enough to find in what a renderer wrote.
 * tests/excel/parity.test.ts renders it with both renderers and checks each field in both; it
 * also checks that this plan still sets every field, so a new field must be added here too.
 */
import { NUMBER_FORMATS, type WorkbookPlan } from "../../src/sheets/plan";

export const PROBE_MONEY = NUMBER_FORMATS.money;
export const PROBE_AXIS_FORMAT = NUMBER_FORMATS.moneyWhole;

export function probePlan(): WorkbookPlan {
  return {
    properties: { title: "Probe pack", version: "9.8.7", created: "2026-01-02" },
    sheets: [
      {
        key: "probe",
        name: "Probe",
        blocks: [
          // A1: every cell style at once (centred)
          {
            kind: "range",
            row: 0,
            col: 0,
            values: [["Probe title"]],
            style: { bold: true, italic: true, fontSize: 14, fontColor: "#112233", fill: "#DDEEFF", wrap: true, horizontalAlignment: "center", borderTop: true, borderBottom: true },
          },
          // A2 left, B2 right
          { kind: "range", row: 1, col: 0, values: [["Left"]], style: { horizontalAlignment: "left" } },
          { kind: "range", row: 1, col: 1, values: [["Right"]], style: { horizontalAlignment: "right" } },
          // Row 3: text that looks like a formula, a number (block format), a number (column format), a boolean, an empty cell, formulas
          {
            kind: "range",
            row: 2,
            col: 0,
            values: [["=not a formula", 1234.5, 0.25, true, null, { formula: "SUM(B3:C3)", result: 1234.75 }, { formula: "{sheet:second}!B2*2", result: 2 }]],
            style: { numberFormat: PROBE_MONEY },
            columnFormats: [null, null, NUMBER_FORMATS.percent],
          },
          // A5:C8: a table with a header row, two data rows and a totals row of each kind
          {
            kind: "table",
            name: "ProbeTable",
            row: 4,
            col: 0,
            columns: [
              { header: "Name", numberFormat: NUMBER_FORMATS.text, total: "Total" },
              { header: "Amount", numberFormat: PROBE_MONEY, total: "sum" },
              { header: "Share", numberFormat: NUMBER_FORMATS.percent, total: { formula: "IF(B8=0,0,B6/B8)", result: 100 / 300 }, wrap: true },
            ],
            rows: [
              ["Ann", 100, 0.5],
              ["=Bob", 200, 0.25],
            ],
            showTotals: true,
            style: "TableStyleLight9",
          },
          // Columns with every option set
          {
            kind: "chart",
            type: "columnClustered",
            title: "Probe columns",
            categories: { row: 5, col: 0, rowCount: 2, colCount: 1 },
            series: [
              { name: "Amount", values: { row: 5, col: 1, rowCount: 2, colCount: 1 } },
              { name: "Share", values: { row: 5, col: 2, rowCount: 2, colCount: 1 } },
            ],
            anchor: { row: 0, col: 8, colSpan: 5, rowSpan: 10 },
            axisNumberFormat: PROBE_AXIS_FORMAT,
            dataLabels: true,
            legend: false,
            colors: ["#FF0000", "#00FF00"],
            axisMin: 0,
          },
          // Bars with no options
          {
            kind: "chart",
            type: "barClustered",
            title: "Probe bars",
            categories: { row: 5, col: 0, rowCount: 2, colCount: 1 },
            series: [{ name: "Amount", values: { row: 5, col: 1, rowCount: 2, colCount: 1 } }],
            anchor: { row: 12, col: 8, colSpan: 5, rowSpan: 10 },
          },
        ],
        columnWidths: [20, 12, 0, 15],
        // rows 5, 6 and 10 at 30 points (two runs), row 12 at 45
        rowHeights: [
          { row: 4, height: 30 },
          { row: 5, height: 30 },
          { row: 9, height: 30 },
          { row: 11, height: 45 },
        ],
        freeze: { rows: 2, columns: 1 },
        // F:G grouped and collapsed
        collapsedColumns: [{ first: 5, last: 6 }],
        print: {
          orientation: "landscape",
          paper: "A4",
          fitToWidth: true,
          repeatRows: { first: 0, last: 1 },
          repeatColumns: { first: 0, last: 0 },
          pageOrder: "overThenDown",
          footer: { left: "MARK & CO", center: "Centre", right: "Page {page} of {pages}" },
          header: { left: "HL", center: "HC", right: "HR" },
        },
        tabColor: "#123456",
      },
      {
        key: "second",
        name: "Second",
        blocks: [
          {
            kind: "range",
            row: 0,
            col: 0,
            values: [
              ["Second sheet", "", ""],
              ["x", 1, 2],
              ["y", 3, 4],
            ],
          },
          // Two series, no options: the legend shows by default, the palette colours the series
          {
            kind: "chart",
            type: "columnClustered",
            title: "Defaults",
            categories: { row: 1, col: 0, rowCount: 2, colCount: 1 },
            series: [
              { name: "One", values: { row: 1, col: 1, rowCount: 2, colCount: 1 } },
              { name: "Two", values: { row: 1, col: 2, rowCount: 2, colCount: 1 } },
            ],
            anchor: { row: 4, col: 0, colSpan: 4, rowSpan: 8 },
          },
        ],
        columnWidths: [10],
        print: { orientation: "portrait", paper: "A4", fitToWidth: false, scale: 75, pageOrder: "downThenOver", footer: { left: "M" } },
      },
    ],
  };
}
