import { D, dec, sum, type Decimal } from "../money";

/**
 * Splits amounts between rows and columns at once, to the penny: cell (i, j) gets its exact share
 * rowTotals[i] × colTotals[j] ÷ total, rounded up or down by a penny so that EVERY row adds up to
 * its total and EVERY column to its own ("controlled rounding"). Used where one split feeds
 * another (partners' money spread over the lines it paid for), so neither the partners' totals nor
 * the lines' totals move by a penny.
 *
 * Such a rounding always exists when the totals are whole pence and the rows and columns add up to
 * the same amount (the table of exact shares is a point of the transportation polytope, whose
 * corners are whole numbers). Spare pennies go first to the cells with the largest remainders;
 * where that is blocked, an augmenting path moves a penny along cells with a remainder.
 *
 * @param rowTotals Not negative, whole pence.
 * @param colTotals Not negative, whole pence, adding up to the same as rowTotals.
 * @returns rows × columns, in £.
 */
export function splitTable(rowTotals: readonly Decimal[], colTotals: readonly Decimal[]): Decimal[][] {
  const rows = rowTotals.map((x) => dec(x).times(100));
  const cols = colTotals.map((x) => dec(x).times(100));
  const total = sum(rows);
  if (!total.eq(sum(cols))) throw new RangeError(`splitTable: rows add up to ${total.toString()}p, columns to ${sum(cols).toString()}p`);
  if (total.isZero()) return rows.map(() => cols.map(() => new D(0)));
  const floor = rows.map((r) => cols.map((c) => r.times(c).dividedBy(total).toDecimalPlaces(0, D.ROUND_DOWN)));
  const frac = rows.map((r, i) => cols.map((c, j) => r.times(c).dividedBy(total).minus(floor[i][j])));
  const rowNeed = rows.map((r, i) => r.minus(sum(floor[i])).toNumber());
  const colNeed = cols.map((c, j) => c.minus(sum(floor.map((f) => f[j]))).toNumber());
  const up = rows.map(() => cols.map(() => false));

  // Largest remainders first (ties: the larger row, then the larger column, then the first listed).
  const candidates: [number, number][] = [];
  frac.forEach((fr, i) => fr.forEach((x, j) => x.gt(0) && candidates.push([i, j])));
  candidates.sort(([a, b], [c, e]) => frac[c][e].comparedTo(frac[a][b]) || rows[c].comparedTo(rows[a]) || cols[e].comparedTo(cols[b]) || a - c || b - e);
  for (const [i, j] of candidates)
    if (rowNeed[i] > 0 && colNeed[j] > 0) {
      up[i][j] = true;
      rowNeed[i]--;
      colNeed[j]--;
    }

  // Where the greedy pass is blocked: a row still short reaches a column still short by a path
  // row → column (a cell with a remainder not yet rounded up) → row (a cell rounded up, given back).
  for (let i0 = rowNeed.findIndex((x) => x > 0); i0 >= 0; i0 = rowNeed.findIndex((x) => x > 0)) {
    const fromCol = new Map<number, number>(); // column -> the row that reached it
    const fromRow = new Map<number, number>([[i0, -1]]); // row -> the column that reached it
    const queue = [i0];
    let end = -1;
    while (queue.length > 0 && end < 0) {
      const i = queue.shift() as number;
      for (let j = 0; j < cols.length && end < 0; j++) {
        if (up[i][j] || !frac[i][j].gt(0) || fromCol.has(j)) continue;
        fromCol.set(j, i);
        if (colNeed[j] > 0) end = j;
        else
          for (let k = 0; k < rows.length; k++)
            if (up[k][j] && !fromRow.has(k)) {
              fromRow.set(k, j);
              queue.push(k);
            }
      }
    }
    if (end < 0) throw new RangeError("splitTable: no rounding keeps every total"); // unreachable for whole-pence totals
    rowNeed[i0]--;
    colNeed[end]--;
    for (let j = end; j >= 0; ) {
      const i = fromCol.get(j) as number;
      up[i][j] = true;
      const back = fromRow.get(i) as number;
      if (back >= 0) up[i][back] = false;
      j = back;
    }
  }
  return floor.map((fr, i) => fr.map((f, j) => (up[i][j] ? f.plus(1) : f).dividedBy(100)));
}

/**
 * Rounds a table of exact shares (rows: lines; columns: partners; in £, any signs) to pence so
 * that every line still adds up to its total (whole pence) AND every partner's sum over the lines
 * is within a penny of its exact sum: each cell goes down or up by less than a penny from its
 * exact share. Such a rounding always exists (controlled rounding of a two-way table, Bacharach
 * 1966); it is found as a flow: each cell with a fraction may take one spare penny, each line must
 * take exactly its spare pennies, each partner at least the floor and at most the ceiling of its
 * own. Spare pennies go first to the largest remainders (ties: the earlier line, then the earlier
 * partner), so when the lines are independent the result is each line's own largest-remainder
 * rounding wherever that already keeps the partners' sums.
 *
 * @param exact lines × partners, each line adding up (to 34 digits) to its total.
 * @param totals Each line's total, whole pence.
 */
