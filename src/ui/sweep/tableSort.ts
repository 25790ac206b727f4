/** Sorting for the front/selection table: by any numeric column, NaN last, ties by point index. */
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

/** Row indices (into `indices`) ordered by `value(pointIndex)`. */
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
