/**
 * The documented limits of the staff-list readers (docs/staff-list.md "Files we read").
 *
 * They keep any staff file the readers accept within about 1 GB of memory: a staff list of 100,000
 * people is a few megabytes, so a file beyond these is not a staff list as it stands (a whole
 * payroll history, a report with pictures, or a damaged or hostile file).
 */

/** The largest staff file read, in bytes (CSV, text or .xlsx). */
export const MAX_FILE_BYTES = 100_000_000;
/** Excel's own limits: a sheet has at most 1,048,576 rows and 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's limit on the text in one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Zip (.xlsx) limits, checked on the sizes the zip declares before anything is inflated, and again while inflating. */
export const ZIP_LIMITS = {
  /** The most entries a workbook may have. */
  maxEntries: 10_000,
  /** A part held in memory whole (workbook, relationships, styles, shared strings): at most this many bytes inflated. */
  maxHeldPartBytes: 256 * 1024 * 1024,
  /** A worksheet is read as a stream: at most this many bytes inflated. */
  maxSheetBytes: 2 * 1024 * 1024 * 1024,
  /** Parts larger than 1 MB inflated may be at most this many times their compressed size (a zip bomb is ~1,000 times). */
  maxRatio: 250,
  ratioAppliesAbove: 1024 * 1024,
} as const;

/** Rows read from each sheet to decide which sheet holds the staff table. */
export const SHEET_PREVIEW_ROWS = 30;
