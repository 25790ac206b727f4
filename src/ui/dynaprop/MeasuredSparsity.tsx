/**
 * Feeding ELECTOR: the run on show's measured sparsity (held out), one action that
 * writes it into the view's run settings (global sparsity and per op kind), and the
 * simulator's latency and energy with its default sparsity and with the measured
 * one, side by side, for the design in the editors.
 */
import { useShallow } from 'zustand/react/shallow';
import { measuredSparsityForElector } from '../../core/dynaprop/toElector.ts';
import { DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import type { OpKind, Sparsity } from '../../core/elector/types.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { useLab, useLabApi } from '../../state/dynaprop/appLab.ts';
import { computeHeadline } from '../results/headline.ts';
import { formatSI } from '../common/format.ts';
import { frac, ratio } from './labView.ts';
import { useShownRun } from './useShownRun.ts';
import { targetsLabel } from '../../state/dynaprop/labConfig.ts';

const KIND_LABELS: Record<OpKind, string> = { matmul: 'matrix products', conv: 'convolutions', softmax: 'softmax', layerNorm: 'layer norm', nonLinearity: 'GELU / tanh' };
const triple = (s: Sparsity) => `activation ${frac(s.activation, 2)}, weight ${frac(s.weight, 2)}, gradient ${frac(s.gradient, 2)}`;

export function MeasuredSparsity() {
  const { controller } = useLabApi();
  const api = useExplorerApi();
  const { record, index, run } = useShownRun();
  const settings = useExplorer((s) => s.session.settings);
  const compare = useLab(useShallow((s) => s.compare));
  const measured = run ? measuredSparsityForElector(run.heldOut, run.weightSparsity, DEFAULT_SETTINGS.sparsity) : null;
  const inUse = settings.sparsityByOp !== undefined;
  const a = compare.defaults ? computeHeadline(compare.defaults) : null;
  const b = compare.measured ? computeHeadline(compare.measured) : null;
  return (
    <section className="lab-elector" aria-labelledby="lab-elector-title" data-testid="lab-elector">
      <h3 id="lab-elector-title">Feed ELECTOR with the measured sparsity</h3>
      {run && measured && record ? (
        <>
          <p>
            Run on show: <strong>{targetsLabel(run.config)}</strong> ({run.config.dataset}, seed {run.config.seed}, {run.backend}). Measured on held-out batches: {triple(measured.sparsity)}.
          </p>
          <table className="lab-table lab-kinds" data-testid="lab-measured-kinds">
            <caption>Per ELECTOR op kind (activations read, gradients produced)</caption>
            <thead><tr><th scope="col">Op kind</th><th scope="col">Activation</th><th scope="col">Gradient</th></tr></thead>
            <tbody>
              {(Object.keys(KIND_LABELS) as OpKind[]).filter((k) => measured.sparsityByOp[k]).map((k) => (
                <tr key={k}><th scope="row">{KIND_LABELS[k]}</th><td>{frac(measured.sparsityByOp[k]?.activation, 2)}</td><td>{frac(measured.sparsityByOp[k]?.gradient, 2)}</td></tr>
              ))}
            </tbody>
          </table>
          <div className="lab-buttons">
            <button type="button" className="primary" data-testid="lab-use-measured" onClick={() => controller.useMeasured(record.id, index)}>Use measured sparsity</button>
            {inUse && <button type="button" data-testid="lab-clear-measured" onClick={() => controller.clearMeasured()}>Back to the default sparsity</button>}
          </div>
        </>
      ) : (
        <p className="lab-note">Finish a run to use its measured sparsity in the simulator.</p>
      )}
      {inUse && (
        <div className="lab-compare" data-testid="lab-compare" data-status={compare.status}>
          <p>
            The simulator now uses the measured sparsity ({triple(settings.sparsity)}, and per op kind) in every view. {settings.mode === 'inference' && (
              <>It simulates <strong>inference</strong>, where gradient sparsity plays no part.{' '}
                <button type="button" className="link-like" onClick={() => api.getState().setSettings({ mode: 'training' })} data-testid="lab-simulate-training">Simulate training</button>
              </>
            )}
          </p>
          {compare.status === 'error' && <p className="field-error" role="alert">The simulator could not run: {compare.error}</p>}
          <table className="lab-table" data-testid="lab-compare-table">
            <caption>
              {settings.mode === 'training' ? 'A training step' : 'Inference'} of the editors' design ({settings.costModel} cost model). The simulator's default sparsity: {triple(DEFAULT_SETTINGS.sparsity)}, the same for every op.
            </caption>
            <thead>
              <tr><th scope="col"><span className="visually-hidden">Figure</span></th><th scope="col">Default sparsity</th><th scope="col">Measured sparsity</th><th scope="col">Measured ÷ default</th></tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Latency</th>
                <td data-testid="lab-compare-default-latency">{a ? formatSI(a.latencyS, 's') : '…'}</td>
                <td data-testid="lab-compare-measured-latency">{b ? formatSI(b.latencyS, 's') : '…'}</td>
                <td>{a && b ? ratio(b.latencyS / a.latencyS) : '…'}</td>
              </tr>
              <tr>
                <th scope="row">Energy / sequence</th>
                <td data-testid="lab-compare-default-energy">{a ? formatSI(a.energyPerSeqJ, 'J') : '…'}</td>
                <td data-testid="lab-compare-measured-energy">{b ? formatSI(b.energyPerSeqJ, 'J') : '…'}</td>
                <td>{a && b ? ratio(b.energyPerSeqJ / a.energyPerSeqJ) : '…'}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
