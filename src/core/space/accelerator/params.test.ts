import { describe, expect, it } from 'vitest';
import {
  allowedValues,
  bandwidthModeFor,
  MEMORY_GEOMETRY_PARAMS,
  MEMORY_TYPES,
  memoryOptionLabel,
  NUMERIC_PARAM_BY_PATH,
  NUMERIC_PARAMS,
} from './params.ts';
import { ACCELTRAN_SPACE, MEMORY_INDEX, TRANSCODE_SPACE } from './schema.ts';
import { assembleAccelerator, flattenAccelerator } from './flat.ts';
import { ACCELERATOR_PRESETS } from './presets.ts';

describe('NUMERIC_PARAMS', () => {
  it('covers embedding positions 0..10 once each, in order', () => {
    expect(NUMERIC_PARAMS.map((p) => p.embeddingIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads allowed values from the schema of the chosen variant', () => {
    expect(allowedValues(NUMERIC_PARAM_BY_PATH.pe, 'transcode')).toBe(TRANSCODE_SPACE.pe);
    expect(allowedValues(NUMERIC_PARAM_BY_PATH['tile.y'], 'acceltran')).toBe(ACCELTRAN_SPACE.tileXY);
    expect(allowedValues(NUMERIC_PARAM_BY_PATH.maskBufferMB, 'acceltran')).toContain(0.5);
    expect(allowedValues(NUMERIC_PARAM_BY_PATH.maskBufferMB)).not.toContain(0.5);
  });

  it('the two variants differ only in the mask buffer, by 0.5 MB', () => {
    for (const p of NUMERIC_PARAMS) {
      const a = allowedValues(p, 'acceltran');
      const t = allowedValues(p, 'transcode');
      if (p.path === 'maskBufferMB') expect(a).toEqual([0.5, ...t]);
      else expect(a).toEqual(t);
    }
    expect(ACCELTRAN_SPACE.mainMemory).toEqual(TRANSCODE_SPACE.mainMemory);
    expect(ACCELTRAN_SPACE.nonLinearity).toEqual(TRANSCODE_SPACE.nonLinearity);
  });

  it('has a label, unit and a one-sentence explanation for every parameter', () => {
    for (const p of [...NUMERIC_PARAMS, ...MEMORY_GEOMETRY_PARAMS]) {
      expect(p.label.length).toBeGreaterThan(0);
      expect(p.unit.length).toBeGreaterThan(0);
      expect(p.about).toMatch(/^[A-Z].*\.$/);
      expect(p.about.split(/\.\s/).length).toBe(1);
    }
  });

  it('paths match flattenAccelerator keys, and flatten/assemble round-trip', () => {
    const c = ACCELERATOR_PRESETS['acceltran-server'].config;
    const flat = flattenAccelerator(c);
    expect(Object.keys(flat).sort()).toEqual(NUMERIC_PARAMS.map((p) => p.path).sort());
    expect(assembleAccelerator(flat, c.nonLinearity, c.mainMemory)).toEqual(c);
  });
});

describe('memory descriptions', () => {
  it('describes every memory type of the space', () => {
    expect(Object.keys(MEMORY_TYPES).sort()).toEqual(Object.keys(TRANSCODE_SPACE.mainMemory).sort());
  });

  it('gives lb to DRAM and hb to the others, matching the mem_idx table', () => {
    expect(MEMORY_INDEX.map((m) => bandwidthModeFor(m.type))).toEqual([
      'hb', 'hb', 'hb', 'hb', 'hb', 'hb', 'lb', 'lb', 'lb', 'lb', 'hb',
    ]);
  });

  it('labels a memory option by type and geometry', () => {
    expect(memoryOptionLabel(MEMORY_INDEX[8])).toBe('DRAM 32/2/1');
    expect(memoryOptionLabel(MEMORY_INDEX[5])).toBe('Monolithic-3D RRAM 1/2/32');
  });
});
