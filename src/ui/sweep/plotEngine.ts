/**
 * The Pareto plot's imperative core: canvas cloud, SVG axes and overlays, zoom,
 * brush and hit-testing. React renders the elements once and feeds inputs; the
 * engine draws in requestAnimationFrame, so a wheel event or a streamed chunk
 * never re-renders React, and several chunks arriving within a frame cost one
 * draw. Work per frame follows what changed: streamed points are projected and
 * rasterised incrementally (PlotProjection, CloudCanvas), and the SVG axes and
 * marks are rebuilt only when the axes, zoom or front changed.
 */
import { brush, select, zoom, zoomIdentity, type BrushBehavior, type D3BrushEvent, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { drawAxes, drawDesignMarks, drawMarks, MARGIN, type OverlayParts, type OverlayState } from './plotOverlays.ts';
import { PlotProjection, type ProjectionChange } from './plotProjection.ts';
import { markClip } from './plotGeometry.ts';
import { buildPointGrid, pickPoint, type PointGrid } from './pointGrid.ts';
import { CloudCanvas } from './plotCloud.ts';
import { measureSince as mark } from '../../state/perfMark.ts';
import { EMPTY_INPUT, type DragMode, type PlotCallbacks, type PlotElements, type PlotInput } from './plotTypes.ts';
import type { PointEncoding } from './plotEncoding.ts';

export type { DragMode, PlotCallbacks, PlotElements, PlotInput };

export { MARGIN };
const HOVER_RADIUS_PX = 10;
/** Points a frame re-projects at most (a full redraw of 100k points takes a few frames, no long task). */
const REPROJECT_POINTS_PER_FRAME = 50_000;
/** Quiet time after the last point update before the hit-test grid is prebuilt. */
const GRID_SETTLE_MS = 300;

export interface CloudExport {
  /** Plot area, CSS pixels. */
  width: number;
  height: number;
  raster: HTMLCanvasElement;
  /** SVG path data of the marks in view, or null when there are more than the vector limit. */
  marks: { cloud: string; selection: string } | null;
  points: number;
}

/** Squares of side `size` centred on the points (zoomed), as one path; points outside the area are left out. */
function squaresPath(indices: ArrayLike<number>, px: Float32Array, py: Float32Array, t: ZoomTransform, size: number, w = Infinity, h = Infinity): string {
  const half = size / 2;
  let d = '';
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const x = t.applyX(px[i]);
    const y = t.applyY(py[i]);
    if (!(x >= 0 && x <= w && y >= 0 && y <= h)) continue;
    d += `M${(x - half).toFixed(1)} ${(y - half).toFixed(1)}h${size}v${size}h-${size}z`;
  }
  return d;
}

export class PlotEngine {
  private input: PlotInput = EMPTY_INPUT;
  private width = 0;
  private height = 0;
  private readonly proj = new PlotProjection();
  private readonly cloud: CloudCanvas;
  private grid: PointGrid | null = null;
  private t: ZoomTransform = zoomIdentity;
  private frame = 0;
  private idleGrid = 0;
  private gridTimer: ReturnType<typeof setTimeout> | undefined;
  private mode: DragMode = 'select';
  /** The point under the pointer at the last move, and the projection and zoom it was found in. */
  private hovered = -1;
  private hoveredAt: [number, ZoomTransform | null] = [-1, null];
  /** What the axes and the marks were last drawn for (rebuilding them is the costly part of a frame). */
  private xAxisKey: unknown[] = [];
  private yAxisKey: unknown[] = [];
  private marksKey: unknown[] = [];
  private designsKey: unknown[] = [];
  private readonly zoomer: ZoomBehavior<SVGGElement, unknown>;
  private readonly brusher: BrushBehavior<unknown>;
  private readonly resize: ResizeObserver;
  private readonly scheme: MediaQueryList | null;
  private readonly g: OverlayParts & Record<'bg' | 'clip' | 'focus' | 'cursor' | 'hover' | 'brush', SVGElement>;

