/**
 * readStaffFile: any staff file the CLI is given -> RawTable. The format is told by the file's
 * content (sniff.ts), not its name; files that cannot be read say what they are and how to save
 * them so they can be. See docs/staff-list.md, "Files we read".
 */
import fs from "fs";
import { sniffFormat } from "./sniff";
import { readXlsx, type XlsxReadOptions } from "./xlsx";
import { decodeText } from "./text";
import { DELIMITER_NAMES, detectDelimiter, readDelimited, type Delimiter } from "./csv";
import { MAX_FILE_BYTES } from "./limits";
import { StaffFileError, sizeText } from "./errors";
import { showValue } from "../safeText";
import type { RawTable } from "../rawTable";

export { StaffFileError } from "./errors";

export interface ReadStaffFileOptions extends Omit<XlsxReadOptions, "file"> {
  /** The name to show in messages and RawTable.source.file (default: the path given). */
  file?: string | null;
  /** The largest file read (default MAX_FILE_BYTES). */
  maxBytes?: number;
}

const SAVE_AS = 'open it in Excel (or LibreOffice Calc) and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)", then read that file';

/** Reads a staff list from a path or from its bytes. Throws StaffFileError (with a message for the user) if the file cannot be read at all. */
export async function readStaffFile(pathOrBytes: string | Uint8Array, options: ReadStaffFileOptions = {}): Promise<RawTable> {
  const file = options.file ?? (typeof pathOrBytes === "string" ? pathOrBytes : null);
  const what = file !== null ? `"${showValue(file, 120)}"` : "The staff file";
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const tooLarge = (size: number) =>
    new StaffFileError(
      `${what} is ${sizeText(size)}, more than the ${sizeText(maxBytes)} a staff list may be here. A list of 100,000 people is about 20 MB: save only the staff table (one sheet, no pictures or other reports) as .xlsx or CSV UTF-8, or split the list.`,
      "too-large",
    );
  let bytes: Uint8Array;
  if (typeof pathOrBytes === "string") {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(pathOrBytes);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new StaffFileError(code === "ENOENT" ? `${what} does not exist.` : `${what} cannot be opened (${code ?? (e as Error).message}).`, "unreadable");
    }
    if (stat.isDirectory()) throw new StaffFileError(`${what} is a folder, not a file: give the staff list's file.`, "unreadable");
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(stat.size);
    try {
      bytes = stat.isFile() ? fs.readFileSync(pathOrBytes) : readBounded(pathOrBytes, maxBytes, tooLarge);
    } catch (e) {
      if (e instanceof StaffFileError) throw e;
      throw new StaffFileError(`${what} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, "unreadable");
    }
  } else {
    bytes = pathOrBytes;
    if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength);
  }
  if (bytes.byteLength === 0) throw new StaffFileError(`${what} is empty.`, "empty");

  const format = sniffFormat(bytes);
  switch (format.kind) {
    case "xlsx":
      return readXlsx(bytes, { ...options, file });
    case "xlsb":
      throw new StaffFileError(`${what} is an Excel Binary Workbook (.xlsb), which is not read here: ${SAVE_AS}.`, "xlsb");
    case "ods":
      throw new StaffFileError(`${what} is an OpenDocument spreadsheet (.ods), which is not read here: ${SAVE_AS}.`, "ods");
    case "xls":
      throw new StaffFileError(`${what} is an Excel 97-2003 workbook (.xls), an old format not read here: ${SAVE_AS}.`, "xls");
    case "encrypted-ooxml":
      throw new StaffFileError(
        `${what} is a password-protected (encrypted) workbook, which cannot be read without the password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it, or save a copy as CSV UTF-8.`,
        "encrypted",
      );
    case "other-ole":
    case "other-zip":
      throw new StaffFileError(`${what} is ${format.what}, not a staff list: give the staff list as .xlsx or CSV.`, "not-a-list");
    case "pdf":
      throw new StaffFileError(`${what} is a PDF, not a staff list: give the staff list as .xlsx or CSV (a PDF's table cannot be read reliably).`, "not-a-list");
    case "text":
      return readText(bytes, file, what);
  }
}

/** A pipe or device (e.g. /dev/stdin): read at most maxBytes. */
function readBounded(path: string, maxBytes: number, tooLarge: (size: number) => Error): Buffer {
  const fd = fs.openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(total);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

/** CSV, semicolon- or tab-separated text, in any of the encodings text.ts tells. */
export function readText(bytes: Uint8Array, file: string | null, what = "The staff file"): RawTable {
  const decoded = decodeText(bytes, what);
  const notes: string[] = [];
  if (decoded.note) notes.push(decoded.note);
  let text = decoded.text;
  let delimiter: Delimiter;
  let start = 0;
  const sep = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i.exec(text.slice(0, 10));
  if (sep && sep[1] !== "|") {
    delimiter = sep[1] as Delimiter;
    start = sep[0].length;
    notes.push(`Read as ${DELIMITER_NAMES[delimiter]}-separated, as the file's first line (sep=${delimiter === "\t" ? "tab" : delimiter}) says.`);
  } else {
    delimiter = detectDelimiter(text);
    notes.push(`Read as ${DELIMITER_NAMES[delimiter]}-separated${delimiter === "," ? "" : " (told by the file's content)"}.`);
  }
  const read = readDelimited(text, delimiter, start);
  text = "";
  return {
    rows: read.rows,
    rowNumbers: read.rowNumbers,
    hidden: new Set(),
    source: { kind: "csv", file, sheet: null, table: null, encoding: decoded.encoding, delimiter },
    notes,
    problems: read.problems,
  };
}
