/**
 * A uniform-grid spatial index over points in pixel space, for hover, click and
 * brush hit-testing. Building is two O(n) passes over typed arrays (a counting
 * sort into cells), a few ms for 100k points, so it can be rebuilt whenever the
 * axes change while points stream in; a query only visits the cells near the
 * pointer. (A d3-quadtree over 100k points took >200 ms to build on this machine.)
 */
export interface PointGrid {
  /** Nearest point within `radius` px of (x, y), or -1. */
  nearest(x: number, y: number, radius: number): number;
  /** Points inside the rectangle (inclusive), in index order. */
  inRect(x0: number, y0: number, x1: number, y1: number): Int32Array;
}

/**
 * @param px, py - pixel positions by point index; entries of points not in `indices` are ignored.
 * @param indices - the points to index (drawable ones).
 * @param cell - cell size in px; ~ the hover radius works best.
 */
export function buildPointGrid(px: Float32Array, py: Float32Array, indices: Int32Array, width: number, height: number, cell = 8): PointGrid {
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const clampCol = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor(x / cell)));
  const clampRow = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor(y / cell)));
  const cellOf = new Int32Array(indices.length);
  const start = new Int32Array(cols * rows + 1);
  for (let k = 0; k < indices.length; k++) {
    const c = clampRow(py[indices[k]]) * cols + clampCol(px[indices[k]]);
    cellOf[k] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const items = new Int32Array(indices.length);
  const fill = start.slice(0, cols * rows);
  for (let k = 0; k < indices.length; k++) items[fill[cellOf[k]]++] = indices[k];

  return {
    nearest(x, y, radius) {
      let best = -1;
      let bestD = radius * radius;
      const [c0, c1, r0, r1] = [clampCol(x - radius), clampCol(x + radius), clampRow(y - radius), clampRow(y + radius)];
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const cellIndex = r * cols + c;
          for (let k = start[cellIndex]; k < start[cellIndex + 1]; k++) {
            const i = items[k];
            const d = (px[i] - x) ** 2 + (py[i] - y) ** 2;
            if (d < bestD || (d === bestD && best >= 0 && i < best)) [best, bestD] = [i, d];
          }
        }
      }
      return best;
    },
    inRect(x0, y0, x1, y1) {
      // Mark hits, then read the marks in index order: sorted output without sorting (a brush can hold 100k points).
      const hit = new Uint8Array(px.length);
      let count = 0;
      const [c0, c1, r0, r1] = [clampCol(Math.min(x0, x1)), clampCol(Math.max(x0, x1)), clampRow(Math.min(y0, y1)), clampRow(Math.max(y0, y1))];
      const [lx, hx, ly, hy] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const cellIndex = r * cols + c;
          for (let k = start[cellIndex]; k < start[cellIndex + 1]; k++) {
            const i = items[k];
            if (px[i] >= lx && px[i] <= hx && py[i] >= ly && py[i] <= hy) {
              hit[i] = 1;
              count++;
            }
          }
        }
      }
      const out = new Int32Array(count);
      for (let i = 0, n = 0; n < count; i++) if (hit[i]) out[n++] = i;
      return out;
    },
  };
}

/**
 * The point a pointer at (x, y) picks. Front diamonds and the loaded / keyboard
 * points are drawn over the cloud, so within `radius` the nearest of those
 * `preferred` points wins even when a cloud point underneath is nearer;
 * otherwise the nearest point of the grid. Ties go to the smaller index. -1 if none.
 */
export function pickPoint(
  grid: PointGrid, preferred: readonly ArrayLike<number>[], px: Float32Array, py: Float32Array, x: number, y: number, radius: number,
): number {
  let best = -1;
  let bestD = radius * radius;
  for (const list of preferred) {
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      const d = (px[i] - x) ** 2 + (py[i] - y) ** 2;
      // NaN positions (points not drawn) fail both comparisons.
      if (d < bestD || (d === bestD && best >= 0 && i < best)) [best, bestD] = [i, d];
    }
  }
  return best >= 0 ? best : grid.nearest(x, y, radius);
}
