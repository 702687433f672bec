/**
 * Native Excel charts, written as DrawingML parts into the .xlsx that ExcelJS produced.
 *
 * ExcelJS 4.4 has no chart API, so we add, for each sheet with charts: xl/charts/chartN.xml (a
 * clustered bar or column chart whose series read the sheet's cells, with the cells' values cached
 * in c:strCache / c:numCache so the chart draws where nothing is calculated),
 * xl/drawings/drawingN.xml and its relationships, and the content types; the renderer puts the
 * drawing relationship and the <drawing> element in the worksheet as it writes it. Hand-written
 * DrawingML: LibreOffice renders it (tests/xlsx); not checked in real Excel, which is stricter
 * (docs/board-pack.md).
 */
import JSZip from "jszip";
import { rangeA1, quoteSheetName, type ChartBlock, type CellRange, type Scalar } from "../sheets/plan";
import { CHART_COLORS } from "../sheets/palette";
import { ooxmlText, xmlSafeText } from "./ooxmlText";

export interface SheetCharts {
  /** The worksheet's final name, for the series references. */
  sheetName: string;
  /** 0-based position of the worksheet in the workbook (ExcelJS order). */
  sheetIndex: number;
  charts: ChartBlock[];
  /** What the sheet shows at a 0-based row and column (a formula's saved result): the charts' cached points. */
  shown: (row: number, col: number) => Scalar;
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  relDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  relChart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  ctDrawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  ctChart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};


export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function absRef(sheetName: string, r: CellRange): string {
  const a = rangeA1(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheetName(sheetName)}!${a}`;
}

function hex(color: string): string {
  return color.replace(/^#/, "").toUpperCase();
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(xmlSafeText(text))}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** The cells of a range, row by row. */
function cellsOf(r: CellRange, shown: SheetCharts["shown"]): Scalar[] {
  const out: Scalar[] = [];
  for (let row = r.row; row < r.row + r.rowCount; row++) for (let col = r.col; col < r.col + r.colCount; col++) out.push(shown(row, col));
  return out;
}

/** The categories' cached text (what the cells show; an empty cell is left out, as Excel does). */
function strCache(values: readonly Scalar[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(ooxmlText(String(v)))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

/** A series' cached numbers (a cell that holds no number is left out: the chart shows a gap, as for the cell). */
function numCache(values: readonly Scalar[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part for one ChartBlock; `shown` gives the cells' values for the cached points. */
export function chartXml(chart: ChartBlock, sheetName: string, shown: SheetCharts["shown"]): string {
  const colors = chart.colors && chart.colors.length > 0 ? chart.colors : CHART_COLORS;
  const fmt = xmlEscape(chart.axisNumberFormat ?? "General");
  const legend = chart.legend ?? chart.series.length > 1;
  const series = chart.series
    .map((s, i) => {
      const color = hex(colors[i % colors.length]);
      const labels = chart.dataLabels
        ? `<c:dLbls><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
          `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
          `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
          `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
        : "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(ooxmlText(s.name))}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}` +
        `<c:cat><c:strRef><c:f>${xmlEscape(absRef(sheetName, chart.categories))}</c:f>${strCache(cellsOf(chart.categories, shown))}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(absRef(sheetName, s.values))}</c:f>${numCache(cellsOf(s.values, shown), "General")}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const barDir = chart.type === "barClustered" ? "bar" : "col";
  const catPos = barDir === "col" ? "b" : "l";
  const valPos = barDir === "col" ? "l" : "b";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${barDir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${barDir === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${chart.axisMin !== undefined ? `<c:min val="${chart.axisMin}"/>` : ""}</c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `<c:crossAx val="50010"/><c:crosses val="${barDir === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    (legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function anchorXml(chart: ChartBlock, relId: string, id: number): string {
  const { row, col, colSpan, rowSpan } = chart.anchor;
  const marker = (tag: string, c: number, r: number) =>
    `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", col, row)}${marker("to", col + colSpan, row + rowSpan)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}" descr="${xmlEscape(xmlSafeText(chart.title))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export const RELS = {
  drawing: NS.relDrawing,
  chart: NS.relChart,
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
};

/**
 * Adds the drawing and chart parts for each sheet with charts, and their content types. The k-th
 * sheet with charts gets xl/drawings/drawing{k}.xml: the renderer has already put the reference to
 * it (a relationship and a <drawing> element) in that sheet as it wrote it.
 */
export async function addChartsToZip(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const overrides: string[] = [];
  let chartNo = 0;
  withCharts.forEach((s, k) => {
    const drawingPath = `xl/drawings/drawing${k + 1}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    s.charts.forEach((chart, i) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, s.sheetName, s.shown));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${NS.ctChart}"/>`);
      const relId = `rId${i + 1}`;
      drawingRels.push(`<Relationship Id="${relId}" Type="${NS.relChart}" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(chart, relId, i + 1));
    });
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${k + 1}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${drawingRels.join("")}</Relationships>`,
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${NS.ctDrawing}"/>`);
  });
  await addContentTypes(zip, overrides);
}

/**
 * Asks the application opening the workbook to calculate every formula on load (calcPr
 * fullCalcOnLoad="1"): the saved results are what the engine computed, and a spreadsheet that
 * calculates replaces them with its own. ExcelJS's streaming writer always writes its own calcPr.
 */
export async function requestFullCalcOnLoad(zip: JSZip): Promise<void> {
  const path = "xl/workbook.xml";
  const xml = await zip.file(path)!.async("string");
  const calcPr = /<calcPr\b([^>]*?)\/>/;
  if (!calcPr.test(xml)) throw new Error("[CareTrust] xl/workbook.xml has no calcPr to set (ExcelJS changed?)");
  zip.file(path, xml.replace(calcPr, (_, attrs: string) => `<calcPr${attrs.replace(/\s*fullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"/>`));
}

/** Adds <Override> entries to [Content_Types].xml. */
export async function addContentTypes(zip: JSZip, overrides: readonly string[]): Promise<void> {
  if (overrides.length === 0) return;
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
}
