/**
 * The line under the Pareto plot: what the marks are, which way each axis is optimised,
 * where predicted accuracy comes from, and how the current design compares with the
 * front. A sweep that varies the model but plots only costs gets a one-click way to
 * the accuracy trade-off, since its front otherwise favours the smallest models.
 */
import { useMemo } from 'react';
import { useExplorerApi } from '../../state/useExplorer.ts';
import type { ObjectiveColumns, Objective } from '../../core/sweep/objectives.ts';
import { SWEEP_ACCURACY_SOURCE } from '../../core/sweep/modelFigures.ts';
import type { PlotDesignMark } from './plotTypes.ts';
import { frontLegendText } from './objectiveFormat.ts';
import { frontPointsBeaten } from './frontBeaten.ts';

interface PlotLegendProps {
  x: Objective;
  y: Objective;
  columns: ObjectiveColumns;
  front: Int32Array;
  designs: readonly PlotDesignMark[];
  /** Designs not marked because their run settings differ from the sweep's. */
  otherSettings: number;
  /** Points inside the parallel-coordinates brushes, or null without brushes. */
  brushedCount: number | null;
  /** The sweep varies the transformer (alone or with the accelerator). */
  variesModel: boolean;
}

export function PlotLegend({ x, y, columns, front, designs, otherSettings, brushedCount, variesModel }: PlotLegendProps) {
  const api = useExplorerApi();
  const current = designs.find((d) => d.kind === 'current');
  const beaten = current ? frontPointsBeaten(front, { xs: columns[x], ys: columns[y] }, { x, y }, current) : 0;
  const plotsAccuracy = x === 'accuracy' || y === 'accuracy';
  // A sweep stored before predicted accuracy existed has the column all NaN (state/sweep/historyRecord.ts).
  const hasAccuracy = useMemo(() => columns.accuracy.some(Number.isFinite), [columns, front]);
  return (
    <div className="muted plot-legend" data-testid="plot-legend">
      <p>
        <span aria-hidden="true">◆</span> {frontLegendText(x, y, front.length)} · <span aria-hidden="true">★</span> current design
        {' '}· <span aria-hidden="true">○</span> pinned designs, at their own simulated objectives
        {otherSettings > 0 && ` (${otherSettings} not marked: simulated under other run settings than this sweep's)`}
        {brushedCount !== null && <span data-testid="plot-brushed"> · showing {brushedCount.toLocaleString('en-US')} points inside the parallel-coordinates brushes (front and selection of all points)</span>}
      </p>
      {beaten > 0 && (
        <p data-testid="plot-front-beaten">
          <span aria-hidden="true">★</span> The current design beats {beaten} of the {front.length} front points on these two axes: the front is
          optimal among the sweep&apos;s points only.
        </p>
      )}
      {plotsAccuracy && !hasAccuracy && (
        <p data-testid="plot-accuracy-missing">
          This sweep was recorded before sweeps predicted accuracy, so it has no accuracy column: run it again (same settings and seed) to get one.
        </p>
      )}
      {plotsAccuracy && hasAccuracy && <p data-testid="plot-accuracy-source">Predicted accuracy, higher is better, with ±1σ of the prediction. Source: {SWEEP_ACCURACY_SOURCE}.</p>}
      {!plotsAccuracy && variesModel && hasAccuracy && (
        <p>
          This sweep varies the model, and costs alone favour the smallest models.{' '}
          <button type="button" data-testid="plot-accuracy-preset" onClick={() => api.getState().setPlot({ x: 'latency', y: 'accuracy' })}>
            Plot predicted accuracy against latency
          </button>
        </p>
      )}
    </div>
  );
}
