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
