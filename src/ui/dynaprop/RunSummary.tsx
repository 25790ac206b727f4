/** The run on show in one line of figures: accuracy, each target next to what it reached, and how it ran. */
import { frac, seconds } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

export function RunSummary() {
  const { run, record, index } = useShownRun();
  if (!run || !record) return null;
  const c = run.config, h = run.heldOut;
  const gradient = h.gradient.all ?? h.paramGradient.all;
  const which = record.runs.length > 1 ? `Run ${index + 1} of ${record.runs.length}` : 'Last run';
  return (
    <dl className="lab-summary" data-testid="lab-summary" aria-label={`${which}: summary`}>
      <div><dt>Test accuracy</dt><dd data-testid="lab-summary-accuracy">{frac(run.accuracy)}</dd></div>
      <div><dt>Validation accuracy</dt><dd>{frac(run.validation.accuracy)}</dd></div>
      <div>
        <dt>Activation sparsity</dt>
        <dd data-testid="lab-summary-activation">
          target {c.targetActivationSparsity ?? 'none'} → reached <strong>{frac(h.activation.all)}</strong>
          <span className="lab-note"> (real tokens {frac(h.activation.real)})</span>
        </dd>
      </div>
      <div>
        <dt>Gradient sparsity</dt>
        <dd data-testid="lab-summary-gradient">target {c.targetGradientSparsity ?? 'none'} → reached <strong>{frac(gradient)}</strong></dd>
      </div>
      <div>
        <dt>Ran on</dt>
        <dd data-testid="lab-summary-how">{run.backend} · tfjs {run.tfjsVersion} · seed {c.seed} · {c.steps} steps in {seconds(run.seconds)}</dd>
      </div>
    </dl>
  );
}
