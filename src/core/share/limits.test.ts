import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DATASET_STORED_LEN, LAB_BACKENDS, LAB_DATASETS, LAB_GRADIENT_MODES, LAB_RANGES } from './limits.ts';
import { BACKENDS, DATASET_IDS, DATASET_SEQ_LEN, DYNAPROP_LIMITS, GRADIENT_MODES } from '../dynaprop/config.ts';

describe('the DynaProp lab limits', () => {
  it('are the core’s, restated', () => {
    expect(LAB_DATASETS).toEqual(DATASET_IDS);
    expect(LAB_GRADIENT_MODES).toEqual(GRADIENT_MODES);
    expect([...LAB_BACKENDS]).toEqual(['auto', ...BACKENDS]);
    for (const [key, [min, max]] of Object.entries(LAB_RANGES)) {
      expect({ min, max }, key).toEqual({ min: DYNAPROP_LIMITS[key as keyof typeof LAB_RANGES].min, max: DYNAPROP_LIMITS[key as keyof typeof LAB_RANGES].max });
    }
  });

  it('know every bundled dataset and the tokens its file stores', () => {
    expect(Object.keys(DATASET_STORED_LEN).sort()).toEqual([...DATASET_IDS].sort());
    for (const id of DATASET_IDS) {
      const file = JSON.parse(readFileSync(new URL(`../../../public/data/${id}.v1.json`, import.meta.url), 'utf8')) as { maxLen: number };
      expect(DATASET_STORED_LEN[id], id).toBe(file.maxLen);
      expect(DATASET_SEQ_LEN[id]).toBeLessThanOrEqual(file.maxLen);
      expect(file.maxLen).toBeLessThanOrEqual(DYNAPROP_LIMITS.seqLen.max);
    }
  });
});
