import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { PlotProjection, type ProjectionData } from './plotProjection.ts';
import { CloudRaster, rasterizeCloud, type RasterOptions } from './plotRaster.ts';

/** A column filled chunk by chunk in a shuffled order, like a sweep's; NaN until a chunk lands, NaN for failures. */
function streamed(n: number, chunk: number, seed: number) {
  const rng = createRng(seed);
  const xs = new Float64Array(n).fill(NaN);
  const ys = new Float64Array(n).fill(NaN);
  const values = Array.from({ length: n }, () => [rng.next() < 0.03 ? NaN : 10 ** (-5 + 3 * rng.next() ** 3), 1e-6 * (1 + 200 * rng.next() ** 4)]);
  const chunks: [number, number][] = [];
  for (let s = 0; s < n; s += chunk) chunks.push([s, Math.min(n, s + chunk)]);
  for (let k = chunks.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [chunks[k], chunks[j]] = [chunks[j], chunks[k]];
  }
  const land = ([s, e]: [number, number]) => {
    for (let i = s; i < e; i++) [xs[i], ys[i]] = values[i];
  };
  return { xs, ys, chunks, land };
}

/** First index where two images differ, or -1 (toEqual on 80k bytes is slow). */
const firstDiff = (a: Uint8ClampedArray, b: Uint8ClampedArray) => (a.length !== b.length ? 0 : a.findIndex((v, i) => v !== b[i]));

const sortedDrawable = (p: PlotProjection) => [...p.drawable].sort((a, b) => a - b);

describe('PlotProjection', () => {
  it('streams to exactly the positions of a full projection, appending while the extents hold', () => {
    const { xs, ys, chunks, land } = streamed(4000, 250, 1);
    const live = new PlotProjection();
    live.resize(600, 300);
    let version = 1;
    const data = (added: ProjectionData['added']): ProjectionData => ({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: version, added });
    // A run starting: new, empty columns, nothing announced yet.
    live.setData(data([]));
    expect(live.sync()).toBe('full');
    expect(live.drawable.length).toBe(0);
    const changes: string[] = [];
    for (let k = 0; k < chunks.length; k += 2) {
      // Two chunks per publish, and sometimes two publishes per frame.
      const batch = chunks.slice(k, k + 2);
      batch.forEach(land);
      version++;
      live.setData(data(batch));
      if (k % 4 === 0) changes.push(live.sync());
    }
    changes.push(live.sync());
    expect(changes).toContain('appended');

    const fresh = new PlotProjection();
    fresh.resize(600, 300);
    fresh.setData(data(null));
    fresh.sync();
    expect(live.xKind).toBe(fresh.xKind);
    expect(live.x!.scale.domain()).toEqual(fresh.x!.scale.domain());
    expect(live.y!.scale.domain()).toEqual(fresh.y!.scale.domain());
    expect(Array.from(live.px)).toEqual(Array.from(fresh.px));
    expect(Array.from(live.py)).toEqual(Array.from(fresh.py));
    expect(sortedDrawable(live)).toEqual(sortedDrawable(fresh));
  });

  it('spreads a re-projection over syncs of a bounded budget and ends where a one-go projection does', () => {
    const { xs, ys, chunks, land } = streamed(3000, 200, 4);
    chunks.slice(0, 10).forEach(land);
    const slow = new PlotProjection();
    slow.resize(500, 250);
    // Met mid-run: the walk covers every index, in budgets of 700 points.
    slow.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: 5, added: [chunks[9]] });
    expect(slow.sync(700)).toBe('full');
    expect(slow.busy).toBe(true);
    expect(slow.drawable.length).toBeLessThanOrEqual(700);
    // A chunk lands both behind and ahead of the walk while it runs.
    const late = chunks.slice(10);
    let version = 5;
    for (const c of late) {
      land(c);
      slow.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: ++version, added: [c] });
      slow.sync(700);
    }
    let guard = 0;
    while (slow.busy && guard++ < 100) slow.sync(700);
    const fresh = new PlotProjection();
    fresh.resize(500, 250);
    fresh.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: version, added: null });
    fresh.sync();
    expect(fresh.busy).toBe(false);
    expect(Array.from(slow.px)).toEqual(Array.from(fresh.px));
    expect(Array.from(slow.py)).toEqual(Array.from(fresh.py));
    expect(sortedDrawable(slow)).toEqual(sortedDrawable(fresh));
  });

  it('scans every point when it meets arrays mid-run (earlier announcements missed)', () => {
    const { xs, ys, chunks, land } = streamed(1000, 100, 3);
    chunks.slice(0, 4).forEach(land);
    const p = new PlotProjection();
    p.resize(400, 200);
    p.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: 9, added: [chunks[3]] });
    p.sync();
    // Four chunks have landed, only the last one was announced: all four are drawn.
    const landed = [...xs].filter((v, i) => Number.isFinite(v) && Number.isFinite(ys[i])).length;
    expect(landed).toBeGreaterThan(350);
    expect(p.drawable.length).toBe(landed);
  });

  it('re-projects everything after a missed update, a resize or a new axis choice', () => {
    const { xs, ys, chunks, land } = streamed(1000, 100, 2);
    const p = new PlotProjection();
    p.resize(400, 200);
    chunks.slice(0, 5).forEach(land);
    p.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: 1, added: null });
    expect(p.sync()).toBe('full');
    expect(p.sync()).toBe('none');
    land(chunks[5]);
    // Version 3 right after 1: version 2's ranges were never seen.
    p.setData({ xs, ys, xChoice: 'auto', yChoice: 'auto', dataVersion: 3, added: [chunks[5]] });
    expect(p.sync()).toBe('full');
    p.resize(400, 201);
    expect(p.sync()).toBe('full');
    p.setData({ xs, ys, xChoice: 'linear', yChoice: 'auto', dataVersion: 3, added: [chunks[5]] });
    expect(p.sync()).toBe('full');
    expect(p.xKind).toBe('linear');
    p.setData(null);
    expect(p.sync()).toBe('full');
    expect(p.drawable.length).toBe(0);
    expect(p.x).toBeNull();
  });
});

