/**
 * The Pareto plot's imperative core: canvas cloud, SVG axes and overlays, zoom,
 * brush and hit-testing. React renders the elements once and feeds inputs; the
 * engine redraws in requestAnimationFrame, so a wheel event or a streamed chunk
 * never re-renders React. Pixel positions are computed once per data/axis change
 * (affine maps, O(n)); zoom and pan only re-apply k·p + t while drawing.
 */
import { brush, select, zoom, zoomIdentity, type BrushBehavior, type D3BrushEvent, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { axisMap, drawableIndices, projectPoints, type AxisMap } from './plotGeometry.ts';
import { drawOverlays, MARGIN, type OverlayParts } from './plotOverlays.ts';
import { dataExtent, type ScaleKind } from './plotScales.ts';
import { buildPointGrid, type PointGrid } from './pointGrid.ts';
import { parseHexColor, rasterizeCloud } from './plotRaster.ts';
import { EMPTY_INPUT, type DragMode, type PlotCallbacks, type PlotElements, type PlotInput } from './plotTypes.ts';

export type { DragMode, PlotCallbacks, PlotElements, PlotInput };

/** User-timing measure for benchmarks; only the latest of each name is kept, so nothing accumulates. */
function mark(name: string, start: number): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

export { MARGIN };
const HOVER_RADIUS_PX = 10;

export class PlotEngine {
  private input: PlotInput | null = null;
  private width = 0;
  private height = 0;
  private x: AxisMap | null = null;
  private y: AxisMap | null = null;
  private px: Float32Array = new Float32Array(0);
  private py: Float32Array = new Float32Array(0);
  private drawable: Int32Array = new Int32Array(0);
  private grid: PointGrid | null = null;
  private t: ZoomTransform = zoomIdentity;
  private frame = 0;
  private image: ImageData | null = null;
  private idleGrid = 0;
  private mode: DragMode = 'select';
  private readonly zoomer: ZoomBehavior<SVGGElement, unknown>;
  private readonly brusher: BrushBehavior<unknown>;
  private readonly resize: ResizeObserver;
  private readonly g: OverlayParts & Record<'bg' | 'clip' | 'focus' | 'cursor' | 'hover' | 'brush', SVGElement>;

  constructor(readonly els: PlotElements, private readonly cb: PlotCallbacks) {
    const q = (name: string) => els.svg.querySelector<SVGElement>(`[data-part="${name}"]`)!;
    this.g = {
      plot: q('plot'), bg: q('bg'), clip: q('clip'), xAxis: q('x-axis'), yAxis: q('y-axis'), xLabel: q('x-label'), yLabel: q('y-label'), step: q('step'),
      front: q('front'), selection: q('selection'), focus: q('focus'), cursor: q('cursor'), hover: q('hover'), brush: q('brush'),
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
    this.resize = new ResizeObserver(() => this.layout());
    this.resize.observe(els.root);
    this.layout();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleGrid);
    this.resize.disconnect();
    this.els.svg.removeEventListener('pointermove', this.onMove);
    this.els.svg.removeEventListener('pointerleave', this.onLeave);
    this.els.svg.removeEventListener('click', this.onClick);
    select(this.g.plot as SVGGElement).on('.zoom', null);
  }

  /** New inputs. `dataChanged`: points, axes or scales changed (re-project); else overlays only. */
  setInput(input: PlotInput, dataChanged: boolean): void {
    this.input = input;
    if (dataChanged) this.project();
    this.schedule();
  }

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
    return Math.hypot(this.px[a] - this.px[b], this.py[a] - this.py[b]);
  }

  /** Screen position of a point inside the root element, or null if it is not drawn. */
  position(i: number): [number, number] | null {
    if (!(this.px[i] === this.px[i] && this.py[i] === this.py[i])) return null;
    return [MARGIN.left + this.t.applyX(this.px[i]), MARGIN.top + this.t.applyY(this.py[i])];
  }

  /** Milliseconds the last full draw took (for the benchmark). */
  lastDrawMs = 0;

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
    for (const el of [this.g.bg, this.g.clip]) {
      el.setAttribute('width', String(this.width));
      el.setAttribute('height', String(this.height));
    }
    this.project();
    this.schedule();
  }

  private project(): void {
    const started = performance.now();
    this.projectNow();
    mark('pareto:project', started);
  }

  private projectNow(): void {
    const input = this.input;
    if (!input?.xs || !input.ys) {
      this.x = this.y = null;
      this.drawable = new Int32Array(0);
      this.grid = null;
      return;
    }
    const ex = dataExtent(input.xs, input.xKind);
    const ey = dataExtent(input.ys, input.yKind);
    this.x = ex && axisMap(input.xKind, ex, [0, this.width]);
    this.y = ey && axisMap(input.yKind, ey, [this.height, 0]);
    const n = input.xs.length;
    if (this.px.length !== n) [this.px, this.py] = [new Float32Array(n), new Float32Array(n)];
    if (this.x && this.y) {
      projectPoints(input.xs, this.x, this.px);
      projectPoints(input.ys, this.y, this.py);
      this.drawable = drawableIndices(this.px, this.py);
    } else {
      this.drawable = new Int32Array(0);
    }
    this.grid = null;
    // Build the hit-test grid when the page is idle, so the first hover does not pay for it.
    if (typeof requestIdleCallback === 'function') {
      cancelIdleCallback(this.idleGrid);
      this.idleGrid = requestIdleCallback(() => this.ensureGrid(), { timeout: 1000 });
    }
  }

  private ensureGrid(): PointGrid {
    this.grid ??= buildPointGrid(this.px, this.py, this.drawable, this.width, this.height, HOVER_RADIUS_PX);
    return this.grid;
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  /** Draws now (benchmarks call it to time a full render). */
  draw(): void {
    const started = performance.now();
    const { canvas } = this.els;
    const ctx = canvas.getContext('2d')!;
    const { k, x: tx, y: ty } = this.t;
    if (!this.image || this.image.width !== canvas.width || this.image.height !== canvas.height) {
      this.image = ctx.createImageData(Math.max(1, canvas.width), Math.max(1, canvas.height));
    }
    // Resolve the theme colour through the canvas, which normalises any CSS colour to #rrggbb.
    ctx.fillStyle = getComputedStyle(this.els.root).getPropertyValue('--cloud').trim() || '#6b7a8f';
    const dense = this.drawable.length > 20_000;
    const dpr = canvas.width / Math.max(1, this.width);
    rasterizeCloud(this.px, this.py, this.drawable, {
      width: this.image.width, height: this.image.height, dpr, size: Math.max(2, Math.round((dense ? 2 : 3) * dpr)),
      k, tx, ty, rgb: parseHexColor(String(ctx.fillStyle)), alpha: dense ? 0.45 : 0.7,
    }, this.image.data);
    ctx.putImageData(this.image, 0, 0);
    this.drawOverlays();
    this.lastDrawMs = performance.now() - started;
    mark('pareto:draw', started);
  }

  private drawOverlays(): void {
    drawOverlays(this.g, {
      width: this.width, height: this.height, x: this.x, y: this.y, t: this.t, px: this.px, py: this.py,
      input: this.input ?? EMPTY_INPUT,
    });
    this.placeRing(this.g.focus, this.input?.focus ?? null);
    this.placeRing(this.g.cursor, this.input?.cursor ?? null);
  }

  private placeRing(el: SVGElement, i: number | null): void {
    const p = i === null ? null : this.position(i);
    el.style.display = p ? '' : 'none';
    if (p) {
      el.setAttribute('cx', String(p[0] - MARGIN.left));
      el.setAttribute('cy', String(p[1] - MARGIN.top));
    }
  }

  /** Nearest drawn point to a pointer position (root coordinates), or -1. */
  private hit(clientX: number, clientY: number): number {
    const box = this.els.svg.getBoundingClientRect();
    const [mx, my] = [clientX - box.left - MARGIN.left, clientY - box.top - MARGIN.top];
    if (mx < 0 || my < 0 || mx > this.width || my > this.height) return -1;
    const [bx, by] = this.t.invert([mx, my]);
    return this.ensureGrid().nearest(bx, by, HOVER_RADIUS_PX / this.t.k);
  }

  private readonly onMove = (e: PointerEvent) => {
    const started = performance.now();
    const i = this.hit(e.clientX, e.clientY);
    this.placeRing(this.g.hover, i < 0 ? null : i);
    const p = i < 0 ? null : this.position(i);
    this.cb.onHover(i < 0 ? null : i, p?.[0] ?? 0, p?.[1] ?? 0);
    mark('pareto:hover', started);
  };

  private readonly onLeave = () => {
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
