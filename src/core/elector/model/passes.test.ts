/**
 * The mapping search's shortcuts change how much it schedules, never what it chooses: the
 * same results, field for field, with each shortcut on and off, on random pairs in both
 * modes and under every mapping objective.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import { MAPPING_OBJECTIVES, type SimMode } from '../types.ts';
import { SEARCH_SHORTCUTS } from './mapping.ts';
import { simulateElector } from './simulate.ts';

const constants = { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS };
const PAIRS = 150;

afterEach(() => {
  SEARCH_SHORTCUTS.keptFloor = true;
});

describe('the kept-pass floor', () => {
  for (const mode of ['inference', 'training'] as SimMode[]) {
    it(`changes no result (${mode}, ${PAIRS} pairs × ${MAPPING_OBJECTIVES.length} objectives)`, () => {
      const rng = createRng(`passes-shortcuts-${mode}`);
      let differing = 0, subBatched = 0;
      for (let i = 0; i < PAIRS; i++) {
        const model = randomModel(rng), acc = randomAccelerator(rng, 'transcode');
        for (const mappingObjective of MAPPING_OBJECTIVES) {
          // simulateElector keeps derived op lists in shared storage: a kept pass scheduled late
          // must find its own list there, which a wrong list would show here.
          const run = () => {
            try {
              return JSON.stringify(simulateElector(model, acc, { mode, clockMHz: 700, sparsity: { activation: 0.5, weight: 0.5, gradient: 0.5 }, constants, timeline: false, mappingObjective }));
            } catch (e) {
              return `error: ${(e as Error).message}`;
            }
          };
          SEARCH_SHORTCUTS.keptFloor = true;
          const fast = run();
          SEARCH_SHORTCUTS.keptFloor = false;
          const full = run();
          if (fast !== full) differing++;
          if (/"subBatch":(\d+)/.exec(full)?.[1] !== String(acc.batchSize)) subBatched++;
        }
      }
      expect(differing).toBe(0);
      // The comparison means something only if passes are cut often.
      expect(subBatched).toBeGreaterThan(PAIRS / 4);
    });
  }
});
