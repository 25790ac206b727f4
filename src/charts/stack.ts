/**
 * Diverging stacks for horizontal bars: positive parts grow right from 0 and
 * negative parts grow left, so a negative reference energy (a reproduced quirk)
 * is drawn honestly instead of overlapping its neighbour.
 */
export interface StackedSegment {
  part: number;
  x0: number;
  x1: number;
}

export function stackDiverging(values: readonly number[]): StackedSegment[] {
  let pos = 0, neg = 0;
  const out: StackedSegment[] = [];
  values.forEach((v, part) => {
    if (!Number.isFinite(v) || v === 0) return;
    if (v > 0) {
      out.push({ part, x0: pos, x1: pos + v });
      pos += v;
    } else {
      out.push({ part, x0: neg + v, x1: neg });
      neg += v;
    }
  });
  return out;
}

/** The x extent that holds every stacked row, always including 0. */
export function stackExtent(rows: readonly (readonly number[])[]): [number, number] {
  let lo = 0, hi = 0;
  for (const values of rows) {
    for (const s of stackDiverging(values)) {
      lo = Math.min(lo, s.x0);
      hi = Math.max(hi, s.x1);
    }
  }
  return [lo, hi];
}
