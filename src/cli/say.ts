import { showValue } from "../intake/safeText";

/** The most characters of one message line printed to the terminal. */
export const MAX_LINE_CHARS = 4000;

/**
 * Prints one message line to stderr with any control character from the input shown escaped
 * (`\u001b`), and cut if it is very long: a message may quote a cell, a file name or an argument.
 */
export function sayLine(text: string): void {
  process.stderr.write(`${showValue(text, MAX_LINE_CHARS)}\n`);
}
