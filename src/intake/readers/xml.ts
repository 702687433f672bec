/**
 * A small streaming XML tokenizer for the parts of an .xlsx (worksheets, shared strings, styles,
 * workbook, relationships).
 *
 * Why not saxes (a full SAX parser): reading a worksheet is the hot path of reading a staff list,
 * and on a 50 MB sheet of 1.2 million cells saxes took 1.3 s where this takes about a quarter of
 * that (measured on this machine). Spreadsheet XML needs no more than elements, attributes, text,
 * the five predefined entities, character references and CDATA; a DOCTYPE (and with it every
 * user-defined entity: "billion laughs", external entities) is refused outright.
 *
 * Element names are given without their namespace prefix (`x:row` -> `row`): some writers prefix
 * the SpreadsheetML namespace.
 */
import { StaffFileError } from "./errors";

export interface XmlHandlers {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded. May come in several pieces. */
  text(text: string): void;
}

/** No tag is this long: if no tag can be read within this many characters the part is damaged. */
const MAX_TAG = 1 << 20;

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** The value of one attribute in a tag's attribute text, entities decoded; null if absent. Prefixes ignored (`r:id` matches "id"). */
export function attribute(attributes: string, name: string): string | null {
  let i = attributes.indexOf(name);
  while (i >= 0) {
    const before = i === 0 ? " " : attributes[i - 1];
    if (before === " " || before === ":" || before === "\t" || before === "\n" || before === "\r") {
      let j = i + name.length;
      while (attributes[j] === " ") j++;
      if (attributes[j] === "=") {
        j++;
        while (attributes[j] === " ") j++;
        const q = attributes[j];
        if (q === '"' || q === "'") {
          const end = attributes.indexOf(q, j + 1);
          if (end > 0) return decodeEntities(attributes.slice(j + 1, end));
        }
      }
    }
    i = attributes.indexOf(name, i + 1);
  }
  return null;
}

export class XmlScanner {
  private buffer = "";
  constructor(
    private readonly handlers: XmlHandlers,
    private readonly what: string,
  ) {}

  private damaged(detail: string): StaffFileError {
    return new StaffFileError(`${this.what} is damaged and cannot be read (${detail}). Open it in Excel and save it again as .xlsx.`, "corrupt");
  }

  write(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.buffer.trim() !== "") throw this.damaged("it ends in the middle of an element");
  }

  private scan(atEnd: boolean): void {
    const s = this.buffer;
    const h = this.handlers;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        // Text to the end of the chunk: pass it on now (so a huge text node is never one string here),
        // keeping back only what may be half an entity.
        let end = s.length;
        if (!atEnd) {
          const amp = s.lastIndexOf("&");
          if (amp >= pos && s.indexOf(";", amp) < 0) end = amp;
        }
        if (end > pos) h.text(decodeEntities(s.slice(pos, end)));
        pos = end;
        break;
      }
      if (lt > pos) h.text(decodeEntities(s.slice(pos, lt)));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) break;
          pos = end + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) break;
          h.text(s.slice(lt + 9, end));
          pos = end + 3;
          continue;
        }
        if (s.length - lt < 9 && !atEnd) break;
        throw new StaffFileError(`${this.what} declares its own XML entities or document type, which no workbook needs (they are how "billion laughs" and external-entity attacks work): it is not read.`, "xml-doctype");
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      // A start or end tag, read by hand (a regular expression here cost a match array per tag).
      const n = s.length;
      let k = lt + 1;
      const closing = s.charCodeAt(k) === 47; /* / */
      if (closing) k++;
      const nameStart = k;
      let colon = -1;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
        if (c === 58) colon = k;
      }
      const nameEnd = k;
      let quote = 0;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62 /* > */) break;
      }
      if (k >= n) {
        if (atEnd || n - lt > MAX_TAG) throw this.damaged(`unreadable XML near "${s.slice(lt, lt + 40).replace(/[^\x20-\x7e]/g, "?")}"`);
        break;
      }
      if (nameEnd === nameStart) throw this.damaged(`unreadable XML near "${s.slice(lt, lt + 40).replace(/[^\x20-\x7e]/g, "?")}"`);
      const name = s.slice(colon >= 0 ? colon + 1 : nameStart, nameEnd);
      pos = k + 1;
      if (closing) h.close(name);
      else {
        const selfClosing = s.charCodeAt(k - 1) === 47;
        h.open(name, s.slice(nameEnd, selfClosing ? k - 1 : k), selfClosing);
        if (selfClosing) h.close(name);
      }
    }
    this.buffer = pos >= s.length ? "" : s.slice(pos);
  }
}

/** Feeds a stream of bytes (UTF-8) through a scanner. */
export async function scanXmlStream(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, what: string, shouldStop: () => boolean = () => false): Promise<void> {
  const scanner = new XmlScanner(handlers, what);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    if (shouldStop()) return;
  }
  scanner.write(decoder.decode());
  scanner.end();
}

export function scanXmlText(text: string, handlers: XmlHandlers, what: string): void {
  const scanner = new XmlScanner(handlers, what);
  scanner.write(text);
  scanner.end();
}
