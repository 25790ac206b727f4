/**
 * The Gantt drawing: SVG bars for small runs, a canvas for large ones (over
 * CANVAS_THRESHOLD bars), and always an SVG overlay for axes, row labels, the
 * highlighted op and the zoom brush. Hover shows the op; arrow keys walk the
 * ops (Left/Right in time, Up/Down across rows); drag or +/− zooms, 0 resets.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { format, scaleLinear } from 'd3';
import type { TimelineEntry } from '../core/elector/types.ts';
import { barAt, neighbourBar, type TimelineLayout } from './timelineLayout.ts';
import { laneAtY, laneGeometry, laneTop } from './timelineGeometry.ts';
import { drawTimelineBars } from './timelineCanvas.ts';
import { opSentence } from './opDetails.ts';
import { LimiterPatternDefs, limiterFill } from './LimiterFills.tsx';
import { OpTooltip } from './OpTooltip.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { useCssColors } from './useCssColors.ts';
import { clampView, zoomAround, type CycleView } from './zoom.ts';
import { setLinkedOp, useLinkedOp } from './roofline/linkedOp.ts';

export const CANVAS_THRESHOLD = 2000;

/** Below a bar in the upper half of the plot, above it in the lower half, so the tooltip stays inside. */
function tooltipY(barY: number, barH: number, plotBottom: number) {
  return barY < plotBottom / 2 ? { top: barY + barH + 6 } : { top: barY - 6, transform: 'translateY(-100%)' };
}
const LEFT = 108, RIGHT = 14, TOP = 4, AXIS_H = 24;
const COLORS = ['compute', 'memory', 'series-3', 'series-4', 'series-5'] as const;
const TOOLTIP_W = 340;
const cyclesTick = format('~s');
const cyclesShort = format('.3~s');

