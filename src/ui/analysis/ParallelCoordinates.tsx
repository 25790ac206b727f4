/**
 * Parallel coordinates over a sweep: one vertical axis per varied parameter and
 * per objective. Lines are drawn on canvas (pcLines.ts): every row dimmed in a
 * cached background bitmap, then the rows passing the brushes on top, coloured
 * by one column; rows selected in the Pareto plot are drawn last, dark. d3 makes
 * the scales and ticks; React owns the SVG (axes, brushes) and the controls.
 * Data come in by props, so the view knows nothing of stores or workers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { columnExtent, makeAxis, moveKey, orderedKeys, tickFormatter, type PcAxis, type PcColumn } from './pcAxes.ts';
import { colourBins, drawProgressively, MAX_DRAWN_LINES, projectRows } from './pcLines.ts';
import { evenSample } from '../../core/sweep/evenSample.ts';
import { brushBand, brushPointerHandlers, type BrushHandler } from './pcBrush.ts';
import { pcMarkPoints } from './pcMarkPoints.ts';
import { PcAxisHeader } from './PcAxisHeader.tsx';
import { PcColourLegend } from './PcColourLegend.tsx';
import { COLOUR_BIN_COUNT, COLOUR_BIN_HEX } from '../sweep/plotEncoding.ts';
import type { PcLayout } from './pcLayout.ts';
import './parallel.css';

export interface ParallelCoordinatesProps {
  columns: readonly PcColumn[];
  /** Rows (sweep points). */
  n: number;
  /** Bumps when column values change (points arrived). */
  dataVersion: number;
  brushes: Readonly<Record<string, readonly [number, number]>>;
  onBrush: BrushHandler;
  /** Rows passing every brush, ascending (a new array whenever they change), or null when nothing is brushed. */
  passing: Int32Array | null;
  passCount: number;
  /** Rows selected in the Pareto plot. */
  highlight: Int32Array;
  /** Current and pinned designs: their value per column key, drawn as marked polylines. */
  marks: readonly { id: string; label: string; kind: 'current' | 'pinned'; values: Readonly<Record<string, number>> }[];
  layout: PcLayout;
  onLayout(next: PcLayout): void;
}

const HEIGHT_PX = 300;
const TOP_PX = 12;
const BOTTOM_PX = HEIGHT_PX - 16;
/** Room per axis: ticks and the header's controls fit; narrower screens scroll the view sideways. */
const AXIS_GAP_PX = 110;

