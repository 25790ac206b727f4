import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import { simulate } from '../simulate.ts';

/**
 * The timeline is one pass of the run: the UI's table gives each op its share of it, and its
 * cycles must add up. A run of one pass is the whole run, so its timeline ends at the run's cycles.
 */
describe('elector timeline', () => {
  it('ends at the run\'s cycles when the run is one pass, its posted stores\' tail and the optimizer share included (200 random pairs)', () => {
    const rng = createRng('timeline-end');
    let onePass = 0, withTail = 0;
    for (let i = 0; i < 200; i++) {
      const model = randomModel(rng), acc = randomAccelerator(rng, 'transcode');
      const mode = i % 2 ? 'training' : 'inference';
      const r = simulate(model, acc, { mode, timeline: true });
      const tl = r.timeline!;
      for (let k = 1; k < tl.length; k++) expect(tl[k].startCycle).toBeGreaterThanOrEqual(tl[k - 1].endCycle - 1e-9);
      for (const e of tl) expect(Number.isInteger(e.endCycle), `${e.op} ends at ${e.endCycle}`).toBe(true);
      if (r.run?.subBatch !== acc.batchSize) continue;
      onePass++;
      if (tl.some((e) => e.op === 'write-back')) withTail++;
      expect(tl[tl.length - 1].endCycle).toBe(r.cycles);
    }
    expect(onePass).toBeGreaterThan(50);
    expect(withTail).toBeGreaterThan(10);
  });
});
