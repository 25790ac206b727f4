import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { formatIssues } from '../issues.ts';
import { acceleratorFromEmbedding, acceleratorToEmbedding, memoryIndexOf } from './embedding.ts';
import { ACCELERATOR_PRESETS } from './presets.ts';
import { randomAccelerator } from './sample.ts';
import { MEMORY_INDEX } from './schema.ts';
import type { AcceleratorConfig } from './types.ts';

function decodeErrors(e: unknown, variant?: 'acceltran' | 'transcode'): string {
  const r = acceleratorFromEmbedding(e, variant);
  if (r.ok) throw new Error('expected decoding to fail');
  return formatIssues(r.issues);
}

describe('acceleratorFromEmbedding', () => {
  it('decodes the dataset example of docs/elector.md §13', () => {
    const r = acceleratorFromEmbedding([1, 8, 8, 1024, 32, 16, 64, 16, 64, 64, 8, 5]);
    expect(r).toEqual({
      ok: true,
      value: {
        tile: { b: 1, x: 8, y: 8 },
        nonLinearity: 'gelu',
        pe: 1024,
        lanesPerPe: 32,
        macsPerLane: 16,
        softmaxPerPe: 64,
        batchSize: 16,
        activationBufferMB: 64,
        weightBufferMB: 64,
        maskBufferMB: 8,
        mainMemory: { type: 'rram', banks: 1, ranks: 2, channels: 32, mode: 'hb' },
      },
    });
  });

  it('fixes mode lb exactly for DRAM indices', () => {
    for (let idx = 0; idx < MEMORY_INDEX.length; idx++) {
      const r = acceleratorFromEmbedding([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, idx]);
      if (!r.ok) throw new Error(formatIssues(r.issues));
      expect(r.value.mainMemory.mode).toBe(r.value.mainMemory.type === 'dram' ? 'lb' : 'hb');
    }
  });

  it('names the embedding index and field in errors', () => {
    expect(decodeErrors([1, 16, 16, 100, 16, 16, 4, 4, 4, 8, 1, 8])).toBe(
      'embedding[3] (pe): 100 is not allowed (allowed: 64, 128, 256, 512, 1024)',
    );
    expect(decodeErrors([1, 8, 16, 64, 16, 16, 4, 4, 4, 8, 1, 8])).toContain('embedding[2] (tile.y): 16 must equal tile.x (8)');
    expect(decodeErrors([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 0.5, 8], 'transcode')).toContain('embedding[10] (maskBufferMB): 0.5');
    expect(acceleratorFromEmbedding([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 0.5, 8], 'acceltran').ok).toBe(true);
  });

  it('rejects a bad mem_idx, wrong lengths and non-numbers', () => {
    expect(decodeErrors([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 11])).toMatch(/^embedding\[11\] \(mem_idx\): 11 is not a memory index \(allowed: 0 = rram_16_2_2, .*10 = hbm_32_1_4\)$/);
    expect(decodeErrors([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 2.5])).toContain('2.5 is not a memory index');
    expect(decodeErrors([1, 16, 16])).toBe('embedding: must have 12 entries (got 3)');
    expect(decodeErrors(new Array(10_000_000))).toBe('embedding: must have 12 entries (got 10000000)');
    expect(decodeErrors({ length: 12 })).toBe('embedding: expected an array of 12 numbers, got an object');
    const text = decodeErrors([1, '16', 16, 64, null, 16, 4, 4, Infinity, 8, 1, 8]);
    expect(text).toContain('embedding[1] (tile.x): expected a finite number, got "16"');
    expect(text).toContain('embedding[4] (lanesPerPe): expected a finite number, got null');
    expect(text).toContain('embedding[8] (activationBufferMB): expected a finite number, got number Infinity');
    // eslint-disable-next-line no-sparse-arrays
    expect(decodeErrors([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, ,])).toContain('embedding[11] (mem_idx): expected a finite number, got nothing');
  });
});

describe('acceleratorToEmbedding', () => {
  it('encodes the presets', () => {
    expect(acceleratorToEmbedding(ACCELERATOR_PRESETS['acceltran-edge'].config)).toEqual([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 8]);
    expect(acceleratorToEmbedding(ACCELERATOR_PRESETS['acceltran-server'].config)).toEqual([1, 16, 16, 512, 32, 16, 32, 4, 32, 64, 8, 4]);
  });

  it('presets round-trip through the embedding', () => {
    for (const { config } of Object.values(ACCELERATOR_PRESETS)) {
      expect(acceleratorFromEmbedding(acceleratorToEmbedding(config))).toEqual({ ok: true, value: config });
    }
  });

  it('throws a clear error for a memory with no mem_idx', () => {
    const c = structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config) as AcceleratorConfig;
    c.mainMemory.banks = 4;
    expect(() => acceleratorToEmbedding(c)).toThrow(/main memory "dram" 4\/2\/1 has no mem_idx \(the embedding covers rram_16_2_2, /);
    expect(memoryIndexOf({ type: 'hbm', banks: 32, ranks: 1, channels: 4 })).toBe(10);
  });
});

describe('embedding round trips on random configs', () => {
  for (const variant of ['acceltran', 'transcode'] as const) {
    it(`1,000 configs in the ${variant} space`, () => {
      const rng = createRng(`embedding-${variant}`);
      const seenMemIdx = new Set<number>();
      for (let i = 0; i < 1000; i++) {
        const config = randomAccelerator(rng, variant);
        const e = acceleratorToEmbedding(config);
        seenMemIdx.add(e[11]);
        const back = acceleratorFromEmbedding(e, variant);
        if (!back.ok) throw new Error(formatIssues(back.issues));
        // The embedding has no slot for the non-linearity: decoding fixes gelu.
        expect(back.value).toEqual({ ...config, nonLinearity: 'gelu' });
        expect(acceleratorToEmbedding(back.value)).toEqual(e);
      }
      expect(seenMemIdx.size).toBe(MEMORY_INDEX.length);
    });
  }
});
