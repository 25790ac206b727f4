/**
 * Run, run the experiment, cancel; the progress of what runs, and why it stopped.
 * Training happens in a worker: the page stays responsive, and Cancel stops the run
 * between two steps (or stops the worker if a step takes too long).
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useExplorer } from '../../state/useExplorer.ts';
import { useLab, useLabApi } from '../../state/dynaprop/appLab.ts';
import { frac, gridRunCount, seconds, tau } from './labView.ts';

/** Seconds since `start`, ticking once a second while `on`. */
function useElapsed(start: number | null, on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [on]);
  return start === null ? 0 : Math.max(0, (now - start) / 1000);
}

export function RunControls() {
  const { controller } = useLabApi();
  const runs = useExplorer((s) => gridRunCount(s.session.dynaprop.grid));
  const s = useLab(useShallow((l) => ({ status: l.status, job: l.job, progress: l.progress, error: l.error, startedAt: l.startedAt })));
  const invalid = useLab(useShallow((l) => Object.values(l.invalid)));
  const running = s.status === 'running';
  const elapsed = useElapsed(s.startedAt, running);
  const p = s.progress;
  const steps = p?.steps ?? 0;
  const step = p?.step ?? 0;
  const fraction = s.job ? (s.job.index + (steps > 0 ? step / steps : 0)) / s.job.total : 0;
  const where = s.job && s.job.total > 1 ? `Run ${s.job.index + 1} of ${s.job.total} (${s.job.label})` : s.job ? `Training (${s.job.label})` : '';
  const detail = p
    ? `step ${step} of ${steps} · loss ${frac(p.loss)} · τ activations ${tau(p.thresholds.tauI)}, gradients ${tau(p.thresholds.tauT)}${p.activation !== null ? ` · sparsity so far ${frac(p.activation, 2)}` : ''}`
    : 'starting the worker, loading tfjs and the dataset, profiling thresholds…';
  return (
    <div className="lab-run" data-status={s.status}>
      <div className="lab-buttons">
        <button type="button" className="primary" data-testid="lab-run" disabled={invalid.length > 0} aria-describedby={invalid.length > 0 ? 'lab-not-ready' : undefined} onClick={() => void controller.run()}>
          {running ? 'Restart run' : 'Run'}
        </button>
        <button type="button" data-testid="lab-run-experiment" disabled={invalid.length > 0} onClick={() => void controller.runExperiment()}>
          Run experiment ({runs} runs)
        </button>
        <button type="button" data-testid="lab-cancel" disabled={!running} onClick={() => controller.cancel()}>Cancel</button>
      </div>
      {invalid.length > 0 && (
        <p className="field-error" id="lab-not-ready" data-testid="lab-not-ready">
          Fix {invalid.length === 1 ? 'the field' : `the ${invalid.length} fields`} marked in red to run: {invalid[0]}.
        </p>
      )}
      {running && (
        <div className="lab-progress">
          <div
            className="progress-track" role="progressbar" aria-label="DynaProp progress" data-testid="lab-progress"
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * fraction)}
          >
            <div className="progress-fill" style={{ transform: `scaleX(${fraction})` }} />
          </div>
          <p className="lab-status" data-testid="lab-status">
            <strong>{where}</strong>: {detail} · {seconds(elapsed)}
          </p>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {s.status === 'done' ? 'DynaProp run finished.' : s.status === 'cancelled' ? 'DynaProp run cancelled.' : s.status === 'error' ? 'DynaProp run stopped with an error.' : ''}
      </p>
      {s.status === 'cancelled' && <p className="lab-note" data-testid="lab-status">Cancelled. Finished runs are kept below.</p>}
      {s.status === 'error' && s.error && (
        <p className="field-error" role="alert" data-testid="lab-error" data-field={s.error.field}>{s.error.message}</p>
      )}
    </div>
  );
}
