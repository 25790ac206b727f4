/**
 * Sorting for the front/selection table: by any numeric column, NaN last, ties
 * by point index. The table shows at most a few hundred rows of a selection that
 * can hold 100k points, so it takes the first `limit` rows in O(n log limit)
 * instead of sorting everything on the main thread.
 */
export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** Point indices ordered by `value(pointIndex)`: NaN last, ties by index. */
export function sortPoints(indices: ArrayLike<number>, value: (i: number) => number, direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return Array.from(indices).sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    return va === vb ? a - b : sign * (va - vb);
  });
}

/**
 * The first `limit` entries of `sortPoints(indices, value, direction)`, keeping
 * a sorted buffer of the best `limit` seen so far (binary-search insertion; most
 * candidates lose to the buffer's last entry with one comparison).
 */
export function firstSorted(indices: ArrayLike<number>, value: (i: number) => number, direction: SortDirection, limit: number): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const before = (a: number, va: number, b: number, vb: number): boolean => {
    const na = va !== va;
    const nb = vb !== vb;
    if (na || nb) return na === nb ? a < b : nb;
    return va === vb ? a < b : sign * (va - vb) < 0;
  };
  const keep = Math.max(0, Math.min(limit, indices.length));
  const rows: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < indices.length && keep > 0; k++) {
    const i = indices[k];
    const v = value(i);
    const n = rows.length;
    if (n === keep && !before(i, v, rows[n - 1], values[n - 1])) continue;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(rows[mid], values[mid], i, v)) lo = mid + 1;
      else hi = mid;
    }
    rows.splice(lo, 0, i);
    values.splice(lo, 0, v);
    if (rows.length > keep) {
      rows.pop();
      values.pop();
    }
  }
  return rows;
}
