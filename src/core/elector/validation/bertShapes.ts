/**
 * Dense MAC counts of the ops of one layer of a uniform BERT (every layer alike:
 * `heads` scaled-dot-product heads, one feed-forward width), worked out from the shapes
 * alone, independently of the model's op builder. The roofline divides the model's MACs
 * (after zero-skipping) by these to get each op's operand density.
 */
import type { ModelDict } from '../../space/transformer/types.ts';

export interface UniformBert {
  hidden: number;
  heads: number;
  ff: number;
}

/** The shape of a uniform BERT preset; throws for anything else. */
export function uniformBert(model: ModelDict): UniformBert {
  const h = model.h[0];
  const heads = model.o[0].length;
  const ff = model.f[0];
  const ok = model.h.every((x) => x === h) && model.o.every((o) => o.length === heads && o.every((s) => s === `sa_sdp_${h / heads}`))
    && model.f.every((f) => f.length === 1 && f[0] === ff[0]);
  if (!ok || ff.length !== 1) throw new Error('uniformBert: not a uniform BERT (same h, sa_sdp heads and one FF width in every layer)');
  return { hidden: h, heads, ff: ff[0] };
}

/**
 * Dense MACs (or elements, for the element-wise non-linearity) of an op of one layer,
 * by the op's base name as the timeline shows it (`qkv`, `sa_sdp×12 qk`, `ff1.dW`, …).
 * 0 for softmax and LayerNorm (no MAC-lane work).
 */
export function denseWork(name: string, b: UniformBert, batch: number, seqLen: number): number {
  const { hidden: h, ff: f } = b;
  const tokens = batch * seqLen;
  const base = name.replace(/^sa_sdp×\d+ /, '').replace(/\.(dX|dW|dB|d)$/, '');
  switch (base) {
    case 'qkv':
      return tokens * h * 3 * h;
    case 'qk': // per head S·d·S, over all heads: S·S·h
    case 'pv':
      return batch * seqLen * seqLen * h;
    case 'out':
      return tokens * h * h;
    case 'ff1':
      return tokens * h * f;
    case 'ff-out':
      return tokens * f * h;
    case 'nl1':
      return tokens * f;
    case 'softmax':
    case 'ln1':
    case 'ln2':
      return 0;
    default:
      throw new Error(`denseWork: unknown op ${name}`);
  }
}
