import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { headGroups } from './layerOps.ts';
import { appendHeadGroup, headGroupForwardOps } from './headOps.ts';
import { cachedOps } from './opCache.ts';
import { OpTable } from './opTable.ts';
import { tableOps } from './opView.ts';
import { buildOps } from './ops.ts';
import { isImmutableCopy, plainModel } from './plainModel.ts';

const copy = (m: ModelDict): ModelDict => JSON.parse(JSON.stringify(m)) as ModelDict;

describe('cachedOps', () => {
  it('serves an equal dict the same list, and an edited dict a new one', () => {
    const m = randomModel(createRng('cache-edit'), { layers: 4 });
    const first = cachedOps(m, 4, 'training');
    expect(cachedOps(copy(m), 4, 'training')).toBe(first);
    expect(cachedOps(m, 8, 'training')).not.toBe(first);
    expect(cachedOps(m, 4, 'inference')).not.toBe(first);
    m.f[0][0] = m.f[0][0] === 1024 ? 512 : 1024;
    const edited = cachedOps(m, 4, 'training');
    expect(edited).not.toBe(first);
    const ff1 = edited.ops.find((o) => o.name === 'ff1' && o.layer === 0 && o.direction === 'forward');
    expect(ff1?.kind === 'matmul' && ff1.n).toBe(m.f[0][0]);
    expect(edited.ops).toEqual(buildOps(m, 4, 'training').ops);
  });

  it('does not keep a model it meets once (transient), and keeps it when it comes again', () => {
    const m = randomModel(createRng('cache-transient'), { layers: 6 });
    const once = cachedOps(m, 4, 'inference', true, false);
    expect(once.table.keepNames).toBe(false);
    expect(() => once.ops).toThrow(/no names/);
    const again = cachedOps(copy(m), 4, 'inference', true, false);
    expect(again.table.keepNames).toBe(true);
    expect(cachedOps(copy(m), 4, 'inference', true, false)).toBe(again);
    expect(again.ops).toEqual(buildOps(m, 4, 'inference').ops);
    expect(again.params).toBe(once.params);
  });
});

describe('head-group templates', () => {
  it('copy into the same rows as building the group in place', () => {
    const rng = createRng('templates');
    for (let i = 0; i < 30; i++) {
      const m = randomModel(rng);
      const layer = rng.int(m.l);
      for (const g of headGroups(m.o[layer])) {
        const built = new OpTable();
        headGroupForwardOps(built, g, layer, 4, 128);
        const copied = new OpTable();
        appendHeadGroup(copied, g, layer, 4, 128);
        appendHeadGroup(copied, g, layer, 4, 128);
        const rows = tableOps(built);
        expect(tableOps(copied)).toEqual([...rows, ...rows]);
      }
    }
  });
});

describe('plainModel', () => {
  it('copies a frozen preset once, into plain arrays with the same content', () => {
    const preset = MODEL_PRESETS['bert-base'].model;
    const plain = plainModel(preset);
    expect(plain).not.toBe(preset);
    expect(plain).toEqual(copy(preset));
    expect(Object.isFrozen(plain.o[0])).toBe(false);
    expect(plainModel(preset)).toBe(plain);
    expect(isImmutableCopy(plain)).toBe(true);
    expect(cachedOps(plain, 4, 'inference')).toBe(cachedOps(plain, 4, 'inference'));
  });

  it('passes plain dicts through, which stay editable and are never taken for immutable', () => {
    const m = copy(MODEL_PRESETS['bert-tiny'].model);
    expect(plainModel(m)).toBe(m);
    expect(isImmutableCopy(m)).toBe(false);
  });
});
