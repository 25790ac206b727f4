import { describe, expect, it } from 'vitest';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import { bufferModel } from './buffers.ts';
import { createFormats, sparsityTable } from './formats.ts';

const buffer = (mb: number) => bufferModel(mb, 1024, REFERENCE_CONSTANTS.activationBuffer, ELECTOR_CONSTANTS, 700);
const mask = buffer(1);
const formats = createFormats(20, 1, mask);

describe('storage formats (elector-physical.md §1.2)', () => {
  it('stores n·(w·(1−s) + m) bits in main memory when compressing pays, else w bits', () => {
    expect(formats.mainMemoryBits(0)).toBe(20);
    expect(formats.mainMemoryBits(0.5)).toBe(11);
    expect(formats.mainMemoryBits(0.9)).toBeCloseTo(3);
    expect(formats.mainMemoryBits(0.04)).toBe(20); // 19.2 + 1 > 20: dense
  });

  it('never gets more expensive as sparsity rises', () => {
    const act = buffer(32);
    let lastMain = Infinity;
    let lastOnChipNJ = Infinity;
    let lastCapacity = 0;
    for (let s = 0; s < 1; s += 0.005) {
      const onChipNJ = formats.onChipDataBits(s, act) * act.nJPerBit + formats.onChipMaskBits(s, act) * mask.nJPerBit;
      const capacity = formats.capacityElems(s, act, 8e6);
      expect(formats.mainMemoryBits(s)).toBeLessThanOrEqual(lastMain);
      expect(onChipNJ).toBeLessThanOrEqual(lastOnChipNJ + 1e-15);
      expect(capacity).toBeGreaterThanOrEqual(lastCapacity);
      lastMain = formats.mainMemoryBits(s);
      lastOnChipNJ = onChipNJ;
      lastCapacity = capacity;
    }
  });

  it('limits compressed capacity by the mask buffer share (1 bit per element), never below dense', () => {
    const act = buffer(4); // 33.5 Mbit
    expect(formats.capacityElems(0, act, 1e6)).toBeCloseTo(act.capacityBits / 20);
    expect(formats.capacityElems(0.5, act, 1e9)).toBeCloseTo(act.capacityBits / 10);
    expect(formats.capacityElems(0.5, act, 2.5e6)).toBe(2.5e6);
    expect(formats.capacityElems(0.5, act, 1e5)).toBeCloseTo(act.capacityBits / 20);
  });
});

describe('sparsityTable', () => {
  it('overrides the global sparsity per op kind and keeps the rest', () => {
    const t = sparsityTable({ activation: 0.5, weight: 0.5, gradient: 0.9 }, { softmax: { activation: 0.8 }, matmul: { gradient: 0.6 } });
    expect(t.softmax).toEqual({ activation: 0.8, weight: 0.5, gradient: 0.9 });
    expect(t.matmul).toEqual({ activation: 0.5, weight: 0.5, gradient: 0.6 });
    expect(t.conv).toEqual({ activation: 0.5, weight: 0.5, gradient: 0.9 });
  });

  it('clamps hand-written overrides into [0, 0.999]', () => {
    const t = sparsityTable({ activation: 0.5, weight: 0.5, gradient: 0.9 }, { conv: { activation: 1.5, weight: -1, gradient: Number.NaN } });
    expect(t.conv).toEqual({ activation: 0.999, weight: 0, gradient: 0 });
  });
});
