/**
 * The first non-dominated front (minimisation) of columnar objectives, for any
 * number of objectives and sweeps of 10⁵–10⁶ rows. `nonDominatedSort` ranks
 * every front, which the plot does not need and which costs a point object per
 * row; this finds rank 0 only, straight from the columns.
 *
 * - 1 objective: the rows attaining the minimum.
 * - 2 objectives: `paretoFront` (sort + sweep, O(n log n)).
 * - 3 objectives: sort lexicographically, sweep keeping the 2-D staircase of
 *   (objective 2, objective 3) seen so far; O(n log n) plus splices.
 * - 4 or more: sort-filter (SFS): sort by the sum of the min–max normalised
 *   objectives, then keep each row no kept row dominates. Rows
 *   sorted this way can only be dominated by earlier rows, and a dominated
 *   dominator is itself dominated by a kept row, so checking kept rows suffices.
 *   O(n log n + n·|front|·m).
 *
 * Dominance is `dominates` from front2d.ts: duplicates of a front point are all on
 * the front; rows with any NaN or infinite objective are never on it.
 */
import { paretoFront } from './front2d.ts';
import { Staircase2d } from './staircase2d.ts';

/**
 * @param columns - one column per objective, each indexed by row.
 * @param rows - only these rows take part (e.g. the rows passing the filters);
 *   default all rows.
 * @returns the non-dominated rows, ascending.
 */
export function firstFrontIndices(columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): Int32Array {
  const m = columns.length;
  if (m === 0) return new Int32Array(0);
  if (m === 2) return paretoFront(columns[0], columns[1], rows).sort();
  const candidates = finiteRows(columns, rows);
  if (m === 1) return minimumRows(columns[0], candidates);
  return m === 3 ? front3(columns, candidates) : frontSortFilter(columns, candidates);
}

/** Rows (of `rows`, or all) where every column is finite: a failed pair has no place on any axis. */
export function finiteRows(columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): Int32Array {
  const n = rows ? rows.length : columns.length ? Math.min(...columns.map((c) => c.length)) : 0;
  const out = new Int32Array(n);
  let count = 0;
  next: for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    for (const c of columns) if (!Number.isFinite(c[i])) continue next;
    out[count++] = i;
  }
  return out.slice(0, count);
}

function minimumRows(col: ArrayLike<number>, rows: Int32Array): Int32Array {
  let min = Infinity;
  for (const i of rows) if (col[i] < min) min = col[i];
  return rows.filter((i) => col[i] === min).sort();
}

function front3(columns: readonly ArrayLike<number>[], rows: Int32Array): Int32Array {
  const [a, b, c] = columns;
  rows.sort((i, j) => a[i] - a[j] || b[i] - b[j] || c[i] - c[j] || i - j);
  const stairs = new Staircase2d();
  const out = new Int32Array(rows.length);
  let count = 0;
  for (let k = 0; k < rows.length; ) {
    // Exact duplicates are queried together before any is inserted: a copy does
    // not dominate its twin, but the staircase would report it as covering.
    let end = k + 1;
    const i = rows[k];
    while (end < rows.length && a[rows[end]] === a[i] && b[rows[end]] === b[i] && c[rows[end]] === c[i]) end++;
    // Every earlier row is lexicographically smaller and distinct, so it has
    // a ≤ a[i]; it dominates row i exactly when it is no worse in b and c.
    if (!stairs.covers(b[i], c[i])) {
      for (let q = k; q < end; q++) out[count++] = rows[q];
      stairs.insert(b[i], c[i]);
    }
    k = end;
  }
  return out.slice(0, count).sort();
}

function frontSortFilter(columns: readonly ArrayLike<number>[], rows: Int32Array): Int32Array {
  const m = columns.length;
  // Normalising keeps one objective with a large unit (e.g. MACs) from deciding the order alone.
  const key = new Float64Array(rows.length);
  for (const col of columns) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of rows) {
      if (col[i] < lo) lo = col[i];
      if (col[i] > hi) hi = col[i];
    }
    const scale = hi > lo ? 1 / (hi - lo) : 0;
    for (let k = 0; k < rows.length; k++) key[k] += (col[rows[k]] - lo) * scale;
  }
  // Sort positions, not rows, so the key array can be indexed by position.
  const order = Int32Array.from(rows.keys()).sort(
    (p, q) => key[p] - key[q] || lexCompare(columns, rows[p], rows[q]) || rows[p] - rows[q],
  );
  const kept: number[] = [];
  for (const p of order) {
    const i = rows[p];
    // Newest first is not better here: the earliest kept rows have the smallest sums and dominate most.
    let dominated = false;
    for (let t = 0; t < kept.length && !dominated; t++) {
      const j = kept[t];
      let strictly = false;
      let noWorse = true;
      for (let d = 0; d < m && noWorse; d++) {
        if (columns[d][j] > columns[d][i]) noWorse = false;
        else if (columns[d][j] < columns[d][i]) strictly = true;
      }
      dominated = noWorse && strictly;
    }
    if (!dominated) kept.push(i);
  }
  return Int32Array.from(kept).sort();
}

function lexCompare(columns: readonly ArrayLike<number>[], i: number, j: number): number {
  for (const c of columns) if (c[i] !== c[j]) return c[i] - c[j];
  return 0;
}
