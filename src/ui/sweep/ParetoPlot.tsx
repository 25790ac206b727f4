/**
 * The Pareto plot: a canvas cloud (brushed points as accent squares) under an
 * SVG overlay (axes, front as diamonds plus its staircase, the loaded and the
 * keyboard point as rings). The drawing lives in `PlotEngine`; this component
 * renders the elements once, feeds the engine and handles the keyboard.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useExplorer } from '../../state/useExplorer.ts';
import { OBJECTIVE_INFO, objectiveSign, uncertaintyColumn } from '../../core/sweep/objectives.ts';
import { PlotEngine, type DragMode } from './plotEngine.ts';
import type { ScaleKind } from './plotScales.ts';
import { navigateFront } from './frontNav.ts';
import { formatObjective, objectiveLabel, tickFormatOf } from './objectiveFormat.ts';
import { PlotTooltip, type PlotTooltipHandle } from './PlotTooltip.tsx';
import { PlotToolbar } from './PlotToolbar.tsx';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import type { SweepController } from '../../state/sweep/sweepController.ts';
import { useDesignMarks } from './designMarks.ts';
import { usePlotEncoding } from './usePlotEncoding.ts';
import { PlotEncodingControls } from './PlotEncodingControls.tsx';
import { PlotLegend } from './PlotLegend.tsx';

export function ParetoPlot({ controller, active, engineRef }: { controller: SweepController; active: boolean; engineRef: { current: PlotEngine | null } }) {
  const { x, y, xScale, yScale, focus } = useExplorer(useShallow((s) => {
    const p = s.session.plot;
    return { x: p.x, y: p.y, xScale: p.xScale, yScale: p.yScale, focus: p.focus };
  }));
  // Only what the keyboard and the text alternative need; drawing does not go through React.
  const { store: runs, filter } = useSweepApi();
  const brushedCount = useStore(filter.store, (f) => (f.passing ? f.passCount : null));
  const run = useSweepRun(useShallow((s) => ({ columns: s.columns, front: s.front, selection: s.selection, done: s.done, errorCount: s.errorCount })));
  const variesModel = useSweepRun((s) => s.job !== null && s.job.spec.vary !== 'accelerator');
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const tooltipRef = useRef<PlotTooltipHandle>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [mode, setMode] = useState<DragMode>('select');
  const [announcement, setAnnouncement] = useState('');
  // The scales 'auto' resolved to, shown in the toolbar.
  const [kinds, setKinds] = useState<{ x: ScaleKind; y: ScaleKind } | null>(null);
  const clipId = `pareto-clip-${useId().replace(/:/g, '')}`;

  useEffect(() => {
    const engine = new PlotEngine(
      { root: rootRef.current!, canvas: canvasRef.current!, svg: svgRef.current! },
      {
        onHover: (i, px, py) => tooltipRef.current?.show(i, px, py, rootRef.current!.clientWidth, rootRef.current!.clientHeight),
        onPick: (i) => controller.loadPoint(i),
        onBrush: (indices) => controller.select(indices),
        onScales: (x, y) => setKinds((k) => (k?.x === x && k.y === y ? k : { x, y })),
      },
    );
    engineRef.current = engine;
    return () => {
      engine.destroy();
      engineRef.current = null;
    };
  }, [controller, engineRef]);

  useEffect(() => engineRef.current?.setMode(mode), [mode, engineRef]);

  // Points stream in through a store subscription, not React renders: a publish
  // hands the engine the ranges that arrived, and it projects and draws only those.
  const { marks: designs, otherSettings } = useDesignMarks(x, y);
  const encodingOf = usePlotEncoding();
  const view = useRef({ x, y, xScale, yScale, focus, cursor, active, designs });
  view.current = { x, y, xScale, yScale, focus, cursor, active, designs };
  const feed = useRef<() => void>(() => {});
  feed.current = () => {
    const v = view.current;
    const s = runs.getState();
    const f = filter.store.getState();
    if (!v.active || !engineRef.current) return;
    engineRef.current.setInput({
      data: s.columns && {
        xs: s.columns[v.x], ys: s.columns[v.y], xChoice: v.xScale, yChoice: v.yScale, dataVersion: s.dataVersion, added: s.added,
        overlay: s.overlay && { xs: s.overlay.columns[v.x], ys: s.overlay.columns[v.y] },
      },
      xLabel: objectiveLabel(v.x), yLabel: objectiveLabel(v.y), xTickFormat: tickFormatOf(v.x), yTickFormat: tickFormatOf(v.y),
      errorBars: s.columns && { x: uncertaintyColumn(s.columns, v.x), y: uncertaintyColumn(s.columns, v.y) },
      front: s.front, selection: s.selection, focus: v.focus, cursor: v.cursor, designs: v.designs,
      brushed: f.fails && { fails: f.fails, version: f.version }, encoding: encodingOf(),
    });
  };
  useEffect(() => runs.subscribe((s, prev) => {
    if (s.version !== prev.version || s.dataVersion !== prev.dataVersion) feed.current();
  }), [runs]);
  // A parallel-coordinates brush filters the cloud.
  useEffect(() => filter.store.subscribe(() => feed.current()), [filter]);
  useEffect(() => feed.current(), [active, x, y, xScale, yScale, focus, cursor, designs, encodingOf]);
  // The cloud's colour is read from the theme when drawing.
  const theme = useExplorer((s) => s.theme);
  useEffect(() => engineRef.current?.refreshTheme(), [theme, engineRef]);

  const onKeyDown = (e: KeyboardEvent) => {
    const engine = engineRef.current;
    if (!engine || !run.columns) return;
    if (e.key === 'Enter' && cursor !== null) {
      e.preventDefault();
      controller.loadPoint(cursor);
      setAnnouncement(`Loaded point ${cursor} into the editors.`);
      return;
    }
    if (e.key === '+' || e.key === '=') return engine.zoomBy(1.5);
    if (e.key === '-') return engine.zoomBy(1 / 1.5);
    if (e.key === '0') return engine.resetZoom();
    if (e.key === 'Escape') return controller.select(new Int32Array(0));
    // The front runs along its minimised x: for a maximised x (accuracy) that is right to left on screen.
    const leftToRight = objectiveSign(x) === -1 ? Int32Array.from(run.front).reverse() : run.front;
    const next = navigateFront(e.key, leftToRight, cursor ?? focus, (a, b) => engine.distance(a, b));
    if (next === null) return;
    e.preventDefault();
    setCursor(next);
    const rank = Array.prototype.indexOf.call(run.front, next) as number;
    setAnnouncement(
      `${rank >= 0 ? `Front point ${rank + 1} of ${run.front.length}` : `Point ${next}`}: ` +
        `${OBJECTIVE_INFO[x].label} ${formatObjective(x, run.columns[x][next])}, ${OBJECTIVE_INFO[y].label} ${formatObjective(y, run.columns[y][next])}. Press Enter to load it.`,
    );
  };

  const valid = run.done - run.errorCount;
  const summary = run.columns
    ? `Pareto plot of ${OBJECTIVE_INFO[y].label} against ${OBJECTIVE_INFO[x].label}: ${valid.toLocaleString('en-US')} points, ` +
      `${run.front.length} on the front (diamonds), ${run.selection.length} selected. Arrow keys move along the front, Enter loads a point, + and − zoom. The table below lists the same points.`
    : 'Pareto plot: no sweep has run yet.';

  return (
    <div className="pareto">
      <PlotToolbar mode={mode} onMode={setMode} engineRef={engineRef} resolved={kinds} />
      {run.columns && <PlotEncodingControls encoding={encodingOf()} />}
      <div
        ref={rootRef}
        className="pareto-plot"
        data-testid="pareto-plot"
        tabIndex={0}
        role="application"
        aria-roledescription="scatter plot"
        aria-label={summary}
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(null)}
      >
        <canvas ref={canvasRef} aria-hidden="true" />
        <svg ref={svgRef} aria-hidden="true">
          <g data-part="plot">
            <rect data-part="bg" fill="transparent" />
            <g data-part="x-axis" className="axis" />
            <g data-part="y-axis" className="axis" />
            <text data-part="x-label" className="axis-label" textAnchor="middle" />
            <text data-part="y-label" className="axis-label" textAnchor="middle" />
            <clipPath id={clipId}><rect data-part="clip" /></clipPath>
            <g data-part="brush" />
            {/* Marks are clipped to the plot area, so zoomed-in overlays never cover the axes. */}
            <g clipPath={`url(#${clipId})`}>
              <path data-part="step" className="front-step" />
              <path data-part="errors" className="front-errors" data-testid="front-error-bars" />
              <path data-part="front" className="front-marks" />
              <circle data-part="focus" className="focus-ring" r={8} />
              <circle data-part="cursor" className="cursor-ring" r={10} />
              <circle data-part="hover" className="hover-ring" r={6} />
            </g>
            {/* Not clipped: design marks are held on the plot's edge and their labels inside it, so none is cut in half. */}
            <g data-part="designs" />
          </g>
        </svg>
        {!run.columns && <p className="pareto-empty">Run a sweep to see the trade-offs.</p>}
        <PlotTooltip ref={tooltipRef} />
      </div>
      {run.columns && (
        <PlotLegend x={x} y={y} columns={run.columns} front={run.front} designs={designs} otherSettings={otherSettings} brushedCount={brushedCount} variesModel={variesModel} />
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="pareto-announcer">{announcement}</div>
    </div>
  );
}