export default function ParallelCoordinates(p: ParallelCoordinatesProps) {
  const { columns, n, layout, onLayout } = p;
  const order = useMemo(() => orderedKeys(columns, layout.order), [columns, layout.order]);
  const byKey = useMemo(() => new Map(columns.map((c) => [c.key, c])), [columns]);
  const width = Math.max(320, order.length * AXIS_GAP_PX);
  const xs = order.map((_, k) => AXIS_GAP_PX / 2 + k * AXIS_GAP_PX);
  // Extents change only when points arrive.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const extents = useMemo(() => new Map(columns.map((c) => [c.key, columnExtent(c)])), [columns, p.dataVersion]);
  const axes: PcAxis[] = useMemo(() => order.map((k) => makeAxis(byKey.get(k)!, extents.get(k)!, {
    log: layout.log.includes(k) ? true : layout.linear.includes(k) ? false : undefined, flipped: layout.flipped.includes(k),
  }, TOP_PX, BOTTOM_PX)), [order, byKey, extents, layout.log, layout.linear, layout.flipped]);
  const colourAxis = axes.find((a) => a.column.key === (layout.colourBy || 'latency')) ?? axes[axes.length - 1];

  // Rows drawn (an even sample past MAX_DRAWN_LINES) and their pixel positions: the background's once per
  // layout and data, the foreground's per brush. Lines are drawn over local indices 0..rows.length.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const bgRows = useMemo(() => evenSample(null, n, MAX_DRAWN_LINES).rows, [n, p.dataVersion]);
  const bgYs = useMemo(() => projectRows(axes, bgRows), [axes, bgRows]);
  const fgRows = useMemo(() => (p.passing ? evenSample(p.passing, n, MAX_DRAWN_LINES).rows : bgRows), [n, p.passing, bgRows]);
  const fgYs = useMemo(() => (fgRows === bgRows ? bgYs : projectRows(axes, fgRows)), [axes, fgRows, bgRows, bgYs]);
  const bins = useMemo(() => (colourAxis ? colourBins(colourAxis, fgRows, COLOUR_BIN_COUNT) : null), [colourAxis, fgRows]);
  const highlightYs = useMemo(() => projectRows(axes, p.highlight), [axes, p.highlight]);

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const background = useRef<HTMLCanvasElement | null>(null);
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

  // Background: every row, dimmed, drawn over a few frames; redrawn only when layout or data change, not on a brush move.
  const [backgroundVersion, setBackgroundVersion] = useState(0);
  const backgroundReady = useRef(false);
  useEffect(() => {
    const bg = background.current ?? (background.current = document.createElement('canvas'));
    // Assigning a canvas's size reallocates its bitmap even when unchanged: only on a real change.
    if (bg.width !== width * dpr) bg.width = width * dpr;
    if (bg.height !== HEIGHT_PX * dpr) bg.height = HEIGHT_PX * dpr;
    const ctx = bg.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT_PX);
    backgroundReady.current = false;
    const style = { bins: null, colours: ['#8a8f98'], alpha: n > 20_000 ? 0.03 : 0.12, width: 1 };
    return drawProgressively(ctx, bgYs, bgRows.length, xs, style, () => {
      backgroundReady.current = true;
      setBackgroundVersion((v) => v + 1);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bgYs, width, dpr]);

  // Foreground: the background bitmap (once drawn), then passing rows coloured, then the Pareto selection.
  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !background.current) return;
    if (c.width !== width * dpr) c.width = width * dpr;
    if (c.height !== HEIGHT_PX * dpr) c.height = HEIGHT_PX * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (backgroundReady.current) ctx.drawImage(background.current, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const alpha = fgRows.length >= 5_000 ? 0.08 : fgRows.length > 2_000 ? 0.15 : 0.5;
    let cancelHighlight = () => {};
    const cancelRows = drawProgressively(ctx, fgYs, fgRows.length, xs, { bins, colours: COLOUR_BIN_HEX, alpha, width: 1 }, () => {
      if (p.highlight.length > 0) {
        cancelHighlight = drawProgressively(ctx, highlightYs, p.highlight.length, xs, { bins: null, colours: ['#d9480f'], alpha: 0.9, width: 1.5 });
      }
    });
    return () => { cancelRows(); cancelHighlight(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fgYs, bins, highlightYs, width, dpr, backgroundVersion]);

  const set = (patch: Partial<PcLayout>) => onLayout({ ...layout, order, ...patch });
  const toggle = (list: readonly string[], k: string) => (list.includes(k) ? list.filter((x) => x !== k) : [...list, k]);

  return (
    <div className="pc" data-testid="parallel-coordinates">
      <div className="pc-toolbar">
        <label>Colour by{' '}
          <select value={colourAxis?.column.key ?? ''} onChange={(e) => set({ colourBy: e.target.value })} data-testid="pc-colour-by">
            {order.map((k) => <option key={k} value={k}>{byKey.get(k)!.label}</option>)}
          </select>
        </label>
        {colourAxis && <PcColourLegend axis={colourAxis} colours={COLOUR_BIN_HEX} />}
        <span className="muted" data-testid="pc-count" aria-live="polite">
          {p.passing ? `${p.passCount.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} points pass the brushes` : `${n.toLocaleString('en-US')} points; drag along an axis to filter`}
        </span>
        {n > MAX_DRAWN_LINES && (
          <span className="muted" data-testid="pc-sampled">
            (lines: an even sample of at most {MAX_DRAWN_LINES.toLocaleString('en-US')} per layer; counts, brushes and exports use every point)
          </span>
        )}
        {Object.keys(p.brushes).length > 0 && (
          <button type="button" onClick={() => Object.keys(p.brushes).forEach((k) => p.onBrush(k, null))}>Clear brushes</button>
        )}
      </div>
      <div className="pc-scroll">
        <div className="pc-heads" style={{ width }}>
          {axes.map((a, k) => (
            <PcAxisHeader key={a.column.key} axis={a} brush={p.brushes[a.column.key]} first={k === 0} last={k === axes.length - 1}
              onMove={(by) => set({ order: moveKey(order, a.column.key, by) })}
              onFlip={() => set({ flipped: toggle(layout.flipped, a.column.key) })}
              onLog={() => {
                const k = a.column.key;
                // Pin the other kind than shown, whatever the auto rule chose.
                set(a.log ? { log: layout.log.filter((x) => x !== k), linear: [...layout.linear.filter((x) => x !== k), k] }
                  : { linear: layout.linear.filter((x) => x !== k), log: [...layout.log.filter((x) => x !== k), k] });
              }}
              onBrush={p.onBrush} />
          ))}
        </div>
        <div className="pc-plot" style={{ width, height: HEIGHT_PX }}>
          <canvas ref={canvasRef} style={{ width, height: HEIGHT_PX }} aria-hidden="true" />
          <svg width={width} height={HEIGHT_PX} role="img" aria-label={`Parallel coordinates of ${n} sweep points over ${axes.length} axes`}>
            <PcMarks axes={axes} xs={xs} marks={p.marks} />
            {axes.map((a, k) => <PcAxisSvg key={a.column.key} axis={a} x={xs[k]} brush={p.brushes[a.column.key]} onBrush={p.onBrush} />)}
          </svg>
        </div>
      </div>
    </div>
  );
}

function PcAxisSvg({ axis, x, brush, onBrush }: { axis: PcAxis; x: number; brush?: readonly [number, number]; onBrush: BrushHandler }) {
  const c = axis.column;
  const ticks = c.levels !== undefined
    ? Array.from({ length: c.levels }, (_, l) => l).filter((l, _, all) => all.length <= 8 || l % Math.ceil(all.length / 8) === 0)
    : axis.scale.ticks(5);
  const format = tickFormatter(axis, 5);
  const band = brush ? brushBand(axis, brush) : null;
  return (
    <g className="pc-axis" transform={`translate(${x},0)`} data-axis={c.key}>
      <line y1={TOP_PX} y2={BOTTOM_PX} className="pc-axis-line" />
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${axis.scale(t)})`}>
          <line x2={-4} className="pc-axis-line" />
          <text x={-6} dy="0.32em" textAnchor="end">{truncate(format(t), 12)}</text>
        </g>
      ))}
      <text className="pc-axis-label" y={HEIGHT_PX - 2} textAnchor="middle">{truncate(c.label, 16)}<title>{c.label}</title></text>
      {band && <rect className="pc-brush" x={-7} width={14} y={band[0]} height={Math.max(2, band[1] - band[0])} />}
      <rect className="pc-hit" x={-14} width={28} y={TOP_PX - 6} height={BOTTOM_PX - TOP_PX + 12} data-testid={`pc-hit-${c.key}`} {...brushPointerHandlers(axis, onBrush)} />
    </g>
  );
}

/**
 * The current design (★ line) and pinned designs (dashed), where they have a value on the axes;
 * a value beyond an axis's range sits at its end as an arrow pointing the way it lies.
 */
function PcMarks({ axes, xs, marks }: { axes: readonly PcAxis[]; xs: readonly number[]; marks: ParallelCoordinatesProps['marks'] }) {
  return (
    <g className="pc-marks">
      {marks.map((m) => {
        const pts = pcMarkPoints(axes, xs, m.values, TOP_PX, BOTTOM_PX);
        if (pts.length < 2) return null;
        return (
          <g key={m.id} className={`pc-mark pc-mark-${m.kind}`}>
            <polyline points={pts.map(({ x, y }) => `${x},${y}`).join(' ')}><title>{m.label}</title></polyline>
            {pts.map(({ x, y, beyond }, k) => beyond
              ? <text key={k} x={x} y={y} dy="0.35em" textAnchor="middle" data-beyond={beyond}>{beyond === 'above' ? '▲' : '▼'}<title>{m.label}: beyond this axis</title></text>
              : m.kind === 'current'
                ? <text key={k} x={x} y={y} dy="0.35em" textAnchor="middle">★</text>
                : <circle key={k} cx={x} cy={y} r={3.5} />)}
          </g>
        );
      })}
    </g>
  );
}

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
