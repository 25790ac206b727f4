import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { randomAccelerator } from '../space/accelerator/sample.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { computeArea, laneConstant, tileConstant } from './area.ts';
import { REFERENCE_CONSTANTS, type ReferenceConstants } from './constants/reference.ts';
import type { SimMode } from './types.ts';

/** The reference's summation order, written out: lanes into a PE, PEs into the array, then the buffers. */
function areaInReferenceOrder(acc: AcceleratorConfig, mode: SimMode, c: ReferenceConstants): number {
  let pe = 0;
  for (let i = 0; i < acc.lanesPerPe; i++) {
    pe += laneConstant(c, acc).areaUm2;
    pe += c.preSparsity.areaUm2 + c.postSparsity.areaUm2 + c.fifo.areaUm2;
    if (mode === 'training') pe += c.stochasticRounding.areaUm2;
  }
  for (let i = 0; i < acc.softmaxPerPe; i++) pe += tileConstant(c.softmax, acc.tile.x, 'softmax').areaUm2;
  pe += c.dataflow.areaUm2;
  pe += c.dma.areaUm2;
  pe += tileConstant(c.layerNorm, acc.tile.x, 'layer-norm').areaUm2;
  let total = 0;
  for (let i = 0; i < acc.pe; i++) total += pe;
  total += c.activationBuffer.areaUm2PerMB * acc.activationBufferMB;
  total += c.weightBuffer.areaUm2PerMB * acc.weightBufferMB;
  total += c.maskBuffer.areaUm2PerMB * acc.maskBufferMB;
  return total / 1e6;
}

describe('computeArea', () => {
  it('sums in the reference order to the bit, whether the PE sums are remembered or not', () => {
    const rng = createRng('area');
    for (let i = 0; i < 300; i++) {
      const acc = randomAccelerator(rng, i % 2 ? 'acceltran' : 'transcode');
      const mode: SimMode = i % 3 ? 'inference' : 'training';
      const expected = areaInReferenceOrder(acc, mode, REFERENCE_CONSTANTS);
      expect(computeArea(acc, mode, REFERENCE_CONSTANTS).areaMm2).toBe(expected);
      expect(computeArea(acc, mode, REFERENCE_CONSTANTS).areaMm2).toBe(expected);
    }
  });

  it('keeps remembered sums apart by constants table, mode and every field they read', () => {
    const acc = randomAccelerator(createRng('area-fields'), 'transcode');
    const bigger: ReferenceConstants = { ...REFERENCE_CONSTANTS, dma: { ...REFERENCE_CONSTANTS.dma, areaUm2: REFERENCE_CONSTANTS.dma.areaUm2 * 2 } };
    const base = computeArea(acc, 'inference', REFERENCE_CONSTANTS).areaMm2;
    expect(computeArea(acc, 'inference', bigger).areaMm2).toBe(areaInReferenceOrder(acc, 'inference', bigger));
    expect(computeArea(acc, 'inference', bigger).areaMm2).toBeGreaterThan(base);
    expect(computeArea(acc, 'training', REFERENCE_CONSTANTS).areaMm2).toBeGreaterThan(base);
    const variants: AcceleratorConfig[] = [
      { ...acc, pe: acc.pe * 2 },
      { ...acc, lanesPerPe: acc.lanesPerPe * 2 },
      { ...acc, softmaxPerPe: acc.softmaxPerPe * 2 },
      { ...acc, nonLinearity: acc.nonLinearity === 'gelu' ? 'relu' : 'gelu' },
      { ...acc, macsPerLane: acc.macsPerLane === 1 ? 16 : 1 },
      { ...acc, tile: { ...acc.tile, x: acc.tile.x === 8 ? 16 : 8 } },
    ];
    for (const v of variants) expect(computeArea(v, 'inference', REFERENCE_CONSTANTS).areaMm2).toBe(areaInReferenceOrder(v, 'inference', REFERENCE_CONSTANTS));
  });

  it('computes arrays outside the remembered ranges directly', () => {
    const acc = { ...randomAccelerator(createRng('area-big'), 'transcode'), pe: 20_000 };
    expect(computeArea(acc, 'inference', REFERENCE_CONSTANTS).areaMm2).toBe(areaInReferenceOrder(acc, 'inference', REFERENCE_CONSTANTS));
  });
});
