/** Display of objective values: SI prefixes with units, plain numbers for area (mm² takes no prefix). */
import { OBJECTIVE_INFO, type Objective } from '../../core/sweep/objectives.ts';
import { formatAreaMm2, formatSI } from '../common/format.ts';

export function formatObjective(o: Objective, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (o === 'area') return formatAreaMm2(v);
  return formatSI(v, OBJECTIVE_INFO[o].unit).trim();
}

/** Axis and column label with its unit: `Latency (s)`, `Parameters`. */
export function objectiveLabel(o: Objective): string {
  const { label, unit } = OBJECTIVE_INFO[o];
  return unit ? `${label} (${unit})` : label;
}
