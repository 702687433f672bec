/**
 * Rewrites sheet and table references in a formula when the renderer had to give a sheet or a
 * table a different name from the one in the plan (because the workbook already had one of that
 * name). Without this, a summary formula such as `SUM('Detail'!D5:D204)` would quietly point at
 * the user's own sheet called "Detail".
 *
 * Text inside double quotes in the formula is left alone. Sheet references are matched in both
 * forms Excel accepts, `'Sheet name'!A1` and `Sheet1!A1`; table references as `Name[`.
 */

export interface Renames {
  /** lower-case planned sheet name -> name written */
  sheets: Map<string, string>;
  /** lower-case planned table name -> name written */
  tables: Map<string, string>;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const IDENT_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

export function rewriteReferences(formula: string, renames: Renames): string {
  if (renames.sheets.size === 0 && renames.tables.size === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // a string literal: copy through to the closing quote ("" is an escaped quote)
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // a quoted sheet name: 'It''s here'!A1
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
          } else break;
        } else name += formula[j++];
      }
      const after = j + 1;
      if (formula[after] === "!") {
        const renamed = renames.sheets.get(name.toLowerCase());
        out += renamed !== undefined ? quoteSheetName(renamed) : formula.slice(i, after);
      } else {
        out += formula.slice(i, after);
      }
      i = after;
      continue;
    }
    if (IDENT_START.test(ch) && (i === 0 || !IDENT_PART.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      if (next === "!") {
        const renamed = renames.sheets.get(word.toLowerCase());
        out += renamed !== undefined ? quoteSheetName(renamed) : word;
      } else if (next === "[") {
        const renamed = renames.tables.get(word.toLowerCase());
        out += renamed !== undefined ? renamed : word;
      } else {
        out += word;
      }
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Table names Excel accepts: a letter, _ or \ first, then letters, digits, _ and .; not a cell reference; at most 255 characters. */
export function uniqueTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = desired.replace(/[^A-Za-z0-9_.\\]/g, "_").slice(0, 240);
  if (!/^[A-Za-z_\\]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(base) || /^[RrCc]$/.test(base) || /^[Rr][0-9]*[Cc][0-9]*$/.test(base)) base = `T_${base}`;
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
