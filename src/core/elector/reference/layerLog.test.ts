import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { SimMode } from '../types.ts';
import { referenceOptions } from './fixtures/vectors.ts';
import { replaySettings } from './layers.ts';
import { referenceCycleBreakdown, simulateReference } from './simulate.ts';

/** Every number of a result, in order, with −0 told apart from 0. */
function numbers(model: ModelDict, acc: AcceleratorConfig, mode: SimMode): string {
  const r = simulateReference(model, acc, referenceOptions(mode));
  const all = { r, breakdown: referenceCycleBreakdown(model, acc, referenceOptions(mode)) };
  return JSON.stringify(all, (_k, v: unknown) => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v));
}

function withoutReplay<T>(f: () => T): T {
  const saved = replaySettings.minRepeats;
  replaySettings.minRepeats = Infinity;
  try {
    return f();
  } finally {
    replaySettings.minRepeats = saved;
  }
}

/** A random model whose layers repeat in runs (the layer after a run may change the width: a projection). */
function modelWithRuns(seed: string): ModelDict {
  const rng = createRng(seed);
  const base = randomModel(rng, { layers: 4 });
  const m: ModelDict = { l: 0, o: [], h: [], f: [] };
  for (let l = 0; l < base.l; l++) {
    const times = 1 + rng.int(4);
    for (let k = 0; k < times && m.l < 12; k++) {
      m.o.push([...base.o[l]]);
      m.h.push(base.h[l]);
      m.f.push([...base.f[l]]);
      m.l++;
    }
  }
  return m;
}

describe('replayed layers', () => {
  it('give the same doubles as simulating every layer (presets)', () => {
    for (const name of ['bert-mini', 'bert-medium', 'bert-base'] as const) {
      for (const mode of ['inference', 'training'] as const) {
        const model = MODEL_PRESETS[name].model;
        const acc = ACCELERATOR_PRESETS['acceltran-server'].config;
        expect(numbers(model, acc, mode)).toBe(withoutReplay(() => numbers(model, acc, mode)));
      }
    }
  });

  it('give the same doubles as simulating every layer (random runs of layers, random accelerators)', () => {
    const rng = createRng('replay-accelerators');
    for (let i = 0; i < 40; i++) {
      const model = modelWithRuns(`replay-${i}`);
      const acc = randomAccelerator(rng, 'acceltran');
      const mode: SimMode = i % 2 ? 'training' : 'inference';
      let direct: string;
      try {
        direct = withoutReplay(() => numbers(model, acc, mode));
      } catch (e) {
        expect(() => numbers(model, acc, mode)).toThrow((e as Error).message);
        continue;
      }
      expect(numbers(model, acc, mode)).toBe(direct);
    }
  });
});
