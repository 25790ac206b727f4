/**
 * "Compare algorithms": BOSHCODE, evolution and random search over several seeds at the
 * panel's budget, in the co-design worker, with progress and cancel; then the median and
 * spread of best-so-far against queries (CompareChart) and the final figures (CompareTable).
 */
import { useState } from 'react';
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { CompareChart } from './CompareChart.tsx';
import { CompareTable } from './CompareTable.tsx';

export function CompareAlgorithms() {
  const { controller } = useCodesignApi();
  const c = useCodesign((s) => s.compare);
  const searching = useCodesign((s) => s.status === 'running');
  const budget = useExplorer((s) => s.session.codesign.budget);
  const [seeds, setSeeds] = useState(3);
  const running = c.status === 'running';
  return (
    <section className="cd-compare" aria-label="Compare algorithms" data-testid="cd-compare-section">
      <h3>Compare algorithms</h3>
      <div className="cd-run-buttons">
        <label className="cd-field cd-inline">
          <span>Seeds</span>
          <input type="number" min={1} max={10} value={seeds} data-testid="cd-compare-seeds" onChange={(e) => setSeeds(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} />
        </label>
        <button type="button" data-testid="cd-compare" disabled={searching || running} onClick={() => void controller.compare(seeds)}>
          Compare 3 algorithms × {seeds} seeds at {budget} queries
        </button>
        {running && <button type="button" data-testid="cd-compare-cancel" onClick={() => controller.cancel()}>Cancel</button>}
      </div>
      {running && (
        <div className="cd-progress" data-testid="cd-compare-progress">
          <progress max={c.total} value={c.done} aria-label="Comparison progress" />
          <span>{c.done} / {c.total} searches done{c.current ? ` · ${c.current}` : ''}</span>
        </div>
      )}
      {c.status === 'cancelled' && <p className="cd-caption" role="status" data-testid="cd-compare-status">Comparison cancelled after {c.done} of {c.total} searches.</p>}
      {c.status === 'error' && c.message && <p className="cd-error" role="alert">{c.message}</p>}
      {c.status === 'done' && c.summaries.length > 0 && (
        <figure className="cd-chart" data-testid="cd-compare-chart">
          <figcaption>
            Seeds {c.seeds.join(', ')} at {c.budget} queries each; same objective and predictor as a single search.
          </figcaption>
          <CompareChart summaries={c.summaries} budget={c.budget} />
          <CompareTable summaries={c.summaries} />
        </figure>
      )}
    </section>
  );
}
