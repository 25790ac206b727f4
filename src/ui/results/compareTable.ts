/**
 * The numbers of the Compare panel: each metric of each design, and its ratio
 * against the baseline with a verdict in words (better / worse / same), so the
 * meaning never rests on colour alone.
 */
import type { SimResult } from '../../core/elector/types.ts';
import { formatCount, formatRatio } from '../common/format.ts';
import { computeHeadline, formatMetric, HEADLINE_FIELDS, type HeadlineKey, type HeadlineMetrics } from './headline.ts';

/** Cycles are left out: at different clocks they do not compare. */
export const COMPARE_FIELDS = HEADLINE_FIELDS.filter((f) => f.key !== 'cycles');

/** Ratios within this fraction of 1 are reported as "same". */
export const SAME_TOLERANCE = 0.005;

export type Verdict = 'better' | 'worse' | 'same';

export interface CompareCell {
  text: string;
  ratio: number | null;
  ratioText: string;
  verdict: Verdict | null;
}

export function verdictFor(ratio: number, better: 'lower' | 'higher'): Verdict {
  if (Math.abs(ratio - 1) <= SAME_TOLERANCE) return 'same';
  return (ratio < 1) === (better === 'lower') ? 'better' : 'worse';
}

export function compareCell(key: HeadlineKey, value: HeadlineMetrics | null, baseline: HeadlineMetrics | null): CompareCell {
  if (!value) return { text: '—', ratio: null, ratioText: '', verdict: null };
  const v = value[key];
  const text = formatMetric(key, v);
  const b = baseline?.[key];
  // Ratios of non-positive numbers (the reference model's negative-conv quirk) mean nothing.
  if (b === undefined || !(b > 0) || !(v >= 0) || !Number.isFinite(v)) return { text, ratio: null, ratioText: '', verdict: null };
  const ratio = v / b;
  const better = HEADLINE_FIELDS.find((f) => f.key === key)?.better ?? 'lower';
  // Beyond 1000× plain digits read better than formatRatio's exponent form.
  const ratioText = ratio >= 1000 ? `${formatCount(ratio)}×` : formatRatio(ratio);
  return { text, ratio, ratioText, verdict: verdictFor(ratio, better) };
}

export interface CompareColumnInput {
  id: string;
  label: string;
  result: SimResult | null;
}

export interface CompareColumn extends CompareColumnInput {
  isBaseline: boolean;
  cells: Record<HeadlineKey, CompareCell>;
}

export function compareColumns(inputs: readonly CompareColumnInput[], baselineId: string): CompareColumn[] {
  const metrics = inputs.map((c) => (c.result ? computeHeadline(c.result) : null));
  const baseIndex = inputs.findIndex((c) => c.id === baselineId);
  const base = baseIndex >= 0 ? metrics[baseIndex] : null;
  return inputs.map((c, i) => {
    const cells = {} as Record<HeadlineKey, CompareCell>;
    for (const f of HEADLINE_FIELDS) cells[f.key] = compareCell(f.key, metrics[i], base);
    return { ...c, isBaseline: i === baseIndex, cells };
  });
}