describe('CloudRaster', () => {
  it('counting only appended points gives the same pixels as painting all of them', () => {
    const rng = createRng(3);
    const n = 3000;
    const px = Float32Array.from({ length: n }, () => rng.next() * 200);
    const py = Float32Array.from({ length: n }, () => rng.next() * 100);
    const order = Int32Array.from({ length: n }, (_, i) => (i * 1237) % n);
    const o: RasterOptions = { width: 200, height: 100, dpr: 1, size: 2, k: 1, tx: 0, ty: 0, rgb: [1, 2, 3], alpha: 0.4 };
    const raster = new CloudRaster();
    const out = new Uint8ClampedArray(200 * 100 * 4);
    for (const upTo of [0, 500, 1700, 3000]) raster.paint(px, py, order.subarray(0, upTo), 7, o, out);
    expect(firstDiff(out, rasterizeCloud(px, py, order, o, new Uint8ClampedArray(200 * 100 * 4)))).toBe(-1);
    // A zoom (new view) or a new epoch recounts from scratch rather than adding twice.
    const zoomed = { ...o, k: 2, tx: -50 };
    raster.paint(px, py, order, 7, zoomed, out);
    expect(firstDiff(out, rasterizeCloud(px, py, order, zoomed, new Uint8ClampedArray(200 * 100 * 4)))).toBe(-1);
    // A new colour or opacity recolours every pixel from the kept counts.
    const faded = { ...zoomed, alpha: 0.2, rgb: [9, 9, 9] as [number, number, number] };
    raster.paint(px, py, order, 7, faded, out);
    expect(firstDiff(out, rasterizeCloud(px, py, order, faded, new Uint8ClampedArray(200 * 100 * 4)))).toBe(-1);
    raster.paint(px, py, order.subarray(0, 100), 8, zoomed, out);
    expect(firstDiff(out, rasterizeCloud(px, py, order.subarray(0, 100), zoomed, new Uint8ClampedArray(200 * 100 * 4)))).toBe(-1);
  });

  it('projects a history overlay on the same axes, widening them to hold both sweeps', () => {
    const xs = Float64Array.from([1, 2, 3, 4]);
    const ys = Float64Array.from([1, 2, 3, 4]);
    const overlay = { xs: Float64Array.from([0.5, 8, NaN]), ys: Float64Array.from([0.5, 8, 2]) };
    const p = new PlotProjection();
    p.resize(400, 200);
    const data = (o: ProjectionData['overlay']): ProjectionData => ({ xs, ys, xChoice: 'linear', yChoice: 'linear', dataVersion: 1, added: null, overlay: o });
    p.setData(data(null));
    p.sync();
    const alone = [p.px[0], p.px[3]];
    p.setData(data(overlay));
    expect(p.sync()).toBe('full');
    // The overlay's extremes fit: every drawable point of both sweeps is inside the plot area.
    expect([...p.overlayDrawable]).toEqual([0, 1]);
    for (const i of p.overlayDrawable) {
      expect(p.opx[i]).toBeGreaterThanOrEqual(0);
      expect(p.opx[i]).toBeLessThanOrEqual(400);
    }
    // Wider axes: the same points now sit closer together.
    expect(p.px[3] - p.px[0]).toBeLessThan(alone[1] - alone[0]);
    // The overlay lies on the same scale: x = 8 is right of x = 4.
    expect(p.opx[1]).toBeGreaterThan(p.px[3]);
    p.setData(data(null));
    p.sync();
    expect(p.overlayDrawable).toHaveLength(0);
    expect(p.px[3] - p.px[0]).toBeCloseTo(alone[1] - alone[0], 5);
  });
});
