/**
 * The words of the front summary, apart from the component so they can be
 * tested: a hypervolume is a product of units (s·J·mm²) and only means something
 * next to its reference point, so both are always stated together.
 */
import { OBJECTIVE_INFO, type Objective } from '../../../core/sweep/objectives.ts';
import { formatObjective } from '../../sweep/objectiveFormat.ts';
import type { HypervolumeResult } from './analyse.ts';

/** `s·J·mm²`: the unit of a hypervolume over these objectives (unitless counts drop out). */
export function hypervolumeUnit(objectives: readonly Objective[]): string {
  return objectives.map((o) => OBJECTIVE_INFO[o].unit).filter(Boolean).join('·');
}

/** Three significant digits in scientific form: volumes of small times and energies are tiny numbers. */
export function formatVolume(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const [mantissa, exponent] = v.toExponential(2).split('e');
  const e = Number(exponent);
  if (e >= -2 && e <= 3) return String(Number(v.toPrecision(3)));
  return `${mantissa} × 10${superscript(e)}`;
}

function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return (n < 0 ? '⁻' : '') + [...String(Math.abs(n))].map((d) => digits[Number(d)]).join('');
}

/** `1.23 × 10⁻⁷ s·J·mm²`, or with Monte Carlo `≈ 1.23 × 10⁻⁷ ± 4.5 × 10⁻¹⁰ s·J·mm²`. */
export function hypervolumeText(hv: HypervolumeResult, objectives: readonly Objective[]): string {
  const unit = hypervolumeUnit(objectives);
  const tail = unit ? ` ${unit}` : '';
  if (hv.exact) return `${formatVolume(hv.value)}${tail}`;
  return `≈ ${formatVolume(hv.value)} ± ${formatVolume(hv.standardError ?? Number.NaN)}${tail}`;
}

/** `(1.2 ms, 3.4 mJ, 210 mm²)`: the reference in each objective's own units. */
export function referenceText(reference: readonly number[], objectives: readonly Objective[]): string {
  return `(${reference.map((v, d) => formatObjective(objectives[d], v)).join(', ')})`;
}

/** `latency, energy / sequence, area`: objective names inside a sentence. */
export function objectiveList(objectives: readonly Objective[]): string {
  return objectives.map((o) => OBJECTIVE_INFO[o].label.toLowerCase()).join(', ');
}
