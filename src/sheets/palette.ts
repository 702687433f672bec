/**
 * The colours of chart series when a plan gives none (ChartBlock.colors), in order: NHS blue,
 * council teal, then greys, an amber, a purple and a pink, distinguishable in greyscale print too.
 * Both renderers use this list (src/excel/applyPlan.ts, src/xlsx/charts.ts), so a chart has the
 * same colours in the workbook and in the .xlsx. Self-contained: no imports.
 */
export const CHART_COLORS: readonly string[] = ["#005EB8", "#00A499", "#768692", "#ED8B00", "#330072", "#AE2573"];
