/**
 * Model dicts as the simulators read them: plain arrays only.
 *
 * Why: in V8 (Node 20) reading an element of a frozen array is several times slower than
 * reading a plain one, and once a read site has met both kinds it stays slow for both. The
 * presets are deep-frozen, sweeps pass plain dicts; so every frozen dict is copied once
 * (frozen means it never changes: one copy per dict serves every later run) and the cost
 * models (both of them) read plain arrays only.
 */
import type { ModelDict } from '../../space/transformer/types.ts';

const copies = new WeakMap<ModelDict, ModelDict>();
/** Copies made here: never handed out for editing, so their identity names their content. */
const immutable = new WeakSet<ModelDict>();

export function plainModel(model: ModelDict): ModelDict {
  if (!anyFrozen(model)) return model;
  let copy = copies.get(model);
  if (copy) return copy;
  copy = copyModel(model);
  if (deepFrozen(model)) {
    copies.set(model, copy);
    immutable.add(copy);
  }
  return copy;
}

/** Whether `model` is a copy made by `plainModel`: content fixed for good. */
export function isImmutableCopy(model: ModelDict): boolean {
  return immutable.has(model);
}

function anyFrozen(m: ModelDict): boolean {
  return Object.isFrozen(m) || Object.isFrozen(m.o) || Object.isFrozen(m.h) || Object.isFrozen(m.f) || (m.l > 0 && (Object.isFrozen(m.o[0]) || Object.isFrozen(m.f[0])));
}

function deepFrozen(m: ModelDict): boolean {
  if (!Object.isFrozen(m) || !Object.isFrozen(m.o) || !Object.isFrozen(m.h) || !Object.isFrozen(m.f)) return false;
  for (let l = 0; l < m.l; l++) if (!Object.isFrozen(m.o[l]) || !Object.isFrozen(m.f[l])) return false;
  return true;
}

/** Every field the cost models read, in fresh plain arrays. */
export function copyModel(m: ModelDict): ModelDict {
  const o: string[][] = [];
  const h: number[] = [];
  const f: number[][] = [];
  for (let l = 0; l < m.l; l++) {
    o.push(Array.from(m.o[l]));
    h.push(m.h[l]);
    f.push(Array.from(m.f[l]));
  }
  return { l: m.l, o, h, f };
}
