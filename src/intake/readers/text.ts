/**
 * The text encoding of a CSV or text file, told by its bytes: a byte order mark (UTF-8, UTF-16
 * little or big endian: Excel's "Unicode Text" is UTF-16 LE with a mark), UTF-16 without a mark
 * (every other byte zero), else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel's
 * plain "CSV" writes on Windows: "£" is the single byte A3).
 */
import { isUtf8 } from "buffer";
import { StaffFileError } from "./errors";

export interface DecodedText {
  text: string;
  /** For the notes and RawTable.source.encoding: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "Windows-1252"... */
  encoding: string;
  /** Why this encoding, in plain words, when it was not plain UTF-8. */
  note: string | null;
}

function zeroBytesAt(bytes: Uint8Array, parity: 0 | 1, sample: number): number {
  let n = 0;
  for (let i = parity; i < sample; i += 2) if (bytes[i] === 0) n++;
  return n;
}

export function decodeText(bytes: Uint8Array, what: string): DecodedText {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    if (!isUtf8(b.subarray(3))) return decode1252(b.subarray(3), "UTF-8 byte order mark, but the rest is not UTF-8");
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(b.subarray(3)), encoding: "UTF-8 with BOM", note: null };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(b.subarray(2)), encoding: "UTF-16LE", note: "Read as UTF-16 (little endian, with a byte order mark): Excel's \"Unicode Text\"." };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder("utf-16be", { ignoreBOM: true }).decode(b.subarray(2)), encoding: "UTF-16BE", note: "Read as UTF-16 (big endian, with a byte order mark)." };
  const sample = Math.min(b.length - (b.length % 2), 8192);
  if (sample >= 2) {
    const oddZeros = zeroBytesAt(b, 1, sample);
    const evenZeros = zeroBytesAt(b, 0, sample);
    const half = sample / 2;
    if (oddZeros > half * 0.3 && evenZeros < half * 0.05)
      return { text: new TextDecoder("utf-16le").decode(b), encoding: "UTF-16LE", note: "Read as UTF-16 (little endian; the file has no byte order mark)." };
    if (evenZeros > half * 0.3 && oddZeros < half * 0.05)
      return { text: new TextDecoder("utf-16be").decode(b), encoding: "UTF-16BE", note: "Read as UTF-16 (big endian; the file has no byte order mark)." };
    // A stray NUL in a text file is read (and shown escaped); many are binary data.
    if (oddZeros + evenZeros > sample / 100)
      throw new StaffFileError(`${what} is not a text file or a workbook this tool knows (it holds binary data). Save the staff list from Excel as .xlsx or CSV UTF-8.`, "binary");
  }
  if (isUtf8(b)) return { text: new TextDecoder("utf-8").decode(b), encoding: "UTF-8", note: null };
  return decode1252(b, "the file is not valid UTF-8");
}

function decode1252(b: Uint8Array, why: string): DecodedText {
  return {
    text: new TextDecoder("windows-1252").decode(b),
    encoding: "Windows-1252",
    note: `Read as Windows-1252 (${why}; this is how Excel's "CSV (Comma delimited)" saves on Windows). If letters look wrong, save the list from Excel as "CSV UTF-8".`,
  };
}
