/** The comparison's final figures: per algorithm, the median best performance over seeds with its spread (min–max) and run time. */
import type { AlgorithmSummary } from '../../core/codesign/compare.ts';
import { quantile } from '../../core/codesign/compare.ts';
import { ALGORITHM_COLORS } from './compareColors.ts';

export function CompareTable({ summaries }: { summaries: AlgorithmSummary[] }) {
  return (
    <div className="cd-table-wrap">
      <table className="cd-table" data-testid="cd-compare-table">
        <caption className="cd-caption">Best performance at the end of each run (higher is better)</caption>
        <thead><tr><th scope="col">algorithm</th><th scope="col">median</th><th scope="col">min–max</th><th scope="col">runs</th><th scope="col" title="median wall time of one run, seconds">s / run</th></tr></thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.algorithm} data-algorithm={s.algorithm}>
              <th scope="row"><span className="cd-swatch" style={{ background: ALGORITHM_COLORS[s.algorithm] }} />{s.algorithm}</th>
              <td>{s.median.toFixed(3)}</td>
              <td>{s.min.toFixed(3)}–{s.max.toFixed(3)}</td>
              <td>{s.best.length}</td>
              <td>{quantile([...s.seconds].sort((a, b) => a - b), 0.5).toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
