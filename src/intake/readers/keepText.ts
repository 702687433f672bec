/**
 * Text kept from a large file, at the memory it needs and no more.
 *
 * A substring V8 takes of a long string keeps the whole long string alive (a "sliced string"): one
 * cell's text would hold on to the 256 kB chunk of XML it came from, and a million cells the whole
 * sheet's XML. `(" " + s).slice(1)` gives the text a string of its own. And a staff list repeats
 * itself ("Nursing", "AFC", "NHS" in every row): the same short text is kept once and shared.
 * Together they halve the memory a 50 MB workbook takes to read (npm run bench -- --only readers).
 */

/** Texts up to this long are shared when repeated; the most kept is bounded so unique values cannot grow it without limit. */
const SHARED_MAX_CHARS = 64;
const SHARED_MAX_ENTRIES = 100_000;

export class TextKeeper {
  private readonly shared = new Map<string, string>();

  keep(s: string): string {
    if (s.length <= SHARED_MAX_CHARS) {
      const hit = this.shared.get(s);
      if (hit !== undefined) return hit;
      // V8 copies substrings shorter than 13 characters; longer ones are re-made on their own.
      const own = s.length >= 13 ? (" " + s).slice(1) : s;
      if (this.shared.size < SHARED_MAX_ENTRIES) this.shared.set(own, own);
      return own;
    }
    return (" " + s).slice(1);
  }
}

/** Values of a column looked at before deciding whether the column repeats itself. */
const COLUMN_SAMPLE = 2_000;

/**
 * TextKeeper by column, for a reader that knows each cell's column (CSV). A column whose values
 * repeat (staff group, terms, band, scheme) shares them as TextKeeper does; a column whose values
 * are mostly distinct (references, names, dates) stops sharing once a sample shows it, so its cells
 * cost no lookups in an ever larger table: reading 100,000 ESR-style rows spent about a third of its
 * time looking up unique references and names (npm run bench -- --only readers).
 */
export class ColumnTextKeeper {
  /** Per column: the texts shared and how many values were seen; null once the column is found to be mostly distinct. */
  private readonly columns: ({ shared: Map<string, string>; seen: number } | null | undefined)[] = [];

  keep(column: number, s: string): string {
    let c = this.columns[column];
    if (c === null || s.length > SHARED_MAX_CHARS) return s.length >= 13 ? (" " + s).slice(1) : s;
    if (c === undefined) this.columns[column] = c = { shared: new Map(), seen: 0 };
    if (++c.seen === COLUMN_SAMPLE && c.shared.size > COLUMN_SAMPLE / 2) this.columns[column] = null;
    const hit = c.shared.get(s);
    if (hit !== undefined) return hit;
    const own = s.length >= 13 ? (" " + s).slice(1) : s;
    if (c.shared.size < SHARED_MAX_ENTRIES) c.shared.set(own, own);
    return own;
  }
}
