/**
 * The sweep's parallel coordinates, connected: objective columns from the run
 * store, parameter columns and brushes from the sweep filter, the Pareto plot's
 * selection as highlighted lines. Loaded lazily (SweepView), so d3 line drawing
 * and the parameter regeneration never weigh on the first visit.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { OBJECTIVES, OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import ParallelCoordinates from './ParallelCoordinates.tsx';
import type { PcColumn } from './pcAxes.ts';
import { tickFormatOf } from '../sweep/objectiveFormat.ts';
import { pcLayoutOf, type PcLayout } from './pcLayout.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { usePcMarks } from './pcMarks.ts';

export default function SweepParallel() {
  const { filter } = useSweepApi();
  const run = useSweepRun(useShallow((s) => ({ columns: s.columns, job: s.job, dataVersion: s.dataVersion, selection: s.selection })));
  const f = useStore(filter.store);
  // The layout is the session's (a link restores it); the component only arranges what it is given.
  const parallel = useExplorer((s) => s.session.parallel);
  const layout = useMemo(() => pcLayoutOf(parallel), [parallel]);
  const api = useExplorerApi();
  const setLayout = (next: PcLayout) => api.getState().setParallel({ ...next, order: [...next.order], flipped: [...next.flipped], log: [...next.log], linear: [...next.linear] });
  useEffect(() => filter.requestParams(), [filter, run.job]);

  const columns = useMemo((): PcColumn[] => {
    if (!run.columns) return [];
    const params: PcColumn[] = (f.params ?? []).map((c) => ({
      key: c.param.id, label: c.param.label, values: c.values, unit: c.param.unit,
      ...(c.categorical ? { levels: c.param.values.length, levelLabel: (l: number) => c.param.valueLabel(Math.round(l)) } : {}),
    }));
    // Parameters and model counts first, then the costs; 'parameters' and 'macs' describe the model.
    const objectives: PcColumn[] = OBJECTIVES.map((o) => ({ key: o, label: OBJECTIVE_INFO[o].label, values: run.columns![o], unit: OBJECTIVE_INFO[o].unit, si: true, format: tickFormatOf(o) }));
    return [...params, ...objectives];
  }, [run.columns, f.params]);
  const paramIds = useMemo(() => (f.params ?? []).filter((c) => !c.categorical).map((c) => c.param.id), [f.params]);
  const marks = usePcMarks(paramIds);

  if (!run.job || columns.length === 0) return <p className="muted">Run a sweep to see its points as parallel coordinates.</p>;
  return (
    <ParallelCoordinates
      columns={columns} n={run.job.total} dataVersion={run.dataVersion}
      brushes={f.brushes} onBrush={(k, b) => filter.setBrush(k, b)}
      passing={f.passing} passCount={f.passCount}
      highlight={run.selection} marks={marks} layout={layout} onLayout={setLayout}
    />
  );
}
