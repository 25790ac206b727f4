/**
 * Pixel positions of the sweep's points, kept up to date as chunks stream in.
 * A full projection is O(n) over every point; while the axes stay the same (the
 * running extents did not move), a chunk that arrives only projects its own
 * points and appends them to the drawable list, so a 100k-point sweep costs the
 * main thread O(chunk) per update instead of O(n). A moved extent re-projects
 * only if it moved the axes (nice'd or grid-snapped ends rarely move). The result
 * always equals a full projection of the same data: the maps depend on the
 * extents alone.
 */
import { axisMap, projectPoints, sameAxisMap, type AxisMap } from './plotGeometry.ts';
import { emptyExtent, extendExtent, extentRange, scaleKindFor, type AxisScaleChoice, type ColumnExtent, type ScaleKind } from './plotScales.ts';

export interface ProjectionData {
  xs: Float64Array;
  ys: Float64Array;
  xChoice: AxisScaleChoice;
  yChoice: AxisScaleChoice;
  /** Bumps whenever points arrive (or a new run starts). */
  dataVersion: number;
  /**
   * Index ranges [start, end) that arrived with this dataVersion; null means
   * "anything may have changed". New arrays with an empty list are a run that
   * has just started (no point to scan yet).
   */
  added: readonly (readonly [number, number])[] | null;
  /** A finished sweep drawn under this one (history overlay): its points widen the axes and are projected with them. */
  overlay?: { xs: Float64Array; ys: Float64Array } | null;
}

/** What `sync` did: nothing, appended new points to the end of `drawable`, or re-projected everything. */
export type ProjectionChange = 'none' | 'appended' | 'full';

export class PlotProjection {
  x: AxisMap | null = null;
  y: AxisMap | null = null;
  xKind: ScaleKind = 'linear';
  yKind: ScaleKind = 'linear';
  px = new Float32Array(0);
  py = new Float32Array(0);
  /** Overlay positions and its drawable indices (projected in full with every full projection). */
  opx = new Float32Array(0);
  opy = new Float32Array(0);
  overlayDrawable = new Int32Array(0);
  /** Bumps on every full projection: anything built from earlier positions (raster, grid) is stale. */
  epoch = 0;
  private drawableBuf = new Int32Array(0);
  private drawableCount = 0;
  private data: ProjectionData | null = null;
  private width = 0;
  private height = 0;
  private xExt: ColumnExtent = emptyExtent();
  private yExt: ColumnExtent = emptyExtent();
  /** The data version the positions reflect, and ranges that arrived since. */
  private syncedVersion = -1;
  private pending: (readonly [number, number])[] = [];
  /** Ranges holding points in the current arrays (null: assume all): full projections scan only these. */
  private arrived: (readonly [number, number])[] | null = null;
  private full = true;
  /** A re-projection in progress: the ranges it walks, and where it is (range index, next point or -1 for its start). */
  private walk: { ranges: readonly (readonly [number, number])[]; range: number; at: number } | null = null;

  /** Drawable point indices (finite on both axes, positive on log axes). A view: valid until the next sync. */
  get drawable(): Int32Array {
    return this.drawableBuf.subarray(0, this.drawableCount);
  }

  setData(data: ProjectionData | null): void {
    const prev = this.data;
    this.data = data;
    if (!data || !prev || data.xs !== prev.xs || data.ys !== prev.ys) {
      this.full = true;
      // New arrays with nothing announced yet (a run starting): nothing to scan. Otherwise
      // earlier announcements may have been missed, so scan everything.
      this.arrived = data?.added?.length === 0 ? [] : null;
    } else if (data.dataVersion !== prev.dataVersion) {
      if (data.added && data.dataVersion === prev.dataVersion + 1) {
        this.pending.push(...data.added);
        this.arrived?.push(...data.added);
      } else {
        this.full = true;
        this.arrived = null;
      }
    }
    if (data && prev && (data.xChoice !== prev.xChoice || data.yChoice !== prev.yChoice)) this.full = true;
    if ((data?.overlay?.xs ?? null) !== (prev?.overlay?.xs ?? null) || (data?.overlay?.ys ?? null) !== (prev?.overlay?.ys ?? null)) this.full = true;
  }

