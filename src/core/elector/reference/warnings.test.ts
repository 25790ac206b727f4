import { describe, expect, it } from 'vitest';
import type { ReferenceEnergyNJ } from '../types.ts';
import { RunState } from './state.ts';
import { referenceWarnings } from './warnings.ts';

const positive: ReferenceEnergyNJ = { buffer: 1, mainMemory: 1, macLanes: [1, 1], softmax: [0, 0], layerNorm: [1, 1], sparsity: [1, 1], others: [1, 1] };

describe('referenceWarnings', () => {
  it('says when negative conv work drives totals below zero', () => {
    const s = new RunState();
    s.negativeConvOps = 3;
    s.negativeConvKernels = 2;
    s.cycles = -120;
    const w = referenceWarnings(s, 8, { ...positive, macLanes: [-5, -0.5] });
    expect(w).toHaveLength(3);
    expect(w[1]).toContain('Total cycles are negative (-120)');
    expect(w[2]).toContain('Negative energy in macLanes.dynamic, macLanes.leakage');
  });

  it('stays quiet when no quirk shows', () => {
    const s = new RunState();
    s.maxInflation = 1;
    s.minInflation = 1;
    expect(referenceWarnings(s, 16, positive)).toEqual([]);
  });
});
