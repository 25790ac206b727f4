/** A hand-made reference-model SimResult for tests of the results logic (no simulator needed). */
import type { ReferenceSimResult } from '../../core/elector/types.ts';

export function fakeResult(patch: Partial<Omit<ReferenceSimResult, 'costModel'>> = {}): ReferenceSimResult {
  return {
    costModel: 'reference' as const,
    mode: 'inference',
    clockMHz: 700,
    cycles: 700_000,
    latencyS: 0.001,
    throughputSeqPerS: 4000,
    areaMm2: 54.1,
    areaByModuleMm2: { macLanes: 40, softmax: 10, activationBuffer: 4.1 },
    energyNJ: { buffer: 100, mainMemory: 300, macLanes: [400, 40], softmax: [50, 5], layerNorm: [20, 2], sparsity: [10, 1], others: [6, 0.6] },
    dynamicNJ: 886,
    leakageNJ: 48.6,
    totalEnergyNJ: 934.6,
    traffic: { mainMemoryReadBytes: 0, mainMemoryWriteBytes: 0, bufferBytes: 0 },
    warnings: [],
    batchSize: 4,
    sparsity: { activation: 0.5, weight: 0.5, gradient: 0.9 },
    ...patch,
  };
}
