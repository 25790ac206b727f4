/**
 * One sentence on the front: its size, the objectives, the hypervolume and the
 * reference point it is measured against (in the objectives' units), then the
 * reference rule in full. Monte Carlo estimates say so, with their error.
 */
import { REFERENCE_POINT_RULE } from '../../../core/pareto/index.ts';
import { formatCount } from '../../common/format.ts';
import type { ObjectivesAnalysis } from './useManyObjectives.ts';
import { hypervolumeText, objectiveList, referenceText } from './summaryText.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from './analyse.ts';

export function FrontSummary({ analysis }: { analysis: ObjectivesAnalysis }) {
  const { objectives, result, rows } = analysis;
  const hv = result.hypervolume;
  return (
    <div className="mo-summary">
      <p data-testid="mo-summary">
        <strong data-testid="mo-front-count">{formatCount(result.frontCount)}</strong> point{result.frontCount === 1 ? '' : 's'} on the front over
        {' {'}{objectiveList(objectives)}{'}'} (non-dominated: predicted accuracy maximised, the others minimised; of {formatCount(result.pointCount)}{rows ? ' brushed' : ''} points);
        hypervolume <strong data-testid="mo-hypervolume">{hypervolumeText(hv, objectives)}</strong> against reference point{' '}
        <span data-testid="mo-reference">{referenceText(hv.reference, objectives)}</span> = each objective’s worst value with a 10 % margin.
      </p>
      {!hv.exact && (
        <p className="muted" data-testid="mo-monte-carlo">
          Monte Carlo estimate (± one standard error) from {formatCount(hv.samples ?? 0)} seeded uniform samples: the exact
          computation is used only for fronts of at most {formatCount(DEFAULT_ANALYSIS_OPTIONS.exactMaxPoints)} points over at
          most {DEFAULT_ANALYSIS_OPTIONS.exactMaxObjectives} objectives, beyond which its cost grows too steeply.
        </p>
      )}
      <p className="muted mo-rule">{REFERENCE_POINT_RULE}</p>
    </div>
  );
}
