/**
 * Feeds the analysis worker from the sweep: the chosen objective columns
 * (copied: the run store fills its own in place), the varied parameters'
 * columns from the sweep filter, and the brushed rows when there is a brush.
 * Re-analyses when any of these change, once the sweep has finished (a running
 * sweep of 10⁶ points would restart the analysis ten times a second); the
 * newest request wins and a superseded answer is dropped.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { OBJECTIVE_INFO, type Objective } from '../../../core/sweep/objectives.ts';
import { useSweepApi, useSweepRun } from '../../../state/sweep/appSweep.ts';
import { createAnalysisClient } from '../../../workers-client/analysisClient.ts';
import { describeWorkerError } from '../../../workers-client/workerGuard.ts';
import type { AnalysisParam, AnalysisResult } from './analyse.ts';

/** Waits this long for more changes (checkbox clicks, brush drags) before starting an analysis. */
const SETTLE_MS = 150;

export interface ObjectivesAnalysis {
  objectives: Objective[];
  /** The rows analysed (brushed), or null for every row. */
  rows: Int32Array | null;
  params: readonly AnalysisParam[];
  result: AnalysisResult;
}

export interface ManyObjectivesState {
  /** Points being analysed now, or null. */
  analysing: number | null;
  /** The newest finished analysis (kept on screen while the next one runs). */
  latest: ObjectivesAnalysis | null;
  error: string | null;
}

export function useManyObjectives(objectives: readonly Objective[]) {
  const { filter } = useSweepApi();
  const run = useSweepRun(useShallow((s) => ({ columns: s.columns, job: s.job, status: s.status, dataVersion: s.dataVersion, done: s.done })));
  const params = useStore(filter.store, (s) => s.params);
  const passing = useStore(filter.store, (s) => s.passing);
  const [state, setState] = useState<ManyObjectivesState>({ analysing: null, latest: null, error: null });
  const client = useRef<ReturnType<typeof createAnalysisClient> | null>(null);
  const key = objectives.join(',');

  useEffect(() => filter.requestParams(), [filter, run.job]);
  useEffect(() => () => client.current?.dispose(), []);

  const plainParams = useMemo((): AnalysisParam[] => (params ?? []).map((c) => ({
    id: c.param.id, label: c.param.label, values: c.values, categorical: c.categorical,
  })), [params]);

  useEffect(() => {
    if (!run.columns || !run.job || run.status === 'running' || objectives.length < 2) return;
    const columns = run.columns;
    const chosen = key.split(',') as Objective[];
    const rows = passing;
    const timer = setTimeout(() => {
      const points = rows ? rows.length : run.job!.total;
      setState((s) => ({ ...s, analysing: points, error: null }));
      client.current ??= createAnalysisClient();
      // Copies, transferred to the worker: the originals stay with the run store and the plot.
      const req = {
        columns: chosen.map((o) => columns[o].slice()),
        senses: chosen.map((o) => OBJECTIVE_INFO[o].sense),
        params: plainParams.map((p) => ({ ...p, values: Float32Array.from(p.values) })),
        rows: rows ? rows.slice() : undefined,
      };
      client.current.analyse(req).then(
        (out) => {
          if (out.superseded) return;
          setState({ analysing: null, error: null, latest: { objectives: chosen, rows, params: plainParams, result: out.value } });
        },
        (e: unknown) => setState((s) => ({ ...s, analysing: null, error: describeWorkerError(e) })),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // objectives are read through `key`, so a new array with the same choice does not re-analyse.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run.columns, run.job, run.status, run.dataVersion, key, plainParams, passing]);

  return { ...state, running: run.status === 'running', done: run.done, total: run.job?.total ?? 0, hasRun: run.job !== null };
}