export function TimelinePlot({ entries, layout, summary }: { entries: readonly TimelineEntry[]; layout: TimelineLayout; summary: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const uid = useId().replace(/:/g, '');
  const colors = useCssColors(ref, COLORS);
  const [view, setView] = useState<CycleView | null>(null);
  const [hovered, setHovered] = useState(-1);
  const [focused, setFocused] = useState(-1);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  // A new result keeps the zoom (clamped to the new run) but drops op indices, which now mean other ops.
  useEffect(() => {
    setView((v) => v && clampView(v, [0, Math.max(1, layout.endCycle)]));
    setHovered(-1);
    setFocused(-1);
  }, [layout]);

  const g = laneGeometry(layout);
  const height = TOP + g.plotH + AXIS_H;
  const full: CycleView = [0, Math.max(1, layout.endCycle)];
  const domain = view ?? full;
  const x = scaleLinear().domain(domain).range([LEFT, Math.max(LEFT + 50, width - RIGHT)]);
  const useCanvas = layout.bars.length > CANVAS_THRESHOLD;
  const barTop = (row: number, lane: number) => TOP + laneTop(g, row, lane);

  useEffect(() => {
    if (!useCanvas || !canvasRef.current) return;
    drawTimelineBars(canvasRef.current, layout, { x, barTop, barH: g.barH, left: LEFT, right: width - RIGHT }, colors, width, height);
    // Hover and focus live in the overlay: they must not redraw thousands of bars.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [useCanvas, layout, width, height, domain[0], domain[1], g.laneH, colors]);

  const svgBars = useMemo(() => {
    if (useCanvas) return null;
    return layout.bars.map((b, i) => (
      <rect
        key={i}
        x={x(b.x0)}
        y={barTop(b.row, b.lane)}
        width={Math.max(1, x(b.x1) - x(b.x0))}
        height={g.barH}
        style={{ fill: limiterFill(uid, b.limiter) }}
        className={x(b.x1) - x(b.x0) > 4 ? 'bar-edge' : undefined}
      />
    ));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, useCanvas, width, domain[0], domain[1], g.laneH]);

  const hit = (e: PointerEvent<SVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { px: e.clientX - r.left, py: e.clientY - r.top };
  };
  const onMove = (e: PointerEvent<SVGElement>) => {
    const { px, py } = hit(e);
    if (brush) return setBrush({ ...brush, to: px });
    const lane = laneAtY(layout, g, py - TOP);
    const tolerance = Math.abs(x.invert(LEFT + 3) - x.invert(LEFT));
    setHovered(lane < 0 || px < LEFT ? -1 : barAt(layout, lane, x.invert(px), tolerance));
  };
  const onUp = () => {
    if (brush && Math.abs(brush.to - brush.from) > 6) {
      setView(clampView([x.invert(Math.min(brush.from, brush.to)), x.invert(Math.max(brush.from, brush.to))], full));
    }
    setBrush(null);
  };
  const onKey = (e: KeyboardEvent) => {
    const at = focused >= 0 ? layout.bars[focused] : null;
    const centre = at ? (at.x0 + at.x1) / 2 : (domain[0] + domain[1]) / 2;
    if (e.key === '+' || e.key === '=') setView(zoomAround(domain, centre, 0.5, full));
    else if (e.key === '-') setView(zoomAround(domain, centre, 2, full));
    else if (e.key === '0' || e.key === 'Escape') setView(null);
    else {
      const next = neighbourBar(layout, focused, e.key);
      if (next === focused) return;
      setFocused(next);
      setHovered(-1); // the keyboard takes over the tooltip from a resting pointer
      const b = layout.bars[next];
      // Keep the focused op in view when zoomed.
      if (view && (b.x1 < view[0] || b.x0 > view[1])) setView(zoomAround(view, (b.x0 + b.x1) / 2, 1, full));
    }
    e.preventDefault();
  };

  const shown = hovered >= 0 ? hovered : focused;
  // Until the effect above runs, indices may still point past a shorter new layout.
  const sb = layout.bars[shown] ?? null;
  const focusedBar = layout.bars[focused];
  // The hover link with the roofline: publish the op shown here, ring the op pointed at there.
  const shownEntry = sb ? sb.entry : -1;
  useEffect(() => setLinkedOp(entries, shownEntry, 'timeline'), [entries, shownEntry]);
  const linkedEntry = useLinkedOp(entries, 'timeline');
  const linkedBar = useMemo(() => (linkedEntry < 0 ? null : layout.bars.find((b) => b.entry === linkedEntry) ?? null), [layout, linkedEntry]);
  const ticks = x.ticks(Math.max(2, Math.floor((width - LEFT) / 90)));
  return (
    <div
      ref={ref}
      className="timeline-plot"
      tabIndex={0}
      role="group"
      aria-roledescription="timeline chart"
      aria-label={`${summary} Arrow keys move through ops; plus and minus zoom; 0 resets the zoom.`}
      onKeyDown={onKey}
      data-testid="timeline-plot"
      data-renderer={useCanvas ? 'canvas' : 'svg'}
    >
      {view && (
        <div className="zoom-bar">
          Showing cycles {cyclesShort(view[0])}–{cyclesShort(view[1])} of {cyclesShort(full[1])}{' '}
          <button type="button" onClick={() => setView(null)} data-testid="timeline-reset-zoom">Reset zoom</button>
        </div>
      )}
      <div className="timeline-stage">
        <svg width={width} height={height} aria-hidden="true" focusable="false" className="timeline-svg">
          <defs>
            <LimiterPatternDefs uid={uid} />
            <clipPath id={`${uid}-clip`}><rect x={LEFT} y={0} width={Math.max(0, width - LEFT - RIGHT)} height={height} /></clipPath>
          </defs>
          {layout.rows.map((r, i) => (
            <g key={r.key}>
              <rect x={LEFT} y={TOP + g.rowTop[i]} width={Math.max(0, width - LEFT - RIGHT)} height={r.lanes * g.laneH} className="row-band" />
              <text x={LEFT - 8} y={TOP + g.rowTop[i] + (r.lanes * g.laneH) / 2} dy="0.35em" textAnchor="end" className="row-label">{r.label}</text>
            </g>
          ))}
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={TOP} y2={TOP + g.plotH} className="gridline" />
              <text y={TOP + g.plotH + 15} textAnchor="middle" className="tick">{cyclesTick(t)}</text>
            </g>
          ))}
          <text x={width - RIGHT} y={height - 1} textAnchor="end" className="axis-title">cycles</text>
          <g clipPath={`url(#${uid}-clip)`}>{svgBars}</g>
        </svg>
        {useCanvas && <canvas ref={canvasRef} style={{ width, height }} className="timeline-canvas" aria-hidden="true" />}
        {/* The overlay sits above the bars (SVG or canvas): highlight, brush and the pointer surface. */}
        <svg width={width} height={height} aria-hidden="true" focusable="false" className="timeline-overlay">
          <g clipPath={`url(#${uid}-clip)`}>
            {linkedBar && (
              <rect
                x={x(linkedBar.x0) - 3} y={barTop(linkedBar.row, linkedBar.lane) - 3} width={Math.max(1, x(linkedBar.x1) - x(linkedBar.x0)) + 6} height={g.barH + 6}
                className="bar-linked" data-testid="timeline-linked" data-entry={linkedBar.entry}
              />
            )}
            {sb && <rect x={x(sb.x0) - 2} y={barTop(sb.row, sb.lane) - 2} width={Math.max(1, x(sb.x1) - x(sb.x0)) + 4} height={g.barH + 4} className="bar-highlight" />}
            {brush && <rect x={Math.min(brush.from, brush.to)} y={TOP} width={Math.abs(brush.to - brush.from)} height={g.plotH} className="brush" />}
          </g>
          <rect
            x={0} y={0} width={width} height={height} fill="transparent" className="pointer-surface"
            onPointerMove={onMove}
            onPointerLeave={() => setHovered(-1)}
            onPointerDown={(e) => { const { px } = hit(e); if (px >= LEFT) { e.currentTarget.setPointerCapture(e.pointerId); setBrush({ from: px, to: px }); } }}
            onPointerUp={onUp}
            onDoubleClick={() => setView(null)}
          />
        </svg>
        {sb && (
          <div
            className="chart-tooltip"
            style={{ width: TOOLTIP_W, left: Math.max(0, Math.min(width - TOOLTIP_W, Math.max(LEFT, x((sb.x0 + sb.x1) / 2) - TOOLTIP_W / 2))), ...tooltipY(barTop(sb.row, sb.lane), g.barH, TOP + g.plotH) }}
            aria-hidden="true"
            data-testid="timeline-tooltip"
          >
            <OpTooltip entry={entries[sb.entry]} />
          </div>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite">{focusedBar ? opSentence(entries[focusedBar.entry]) : ''}</div>
    </div>
  );
}
