/**
 * Text as an .xlsx carries it (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a character XML cannot hold
 * is written `_xHHHH_` (its UTF-16 code in hex), and a literal `_xHHHH_` in the text is written
 * with its underscore escaped (`_x005F_xHHHH_`), or Excel would read it as an escape ("_x0041_" as
 * "A"). Excel writes control characters the same way (a tab in a table heading is `_x0009_`), and
 * decodes them on reading, in cells, table column names and headers and footers alike.
 *
 * Escaped here: every control character U+0000 to U+001F (tab and line breaks too, so a table
 * column name, an XML attribute where a raw tab or line break would be read as a space, stays equal
 * to its header cell), U+007F (which ExcelJS would silently drop), U+FFFE and U+FFFF. Lone
 * surrogates never reach here (src/sheets/excelLimits.ts replaces them).
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u001F\u007F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPE = /[\u0000-\u001F\u007F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** Text escaped for an ST_Xstring place in the file (shared strings, table column names, headers and footers). */
export function ooxmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPE, (ch) => `_x${hex4(ch.charCodeAt(0))}_`);
}

/** What Excel reads back from ST_Xstring text: `_xHHHH_` decoded (the inverse of ooxmlText). */
export function decodeOoxmlText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text for a place that is plain XML, not ST_Xstring (chart text, document properties): characters XML cannot carry become U+FFFD. */
export function xmlSafeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
}
