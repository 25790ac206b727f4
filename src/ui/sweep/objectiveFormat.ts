/** Display of objective values: SI prefixes with units, plain numbers for area (mm² takes no prefix), GLUE points for accuracy. */
import { OBJECTIVE_INFO, type Objective } from '../../core/sweep/objectives.ts';
import { formatAreaMm2, formatSI } from '../common/format.ts';
import { ERROR_BAND_MIN_POINTS } from './plotGeometry.ts';

export function formatObjective(o: Objective, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (o === 'area') return formatAreaMm2(v);
  // A GLUE score is read in percent points; an SI prefix ("712 m") would hide that.
  if (o === 'accuracy') return `${(100 * v).toFixed(1)} %`;
  if (o === 'accuracyStd') return `± ${(100 * v).toFixed(1)} %`;
  return formatSI(v, OBJECTIVE_INFO[o].unit).trim();
}

/** The d3-format specifier of an axis's ticks: SI prefixes, percent for accuracy. */
export function tickFormatOf(o: Objective): string {
  // `~%`: d3 picks the precision from the tick step, so a zoomed axis does not repeat "77%".
  if (o === 'accuracy' || o === 'accuracyStd') return '~%';
  return '~s';
}

/** Axis and column label with its unit: `Latency (s)`, `Parameters`, `Predicted accuracy (GLUE, %)`. */
export function objectiveLabel(o: Objective): string {
  if (o === 'accuracy') return 'Predicted accuracy (GLUE, %)';
  if (o === 'accuracyStd') return 'Accuracy uncertainty (1σ, GLUE %)';
  const { label, unit } = OBJECTIVE_INFO[o];
  return unit ? `${label} (${unit})` : label;
}

/** The front's legend entry: which way each axis is optimised, and what the bars mean. */
export function frontLegendText(x: Objective, y: Objective, frontPoints = 0): string {
  const sense = (o: Objective) => OBJECTIVE_INFO[o].sense;
  if (sense(x) === 'min' && sense(y) === 'min') return 'Pareto front (both objectives minimised)';
  const way = (o: Objective) => `${OBJECTIVE_INFO[o].label.toLowerCase()} ${sense(o) === 'max' ? 'maximised' : 'minimised'}`;
  const [xBars, yBars] = [OBJECTIVE_INFO[x].uncertainty, OBJECTIVE_INFO[y].uncertainty];
  // The same rule as the plot's overlay (plotOverlays.ts drawMarks): a band along y on a dense front.
  const band = !!yBars && !xBars && frontPoints > ERROR_BAND_MIN_POINTS;
  const bars = xBars || yBars ? `; ${band ? 'band' : 'bars'} ±1σ of the prediction` : '';
  return `Pareto front (${way(y)}, ${way(x)}${bars})`;
}
