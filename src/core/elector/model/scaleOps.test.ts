/**
 * `scaleOps` must give, at every batch, the very doubles `buildOps` writes: thousands of
 * random models, both modes, with and without the MLM head, scaled down and up.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import { buildOps, type OpList } from './ops.ts';
import { scaleOps } from './scaleOps.ts';

function same(a: OpList, b: OpList): string | null {
  const ta = a.table, tb = b.table;
  if (ta.length !== tb.length) return `rows ${ta.length} vs ${tb.length}`;
  for (let i = 0; i < ta.length * 13; i++) {
    // Transfers and the optimizer leave the product fields unwritten (whatever the storage held).
    const transfer = ta.code[Math.floor(i / 13) * 7] >= 5;
    if (transfer && ![0, 1, 2, 9, 12].includes(i % 13)) continue;
    if (!Object.is(ta.num[i], tb.num[i])) return `num[${i}] ${ta.num[i]} vs ${tb.num[i]}`;
  }
  for (let i = 0; i < ta.length * 7; i++) if (ta.code[i] !== tb.code[i]) return `code[${i}]`;
  for (let i = 0; i < ta.length; i++) if (ta.keepNames && ta.name(i) !== tb.name(i)) return `name ${i}`;
  for (const k of ['params', 'layerWeightElems', 'maxWorkingSetElems', 'maxLayerWeightElems'] as const) if (a[k] !== b[k]) return `${k} ${a[k]} vs ${b[k]}`;
  if (a.forwardStashByLayer.join() !== b.forwardStashByLayer.join()) return 'stash';
  return null;
}

describe('scaleOps', () => {
  it('derives the op list of another batch exactly as buildOps builds it', () => {
    const rng = createRng('scale-ops');
    const errors: string[] = [];
    for (let i = 0; i < 600; i++) {
      const model = randomModel(rng);
      const mode = i % 2 === 0 ? 'inference' : 'training';
      const opts = { seqLen: [32, 128, 512][i % 3], mlmHead: i % 5 === 0 };
      const from = [4, 8, 16, 32, 64][i % 5];
      const src = buildOps(model, from, mode, opts);
      for (const to of [from / 2, from / 4, 1, 3, 2 * from]) {
        const diff = same(scaleOps(src, from, to, i % 3 === 0), buildOps(model, to, mode, opts));
        if (diff && errors.length < 5) errors.push(`model ${i} ${mode} ${from} → ${to}: ${diff}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
