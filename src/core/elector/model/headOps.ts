/**
 * Forward ops of one group of identical heads (same type and width d) in a layer,
 * after the layer's shared Q/K/V projection and before its output projection
 * (specs/flexibert.md §5.2, MAC counts of §7).
 *
 * The heads of a group are independent, so their tiles share the array's waves:
 * per-head products are batched over `groups = count` (each head its own weights),
 * and per-channel ops (convolutions) simply have `count·d` channels.
 *
 * Stash (what backward needs, specs/elector-physical.md §5.2) is attached to the op
 * whose backward reads it. With the layer ops (X for the projections, the head
 * outputs for the output projection) this gives per head: sa 4d + S² (Q, K, V,
 * context, P), wma +d (Q before W), l_* d (the head output: the output projection's
 * weight gradient needs it — §5.2 lists none), c_k 8d + k (the conv intermediates —
 * §5.2 assumes they are recomputed from X; we keep them so backward needs no recompute).
 */
import type { HeadType } from '../../space/transformer/types.ts';
import { conv, elementwise, linear, matmul, type OpPlace } from './opBuilders.ts';
import type { SimOp } from './opTypes.ts';

export interface HeadGroup {
  type: HeadType;
  /** Heads in the group. */
  count: number;
  /** Index of the group's first head in the layer. */
  firstHead: number;
  /** Per-head width. */
  d: number;
  /** Convolution kernel (c_k heads), else 0. */
  kernel: number;
}

/** Forward ops of a head group; `b` batch, `S` sequence length. */
export function headGroupForwardOps(g: HeadGroup, layer: number, b: number, S: number): SimOp[] {
  const at: OpPlace = { layer, head: g.firstHead, direction: 'forward' };
  const prefix = `${g.type}${g.count > 1 ? `×${g.count}` : ''} `;
  const { count, d } = g;
  const plane = b * S * d * count; // one (b, S, d) tensor per head
  switch (g.type) {
    case 'sa_sdp':
    case 'sa_wma':
      return attentionOps(g, at, prefix, b, S, plane);
    case 'l_dft':
      // Re(F_T·V·F_d) = C_T·V·C_d − S_T·V·S_d (flexibert §7: 2T²d + 2Td² MACs).
      // Along T: Vᵀ (d×T) · [C_T; S_T]ᵀ (T×2T); along d: [Y1 Y2] (T×2d) · [C_d; −S_d] (2d×d).
      // The transform matrices are fixed constants generated on chip: no weights, no traffic.
      return [
        matmul(`${prefix}dft-T`, at, { batch: b, groups: count, m: d, k: S, n: 2 * S, a: 'act', b: 'const', out: 'act', bShared: true }),
        matmul(`${prefix}dft-d`, at, { batch: b, groups: count, m: S, k: 2 * d, n: d, a: 'act', b: 'const', out: 'act', bShared: true }),
      ];
    case 'l_dct':
      // DCT-II along T then along d (flexibert §7: T²d + Td² MACs).
      return [
        matmul(`${prefix}dct-T`, at, { batch: b, groups: count, m: d, k: S, n: S, a: 'act', b: 'const', out: 'act', bShared: true }),
        matmul(`${prefix}dct-d`, at, { batch: b, groups: count, m: S, k: d, n: d, a: 'act', b: 'const', out: 'act', bShared: true }),
      ];
    default:
      return convolutionOps(g, at, prefix, b, S, plane);
  }
}

function attentionOps(g: HeadGroup, at: OpPlace, prefix: string, b: number, S: number, plane: number): SimOp[] {
  const { count, d } = g;
  const ops: SimOp[] = [];
  if (g.type === 'sa_wma') {
    // Scores (Q·W)·Kᵀ with a learned d×d W per head, no bias.
    ops.push(linear(`${prefix}wma`, at, b, count, S, d, d, { bias: false, stashElems: plane }));
  }
  ops.push(
    // Q·Kᵀ: both operands are activations; backward needs Q (or Q·W) and K.
    matmul(`${prefix}qk`, at, { batch: b, groups: count, m: S, k: d, n: S, a: 'act', b: 'act', out: 'act', stashElems: 2 * plane }),
    // Scaling by 1/√d folds into the softmax; backward needs the probabilities P.
    elementwise('softmax', `${prefix}softmax`, at, { batch: b * count, rows: S, cols: S, in: 'act', out: 'act', stashElems: b * count * S * S }),
    matmul(`${prefix}pv`, at, { batch: b, groups: count, m: S, k: S, n: d, a: 'act', b: 'act', out: 'act', stashElems: plane }),
  );
  return ops;
}

/**
 * ConvBERT's dynamic span-based convolution on the head's Q, K, V (flexibert §5.2):
 * s = depthwise conv over T of K (k taps); p = pointwise d×d of s; g = p ⊙ Q;
 * kernel logits g·W_κ (d→k), softmax over the k taps; u = V·W_o (d→d);
 * out_t = Σ_j softmax_j · u_{t+j−(k−1)/2}. MACs: 2Td² + 3Tdk + Td (flexibert §7).
 */
function convolutionOps(g: HeadGroup, at: OpPlace, prefix: string, b: number, S: number, plane: number): SimOp[] {
  const { count, d, kernel: k } = g;
  const channels = count * d;
  return [
    conv(`${prefix}dconv`, at, { batch: b, positions: S, channels, taps: k, a: 'act', b: 'weight', out: 'act', stashElems: plane }),
    linear(`${prefix}pointwise`, at, b, count, S, d, d, { stashElems: plane }),
    conv(`${prefix}gate`, at, { batch: b, positions: S, channels, taps: 1, a: 'act', b: 'act', bElems: plane, out: 'act', stashElems: 2 * plane }),
    linear(`${prefix}kernel-gen`, at, b, count, S, d, k, { stashElems: plane }),
    elementwise('softmax', `${prefix}kernel-softmax`, at, { batch: b * count, rows: S, cols: k, in: 'act', out: 'act', stashElems: b * count * S * k }),
    linear(`${prefix}value-proj`, at, b, count, S, d, d, { stashElems: plane }),
    conv(`${prefix}span-sum`, at, { batch: b, positions: S, channels, taps: k, a: 'act', b: 'act', bElems: b * count * S * k, out: 'act', stashElems: plane }),
  ];
}