  constructor(readonly els: PlotElements, private readonly cb: PlotCallbacks) {
    this.cloud = new CloudCanvas(els.canvas, els.root);
    const q = (name: string) => els.svg.querySelector<SVGElement>(`[data-part="${name}"]`)!;
    this.g = {
      plot: q('plot'), bg: q('bg'), clip: q('clip'), xAxis: q('x-axis'), yAxis: q('y-axis'), xLabel: q('x-label'), yLabel: q('y-label'), step: q('step'),
      front: q('front'), errors: q('errors'), focus: q('focus'), cursor: q('cursor'), hover: q('hover'), brush: q('brush'), designs: q('designs'),
    };
    this.zoomer = zoom<SVGGElement, unknown>()
      .scaleExtent([1, 200])
      // Wheel always zooms; dragging pans only in pan mode (in select mode it brushes).
      .filter((e: Event) => e.type === 'wheel' || (this.mode === 'pan' && !(e as MouseEvent).button))
      .on('zoom', (e: D3ZoomEvent<SVGGElement, unknown>) => {
        this.t = e.transform;
        if (e.sourceEvent) select(this.g.brush as SVGGElement).call(this.brusher.move as never, null);
        this.schedule();
      });
    this.brusher = brush<unknown>().on('end', (e: D3BrushEvent<unknown>) => this.brushed(e));
    // On the plot group (not the svg) so zoom centres ignore the margins.
    select(this.g.plot as SVGGElement).call(this.zoomer).on('dblclick.zoom', null);
    select(this.g.brush as SVGGElement).call(this.brusher);
    els.svg.addEventListener('pointermove', this.onMove);
    els.svg.addEventListener('pointerleave', this.onLeave);
    els.svg.addEventListener('click', this.onClick);
    for (const ring of [this.g.hover, this.g.focus, this.g.cursor]) this.placeRing(ring, null);
    // The cloud colour is a theme variable: read it again when the theme or the system scheme changes.
    this.scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    this.scheme?.addEventListener('change', this.refreshTheme);
    this.resize = new ResizeObserver(() => this.layout());
    this.resize.observe(els.root);
    this.layout();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.gridTimer);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleGrid);
    this.resize.disconnect();
    this.scheme?.removeEventListener('change', this.refreshTheme);
    this.els.svg.removeEventListener('pointermove', this.onMove);
    this.els.svg.removeEventListener('pointerleave', this.onLeave);
    this.els.svg.removeEventListener('click', this.onClick);
    select(this.g.plot as SVGGElement).on('.zoom', null);
  }

  /** New inputs; the next frame redraws what they changed. */
  setInput(input: PlotInput): void {
    this.input = input;
    this.proj.setData(input.data);
    this.schedule();
  }

  /** The theme changed: re-read colours on the next frame. */
  readonly refreshTheme = (): void => {
    this.cloud.refreshColour();
    this.schedule();
  };

  setMode(mode: DragMode): void {
    this.mode = mode;
    this.g.brush.style.display = mode === 'select' ? '' : 'none';
  }

  zoomBy(factor: number): void {
    select(this.g.plot as SVGGElement).call(this.zoomer.scaleBy, factor);
  }

  resetZoom(): void {
    select(this.g.plot as SVGGElement).call(this.zoomer.transform, zoomIdentity);
  }

  /** Distance between two points in unzoomed pixels (keyboard "nearest front point"). */
  distance(a: number, b: number): number {
    this.sync();
    return Math.hypot(this.proj.px[a] - this.proj.px[b], this.proj.py[a] - this.proj.py[b]);
  }

  /** Screen position of a point inside the root element, or null if it is not drawn. */
  position(i: number): [number, number] | null {
    this.sync();
    const { px, py } = this.proj;
    if (!(px[i] === px[i] && py[i] === py[i])) return null;
    return [MARGIN.left + this.t.applyX(px[i]), MARGIN.top + this.t.applyY(py[i])];
  }

  private layout(): void {
    const { root, canvas, svg } = this.els;
    const width = root.clientWidth;
    const height = root.clientHeight;
    if (width === this.width + MARGIN.left + MARGIN.right && height === this.height + MARGIN.top + MARGIN.bottom) return;
    this.width = Math.max(10, width - MARGIN.left - MARGIN.right);
    this.height = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    const dpr = window.devicePixelRatio || 1;
    Object.assign(canvas.style, { left: `${MARGIN.left}px`, top: `${MARGIN.top}px`, width: `${this.width}px`, height: `${this.height}px` });
    canvas.width = Math.round(this.width * dpr);
    canvas.height = Math.round(this.height * dpr);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    const extent: [[number, number], [number, number]] = [[0, 0], [this.width, this.height]];
    this.zoomer.extent(extent).translateExtent(extent);
    this.brusher.extent(extent);
    select(this.g.brush as SVGGElement).call(this.brusher);
    this.g.bg.setAttribute('width', String(this.width));
    this.g.bg.setAttribute('height', String(this.height));
    this.proj.resize(this.width, this.height);
    this.schedule();
  }

  /** Brings positions up to date with the input (incrementally when only points were added). */
  private sync(): ProjectionChange {
    const started = performance.now();
    const change = this.proj.sync(REPROJECT_POINTS_PER_FRAME);
    if (change === 'none') return change;
    // A re-projection spread over frames: come back next frame for the rest.
    if (this.proj.busy) this.schedule();
    this.grid = null;
    if (change === 'full') this.cb.onScales?.(this.proj.xKind, this.proj.yKind);
    // Build the hit-test grid when the points have settled and the page is idle, so the first
    // hover does not pay for it, and a streaming sweep does not rebuild it ten times a second.
    clearTimeout(this.gridTimer);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleGrid);
    this.gridTimer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') this.idleGrid = requestIdleCallback(() => this.ensureGrid(), { timeout: 1000 });
    }, GRID_SETTLE_MS);
    mark(change === 'full' ? 'pareto:project-full' : 'pareto:project', started);
    return change;
  }

  private ensureGrid(): PointGrid {
    this.sync();
    this.grid ??= buildPointGrid(this.proj.px, this.proj.py, this.proj.drawable, this.width, this.height, HOVER_RADIUS_PX);
    return this.grid;
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  /**
   * The cloud as a figure needs it: re-rasterised at `scale` device pixels per CSS
   * pixel (a 2× PNG stays sharp on a 1× screen), and, when at most `vectorLimit`
   * points are in view, also as vector marks (one path for the cloud, one for the
   * selection) in plot coordinates, so an SVG figure scales without pixels.
   */
  /** The colour and size channels in force (for a figure's legend). */
  get encoding(): PointEncoding | null {
    const e = this.input.encoding;
    return e && (e.colour || e.size) ? e : null;
  }

  exportCloud(scale: number, vectorLimit: number): CloudExport {
    this.sync();
    const raster = document.createElement('canvas');
    raster.width = Math.round(this.width * scale);
    raster.height = Math.round(this.height * scale);
    new CloudCanvas(raster, this.els.root).draw(this.proj, this.input.selection, this.t, this.width, this.input.brushed, this.input.encoding);
    const { px, py, drawable } = this.proj;
    const inView: number[] = [];
    for (const i of drawable) {
      const x = this.t.applyX(px[i]);
      const y = this.t.applyY(py[i]);
      if (x >= 0 && x <= this.width && y >= 0 && y <= this.height) inView.push(i);
      if (inView.length > vectorLimit) break;
    }
    // Coloured or sized marks stay in the raster, which paints them exactly as on screen.
    const marks = inView.length > vectorLimit || this.encoding ? null : {
      cloud: squaresPath(inView, px, py, this.t, 3),
      selection: squaresPath(this.input.selection, px, py, this.t, 4, this.width, this.height),
    };
    return { width: this.width, height: this.height, raster, marks, points: drawable.length };
  }

  /** Draws now (exports call it so the canvas holds the current frame). */
  draw(): void {
    const started = performance.now();
    this.sync();
    this.cloud.draw(this.proj, this.input.selection, this.t, this.width, this.input.brushed, this.input.encoding);
    this.drawOverlays();
    mark('pareto:draw', started);
  }

  private drawOverlays(): void {
    const input = this.input;
    const { k, x: tx, y: ty } = this.t;
    const view = [this.proj.epoch, k, tx, ty, this.width, this.height];
    const state = (): OverlayState => ({ width: this.width, height: this.height, x: this.proj.x, y: this.proj.y, t: this.t, px: this.proj.px, py: this.proj.py, input });
    // An axis is redrawn when its map, the zoom or the size changed; both share "shown at all".
    const { x, y } = this.proj;
    const shown = x !== null && y !== null;
    const xKey = [shown, x?.kind, x?.a, x?.b, k, tx, this.width, this.height, input.xLabel, input.xTickFormat];
    const yKey = [shown, y?.kind, y?.a, y?.b, k, ty, this.width, this.height, input.yLabel, input.yTickFormat];
    const which = { x: changed(xKey, this.xAxisKey), y: changed(yKey, this.yAxisKey) };
    if (which.x || which.y) {
      const started = performance.now();
      [this.xAxisKey, this.yAxisKey] = [xKey, yKey];
      drawAxes(this.g, state(), which);
      mark('pareto:axes', started);
    }
    // Front points appear as a spread-out re-projection reaches them.
    const marksKey = [...view, input.front, input.errorBars?.x, input.errorBars?.y, this.proj.busy ? this.proj.drawable.length : -1];
    if (changed(marksKey, this.marksKey)) {
      const started = performance.now();
      this.marksKey = marksKey;
      for (const [name, v] of Object.entries(markClip(this.width, this.height, k !== 1))) this.g.clip.setAttribute(name, String(v));
      drawMarks(this.g, state());
      mark('pareto:marks', started);
    }
    const designsKey = [...view, x?.a, x?.b, y?.a, y?.b, input.designs];
    if (changed(designsKey, this.designsKey)) {
      this.designsKey = designsKey;
      drawDesignMarks(this.g, state());
    }
    this.placeRing(this.g.focus, input.focus);
    this.placeRing(this.g.cursor, input.cursor);
  }

  private placeRing(el: SVGElement, i: number | null): void {
    const p = i === null ? null : this.position(i);
    el.style.display = p ? '' : 'none';
    if (p) {
      el.setAttribute('cx', String(p[0] - MARGIN.left));
      el.setAttribute('cy', String(p[1] - MARGIN.top));
    }
  }

  /** The point under a pointer position (client coordinates), or -1: front and loaded points first, then the nearest. */
  private hit(clientX: number, clientY: number): number {
    const box = this.els.svg.getBoundingClientRect();
    const [mx, my] = [clientX - box.left - MARGIN.left, clientY - box.top - MARGIN.top];
    if (mx < 0 || my < 0 || mx > this.width || my > this.height) return -1;
    const [bx, by] = this.t.invert([mx, my]);
    const grid = this.ensureGrid();
    const { input } = this;
    const extra = [input.focus, input.cursor].filter((i): i is number => i !== null);
    return pickPoint(grid, [input.front, extra], this.proj.px, this.proj.py, bx, by, HOVER_RADIUS_PX / this.t.k);
  }

  private readonly onMove = (e: PointerEvent) => {
    const started = performance.now();
    const i = this.hit(e.clientX, e.clientY);
    // Still over the same point (or still over nothing): ring and tooltip are already right.
    if (i === this.hovered && this.hoveredAt[0] === this.proj.epoch && this.hoveredAt[1] === this.t) return;
    this.hovered = i;
    this.hoveredAt = [this.proj.epoch, this.t];
    this.placeRing(this.g.hover, i < 0 ? null : i);
    const p = i < 0 ? null : this.position(i);
    this.cb.onHover(i < 0 ? null : i, p?.[0] ?? 0, p?.[1] ?? 0);
    mark('pareto:hover', started);
  };

  private readonly onLeave = () => {
    this.hovered = -1;
    this.placeRing(this.g.hover, null);
    this.cb.onHover(null, 0, 0);
  };

  /** Pan mode: a click without a drag picks a point. (Select mode handles clicks in `brushed`.) */
  private readonly onClick = (e: MouseEvent) => {
    if (this.mode !== 'pan') return;
    const i = this.hit(e.clientX, e.clientY);
    if (i >= 0) this.cb.onPick(i);
  };

  private brushed(e: D3BrushEvent<unknown>): void {
    if (!e.sourceEvent) return;
    const sel = e.selection as [[number, number], [number, number]] | null;
    if (!sel) {
      // A click, not a drag: pick the point under the pointer, or clear the selection.
      const src = e.sourceEvent as MouseEvent;
      const i = this.hit(src.clientX, src.clientY);
      if (i >= 0) this.cb.onPick(i);
      else this.cb.onBrush(new Int32Array(0));
      return;
    }
    const [[x0, y0], [x1, y1]] = sel;
    const [bx0, by0] = this.t.invert([x0, y0]);
    const [bx1, by1] = this.t.invert([x1, y1]);
    this.cb.onBrush(this.ensureGrid().inRect(bx0, by0, bx1, by1));
    // The selected points stay marked; the rectangle goes, so a click inside it picks a point instead of moving it.
    select(this.g.brush as SVGGElement).call(this.brusher.move as never, null);
  }
}

function changed(key: readonly unknown[], last: readonly unknown[]): boolean {
  return key.length !== last.length || key.some((v, i) => v !== last[i]);
}
