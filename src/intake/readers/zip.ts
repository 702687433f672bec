/**
 * Reading the parts of a zip (an .xlsx) with every size checked before anything is inflated.
 *
 * JSZip inflates a whole entry into memory and only then compares it with the size the zip declared
 * (a zip bomb reached 3.4 GB before "uncompressed data size mismatch"), and does not check CRCs
 * unless asked to inflate everything. Here the central directory is read first; an entry is refused
 * on its declared sizes (absolute limits, and the ratio of inflated to compressed size) before it is
 * inflated; while inflating, output beyond the declared size stops it at once; and the CRC-32 of
 * every part read is checked (a part whose CRC does not match is refused, not read silently).
 * Parts are inflated as a stream, so a large worksheet never has to fit in memory whole.
 */
import zlib from "zlib";
import { Readable } from "stream";
import { ZIP_LIMITS } from "./limits";
import { StaffFileError, sizeText } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxHeldPartBytes: number;
  maxSheetBytes: number;
  maxRatio: number;
  ratioAppliesAbove: number;
}

function corrupt(what: string, detail: string): StaffFileError {
  return new StaffFileError(`${what} is damaged and cannot be read (${detail}). Open it in Excel; if Excel repairs it, save the repaired copy and use that.`, "corrupt");
}

/** The central directory of a zip: every entry's name and declared sizes. Nothing is inflated. */
export function readZipDirectory(bytes: Uint8Array, what: string, limits: ZipLimits = ZIP_LIMITS): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(what, "no zip directory at its end: the file is cut short or is not a whole .xlsx");
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff)
    throw new StaffFileError(`${what} is a ZIP64 archive, which no staff list needs: open it in Excel and save it again as an Excel Workbook (.xlsx).`, "zip64");
  if (count > limits.maxEntries) throw corrupt(what, `${count.toLocaleString("en-GB")} parts, more than the ${limits.maxEntries.toLocaleString("en-GB")} a workbook may have here`);
  if (dirOffset + dirSize > eocd) throw corrupt(what, "its zip directory points past the end of the file");
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(what, "a damaged zip directory");
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    };
    entries.set(entry.name.replace(/^\/+/, ""), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclared(entry: ZipEntry, what: string, maxBytes: number, limits: ZipLimits): void {
  if (entry.flags & 1) throw new StaffFileError(`${what} is encrypted: remove the password in Excel and save it again.`, "encrypted");
  if (entry.method !== 0 && entry.method !== 8)
    throw new StaffFileError(`${what}: part ${entry.name} is compressed in a way Excel does not use (method ${entry.method}); open it in Excel and save it again as .xlsx.`, "corrupt");
  if (entry.size > maxBytes)
    throw new StaffFileError(
      `${what}: part ${entry.name} would inflate to ${sizeText(entry.size)}, more than the ${sizeText(maxBytes)} read here. A staff list is far smaller: save only the staff table as an .xlsx or CSV and read that.`,
      "too-large",
    );
  if (entry.size > limits.ratioAppliesAbove && entry.size > entry.compressedSize * limits.maxRatio)
    throw new StaffFileError(
      `${what}: part ${entry.name} declares ${sizeText(entry.size)} packed into ${sizeText(entry.compressedSize)}, ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times smaller. No workbook compresses that well (the limit is ${limits.maxRatio} times): this looks like a zip bomb and is not read.`,
      "zip-bomb",
    );
}

function compressedData(bytes: Uint8Array, entry: ZipEntry, what: string): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw corrupt(what, `part ${entry.name} is not where the zip directory says`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw corrupt(what, `part ${entry.name} runs past the end of the file`);
  return buf.subarray(start, end);
}

/**
 * The inflated bytes of one entry, chunk by chunk (a stream: `for await`), checked against the
 * declared size as they come and against the CRC-32 at the end. Stopping early (break) is allowed:
 * the CRC is then not checked.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, what: string, maxBytes: number, limits: ZipLimits = ZIP_LIMITS): AsyncGenerator<Buffer> {
  checkDeclared(entry, what, maxBytes, limits);
  const data = compressedData(bytes, entry, what);
  let crc = 0;
  let total = 0;
  if (entry.method === 0) {
    if (data.length !== entry.size) throw corrupt(what, `part ${entry.name} is not the size the zip directory says`);
    for (let i = 0; i < data.length; i += 1 << 20) {
      const chunk = data.subarray(i, Math.min(data.length, i + (1 << 20)));
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    const source = Readable.from([data], { objectMode: false });
    const stream = source.pipe(inflater);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.size) throw new StaffFileError(`${what}: part ${entry.name} inflates to more than the ${sizeText(entry.size)} the zip declares: the file is damaged or hostile and is not read.`, "zip-bomb");
        crc = zlib.crc32(chunk, crc);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof StaffFileError) throw e;
      throw corrupt(what, `part ${entry.name} cannot be inflated: ${(e as Error).message}`);
    } finally {
      source.destroy();
      inflater.destroy();
    }
    if (total !== entry.size) throw corrupt(what, `part ${entry.name} inflates to ${total} bytes, not the ${entry.size} the zip declares`);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw corrupt(what, `part ${entry.name} fails its CRC check`);
}

/** A whole (small) part as text, checked like inflateEntry. */
export async function readEntryText(bytes: Uint8Array, entry: ZipEntry, what: string, limits: ZipLimits = ZIP_LIMITS): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflateEntry(bytes, entry, what, limits.maxHeldPartBytes, limits)) chunks.push(chunk);
  return decodeXmlBytes(Buffer.concat(chunks));
}

/** XML parts are UTF-8 (a UTF-16 part starts with its byte order mark). */
export function decodeXmlBytes(b: Buffer): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-8").decode(b);
}
