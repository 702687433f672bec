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
