/**
 * Builds zip files byte by byte for tests and the bench, so a test can state exactly what the zip declares:
 * sizes that lie, CRCs that fail, ratios of a zip bomb. (JSZip writes only honest zips.)
 */
import zlib from "zlib";

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Stored (0) or deflated (8, default). */
  method?: 0 | 8;
  /** Overrides of what the central directory declares. */
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
}

export function zipBytes(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = typeof p.data === "string" ? Buffer.from(p.data, "utf8") : p.data;
    const method = p.method ?? 8;
    const packed = method === 8 ? zlib.deflateRawSync(data) : data;
    const crc = p.declaredCrc ?? zlib.crc32(data);
    const size = p.declaredSize ?? data.length;
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** XML-escapes text for a fixture. */
export function x(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows), written by hand. */
  sheetData: string;
  /** Extra XML after sheetData (autoFilter, tableParts...). */
  after?: string;
  state?: "hidden" | "veryHidden";
  dimension?: string;
}

/**
 * The parts of a minimal .xlsx as openpyxl and LibreOffice write them (inline or shared strings,
 * optional styles), for tests of shapes ExcelJS does not write.
 */
export function workbookParts(sheets: readonly SheetSpec[], extra: { sharedStrings?: string[]; styles?: string; prefix?: string; date1904?: boolean } = {}): ZipPart[] {
  const px = extra.prefix ? `${extra.prefix}:` : "";
  const ns = extra.prefix ? `xmlns:${extra.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><${px}workbook ${ns} xmlns:r="${REL}">${extra.date1904 ? `<${px}workbookPr date1904="1"/>` : ""}<${px}sheets>${sheets
        .map((s, i) => `<${px}sheet name="${x(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
        .join("")}</${px}sheets></${px}workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`)
        .join("")}${extra.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${extra.styles ? `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><${px}worksheet ${ns} xmlns:r="${REL}">${s.dimension ? `<${px}dimension ref="${s.dimension}"/>` : ""}<${px}sheetData>${s.sheetData}</${px}sheetData>${s.after ?? ""}</${px}worksheet>`,
    })),
  ];
  if (extra.sharedStrings)
    parts.push({ name: "xl/sharedStrings.xml", data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${extra.sharedStrings.length}">${extra.sharedStrings.map((s) => `<si><t xml:space="preserve">${x(s)}</t></si>`).join("")}</sst>` });
  if (extra.styles) parts.push({ name: "xl/styles.xml", data: extra.styles });
  return parts;
}

/** A row of inline-string and number cells, as openpyxl writes them (`<c r="A1" t="inlineStr"><is><t>..</t></is></c>`). */
export function inlineRow(rowNumber: number, cells: readonly (string | number | null)[], attrs = ""): string {
  const letters = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
  return `<row r="${rowNumber}"${attrs}>${cells
    .map((c, i) => (c === null ? "" : typeof c === "number" ? `<c r="${letters(i)}${rowNumber}"><v>${c}</v></c>` : `<c r="${letters(i)}${rowNumber}" t="inlineStr"><is><t>${x(c)}</t></is></c>`))
    .join("")}</row>`;
}