export function roundLines(exact: readonly (readonly Decimal[])[], totals: readonly Decimal[]): Decimal[][] {
  const lines = exact.length;
  if (lines === 0) return [];
  const n = exact[0].length;
  // Exact shares are held to 34 digits: a third is 0.333…3, so sums that are whole pence in exact
  // arithmetic can fall a hair short. Quantities within 1e-18p of a whole penny count as whole.
  const pence = exact.map((row) => row.map((x) => x.times(100).toDecimalPlaces(18, D.ROUND_HALF_UP)));
  const floor = pence.map((row) => row.map((x) => x.floor()));
  const frac = pence.map((row, l) => row.map((x, i) => x.minus(floor[l][i])));
  // Each line's spare pennies: its total less the floors (the fractions add up to a whole number).
  const lineNeed = totals.map((t, l) => t.times(100).minus(sum(floor[l])).toNumber());
  const rowFrac = Array.from({ length: n }, (_, i) => sum(frac.map((f) => f[i])).toDecimalPlaces(12, D.ROUND_HALF_UP));
  const low = rowFrac.map((r) => r.floor().toNumber());
  const high = rowFrac.map((r) => r.ceil().toNumber());
  const taken = Array.from({ length: n }, () => 0);
  const up = pence.map((row) => row.map(() => false));

  // Greedy: largest remainders first, within each partner's floor (then, second pass, its ceiling).
  const cells: [number, number][] = [];
  frac.forEach((f, l) => f.forEach((x, i) => x.gt(0) && cells.push([l, i])));
  cells.sort(([a, b], [c, d]) => frac[c][d].comparedTo(frac[a][b]) || a - c || b - d);
  const greedy = (cap: readonly number[]) => {
    for (const [l, i] of cells)
      if (!up[l][i] && lineNeed[l] > 0 && taken[i] < cap[i]) {
        up[l][i] = true;
        lineNeed[l]--;
        taken[i]++;
      }
  };
  greedy(low);
  // Every partner up to the floor of its fractions: a partner short takes a penny on a line that
  // still needs one, possibly taking it from another partner who can spare it:
  // partner → line (a cell with a fraction, not yet up) → partner (a cell up there, given back) → …
  for (let i0 = taken.findIndex((t, i) => t < low[i]); i0 >= 0; i0 = taken.findIndex((t, i) => t < low[i])) {
    const viaLine = new Map<number, number>(); // line -> the partner that gains a penny on it
    const viaPartner = new Map<number, number>([[i0, -1]]); // partner -> the line on which it gives its penny back
    const queue = [i0];
    let end: { line: number } | { partner: number } | null = null;
    while (queue.length > 0 && end === null) {
      const i = queue.shift() as number;
      for (let l = 0; l < lines && end === null; l++) {
        if (up[l][i] || !frac[l][i].gt(0) || viaLine.has(l)) continue;
        viaLine.set(l, i);
        if (lineNeed[l] > 0) end = { line: l };
        else
          for (let j = 0; j < n && end === null; j++)
            if (up[l][j] && !viaPartner.has(j)) {
              viaPartner.set(j, l);
              if (taken[j] > low[j]) end = { partner: j };
              else queue.push(j);
            }
      }
    }
    if (end === null) throw new RangeError("roundLines: no rounding keeps every partner's sum"); // unreachable: see above
    taken[i0]++;
    let l: number;
    if ("line" in end) {
      lineNeed[end.line]--;
      l = end.line;
    } else {
      taken[end.partner]--;
      l = viaPartner.get(end.partner) as number;
      up[l][end.partner] = false;
    }
    for (;;) {
      const i = viaLine.get(l) as number;
      up[l][i] = true;
      const back = viaPartner.get(i) as number;
      if (back < 0) break;
      up[back][i] = false;
      l = back;
    }
  }
  greedy(high);

  // Augmenting paths where the greedy pass is blocked: a line still short takes a penny from a
  // partner with room (below its ceiling), possibly by moving pennies along other lines:
  // line → partner (a cell with a fraction, not yet up) → line (a cell up, given back) → …
  for (let l0 = lineNeed.findIndex((x) => x > 0); l0 >= 0; l0 = lineNeed.findIndex((x) => x > 0)) {
    const viaPartner = new Map<number, number>(); // partner -> the line that reached it
    const viaLine = new Map<number, number>([[l0, -1]]); // line -> the partner whose penny it gives back
    const queue = [l0];
    let end = -1;
    while (queue.length > 0 && end < 0) {
      const l = queue.shift() as number;
      for (let i = 0; i < n && end < 0; i++) {
        if (up[l][i] || !frac[l][i].gt(0) || viaPartner.has(i)) continue;
        viaPartner.set(i, l);
        if (taken[i] < high[i]) end = i;
        else
          for (let k = 0; k < lines; k++)
            if (up[k][i] && !viaLine.has(k)) {
              viaLine.set(k, i);
              queue.push(k);
            }
      }
    }
    if (end < 0) throw new RangeError("roundLines: no rounding keeps every total"); // unreachable: see above
    lineNeed[l0]--;
    taken[end]++;
    for (let i = end; i >= 0; ) {
      const l = viaPartner.get(i) as number;
      up[l][i] = true;
      const back = viaLine.get(l) as number;
      if (back >= 0) up[l][back] = false;
      i = back;
    }
  }
  return floor.map((row, l) => row.map((x, i) => {
    const p = (up[l][i] ? x.plus(1) : x).dividedBy(100);
    return p.isZero() ? new D(0) : p;
  }));
}
