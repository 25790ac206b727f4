/**
 * Sampling and repair. Random models are drawn the reference's way: uniform
 * integers within the embedding bounds, then the nearest valid embedding
 * (docs/flexibert.md §4) — uniform over embeddings of each layer count, not over
 * distinct models. `nearestValidModel` is our own repair for hand-edited dicts.
 */
import type { Rng } from '../../rng.ts';
import { canonicalizeModel } from './canonical.ts';
import { EMBEDDING_LENGTH, decodeModel, embeddingBounds, type HeadRange } from './embedding.ts';
import { TRANSFORMER_SPACE } from './schema.ts';
import { HEAD_TYPES, type HeadType, type ModelDict } from './types.ts';
import { headWidth } from './ops.ts';

const S = TRANSFORMER_SPACE;
const KNOWN_TYPES: ReadonlySet<string> = new Set(HEAD_TYPES);
const MAX_STACKS = Math.max(...S.ffStacks);

export interface RandomModelOptions {
  /** Fix the layer count (one of 2, 4, …, 12); drawn uniformly when omitted. */
  layers?: number;
  /** Restrict every layer to 2–4 heads ("narrow") or 8–12 heads ("wide"). Default "all". */
  headRange?: HeadRange;
}

/** A random valid embedding; same rng state → same embedding. */
export function randomEmbedding(rng: Rng, opts: RandomModelOptions = {}): number[] {
  const { min, max } = embeddingBounds(opts.headRange ?? 'all');
  // Draw every entry, even unused ones, so a fixed layer count does not shift the stream.
  const e = min.map((lo, k) => lo + rng.int(max[k] - lo + 1));
  if (opts.layers !== undefined) {
    const position = (S.layers as readonly number[]).indexOf(opts.layers);
    if (position < 0) throw new RangeError(`layers must be one of ${S.layers.join(', ')}, got ${opts.layers}`);
    e[0] = position;
  }
  return nearestValidEmbedding(e);
}

/** A random model from the design space (see `randomEmbedding`). */
export function randomModel(rng: Rng, opts: RandomModelOptions = {}): ModelDict {
  const decoded = decodeModel(randomEmbedding(rng, opts));
  if (!decoded.ok) throw new Error('internal: a nearest-valid embedding failed to decode');
  return decoded.value;
}

/**
 * The nearest valid embedding: pads/truncates to 37 entries, rounds, clamps each
 * entry to its bounds (non-numbers become the lower bound) and zeroes every entry
 * after index 3·l, as the reference does after sampling.
 */
export function nearestValidEmbedding(e: readonly unknown[]): number[] {
  const { min, max } = embeddingBounds();
  const fixed = min.map((lo, k) => {
    const v = Array.isArray(e) && k < e.length ? e[k] : lo;
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max[k], Math.max(lo, Math.round(v))) : lo;
  });
  const used = 1 + 3 * S.layers[fixed[0]];
  for (let k = used; k < EMBEDDING_LENGTH; k++) fixed[k] = 0;
  return fixed;
}

/** The allowed value closest to `v`; ties go to the smaller value, non-numbers to `fallback`. */
function nearest(v: unknown, allowed: readonly number[], fallback: number): number {
  if (typeof v === 'string' && v.trim() !== '') v = Number(v);
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return allowed.reduce((best, a) => (Math.abs(a - v) < Math.abs(best - v) ? a : best));
}

const item = (list: unknown, i: number): unknown => (Array.isArray(list) && i < list.length ? list[i] : undefined);

/**
 * Repairs a partial or slightly wrong dict into a valid one, never throwing.
 * Each number snaps to the nearest allowed value (ties to the smaller); the head
 * count snaps to 2/4/8/12 by truncating or cycling the given head types (unknown
 * types become sa_sdp); d becomes floor(h/n); heads are put in canonical order;
 * FF stacks keep their first 3 widths. Missing layers copy the previous layer,
 * and the first layer defaults to BERT-Tiny's (h 128, 2 × sa_sdp, f [512]).
 * l defaults to the longest of o, h and f.
 */
export function nearestValidModel(x: unknown): ModelDict {
  const dict = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const lengths = [dict.o, dict.h, dict.f].filter(Array.isArray).map((a) => a.length);
  const l = nearest(dict.l ?? Math.max(0, ...lengths), S.layers, S.layers[0]);
  const m: ModelDict = { l, o: [], h: [], f: [] };
  let prev = { hidden: 128, types: ['sa_sdp', 'sa_sdp'] as HeadType[], widths: [512] };
  for (let i = 0; i < l; i++) {
    const hidden = nearest(item(dict.h, i), S.hidden, prev.hidden);
    const types = repairHeadTypes(item(dict.o, i)) ?? prev.types;
    const widths = repairWidths(item(dict.f, i)) ?? prev.widths;
    const d = headWidth(hidden, types.length);
    m.h.push(hidden);
    m.o.push(types.map((t) => `${t}_${d}`));
    m.f.push([...widths]);
    prev = { hidden, types, widths };
  }
  return canonicalizeModel(m);
}

function repairHeadTypes(ops: unknown): HeadType[] | undefined {
  if (!Array.isArray(ops) || ops.length === 0) return undefined;
  const n = nearest(ops.length, S.heads, S.heads[0]);
  // Array.from, not map: a sparse list's holes must become sa_sdp too.
  const given = Array.from(ops.slice(0, n), headTypeOf);
  return Array.from({ length: n }, (_, j) => given[j % given.length]);
}

/** The head type of `sa_sdp_60`, `sa_sdp_0` or bare `sa_sdp`; sa_sdp when unrecognisable. */
function headTypeOf(op: unknown): HeadType {
  if (typeof op !== 'string') return 'sa_sdp';
  const cut = op.lastIndexOf('_');
  const type = [op, cut > 0 ? op.slice(0, cut) : ''].find((t) => KNOWN_TYPES.has(t));
  return (type ?? 'sa_sdp') as HeadType;
}

function repairWidths(widths: unknown): number[] | undefined {
  const list = typeof widths === 'number' ? [widths] : widths;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return Array.from(list.slice(0, MAX_STACKS), (w) => nearest(w, S.ffWidths, S.ffWidths[0]));
}
