/** Display of objective values: SI prefixes with units, plain numbers for area (mm² takes no prefix). */
import { OBJECTIVE_INFO, type Objective } from '../../core/sweep/objectives.ts';
import { formatSI } from '../common/format.ts';

/** The same output as `toLocaleString('en-US')`, without building a formatter per call (tables format thousands of cells). */
const EN_US = new Intl.NumberFormat('en-US');

export function formatObjective(o: Objective, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (o === 'area') return `${EN_US.format(Number(v.toPrecision(3)))} mm²`;
  return formatSI(v, OBJECTIVE_INFO[o].unit).trim();
}

/** Axis and column label with its unit: `Latency (s)`, `Parameters`. */
export function objectiveLabel(o: Objective): string {
  const { label, unit } = OBJECTIVE_INFO[o];
  return unit ? `${label} (${unit})` : label;
}
