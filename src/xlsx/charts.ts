/**
 * Native Excel charts, written as DrawingML parts into the .xlsx that ExcelJS produced.
 *
 * ExcelJS 4.4 has no chart API, so after `writeBuffer()` we open the zip (jszip, ExcelJS's own
 * dependency) and add, for each sheet with charts: xl/charts/chartN.xml (a clustered bar or column
 * chart whose series read the sheet's cells, with no cached values), xl/drawings/drawingN.xml and
 * its relationships, a drawing relationship and a <drawing> element in the worksheet, and the
 * content types. Hand-written DrawingML: LibreOffice renders it (tests/xlsx); not checked in real
 * Excel, which is stricter (docs/board-pack.md).
 */
import JSZip from "jszip";
import { rangeA1, quoteSheetName, type ChartBlock, type CellRange } from "../sheets/plan";

export interface SheetCharts {
  /** The worksheet's final name, for the series references. */
  sheetName: string;
  /** 0-based position of the worksheet in the workbook (ExcelJS order). */
  sheetIndex: number;
  charts: ChartBlock[];
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

/** NHS blue, council teal, then greys and an amber: distinguishable in greyscale print too. */
const DEFAULT_COLORS = ["#005EB8", "#00A499", "#768692", "#ED8B00", "#330072", "#AE2573"];

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
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** The chart part for one ChartBlock. */
export function chartXml(chart: ChartBlock, sheetName: string): string {
  const colors = chart.colors ?? DEFAULT_COLORS;
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
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}` +
        `<c:cat><c:strRef><c:f>${xmlEscape(absRef(sheetName, chart.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(absRef(sheetName, s.values))}</c:f></c:numRef></c:val></c:ser>`
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
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}" descr="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The path of each worksheet part, in workbook order, read from workbook.xml and its relationships. */
async function worksheetPaths(zip: JSZip): Promise<string[]> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const paths: string[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (!target) throw new Error("[CareTrust] workbook.xml names a sheet with no relationship");
    paths.push(`xl/${target}`);
  }
  return paths;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function nextRelId(relsXml: string): string {
  let max = 0;
  for (const m of relsXml.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return `rId${max + 1}`;
}

/** The <drawing> element goes after the page set-up and before legacy drawings, table parts and extLst (CT_Worksheet order). */
function insertDrawing(sheetXml: string, relId: string): string {
  if (!/xmlns:r=/.test(sheetXml.slice(0, 2000)))
    sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  const element = `<drawing r:id="${relId}"/>`;
  for (const tag of ["<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst"]) {
    const at = sheetXml.indexOf(tag);
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  return sheetXml.replace("</worksheet>", `${element}</worksheet>`);
}

/** Adds the charts to an .xlsx produced by ExcelJS and returns the new file. */
export async function addCharts(xlsx: Buffer | Uint8Array, sheets: readonly SheetCharts[]): Promise<Buffer> {
  if (sheets.every((s) => s.charts.length === 0)) return Buffer.from(xlsx);
  const zip = await JSZip.loadAsync(xlsx);
  await addChartsToZip(zip, sheets);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Adds the charts to the parts of an .xlsx opened with jszip. */
export async function addChartsToZip(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const paths = await worksheetPaths(zip);
  let contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  while (zip.file(`xl/drawings/drawing${drawingNo + 1}.xml`)) drawingNo++;
  while (zip.file(`xl/charts/chart${chartNo + 1}.xml`)) chartNo++;

  for (const s of withCharts) {
    const sheetPath = paths[s.sheetIndex];
    if (!sheetPath) throw new Error(`[CareTrust] no worksheet ${s.sheetIndex + 1} in the workbook`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    s.charts.forEach((chart, i) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, s.sheetName));
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
      relsPathOf(drawingPath),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${drawingRels.join("")}</Relationships>`,
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${NS.ctDrawing}"/>`);

    const sheetRelsPath = relsPathOf(sheetPath);
    let sheetRels =
      (await zip.file(sheetRelsPath)?.async("string")) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"></Relationships>`;
    const relId = nextRelId(sheetRels);
    sheetRels = sheetRels.replace("</Relationships>", `<Relationship Id="${relId}" Type="${NS.relDrawing}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`);
    zip.file(sheetRelsPath, sheetRels);
    const sheetXml = await zip.file(sheetPath)!.async("string");
    zip.file(sheetPath, insertDrawing(sheetXml, relId));
  }
  contentTypes = contentTypes.replace("</Types>", `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", contentTypes);
}

/**
 * ExcelJS writes totalsRowFunction="custom" on a table column but not the <totalsRowFormula> that
 * goes with it: adds it, so the table part says what the totals cell holds, as Excel writes it.
 * `formulas`: table name -> column name -> formula (without "=").
 */
export async function addTotalsFormulas(zip: JSZip, formulas: ReadonlyMap<string, ReadonlyMap<string, string>>): Promise<void> {
  if (formulas.size === 0) return;
  const parts = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
  for (const part of parts) {
    let xml = await zip.file(part)!.async("string");
    const name = /<table\b[^>]*\bname="([^"]+)"/.exec(xml)?.[1];
    const columns = name ? formulas.get(unescapeXml(name)) : undefined;
    if (!columns) continue;
    xml = xml.replace(/<tableColumn\b([^>]*?)\/>/g, (whole, attrs: string) => {
      const col = /\bname="([^"]*)"/.exec(attrs)?.[1];
      const formula = col !== undefined ? columns.get(unescapeXml(col)) : undefined;
      if (formula === undefined || !/totalsRowFunction="custom"/.test(attrs)) return whole;
      return `<tableColumn${attrs}><totalsRowFormula>${xmlEscape(formula)}</totalsRowFormula></tableColumn>`;
    });
    zip.file(part, xml);
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
