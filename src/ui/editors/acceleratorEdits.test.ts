import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { ACCELTRAN_SPACE } from '../../core/space/accelerator/schema.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import { memoryGeometryChoices, numericOptionProblem, setMemoryGeometry, setMemoryType, setNumericParam } from './acceleratorEdits.ts';

// Frozen presets: an edit that mutated its input would throw.
const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;
const valid = (a: AcceleratorConfig) => validateAccelerator(a, 'acceltran').ok;

describe('numeric parameters', () => {
  it('sets a field and leaves the others', () => {
    const a = setNumericParam(edge, 'weightBufferMB', 128);
    expect(a.weightBufferMB).toBe(128);
    expect({ ...a, weightBufferMB: 8 }).toEqual(edge);
  });

  it('keeps tiles square: tile.y follows tile.x', () => {
    const a = setNumericParam(edge, 'tile.x', 32);
    expect(a.tile).toEqual({ b: 1, x: 32, y: 32 });
    expect(valid(a)).toBe(true);
  });

  it('names the rule a value would break, and accepts allowed ones', () => {
    expect(numericOptionProblem(edge, 'pe', 1024, 'acceltran')).toBeNull();
    expect(numericOptionProblem(edge, 'pe', 100, 'acceltran')).toBe('pe: 100 is not allowed (allowed: 64, 128, 256, 512, 1024)');
  });

  it('reports values of the AccelTran space that the TransCODE variant lacks', () => {
    expect(numericOptionProblem(edge, 'maskBufferMB', 0.5, 'acceltran')).toBeNull();
    expect(numericOptionProblem(edge, 'maskBufferMB', 0.5, 'transcode')).toMatch(/maskBufferMB/);
  });
});

describe('main memory', () => {
  it('switches type to a configuration of that type and its bandwidth mode', () => {
    const hbm = setMemoryType(edge, 'hbm', ACCELTRAN_SPACE);
    expect(hbm.mainMemory).toEqual({ type: 'hbm', banks: 32, ranks: 1, channels: 4, mode: 'hb' });
    const dram = setMemoryType(server, 'dram', ACCELTRAN_SPACE);
    // rram 32/2/1 → dram 32/2/1 exists: the geometry is kept.
    expect(dram.mainMemory).toEqual({ type: 'dram', banks: 32, ranks: 2, channels: 1, mode: 'lb' });
    expect(valid(hbm) && valid(dram)).toBe(true);
  });

  it('offers only the values of the current type and says what else a choice changes', () => {
    const choices = memoryGeometryChoices(server, 'banks', ACCELTRAN_SPACE);
    expect(choices.map((c) => c.value)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(choices.find((c) => c.value === 8)?.alsoChanges).toBe('4 channels');
    expect(choices.find((c) => c.value === 32)?.alsoChanges).toBe('');
    expect(memoryGeometryChoices(edge, 'ranks', ACCELTRAN_SPACE).map((c) => c.value)).toEqual([2, 4]);
  });

  it('moves to an existing configuration when one geometry field changes', () => {
    const a = setMemoryGeometry(edge, 'ranks', 4, ACCELTRAN_SPACE);
    expect(a.mainMemory).toMatchObject({ type: 'dram', banks: 16, ranks: 4, channels: 1 });
    expect(valid(a)).toBe(true);
    expect(setMemoryGeometry(edge, 'ranks', 3, ACCELTRAN_SPACE)).toBe(edge);
  });
});
