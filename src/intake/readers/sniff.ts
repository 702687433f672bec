/**
 * What a file is, told by its first bytes and (for zips) the names of its parts, never by its
 * extension: an .xls renamed .xlsx, an .xlsx renamed .csv or .xlsm, and an encrypted .xlsx (which is
 * not a zip at all but an OLE compound document holding the encrypted package) are all told apart.
 */
import { readZipDirectory } from "./zip";

export type FileFormat =
  | { kind: "xlsx" }
  | { kind: "xlsb" }
  | { kind: "ods" }
  | { kind: "other-zip"; what: string }
  | { kind: "xls" }
  | { kind: "encrypted-ooxml" }
  | { kind: "other-ole"; what: string }
  | { kind: "pdf" }
  | { kind: "text" };

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether the bytes hold `name` written in UTF-16LE (how an OLE directory names its streams). */
function holdsUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(name, "utf16le")) >= 0;
}

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    let names: string[];
    try {
      names = [...readZipDirectory(bytes, "The file").keys()];
    } catch {
      return { kind: "xlsx" }; // a damaged zip: the xlsx reader says what is wrong with it
    }
    const has = (n: string) => names.some((x) => x.toLowerCase() === n);
    if (has("xl/workbook.bin")) return { kind: "xlsb" };
    if (names.some((n) => n.toLowerCase().startsWith("xl/"))) return { kind: "xlsx" };
    if (has("mimetype") || has("content.xml")) {
      // OpenDocument: a spreadsheet (.ods) or a text document (.odt)...
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200));
      if (buf.includes("opendocument.spreadsheet") || has("content.xml")) return { kind: "ods" };
      return { kind: "other-zip", what: "an OpenDocument file, not a spreadsheet" };
    }
    if (names.some((n) => n.startsWith("word/"))) return { kind: "other-zip", what: "a Word document" };
    if (names.some((n) => n.startsWith("ppt/"))) return { kind: "other-zip", what: "a PowerPoint presentation" };
    return { kind: "other-zip", what: "a zip archive, not a workbook" };
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (holdsUtf16Name(bytes, "EncryptedPackage")) return { kind: "encrypted-ooxml" };
    if (holdsUtf16Name(bytes, "Workbook") || holdsUtf16Name(bytes, "Book")) return { kind: "xls" };
    if (holdsUtf16Name(bytes, "WordDocument")) return { kind: "other-ole", what: "a Word 97-2003 document (.doc)" };
    return { kind: "other-ole", what: "an Office 97-2003 file that is not a workbook" };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: "pdf" };
  return { kind: "text" };
}
