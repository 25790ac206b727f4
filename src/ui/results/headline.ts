/**
 * The headline figures of one simulation (defined in core/metrics/perSequence.ts),
 * their labels and their formatting, shared by the Results view and Compare.
 */
import type { SimResult } from '../../core/elector/types.ts';
import { perSequenceMetrics, type PerSequenceMetrics } from '../../core/metrics/perSequence.ts';
import { formatAreaMm2, formatCount, formatSI } from '../common/format.ts';

/** The headline figures are the core's per-sequence metrics (one definition for every view). */
export type HeadlineMetrics = PerSequenceMetrics;

export type HeadlineKey = keyof HeadlineMetrics;

/** Display order, with the short labels the Results and Compare views share. */
export const HEADLINE_FIELDS: readonly { key: HeadlineKey; label: string; better: 'lower' | 'higher' }[] = [
  { key: 'latencyS', label: 'Latency', better: 'lower' },
  { key: 'throughputSeqPerS', label: 'Throughput', better: 'higher' },
  { key: 'energyPerSeqJ', label: 'Energy / sequence', better: 'lower' },
  { key: 'dynamicPerSeqJ', label: 'Dynamic energy / seq', better: 'lower' },
  { key: 'leakagePerSeqJ', label: 'Leakage energy / seq', better: 'lower' },
  { key: 'areaMm2', label: 'Area', better: 'lower' },
  { key: 'edpJs', label: 'Energy-delay product', better: 'lower' },
  { key: 'cycles', label: 'Cycles', better: 'lower' },
];

export const computeHeadline: (r: SimResult) => HeadlineMetrics = perSequenceMetrics;

/** Throughput reads better as a plain number than with SI prefixes on "seq/s". */
export function formatThroughput(seqPerS: number): string {
  if (!Number.isFinite(seqPerS)) return `${seqPerS} seq/s`;
  if (Math.abs(seqPerS) >= 1000) return `${formatCount(seqPerS)} seq/s`;
  return `${Number(seqPerS.toPrecision(3))} seq/s`;
}

export { formatAreaMm2 as formatArea };

export function formatMetric(key: HeadlineKey, value: number): string {
  switch (key) {
    case 'latencyS':
      return formatSI(value, 's');
    case 'throughputSeqPerS':
      return formatThroughput(value);
    case 'energyPerSeqJ':
    case 'dynamicPerSeqJ':
    case 'leakagePerSeqJ':
      return formatSI(value, 'J');
    case 'areaMm2':
      return formatAreaMm2(value);
    case 'edpJs':
      return formatSI(value, 'J·s');
    case 'cycles':
      return Number.isFinite(value) ? formatCount(value) : String(value);
  }
}
