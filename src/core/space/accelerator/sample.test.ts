import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { ValidationError } from '../issues.ts';
import { memoryIndexOf } from './embedding.ts';
import { randomAccelerator } from './sample.ts';
import { MEMORY_INDEX, TRANSCODE_SPACE } from './schema.ts';
import { validateAccelerator } from './validate.ts';

describe('randomAccelerator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => randomAccelerator(rng));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('always yields valid configs with square tiles and tile.b ≤ batch', () => {
    for (const variant of ['acceltran', 'transcode'] as const) {
      const rng = createRng(variant);
      for (let i = 0; i < 500; i++) {
        const c = randomAccelerator(rng, variant);
        expect(validateAccelerator(c, variant).ok).toBe(true);
        expect(c.tile.y).toBe(c.tile.x);
        expect(c.tile.b).toBeLessThanOrEqual(c.batchSize);
        expect(c.mainMemory.mode).toBe(c.mainMemory.type === 'dram' ? 'lb' : 'hb');
      }
    }
  });

  it('is uniform over mem_idx and over each field', () => {
    const rng = createRng('uniform');
    const memCounts = new Array(MEMORY_INDEX.length).fill(0);
    const peCounts = new Map<number, number>();
    const n = 11_000;
    for (let i = 0; i < n; i++) {
      const c = randomAccelerator(rng);
      memCounts[memoryIndexOf(c.mainMemory)]++;
      peCounts.set(c.pe, (peCounts.get(c.pe) ?? 0) + 1);
    }
    // ±15 % of the expected count is > 4 standard deviations here.
    for (const count of memCounts) expect(Math.abs(count - n / 11)).toBeLessThan(0.15 * (n / 11));
    expect([...peCounts.keys()].sort((a, b) => a - b)).toEqual(TRANSCODE_SPACE.pe);
    for (const count of peCounts.values()) expect(Math.abs(count - n / 5)).toBeLessThan(0.15 * (n / 5));
  });

  it('holds fixed fields without shifting the other draws', () => {
    const free = randomAccelerator(createRng(3));
    const held = randomAccelerator(createRng(3), 'transcode', { fixed: { pe: 1024, tile: { x: 32 }, nonLinearity: 'relu' } });
    expect(held.pe).toBe(1024);
    expect(held.tile).toEqual({ b: free.tile.b, x: 32, y: 32 });
    expect(held.nonLinearity).toBe('relu');
    expect(held.lanesPerPe).toBe(free.lanesPerPe);
    expect(held.batchSize).toBe(free.batchSize);
  });

  it('draws memory among the configurations matching a partly fixed memory', () => {
    const rng = createRng(11);
    for (let i = 0; i < 100; i++) {
      const c = randomAccelerator(rng, 'transcode', { fixed: { mainMemory: { type: 'dram', ranks: 2 } } });
      expect(c.mainMemory.type).toBe('dram');
      expect(c.mainMemory.ranks).toBe(2);
    }
    expect(() => randomAccelerator(rng, 'transcode', { fixed: { mainMemory: { type: 'hbm', banks: 16 } } })).toThrow(RangeError);
  });

  it('throws ValidationError when fixed values leave the space', () => {
    expect(() => randomAccelerator(createRng(1), 'transcode', { fixed: { maskBufferMB: 0.5 } })).toThrow(ValidationError);
    expect(randomAccelerator(createRng(1), 'acceltran', { fixed: { maskBufferMB: 0.5 } }).maskBufferMB).toBe(0.5);
    expect(() => randomAccelerator(createRng(1), 'transcode', { fixed: { tile: { x: 8, y: 16 } } })).toThrow(/tile.y/);
  });
});
