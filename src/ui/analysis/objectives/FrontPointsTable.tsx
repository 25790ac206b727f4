/**
 * The scatter matrix as text: the front's points with their objectives, for
 * screen readers and for reading exact values. The first 200 by the first
 * objective (a front can hold thousands; the export has them all).
 */
import { OBJECTIVE_INFO, objectiveSign, type ObjectiveColumns } from '../../../core/sweep/objectives.ts';
import { formatObjective } from '../../sweep/objectiveFormat.ts';
import { formatCount } from '../../common/format.ts';
import type { ObjectivesAnalysis } from './useManyObjectives.ts';

export const TABLE_ROWS = 200;

export function FrontPointsTable({ columns, analysis }: { columns: ObjectiveColumns; analysis: ObjectivesAnalysis }) {
  const { objectives, result } = analysis;
  const first = columns[objectives[0]];
  // Best first: the most accurate when accuracy leads, the cheapest otherwise.
  const sign = objectiveSign(objectives[0]);
  const rows = Array.from(result.frontRows).sort((a, b) => sign * (first[a] - first[b]) || a - b).slice(0, TABLE_ROWS);
  return (
    <div className="mo-table-scroll">
      <table data-testid="mo-front-table">
        <caption className="muted">
          {rows.length < result.frontCount
            ? `The first ${formatCount(rows.length)} of ${formatCount(result.frontCount)} front points, by ${OBJECTIVE_INFO[objectives[0]].label.toLowerCase()}`
            : `All ${formatCount(result.frontCount)} front points, by ${OBJECTIVE_INFO[objectives[0]].label.toLowerCase()}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Point</th>
            {objectives.map((o) => <th key={o} scope="col">{OBJECTIVE_INFO[o].label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              {/* The point's index, as the Pareto table (#i) and the export's index column name it. */}
              <td>#{i}</td>
              {objectives.map((o) => <td key={o}>{formatObjective(o, columns[o][i])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
