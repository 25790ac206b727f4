/**
 * The figures a person compares designs by, derived from one simulation in one
 * place, so the results view, compare, sweeps and co-design can never disagree.
 *
 * A SimResult's energies cover the whole run (one batch); these report them per
 * sequence, the unit that stays comparable across batch sizes.
 */
import type { SimResult } from '../elector/types.ts';

export interface PerSequenceMetrics {
  /** Time for one batch, s (cycles / clock). */
  latencyS: number;
  /** Sequences per second (batch / latency). */
  throughputSeqPerS: number;
  /** Total (dynamic + leakage) energy of the batch / batch size, J. */
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

const NJ_TO_J = 1e-9;

/** Joules per sequence from a whole-batch figure in nJ. */
export function perSequenceJ(batchNJ: number, batchSize: number): number {
  // A batch of 0 cannot come out of a valid design; guard so a bad reply shows NaN, not Infinity.
  return (batchNJ * NJ_TO_J) / (batchSize > 0 ? batchSize : Number.NaN);
}

export function perSequenceMetrics(r: SimResult): PerSequenceMetrics {
  const energyPerSeqJ = perSequenceJ(r.totalEnergyNJ, r.batchSize);
  return {
    latencyS: r.latencyS,
    throughputSeqPerS: r.throughputSeqPerS,
    energyPerSeqJ,
    dynamicPerSeqJ: perSequenceJ(r.dynamicNJ, r.batchSize),
    leakagePerSeqJ: perSequenceJ(r.leakageNJ, r.batchSize),
    areaMm2: r.areaMm2,
    edpJs: energyPerSeqJ * r.latencyS,
    cycles: r.cycles,
  };
}
