/**
 * The simulators keep module-level caches and scratch buffers (opCache.ts,
 * costTables.ts, reference/layers.ts, reference/blocks.ts). They are safe because
 * a simulation is synchronous and each worker has its own module instances: two
 * simulations can never be in flight in one JavaScript realm. What must hold,
 * and is checked here, is that nothing leaks from one run into the next: a
 * result never aliases scratch memory, a run is the same whatever ran before
 * it, and a model dict edited in place is never answered from a stale cache.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { createRng } from '../rng.ts';
import { randomModel } from '../space/transformer/sample.ts';
import type { CostModel, SimMode } from './types.ts';
import type { ModelDict } from '../space/transformer/types.ts';

const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;
const plain = (m: ModelDict): ModelDict => structuredClone(m);

describe.each(['elector', 'reference'] as CostModel[])('%s: no state leaks between simulations', (costModel) => {
  const run = (m: ModelDict, acc = edge, mode: SimMode = 'inference', timeline = false) => simulate(m, acc, { costModel, mode, timeline });
  const key = (r: ReturnType<typeof run>) => JSON.stringify([r.cycles, r.totalEnergyNJ, r.traffic, r.energyNJ]);

  it('gives a run the same result alone and between other runs, and never aliases scratch memory', () => {
    const a = plain(MODEL_PRESETS['bert-mini'].model);
    const alone = run(a, server);
    const aloneKey = key(alone);
    const rng = createRng('interleave');
    const others = Array.from({ length: 12 }, () => randomModel(rng));
    for (const o of others) {
      try {
        run(o, server, 'training');
      } catch { /* the reference model refuses some pairs (capacity): irrelevant here */ }
    }
    // The first result object was not overwritten by the runs after it.
    expect(key(alone)).toBe(aloneKey);
    expect(key(run(a, server))).toBe(aloneKey);
    expect(key(run(plain(a), server, 'inference', true))).toBe(aloneKey);
  });

  it('answers a model dict edited in place from its new content, not from a cache', () => {
    const m = plain(MODEL_PRESETS['bert-tiny'].model);
    const before = run(m);
    m.f = m.f.map(() => [2048]);
    const edited = run(m);
    expect(edited.cycles).not.toBe(before.cycles);
    expect(key(edited)).toBe(key(run(plain(m))));
  });
});
