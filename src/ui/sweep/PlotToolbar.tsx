/** Axis choices (objective and scale per axis), drag mode, and zoom buttons for the Pareto plot. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { OBJECTIVES, OBJECTIVE_INFO, type Objective } from '../../core/sweep/objectives.ts';
import type { AxisScaleChoice, ScaleKind } from './plotScales.ts';
import type { DragMode, PlotEngine } from './plotEngine.ts';

const SCALES: readonly AxisScaleChoice[] = ['auto', 'log', 'linear'];

interface PlotToolbarProps {
  mode: DragMode;
  onMode: (m: DragMode) => void;
  engineRef: { current: PlotEngine | null };
  /** What 'auto' currently resolves to per axis, shown in its option. */
  resolved: { x: ScaleKind; y: ScaleKind } | null;
}

/** Memoised: the plot re-renders as points stream in, the toolbar only when its props change. */
export const PlotToolbar = memo(function PlotToolbar({ mode, onMode, engineRef, resolved }: PlotToolbarProps) {
  const api = useExplorerApi();
  const plot = useExplorer(useShallow((s) => ({ x: s.session.plot.x, y: s.session.plot.y, xScale: s.session.plot.xScale, yScale: s.session.plot.yScale })));
  const axis = (which: 'x' | 'y') => {
    const key = which === 'x' ? 'xScale' : 'yScale';
    const name = which === 'x' ? 'X' : 'Y';
    return (
      <span className="axis-pick">
        <label>
          {name} objective{' '}
          <select data-testid={`plot-${which}`} value={plot[which]} onChange={(e) => api.getState().setPlot({ [which]: e.target.value as Objective })}>
            {OBJECTIVES.map((o) => <option key={o} value={o}>{OBJECTIVE_INFO[o].label}</option>)}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{name} scale</span>
          <select aria-label={`${name} scale`} data-testid={`plot-${which}-scale`} value={plot[key]} onChange={(e) => api.getState().setPlot({ [key]: e.target.value as AxisScaleChoice })}>
            {SCALES.map((s) => <option key={s} value={s}>{s === 'auto' && resolved ? `auto (${resolved[which]})` : s}</option>)}
          </select>
        </label>
      </span>
    );
  };
  return (
    <div className="plot-toolbar">
      {axis('x')}
      {axis('y')}
      <span role="group" aria-label="Dragging on the plot" className="drag-mode">
        {(['select', 'pan'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-testid={`plot-mode-${m}`} onClick={() => onMode(m)}>
            {m === 'select' ? 'Brush select' : 'Pan'}
          </button>
        ))}
      </span>
      <span className="zoom-buttons">
        <button type="button" aria-label="Zoom in" data-testid="plot-zoom-in" onClick={() => engineRef.current?.zoomBy(1.5)}>+</button>
        <button type="button" aria-label="Zoom out" data-testid="plot-zoom-out" onClick={() => engineRef.current?.zoomBy(1 / 1.5)}>−</button>
        <button type="button" data-testid="plot-zoom-reset" onClick={() => engineRef.current?.resetZoom()}>Reset zoom</button>
      </span>
    </div>
  );
});
