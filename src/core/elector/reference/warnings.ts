/**
 * Warnings for reference results that are physically meaningless because of a
 * reproduced quirk (docs/elector.md §9). One warning per kind, built only after
 * the run from counters the hot path keeps.
 */
import type { ReferenceEnergyNJ } from '../types.ts';
import type { RunState } from './state.ts';

const SEE_ELECTOR = 'The elector cost model fixes this.';

export function referenceWarnings(s: RunState, tile: number, energy: ReferenceEnergyNJ): string[] {
  const warnings: string[] = [];
  // Only negative conv work can make totals negative.
  if (s.negativeConvOps > 0) {
    warnings.push(
      `Convolution tile work tb·t·(t−k) is negative for ${s.negativeConvOps} conv op(s) (${negativeKernels(s, tile)}): ` +
        `they subtract cycles and energy (reference quirk, docs/elector.md §9 item 3). ${SEE_ELECTOR}`,
    );
    if (s.cycles < 0) {
      warnings.push(`Total cycles are negative (${s.cycles}): latency and throughput are meaningless. ${SEE_ELECTOR}`);
    }
    const negative = negativeEnergyKeys(energy);
    if (negative.length > 0) {
      warnings.push(`Negative energy in ${negative.join(', ')}: caused by the negative convolution work. ${SEE_ELECTOR}`);
    }
  }
  if (s.maxInflation > 1) {
    const range = s.minInflation === s.maxInflation ? `${s.maxInflation}` : `${s.minInflation}–${s.maxInflation}`;
    warnings.push(
      `MatMul work counts the inner dimension's tiles twice (⌈K/t⌉²): MAC cycles and energy are inflated ` +
        `×${range} over the real tiling (reference quirk, §9 item 2).`,
    );
  }
  if (s.staleNonLinearityOps > 0) {
    warnings.push(
      `${s.staleNonLinearityOps} of ${s.nonLinearityOps} non-linearity ops are charged the tile count of the preceding ` +
        `LayerNorm instead of their own shape (reference quirk, §9 item 1).`,
    );
  }
  return warnings;
}

function negativeKernels(s: RunState, tile: number): string {
  const parts: string[] = [];
  if (s.negativeConvKernels & 1) parts.push(`k=9 with t=${tile}`);
  if (s.negativeConvKernels & 2) parts.push(`k=13 with t=${tile}`);
  if (s.negativeConvKernels & 4) parts.push('every backward conv, k=128');
  if (s.negativeConvKernels & 8) parts.push(`kernels larger than t=${tile}`);
  return parts.join('; ');
}

function negativeEnergyKeys(e: ReferenceEnergyNJ): string[] {
  const keys: string[] = [];
  if (e.buffer < 0) keys.push('buffer');
  if (e.mainMemory < 0) keys.push('mainMemory');
  for (const key of ['macLanes', 'softmax', 'layerNorm', 'sparsity', 'others'] as const) {
    if (e[key][0] < 0) keys.push(`${key}.dynamic`);
    if (e[key][1] < 0) keys.push(`${key}.leakage`);
  }
  return keys;
}
