/**
 * The runs of the record on show: what each asked for next to what it reached
 * (held out), the accuracy and its drop against the unpruned baseline, the
 * thresholds, and how it ran (backend, tfjs version, seed). Choosing a row shows
 * that run in the charts and makes it the one "Use measured sparsity" takes.
 */
import { useLabApi } from '../../state/dynaprop/appLab.ts';
import { rowOf } from '../../state/dynaprop/labRecord.ts';
import { frac, seconds, tau } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

const target = (x: number | null) => (x === null ? 'none' : String(x));

export function ResultsTable() {
  const { controller } = useLabApi();
  const { record, index } = useShownRun();
  if (!record || record.runs.length === 0) return null;
  const rows = record.runs.map(rowOf);
  const base = rows.find((r) => r.targetActivation === null && r.targetGradient === null);
  const title = record.kind === 'experiment'
    ? `Experiment of ${record.createdAt.slice(0, 16).replace('T', ' ')}: ${record.runs.length} of ${record.planned} runs${record.complete ? '' : ' (stopped early)'}`
    : `Run of ${record.createdAt.slice(0, 16).replace('T', ' ')}`;
  return (
    <section className="lab-results" aria-label="Results table">
      <h3>{title}</h3>
      <div className="table-scroll lab-table-scroll">
        <table className="lab-table" data-testid="lab-results-table">
          <thead>
            <tr>
              <th scope="col">Show</th>
              <th scope="col">Activation<br />target → reached</th>
              <th scope="col">Gradient<br />target → reached</th>
              <th scope="col">Test accuracy</th>
              <th scope="col">Δ vs unpruned</th>
              <th scope="col">τ act.</th>
              <th scope="col">τ grad.</th>
              <th scope="col">Backend · tfjs · seed</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const run = record.runs[i];
              return (
                <tr key={i} aria-current={i === index ? 'true' : undefined} data-testid={`lab-row-${i}`}>
                  <td>
                    <input
                      type="radio" name={`lab-show-${record.id}`} checked={i === index} onChange={() => controller.show(record.id, i)}
                      aria-label={`Show run ${i + 1}: activation ${target(r.targetActivation)}, gradient ${target(r.targetGradient)}`}
                    />
                  </td>
                  <td>{target(r.targetActivation)} → <strong>{frac(r.activation)}</strong></td>
                  <td>{target(r.targetGradient)} → <strong>{frac(r.gradient)}</strong></td>
                  <td>{frac(r.accuracy)}</td>
                  <td>{base && r !== base ? signed(r.accuracy - base.accuracy) : base ? 'baseline' : '–'}</td>
                  <td>{tau(r.tauI)}</td>
                  <td>{tau(r.tauT)}</td>
                  <td className="lab-how">{run.backend} · {run.tfjsVersion} · {run.config.seed}</td>
                  <td>{seconds(r.seconds)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="lab-note">Reached sparsity is measured on held-out validation batches with the final weights and thresholds (all positions; real tokens only in the heat map). Accuracy is on the test split.</p>
    </section>
  );
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}