  resize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.full = true;
  }

  /** True while a re-projection is spread over several syncs (call sync again on the next frame). */
  get busy(): boolean {
    return this.walk !== null;
  }

  /**
   * Brings positions up to date. A re-projection handles at most `budget` points
   * per call (points not reached yet are NaN: not drawn, not hittable), so a
   * 100k-point redraw is spread over a few frames instead of one long task.
   */
  sync(budget = Infinity): ProjectionChange {
    const d = this.data;
    if (!this.full && !this.walk && (!d || d.dataVersion === this.syncedVersion)) return 'none';
    if (!d) return this.clear();
    this.syncedVersion = d.dataVersion;
    const ranges = this.pending;
    this.pending = [];
    if (this.full) {
      this.full = false;
      this.xExt = emptyExtent();
      this.yExt = emptyExtent();
      for (const [s, e] of this.arrivedRanges(d)) {
        extendExtent(this.xExt, d.xs, s, e);
        extendExtent(this.yExt, d.ys, s, e);
      }
      if (d.overlay) {
        extendExtent(this.xExt, d.overlay.xs, 0, d.overlay.xs.length);
        extendExtent(this.yExt, d.overlay.ys, 0, d.overlay.ys.length);
      }
      return this.projectAll(d, budget);
    }
    let moved = false;
    for (const [s, e] of ranges) {
      moved = extendExtent(this.xExt, d.xs, s, e) || moved;
      moved = extendExtent(this.yExt, d.ys, s, e) || moved;
    }
    if (moved && !this.mapsHold(d)) return this.projectAll(d, budget);
    if (!this.x || !this.y) return 'none';
    if (!this.walk) {
      for (const [s, e] of ranges) this.projectRange(d, s, e);
      return 'appended';
    }
    // A walk over `arrived` reaches new ranges (appended to it) by itself; a walk over all
    // indices has to be helped with the parts of new ranges it has already passed.
    if (this.walk.ranges !== this.arrived) {
      const passed = this.walk.range > 0 ? d.xs.length : Math.max(0, this.walk.at);
      for (const [s, e] of ranges) if (s < passed) this.projectRange(d, s, Math.min(e, passed));
    }
    this.continueWalk(d, budget);
    return 'appended';
  }

  /** The extents moved: do the axes they give still place every point where it is? */
  private mapsHold(d: ProjectionData): boolean {
    const [x, y] = [this.mapFor(d.xChoice, this.xExt, [0, this.width]), this.mapFor(d.yChoice, this.yExt, [this.height, 0])];
    return sameAxisMap(x, this.x) && sameAxisMap(y, this.y);
  }

  private mapFor(choice: ProjectionData['xChoice'], ext: ColumnExtent, range: [number, number]): AxisMap | null {
    const kind = scaleKindFor(choice, ext);
    const r = extentRange(ext, kind);
    return r && axisMap(kind, r, range);
  }

  private clear(): ProjectionChange {
    this.full = false;
    this.walk = null;
    this.pending = [];
    this.arrived = null;
    this.x = this.y = null;
    this.drawableCount = 0;
    this.overlayDrawable = new Int32Array(0);
    this.epoch++;
    return 'full';
  }

  private projectAll(d: ProjectionData, budget: number): ProjectionChange {
    this.xKind = scaleKindFor(d.xChoice, this.xExt);
    this.yKind = scaleKindFor(d.yChoice, this.yExt);
    this.x = this.mapFor(d.xChoice, this.xExt, [0, this.width]);
    this.y = this.mapFor(d.yChoice, this.yExt, [this.height, 0]);
    const n = d.xs.length;
    if (this.px.length !== n) {
      this.px = new Float32Array(n);
      this.py = new Float32Array(n);
      this.drawableBuf = new Int32Array(n);
    }
    // Old positions must not be drawn or hit while the walk has not reached them.
    this.px.fill(Number.NaN);
    this.py.fill(Number.NaN);
    this.drawableCount = 0;
    this.epoch++;
    this.walk = null;
    this.projectOverlay(d);
    if (this.x && this.y) {
      // `arrived` grows as chunks land, so the walk also covers ranges that arrive meanwhile.
      this.walk = { ranges: this.arrived ?? [[0, n]], range: 0, at: -1 };
      this.continueWalk(d, budget);
    }
    return 'full';
  }

  /** Projects up to `budget` more points of the running re-projection. */
  private continueWalk(d: ProjectionData, budget: number): void {
    const w = this.walk!;
    let left = budget;
    while (w.range < w.ranges.length && left > 0) {
      const [s, e] = w.ranges[w.range];
      const from = Math.max(s, w.at);
      const to = Math.min(e, from + left);
      this.projectRange(d, from, to);
      left -= to - from;
      if (to >= e) [w.range, w.at] = [w.range + 1, -1];
      else w.at = to;
    }
    if (w.range >= w.ranges.length) this.walk = null;
  }

  private arrivedRanges(d: ProjectionData): readonly (readonly [number, number])[] {
    return this.arrived ?? [[0, d.xs.length]];
  }

  /** The overlay in one pass (it is a finished sweep: nothing streams into it). */
  private projectOverlay(d: ProjectionData): void {
    const o = d.overlay;
    if (!o || !this.x || !this.y) {
      this.overlayDrawable = new Int32Array(0);
      return;
    }
    const n = o.xs.length;
    if (this.opx.length !== n) [this.opx, this.opy] = [new Float32Array(n), new Float32Array(n)];
    projectPoints(o.xs, this.x, this.opx, 0, n);
    projectPoints(o.ys, this.y, this.opy, 0, n);
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) if (this.opx[i] === this.opx[i] && this.opy[i] === this.opy[i]) out[k++] = i;
    this.overlayDrawable = out.subarray(0, k);
  }

  /** Projects points [s, e) and appends the drawable ones. */
  private projectRange(d: ProjectionData, s: number, e: number): void {
    if (!this.x || !this.y) return;
    projectPoints(d.xs, this.x, this.px, s, e);
    projectPoints(d.ys, this.y, this.py, s, e);
    const { px, py, drawableBuf } = this;
    let n = this.drawableCount;
    for (let i = s; i < e; i++) if (px[i] === px[i] && py[i] === py[i]) drawableBuf[n++] = i;
    this.drawableCount = n;
  }
}
