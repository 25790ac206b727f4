import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { randomAccelerator } from '../space/accelerator/sample.ts';
import { randomModel } from '../space/transformer/sample.ts';
import { chipArea } from './chipArea.ts';
import { simulate } from './simulate.ts';

describe('chipArea', () => {
  it('is the area each cost model reports, to the last bit, bank periphery included, on 200 random designs', () => {
    const rng = createRng('chip-area');
    let withBanks = 0;
    for (let i = 0; i < 200; i++) {
      const model = randomModel(rng), acc = randomAccelerator(rng, i % 2 ? 'transcode' : 'acceltran');
      const mode = i % 3 === 0 ? 'training' : 'inference';
      for (const costModel of ['elector', 'reference'] as const) {
        let r;
        try {
          r = simulate(model, acc, { mode, costModel, timeline: false });
        } catch {
          continue; // a design the reference cannot run (its capacity errors): nothing to compare
        }
        const a = chipArea(acc, mode, costModel);
        expect(a.areaMm2).toBe(r.areaMm2);
        expect(a.byModuleMm2.bufferBanks).toBe(r.areaByModuleMm2.bufferBanks ?? 0);
        if (a.byModuleMm2.bufferBanks > 0) withBanks++;
      }
    }
    // The comparison must have covered designs where the two models' areas differ.
    expect(withBanks).toBeGreaterThan(20);
  });
});
