/**
 * Surrogate inputs: both embeddings scaled to [0, 1] (the reference feeds raw values,
 * so an attention index of 21,804 drowns a tile size of 8; docs/codesign.md §BOSHCODE),
 * and the projection of an optimised point back to the nearest valid design in the
 * full space. Accelerator entries are powers of two, so they scale on a log2 axis.
 */
import { embeddingBounds, decodeModel, encodeModel } from '../../space/transformer/embedding.ts';
import { nearestValidEmbedding } from '../../space/transformer/sample.ts';
import { acceleratorFromEmbedding, acceleratorToEmbedding, MEM_IDX_POSITION } from '../../space/accelerator/embedding.ts';
import { allowedValues, NUMERIC_PARAMS } from '../../space/accelerator/params.ts';
import { MEMORY_INDEX } from '../../space/accelerator/schema.ts';
import { nearestValidAccelerator } from '../../space/accelerator/nearest.ts';
import type { Candidate } from '../types.ts';

export const MODEL_INPUTS = 37;
export const ACCELERATOR_INPUTS = 12;

const modelBounds = embeddingBounds();

/** Per accelerator entry: log2 bounds of its allowed values (the memory index is linear). */
const acceleratorAxes = Array.from({ length: ACCELERATOR_INPUTS }, (_, i) => {
  if (i === MEM_IDX_POSITION) return { log: false, lo: 0, hi: MEMORY_INDEX.length - 1, allowed: MEMORY_INDEX.map((_, k) => k) };
  const p = NUMERIC_PARAMS.find((q) => q.embeddingIndex === i)!;
  const allowed = [...allowedValues(p)];
  return { log: true, lo: Math.log2(Math.min(...allowed)), hi: Math.log2(Math.max(...allowed)), allowed };
});

const unit = (v: number, lo: number, hi: number) => (hi > lo ? (v - lo) / (hi - lo) : 0);

/** `raw`: the reference's unscaled inputs, kept to reproduce its behaviour. */
export type InputScaling = 'unit' | 'raw';

export function scaleCandidate(c: Candidate, scaling: InputScaling = 'unit'): { model: number[]; accelerator: number[] } {
  const m = encodeModel(c.model), a = acceleratorToEmbedding(c.accelerator) as number[];
  if (scaling === 'raw') return { model: m, accelerator: a };
  return {
    model: m.map((v, k) => unit(v, modelBounds.min[k], modelBounds.max[k])),
    accelerator: a.map((v, k) => {
      const ax = acceleratorAxes[k];
      return unit(ax.log ? Math.log2(v) : v, ax.lo, ax.hi);
    }),
  };
}

/** Inclusive bounds of each input, in the chosen scaling: GOBI clamps to them. */
export function inputBounds(scaling: InputScaling = 'unit'): { model: [number[], number[]]; accelerator: [number[], number[]] } {
  if (scaling === 'unit') return { model: [modelBounds.min.map(() => 0), modelBounds.max.map(() => 1)], accelerator: [acceleratorAxes.map(() => 0), acceleratorAxes.map(() => 1)] };
  return {
    model: [modelBounds.min, modelBounds.max],
    accelerator: [acceleratorAxes.map((a) => (a.log ? 2 ** a.lo : a.lo)), acceleratorAxes.map((a) => (a.log ? 2 ** a.hi : a.hi))],
  };
}

/**
 * The valid pair nearest to a point of the input space: un-scale, snap every
 * accelerator entry to its closest allowed value (on the log axis), round the model
 * entries, and repair both with the design spaces' nearest-valid maps.
 */
export function projectToValid(model: ArrayLike<number>, accelerator: ArrayLike<number>, scaling: InputScaling = 'unit'): Candidate {
  const m = Array.from(model, (v, k) => (scaling === 'unit' ? modelBounds.min[k] + Math.min(1, Math.max(0, v)) * (modelBounds.max[k] - modelBounds.min[k]) : v));
  const decoded = decodeModel(nearestValidEmbedding(m));
  if (!decoded.ok) throw new Error(`projection produced an invalid model: ${decoded.issues[0]?.message}`);
  const a = Array.from(accelerator, (v, k) => {
    const ax = acceleratorAxes[k];
    const x = scaling === 'unit' ? ax.lo + Math.min(1, Math.max(0, v)) * (ax.hi - ax.lo) : ax.log ? Math.log2(Math.max(1e-9, v)) : v;
    let best = ax.allowed[0];
    for (const cand of ax.allowed) if (Math.abs((ax.log ? Math.log2(cand) : cand) - x) < Math.abs((ax.log ? Math.log2(best) : best) - x)) best = cand;
    return best;
  });
  // tile.y follows tile.x, tile.b fits the batch: the accelerator space's own repair.
  const fromEmbedding = acceleratorFromEmbedding(a);
  const accelerator2 = fromEmbedding.ok ? fromEmbedding.value : nearestValidAccelerator(repairInput(a));
  return { model: decoded.value, accelerator: accelerator2 };
}

function repairInput(a: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of NUMERIC_PARAMS) {
    const parts = p.path.split('.');
    if (parts.length === 2) out[parts[0]] = { ...(out[parts[0]] as object), [parts[1]]: a[p.embeddingIndex] };
    else out[p.path] = a[p.embeddingIndex];
  }
  const mem = MEMORY_INDEX[a[MEM_IDX_POSITION]];
  out.mainMemory = { type: mem.type, banks: mem.banks, ranks: mem.ranks, channels: mem.channels };
  return out;
}
