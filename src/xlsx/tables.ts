/**
 * Excel tables (ListObjects) as parts of the zip: ExcelJS's streaming writer has no table API, so
 * the renderer writes each table's cells itself and this writes the table part that makes them a
 * table (name, range, columns, totals row, style). Totals-row formulas are written as Excel writes
 * them: totalsRowFunction="custom" with a <totalsRowFormula> equal to the formula in the cell.
 */
import type JSZip from "jszip";
import { addContentTypes, xmlEscape } from "./charts";

export interface TablePart {
  name: string;
  /** The whole table, header to totals row, e.g. "A5:AM410". */
  ref: string;
  /** Header and data rows (no totals row). */
  autoFilterRef: string;
  showTotals: boolean;
  style: string;
  columns: { name: string; totalsLabel: string | null; totalsFormula: string | null }[];
  /** Set by the renderer: the table's part number (xl/tables/table{partNo}.xml). */
  partNo?: number;
}

const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** Excel table names: letters, digits, underscores and full stops, starting with a letter or underscore; unique in the workbook. */
export function tableName(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base)) base = `T_${base}`; // would read as a cell reference
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base}_${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export function tableXml(t: TablePart, id: number): string {
  const columns = t.columns
    .map((c, i) => {
      const name = xmlEscape(c.name);
      if (c.totalsFormula !== null)
        return `<tableColumn id="${i + 1}" name="${name}" totalsRowFunction="custom"><totalsRowFormula>${xmlEscape(c.totalsFormula)}</totalsRowFormula></tableColumn>`;
      if (c.totalsLabel !== null) return `<tableColumn id="${i + 1}" name="${name}" totalsRowLabel="${xmlEscape(c.totalsLabel)}"/>`;
      return `<tableColumn id="${i + 1}" name="${name}"/>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ` +
    `ref="${t.ref}"${t.showTotals ? ' totalsRowCount="1"' : ' totalsRowShown="0"'}>` +
    `<autoFilter ref="${t.autoFilterRef}"/>` +
    `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${xmlEscape(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** Writes the table parts (the sheets already refer to them) and their content types. */
export async function addTablesToZip(zip: JSZip, tables: readonly TablePart[]): Promise<void> {
  const overrides: string[] = [];
  tables.forEach((t, i) => {
    if (t.partNo === undefined) throw new Error(`[CareTrust] table ${t.name} has no part number`);
    const path = `xl/tables/table${t.partNo}.xml`;
    zip.file(path, tableXml(t, i + 1));
    overrides.push(`<Override PartName="/${path}" ContentType="${CT_TABLE}"/>`);
  });
  await addContentTypes(zip, overrides);
}
