/**
 * `buildOps`, remembered for the last few (model, batch, mode): sweeps over accelerators
 * and sparsities simulate the same model many times, often as fresh but equal dicts
 * (after a worker message or a copy). Entries are found by a numeric fingerprint of the
 * model's content and confirmed field by field against a private copy, so an edited dict
 * never hits a stale entry and a miss costs one pass over the dict, not a JSON string.
 *
 * Random sweeps never see a model twice, and keeping each list would cost an allocation
 * and a copy: a caller that costs the list at once (`transient`) gets a model's first
 * build in the shared scratch table, and only a model seen again is kept.
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import type { SimMode } from '../types.ts';
import { buildOps, type OpList } from './ops.ts';
import { copyModel, isImmutableCopy } from './plainModel.ts';

interface Entry {
  model: ModelDict;
  batch: number;
  mode: SimMode;
  /** seqLen · 2 + (mlmHead ? 1 : 0). */
  shape: number;
  list: OpList;
}

/** What, besides the model, batch and mode, an op list depends on. */
export interface OpShape {
  seqLen: number;
  mlmHead: boolean;
}
const DEFAULT_SHAPE: OpShape = { seqLen: 128, mlmHead: false };
const shapeCode = (s: OpShape): number => s.seqLen * 2 + (s.mlmHead ? 1 : 0);

const CACHE_SIZE = 32;
/** Fingerprint → entries (collisions are possible, and resolved by comparison); Map order is recency order. */
const cache = new Map<number, Entry[]>();
let entries = 0;

/** Lists of copies that cannot change, by identity (weakly: a copy lives as long as its frozen original). */
const byIdentity = new WeakMap<ModelDict, Entry[]>();
const LISTS_PER_COPY = 8;

/** A copy that cannot change (plainModel.ts) is found by identity: no fingerprint, no comparison. */
function cachedByIdentity(model: ModelDict, batch: number, mode: SimMode, s: OpShape): OpList {
  let entries = byIdentity.get(model);
  if (!entries) byIdentity.set(model, (entries = []));
  const shape = shapeCode(s);
  for (const e of entries) if (e.batch === batch && e.mode === mode && e.shape === shape) return e.list;
  const list = buildOps(model, batch, mode, s);
  if (entries.length >= LISTS_PER_COPY) entries.shift();
  entries.push({ model, batch, mode, shape, list });
  return list;
}

/** Fingerprints of the last misses, as a ring. */
const RECENT_MISSES = 64;
const recentMisses = new Float64Array(RECENT_MISSES).fill(-1);
let nextMiss = 0;

/**
 * Callers must not mutate the returned ops. `transient`: the caller keeps nothing of the
 * list past its next call into this module (see the file comment); `names`: whether such a
 * list needs op names.
 */
export function cachedOps(
  model: ModelDict, batch: number, mode: SimMode, transient = false, names = true, s: OpShape = DEFAULT_SHAPE,
): OpList {
  if (isImmutableCopy(model)) return cachedByIdentity(model, batch, mode, s);
  const shape = shapeCode(s);
  const key = fingerprint(model, batch, mode, shape);
  const bucket = cache.get(key);
  if (bucket) {
    for (const e of bucket) {
      if (e.batch === batch && e.mode === mode && e.shape === shape && sameModel(e.model, model)) {
        cache.delete(key); // re-insert: most recent last
        cache.set(key, bucket);
        return e.list;
      }
    }
  }
  if (transient && !missedRecently(key)) {
    recentMisses[nextMiss] = key;
    nextMiss = (nextMiss + 1) % RECENT_MISSES;
    return buildOps(model, batch, mode, { transient: true, names, ...s });
  }
  const list = buildOps(model, batch, mode, s);
  if (entries >= CACHE_SIZE) evictOldest();
  const entry: Entry = { model: copyModel(model), batch, mode, shape, list };
  if (bucket) {
    bucket.push(entry);
    cache.delete(key);
    cache.set(key, bucket);
  } else cache.set(key, [entry]);
  entries++;
  return list;
}

function missedRecently(key: number): boolean {
  for (let i = 0; i < RECENT_MISSES; i++) if (recentMisses[i] === key) return true;
  return false;
}

function evictOldest(): void {
  const [key, bucket] = cache.entries().next().value as [number, Entry[]];
  bucket.shift();
  entries--;
  if (bucket.length === 0) cache.delete(key);
}

/** FNV-1a over everything the op list depends on. */
export function fingerprint(model: ModelDict, batch: number, mode: SimMode, shape = shapeCode(DEFAULT_SHAPE)): number {
  let h = mix(mix(mix(mix(0x811c9dc5, batch), mode === 'training' ? 1 : 0), shape), model.l);
  for (let l = 0; l < model.l; l++) {
    h = mix(h, model.h[l]);
    const f = model.f[l];
    h = mix(h, f.length);
    for (let i = 0; i < f.length; i++) h = mix(h, f[i]);
    const o = model.o[l];
    h = mix(h, o.length);
    for (let j = 0; j < o.length; j++) {
      const s = o[j];
      for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
      h = mix(h, -1);
    }
  }
  return h >>> 0;
}

function mix(h: number, x: number): number {
  return Math.imul(h ^ (x | 0), 0x01000193);
}

/** Equal in everything `buildOps` reads. */
export function sameModel(a: ModelDict, b: ModelDict): boolean {
  if (a.l !== b.l) return false;
  for (let l = 0; l < a.l; l++) {
    if (a.h[l] !== b.h[l]) return false;
    const fa = a.f[l];
    const fb = b.f[l];
    if (fa.length !== fb.length) return false;
    for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return false;
    const oa = a.o[l];
    const ob = b.o[l];
    if (oa.length !== ob.length) return false;
    for (let j = 0; j < oa.length; j++) if (oa[j] !== ob[j]) return false;
  }
  return true;
}
