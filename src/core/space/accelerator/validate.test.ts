import { describe, expect, it } from 'vitest';
import { formatIssues, ValidationError } from '../issues.ts';
import { ACCELERATOR_PRESETS } from './presets.ts';
import { checkAccelerator, validateAccelerator } from './validate.ts';

const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
/** A mutable copy of the edge preset with some fields changed. */
function edgeWith(change: (c: Record<string, any>) => void): unknown {
  const c = structuredClone(edge) as Record<string, any>;
  change(c);
  return c;
}
function messages(x: unknown, variant?: 'acceltran' | 'transcode'): string {
  const r = validateAccelerator(x, variant);
  if (r.ok) throw new Error('expected validation to fail');
  return formatIssues(r.issues);
}

describe('validateAccelerator: accepts', () => {
  it('both presets in both variants, as fresh copies', () => {
    for (const preset of Object.values(ACCELERATOR_PRESETS)) {
      for (const variant of ['acceltran', 'transcode'] as const) {
        const r = validateAccelerator(preset.config, variant);
        expect(r.ok && r.value).toEqual(preset.config);
        expect(r.ok && r.value).not.toBe(preset.config);
      }
    }
  });

  it('DRAM with hb mode (the reference never checks the mode)', () => {
    expect(validateAccelerator(edgeWith((c) => (c.mainMemory.mode = 'hb'))).ok).toBe(true);
  });

  it('a 0.5 MB mask buffer only in the acceltran variant', () => {
    const half = edgeWith((c) => (c.maskBufferMB = 0.5));
    expect(validateAccelerator(half, 'acceltran').ok).toBe(true);
    expect(messages(half, 'transcode')).toBe('maskBufferMB: 0.5 is not allowed (allowed: 1, 2, 4, 8, 16)');
    expect(messages(half)).toContain('maskBufferMB: 0.5 is not allowed');
  });
});

describe('validateAccelerator: rejects', () => {
  it('out-of-space values, naming field and allowed values', () => {
    expect(messages(edgeWith((c) => (c.pe = 100)))).toBe('pe: 100 is not allowed (allowed: 64, 128, 256, 512, 1024)');
    expect(messages(edgeWith((c) => (c.tile.b = 2)))).toBe('tile.b: 2 is not allowed (allowed: 1, 4)');
    expect(messages(edgeWith((c) => (c.nonLinearity = 'tanh')))).toBe('nonLinearity: "tanh" is not allowed (allowed: relu, gelu)');
  });

  it('wrong types, naming what was found', () => {
    const text = messages(edgeWith((c) => ((c.pe = '64'), (c.batchSize = null), (c.lanesPerPe = NaN), (c.tile = [1, 16, 16]))));
    expect(text).toContain('pe: expected a number, got "64"');
    expect(text).toContain('batchSize: expected a number, got null');
    expect(text).toContain('lanesPerPe: expected a number, got number NaN');
    expect(text).toContain('tile: expected an object {b, x, y}, got an array');
    expect(messages('config')).toBe('expected an accelerator config object, got "config"');
    expect(messages([edge])).toContain('got an array');
  });

  it('missing fields', () => {
    const text = messages(edgeWith((c) => (delete c.softmaxPerPe, delete c.tile.y, delete c.mainMemory.mode)));
    expect(text).toContain('softmaxPerPe: missing (allowed: 2, 4, 8, 16, 32, 64)');
    expect(text).toContain('tile.y: missing (allowed: 8, 16, 32)');
    expect(text).toContain('mainMemory.mode: missing (allowed: lb, hb)');
    expect(messages({})).toContain('mainMemory: expected an object');
  });

  it('non-square tiles', () => {
    expect(messages(edgeWith((c) => (c.tile.y = 32)))).toBe(
      'tile.y: 32 must equal tile.x (16): the simulator only supports square tiles',
    );
  });

  it('tile.b above the batch size, even when the batch itself is out of space', () => {
    const text = messages(edgeWith((c) => ((c.tile.b = 4), (c.batchSize = 2))));
    expect(text).toContain('batchSize: 2 is not allowed');
    expect(text).toContain('tile.b: 4 must be at most batchSize (2)');
  });

  it('memory configurations not in the list of their type', () => {
    const bad = edgeWith((c) => (c.mainMemory = { type: 'dram', banks: 4, ranks: 2, channels: 2, mode: 'lb' }));
    expect(messages(bad)).toBe(
      'mainMemory: dram with 4 banks, 2 ranks, 2 channels is not a configuration (allowed for dram: 16/2/2, 8/2/4, 32/2/1, 16/4/1)',
    );
    // Valid for rram, not for hbm.
    expect(messages(edgeWith((c) => (c.mainMemory = { type: 'hbm', banks: 16, ranks: 2, channels: 2, mode: 'hb' })))).toContain(
      'allowed for hbm: 32/1/4',
    );
    const unknownType = messages(edgeWith((c) => ((c.mainMemory.type = 'sram'), (c.mainMemory.mode = 'xb'))));
    expect(unknownType).toContain('mainMemory.type: "sram" is not allowed (allowed: rram, dram, hbm)');
    expect(unknownType).toContain('mainMemory.mode: "xb" is not allowed (allowed: lb, hb)');
  });

  it('unknown keys at every level, including inherited-looking ones', () => {
    const text = messages(
      edgeWith((c) => ((c.loopUnrolling = 'b_i_j_k'), (c.tile.z = 1), (c.mainMemory.speed = 1))),
    );
    expect(text).toContain('loopUnrolling: unknown key');
    expect(text).toContain('tile.z: unknown key (allowed: b, x, y)');
    expect(text).toContain('mainMemory.speed: unknown key');
    expect(messages(JSON.parse(JSON.stringify(edge).replace('{', '{"__proto__":{"pe":64},')))).toContain('__proto__: unknown key');
  });
});

describe('validateAccelerator: hostile input', () => {
  it('rejects an object with many keys quickly, listing only a few', () => {
    const huge: Record<string, number> = { ...edge } as never;
    for (let i = 0; i < 200_000; i++) huge[`k${i}`] = i;
    const t0 = performance.now();
    const r = validateAccelerator(huge);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.length).toBeLessThan(10);
  });

  it('does not recurse into deep nesting or echo long strings', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { b: deep };
    const script = `<script>alert(1)</script>${'x'.repeat(100_000)}`;
    const r = validateAccelerator(edgeWith((c) => ((c.tile = deep), (c.nonLinearity = script), (c[script] = 1))));
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(i.path.length + i.message.length).toBeLessThan(300);
  });

  it('reports a throwing getter instead of crashing', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(validateAccelerator(trap)).toEqual({ ok: false, issues: [{ path: '', message: 'the accelerator config could not be read' }] });
  });
});

describe('checkAccelerator', () => {
  it('returns the config or throws ValidationError with the issues', () => {
    expect(checkAccelerator(edge)).toEqual(edge);
    expect(() => checkAccelerator(edgeWith((c) => (c.pe = 100)))).toThrow(ValidationError);
    expect(() => checkAccelerator(edgeWith((c) => (c.maskBufferMB = 0.5)), 'transcode')).toThrow(/maskBufferMB: 0.5/);
  });
});
