/**
 * Fronts over three or more objectives, connected to the sweep: pick the
 * objectives, and the analysis worker finds the non-dominated points, their
 * hypervolume and each parameter's importance; the results show as a sentence,
 * a scatter matrix (or a table) and an importance table. Loaded lazily
 * (SweepView), so none of this weighs on the sweep view's first paint.
 */
import { useState } from 'react';
import type { Objective } from '../../../core/sweep/objectives.ts';
import { useSweepRun } from '../../../state/sweep/appSweep.ts';
import { formatCount } from '../../common/format.ts';
import { ObjectivePicker } from './ObjectivePicker.tsx';
import { useExplorer, useExplorerApi } from '../../../state/useExplorer.ts';
import { useManyObjectives } from './useManyObjectives.ts';
import { FrontSummary } from './FrontSummary.tsx';
import { ScatterMatrix } from './ScatterMatrix.tsx';
import { FrontPointsTable } from './FrontPointsTable.tsx';
import { ImportanceTable } from './ImportanceTable.tsx';
import './objectives.css';

export default function ManyObjectives() {
  // The chosen objectives are part of the view: a link or a reload brings them back.
  const chosen = useExplorer((s) => s.session.analysis.objectives);
  const api = useExplorerApi();
  const setChosen = (objectives: Objective[]) => api.getState().setAnalysis({ objectives });
  const [asTable, setAsTable] = useState(false);
  const a = useManyObjectives(chosen);
  const columns = useSweepRun((s) => s.columns);
  const latest = a.latest;

  if (!a.hasRun || !columns) return <p className="muted">Run a sweep to see its fronts over several objectives.</p>;
  return (
    <div className="mo" data-testid="many-objectives">
      <ObjectivePicker chosen={chosen} onChange={setChosen} />
      <p className="muted mo-status" role="status" data-testid="mo-status">
        {a.running
          ? `Analysing when the sweep finishes (${formatCount(a.done)} of ${formatCount(a.total)} points so far).`
          : a.analysing !== null
            ? `Analysing ${formatCount(a.analysing)} points…`
            : ''}
      </p>
      {a.error && <p role="alert" className="notice" data-kind="error">The analysis failed: {a.error}</p>}
      {latest && (
        // Dimmed while a newer analysis runs: the numbers on screen are about to change.
        <div className={a.analysing !== null ? 'mo-results mo-stale' : 'mo-results'} aria-busy={a.analysing !== null}>
          <FrontSummary analysis={latest} />
          <div className="table-switch" role="group" aria-label="Front view">
            <button type="button" aria-pressed={!asTable} onClick={() => setAsTable(false)}>Scatter matrix</button>
            <button type="button" aria-pressed={asTable} data-testid="mo-show-table" onClick={() => setAsTable(true)}>Show as table</button>
          </div>
          {asTable
            ? <FrontPointsTable columns={columns} analysis={latest} />
            : <ScatterMatrix columns={columns} total={a.total} analysis={latest} />}
          <ImportanceTable analysis={latest} />
        </div>
      )}
    </div>
  );
}
