/**
 * Text from a user's file shown in a message: on a terminal (CLI stderr), in the pack's "Rows left
 * out" sheet, in the task pane. Control characters from the input (ESC, NUL, BEL, a carriage return
 * that rewrites the line, bidirectional overrides that reorder it) are shown escaped, as JSON and
 * JavaScript write them (`\u001b`), so a file cannot move the cursor, ring the bell, recolour the
 * terminal or disguise what a message says. Long text is cut, saying how much was left out.
 */

/** C0 controls (tab and newline included: a message is one line), DEL, C1 controls, and Unicode's bidi and line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** "Rosa\u001b[31m" -> "Rosa\\u001b[31m": every unsafe character as \uXXXX; all other text unchanged. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The most characters of one value quoted in a message. */
export const MESSAGE_VALUE_CHARS = 200;

/**
 * A value from the input as it may appear in a message: control characters escaped, and cut to
 * `max` characters with "… (N more characters)" so a 128 kB argument or a 50 MB cell is not echoed whole.
 */
export function showValue(value: unknown, max: number = MESSAGE_VALUE_CHARS): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return escapeControls(text);
  // Do not split a surrogate pair at the cut.
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${escapeControls(text.slice(0, end))}… (${(text.length - end).toLocaleString("en-GB")} more characters)`;
}
