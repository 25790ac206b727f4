/**
 * The τ ↔ sparsity lookup tables of the run on show (global, per direction): the
 * threshold that zeroes a given fraction of the profiled magnitudes, with the τ the
 * run ended on marked at its target. The table view lists every table, op types too.
 */
import { ChartFrame } from '../../charts/ChartFrame.tsx';
import { DataTable } from '../../charts/DataTable.tsx';
import type { ThresholdTable } from '../../core/dynaprop/thresholdTable.ts';
import { LineChart } from './LineChart.tsx';
import { tau } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

const NAMES: Record<ThresholdTable['direction'], string> = { fwd: 'activations', bwd: 'gradients δ', param: 'parameter gradients', weight: 'weights' };
const SHOWN_SPARSITIES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

export function ThresholdChart() {
  const { run } = useShownRun();
  if (!run) return null;
  const tables = run.thresholds.tables;
  if (tables.length === 0) {
    return <p className="lab-note" data-testid="lab-thresholds-none">The run on show pruned nothing, so it profiled no thresholds.</p>;
  }
  const global = tables.filter((t) => t.scope === 'global');
  const chosen = (t: ThresholdTable) => {
    const c = run.config;
    return t.direction === 'fwd' ? { target: c.targetActivationSparsity, tau: run.thresholds.tauI }
      : t.direction === 'bwd' ? { target: c.targetGradientSparsity, tau: run.thresholds.tauT }
      : { target: c.targetGradientSparsity, tau: run.thresholds.tauParam };
  };
  const valueAt = (t: ThresholdTable, s: number) => t.points.reduce((best, p) => (Math.abs(p.sparsity - s) < Math.abs(best.sparsity - s) ? p : best)).tau;
  const table = (
    <DataTable
      caption="τ for each target sparsity, per table (global and per op type)"
      columns={['Sparsity', ...tables.map((t) => `τ ${NAMES[t.direction]}${t.scope === 'global' ? '' : ` (${t.scope})`}`)]}
      rows={SHOWN_SPARSITIES.map((s) => [String(s), ...tables.map((t) => tau(valueAt(t, s)))])}
      note="Tables as last profiled (at the end of the run, for its final weights)."
    />
  );
  return (
    <ChartFrame
      id="lab-thresholds" title="Threshold lookup tables" table={table}
      summary={`τ against target sparsity for ${global.map((t) => NAMES[t.direction]).join(' and ')}; the run ended with τ ${tau(run.thresholds.tauI)} for activations and ${tau(run.thresholds.tauT || run.thresholds.tauParam)} for gradients.`}
    >
      <div className="lab-small-multiples">
        {global.map((t) => {
          const c = chosen(t);
          const maxTau = Math.max(...t.points.filter((p) => p.sparsity <= 0.99).map((p) => p.tau), 1e-12);
          return (
            <figure key={t.direction} className="lab-multiple">
              <figcaption>{NAMES[t.direction]}</figcaption>
              <LineChart
                height={170}
                series={[{ label: NAMES[t.direction], color: 'var(--series-4)', points: t.points.filter((p) => p.sparsity <= 0.99).map((p) => ({ x: p.sparsity, y: p.tau })) }]}
                xDomain={[0, 1]} yDomain={[0, maxTau]} xLabel="target sparsity" yLabel="τ" yFormat={tau}
                marker={c.target !== null ? { x: c.target, y: Math.min(c.tau, maxTau), label: `τ ${tau(c.tau)} at ${c.target}` } : undefined}
              />
            </figure>
          );
        })}
      </div>
    </ChartFrame>
  );
}
