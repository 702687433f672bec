/**
 * A staff file that cannot be read at all, with a message for the user saying what the file is and
 * what to do. (A file that can be read but has bad rows or cells is not an error: those go in the
 * RawTable's problems, and the other rows are read.)
 */
export class StaffFileError extends Error {
  override name = "StaffFileError";
  constructor(
    message: string,
    /** What the file was found to be, when that is the reason ("xls", "ods", "encrypted", "too-large", "zip-bomb", "corrupt"...). */
    readonly kind: string,
  ) {
    super(message);
  }
}

/** 1234567 -> "1.2 MB", 2048 -> "2 kB", 100 -> "100 bytes" (decimal units, as file managers show them). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${Math.round(bytes / 1e3)} kB`;
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}
