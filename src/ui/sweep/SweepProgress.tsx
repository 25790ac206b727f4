/** Progress of the running sweep: a progress bar, rate, ETA, and what failed. */
import { useShallow } from 'zustand/react/shallow';
import { useSweepRun } from '../../state/sweep/appSweep.ts';

/** One formatter for every render (toLocaleString builds a new one per call). */
const NUMBER = new Intl.NumberFormat('en-US');
const n = (x: number) => NUMBER.format(x);
const seconds = (s: number) => (s < 10 ? `${s.toFixed(1)} s` : s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);

export function SweepProgress() {
  const r = useSweepRun(useShallow((s) => ({
    status: s.status, done: s.done, total: s.job?.total ?? 0, rate: s.ratePerS, eta: s.etaS,
    errors: s.errorCount, kinds: s.errorKinds, elapsedMs: s.elapsedMs, message: s.message, origin: s.origin,
  })));
  if (r.status === 'idle') return null;
  const pct = r.total > 0 ? (100 * r.done) / r.total : 0;
  const status =
    r.status === 'running' ? `${n(r.done)} of ${n(r.total)} pairs · ${n(Math.round(r.rate))} pairs/s${r.eta !== null ? ` · about ${seconds(r.eta)} left` : ''}`
    : r.status === 'done' && r.origin === 'history' ? `Done: ${n(r.total)} pairs, shown from the sweep history (no simulation${r.elapsedMs !== null ? `; they took ${seconds(r.elapsedMs / 1000)} to compute` : ''}).`
    : r.status === 'done' && r.origin === 'import' ? `Done: ${n(r.done)} of ${n(r.total)} pairs, from an imported sweep file (no simulation).`
    : r.status === 'done' ? `Done: ${n(r.total)} pairs in ${seconds((r.elapsedMs ?? 0) / 1000)} (${n(Math.round(r.total / Math.max(1e-3, (r.elapsedMs ?? 0) / 1000)))} pairs/s)`
    : r.status === 'cancelled' ? `Cancelled after ${n(r.done)} of ${n(r.total)} pairs.`
    : `The sweep failed: ${r.message ?? 'unknown error'}`;
  return (
    <div className="sweep-progress" data-status={r.status}>
      <div
        className="progress-track" role="progressbar" aria-label="Sweep progress" data-testid="sweep-progress"
        aria-valuemin={0} aria-valuemax={r.total} aria-valuenow={r.done} aria-valuetext={`${Math.floor(pct)}%`}
      >
        {/* transform, not width: no layout per update */}
        <div className="progress-fill" style={{ transform: `scaleX(${pct / 100})` }} />
      </div>
      <p className="muted" data-testid="sweep-status" aria-live={r.status === 'running' ? 'off' : 'polite'}>{status}</p>
      {r.errors > 0 && (
        <p className="sweep-errors" data-testid="sweep-errors">
          {n(r.errors)} pair{r.errors === 1 ? '' : 's'} could not be simulated and are not plotted
          {r.kinds.length > 0 && <>: {r.kinds.map((k) => `${k.message} (${n(k.count)})`).join('; ')}</>}.
        </p>
      )}
    </div>
  );
}
