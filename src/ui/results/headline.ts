/**
 * The headline figures of one simulation, derived from a SimResult in one place
 * so the Results view and the Compare panel can never disagree.
 *
 * A SimResult's energies cover the whole run (one batch); the headline reports
 * them per sequence, the unit that stays comparable across batch sizes.
 */
import type { SimResult } from '../../core/elector/types.ts';
import { formatCount, formatSI } from '../common/format.ts';

export interface HeadlineMetrics {
  /** Time for one batch, s (cycles / clock). */
  latencyS: number;
  /** Sequences per second (batch / latency). */
  throughputSeqPerS: number;
  /** Total energy of the run divided by the batch size, J. */
  energyPerSeqJ: number;
  dynamicPerSeqJ: number;
  leakagePerSeqJ: number;
  areaMm2: number;
  /**
   * Energy-delay product per sequence, J·s: energy per sequence × latency of the
   * batch it ran in. (Not the batch energy × latency: that would grow with the
   * batch size squared and reward small batches unfairly.)
   */
  edpJs: number;
  cycles: number;
}

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

const NJ_TO_J = 1e-9;

export function computeHeadline(r: SimResult): HeadlineMetrics {
  // A batch of 0 cannot come out of a valid design; guard so a bad reply shows NaN, not Infinity.
  const batch = r.batchSize > 0 ? r.batchSize : Number.NaN;
  const energyPerSeqJ = (r.totalEnergyNJ * NJ_TO_J) / batch;
  return {
    latencyS: r.latencyS,
    throughputSeqPerS: r.throughputSeqPerS,
    energyPerSeqJ,
    dynamicPerSeqJ: (r.dynamicNJ * NJ_TO_J) / batch,
    leakagePerSeqJ: (r.leakageNJ * NJ_TO_J) / batch,
    areaMm2: r.areaMm2,
    edpJs: energyPerSeqJ * r.latencyS,
    cycles: r.cycles,
  };
}

/** Throughput reads better as a plain number than with SI prefixes on "seq/s". */
export function formatThroughput(seqPerS: number): string {
  if (!Number.isFinite(seqPerS)) return `${seqPerS} seq/s`;
  if (Math.abs(seqPerS) >= 1000) return `${formatCount(seqPerS)} seq/s`;
  return `${Number(seqPerS.toPrecision(3))} seq/s`;
}

/** mm² with SI prefixes would read "kmm²"; keep plain numbers with three significant digits. */
export function formatArea(mm2: number): string {
  if (!Number.isFinite(mm2)) return `${mm2} mm²`;
  if (Math.abs(mm2) >= 1000) return `${formatCount(mm2)} mm²`;
  return `${Number(mm2.toPrecision(3))} mm²`;
}

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
      return formatArea(value);
    case 'edpJs':
      return formatSI(value, 'J·s');
    case 'cycles':
      return Number.isFinite(value) ? formatCount(value) : String(value);
  }
}
