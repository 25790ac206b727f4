/**
 * Which varied parameters go with which objective: one row per parameter, one
 * column per chosen objective, each cell the importance (0–1) with a bar, and
 * for numeric parameters the direction of the trend. The caption quotes the
 * method exactly (IMPORTANCE_METHOD), because "importance" means nothing without it.
 */
import { IMPORTANCE_METHOD, type ParameterImportance } from '../../../core/sweep/importance.ts';
import { OBJECTIVE_INFO } from '../../../core/sweep/objectives.ts';
import type { ObjectivesAnalysis } from './useManyObjectives.ts';

function Cell({ score }: { score: ParameterImportance | undefined }) {
  if (!score) return <td>–</td>;
  const sign = score.signedRho === undefined || score.signedRho === 0 ? '' : score.signedRho > 0 ? '+' : '−';
  const what = score.method === 'eta' ? 'η' : '|ρ|';
  const trend = sign === '+' ? 'the objective grows with the parameter' : sign === '−' ? 'the objective falls as the parameter grows' : '';
  return (
    <td className="mo-imp" title={`${what} = ${score.importance.toFixed(3)}${trend ? `; ${trend}` : ''}`}>
      <span className="mo-imp-bar" aria-hidden="true"><span style={{ width: `${(100 * score.importance).toFixed(1)}%` }} /></span>
      <span className="mo-imp-value">{score.importance.toFixed(2)}</span>
      <span className="mo-imp-sign" aria-label={trend || undefined}>{sign || (score.method === 'eta' ? 'η' : '')}</span>
    </td>
  );
}

export function ImportanceTable({ analysis }: { analysis: ObjectivesAnalysis }) {
  const { objectives, params, result } = analysis;
  if (params.length === 0) {
    return <p className="muted" data-testid="mo-importance-none">Parameter importance needs the sweep’s parameters, which this sweep does not describe (an imported file whose settings do not match its points).</p>;
  }
  const byObjective = result.importance.map((list) => new Map(list.map((s) => [s.name, s])));
  return (
    <section className="mo-importance-box" aria-labelledby="mo-importance-title" data-testid="mo-importance-section">
      <h3 id="mo-importance-title" className="mo-subhead">Parameter importance for each objective</h3>
      <p className="mo-note">
        Over the sweep’s varied parameters: 0 = no association, 1 = the objective follows the parameter completely;
        + / −: the objective grows / falls as a numeric parameter grows; η marks a choice, which has no direction.
      </p>
      <div className="mo-table-scroll">
        <table className="mo-importance" data-testid="mo-importance" aria-describedby="mo-importance-method">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              {objectives.map((o) => <th key={o} scope="col">{OBJECTIVE_INFO[o].label}</th>)}
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                {byObjective.map((m, d) => <Cell key={objectives[d]} score={m.get(p.id)} />)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted mo-note" id="mo-importance-method" data-testid="mo-importance-method">Method: {IMPORTANCE_METHOD}</p>
    </section>
  );
}
