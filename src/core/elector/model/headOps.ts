/**
 * Forward ops of one group of identical heads (same type and width d) in a layer,
 * after the layer's shared Q/K/V projection and before its output projection
 * (docs/flexibert.md §5.2, MAC counts of §7).
 *
 * The heads of a group are independent, so their tiles share the array's waves:
 * per-head products are batched over `groups = count` (each head its own weights),
 * and per-channel ops (convolutions) simply have `count·d` channels.
 *
 * Stash (what backward needs, docs/elector-physical.md §5.2) is attached to the op
 * whose backward reads it. With the layer ops (X for the projections, the head
 * outputs for the output projection) this gives per head: sa 4d + S² (Q, K, V,
 * context, P), wma +d (Q before W), l_* d (the head output: the output projection's
 * weight gradient needs it — §5.2 lists none), c_k 8d + k (the conv intermediates —
 * §5.2 assumes they are recomputed from X; we keep them so backward needs no recompute).
 */
import { HEAD_TYPES, type HeadType } from '../../space/transformer/types.ts';
import { conv, elementwise, linear, matmul, type OpPlace } from './opBuilders.ts';
import { OpTable } from './opTable.ts';

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

/** Name prefixes of head groups, `sa_sdp×12 `, by type and count: made once, not per group. */
const prefixes = new Map<HeadType, string[]>();
function groupPrefix(type: HeadType, count: number): string {
  let byCount = prefixes.get(type);
  if (!byCount) prefixes.set(type, (byCount = []));
  return (byCount[count] ??= `${type}${count > 1 ? `×${count}` : ''} `);
}

/**
 * Rows of recent head-group shapes, built at layer 0 and head 0. A group's rows depend on
 * its type, count and width and on b and S only (its place is two fields), and sweeps meet
 * the same few thousand shapes in every model: copying them beats rebuilding.
 *
 * An open-addressed table keyed by a hash of the shape, each slot holding its shape's five
 * integers: a lookup allocates nothing (one number for the whole shape left the Smi range,
 * and a Map boxed and hashed it as a double at every group of every model).
 */
const SLOTS = 8192;
const MAX_TEMPLATES = SLOTS / 2;
const PROBES = 8;
const SHAPE_FIELDS = 5;
const slotShapes = new Int32Array(SLOTS * SHAPE_FIELDS);
const slotRows: (OpTable | undefined)[] = new Array<OpTable | undefined>(SLOTS).fill(undefined);
let templateCount = 0;

function small(x: number, limit: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < limit;
}

/** Appends the forward ops of a head group to `t` (from a template when the shape was seen). */
export function appendHeadGroup(t: OpTable, g: HeadGroup, layer: number, b: number, S: number): void {
  const count = g.count, d = g.d;
  if (!small(count, 64) || !small(d, 1_000_000) || !small(b, 1024) || !small(S, 1024)) return headGroupForwardOps(t, g, layer, b, S);
  const type = HEAD_TYPES.indexOf(g.type);
  const hash = Math.imul(Math.imul(Math.imul(Math.imul(type + 1, 0x9e3779b1) ^ count, 0x85ebca6b) ^ d, 0xc2b2ae35) ^ (b * 1024 + S), 0x27d4eb2f) >>> 19;
  let free = -1;
  for (let p = 0; p < PROBES; p++) {
    const slot = (hash + p) & (SLOTS - 1);
    const rows = slotRows[slot];
    if (rows === undefined) {
      free = slot;
      break;
    }
    const o = slot * SHAPE_FIELDS;
    if (slotShapes[o] === type && slotShapes[o + 1] === count && slotShapes[o + 2] === d && slotShapes[o + 3] === b && slotShapes[o + 4] === S) {
      return t.appendRows(rows, layer, g.firstHead);
    }
  }
  const rows = new OpTable(8);
  headGroupForwardOps(rows, g, 0, b, S);
  const template = rows.compactCopy();
  if (free < 0 || templateCount >= MAX_TEMPLATES) {
    // Full, or a crowded run of slots: start over, as the shapes of recent models come back.
    slotRows.fill(undefined);
    templateCount = 0;
    free = hash & (SLOTS - 1);
  }
  slotRows[free] = template;
  const o = free * SHAPE_FIELDS;
  slotShapes[o] = type;
  slotShapes[o + 1] = count;
  slotShapes[o + 2] = d;
  slotShapes[o + 3] = b;
  slotShapes[o + 4] = S;
  templateCount++;
  t.appendRows(template, layer, g.firstHead);
}

/** Appends the forward ops of a head group to `t`; `b` batch, `S` sequence length. */
export function headGroupForwardOps(t: OpTable, g: HeadGroup, layer: number, b: number, S: number): void {
  const at: OpPlace = { layer, head: g.firstHead, prefix: groupPrefix(g.type, g.count) };
  const { count, d } = g;
  const plane = b * S * d * count; // one (b, S, d) tensor per head
  switch (g.type) {
    case 'sa_sdp':
    case 'sa_wma':
      return attentionOps(t, g, at, b, S, plane);
    case 'l_dft':
      // Re(F_T·V·F_d) = C_T·V·C_d − S_T·V·S_d (flexibert §7: 2T²d + 2Td² MACs).
      // Along T: Vᵀ (d×T) · [C_T; S_T]ᵀ (T×2T); along d: [Y1 Y2] (T×2d) · [C_d; −S_d] (2d×d).
      // The transform matrices are fixed constants generated on chip: no weights, no traffic.
      matmul(t, 'dft-T', at, { batch: b, groups: count, m: d, k: S, n: 2 * S, a: 'act', b: 'const', out: 'act', bShared: true });
      matmul(t, 'dft-d', at, { batch: b, groups: count, m: S, k: 2 * d, n: d, a: 'act', b: 'const', out: 'act', bShared: true });
      return;
    case 'l_dct':
      // DCT-II along T then along d (flexibert §7: T²d + Td² MACs).
      matmul(t, 'dct-T', at, { batch: b, groups: count, m: d, k: S, n: S, a: 'act', b: 'const', out: 'act', bShared: true });
      matmul(t, 'dct-d', at, { batch: b, groups: count, m: S, k: d, n: d, a: 'act', b: 'const', out: 'act', bShared: true });
      return;
    default:
      return convolutionOps(t, g, at, b, S, plane);
  }
}

function attentionOps(t: OpTable, g: HeadGroup, at: OpPlace, b: number, S: number, plane: number): void {
  const { count, d } = g;
  if (g.type === 'sa_wma') {
    // Scores (Q·W)·Kᵀ with a learned d×d W per head, no bias.
    linear(t, 'wma', at, b, count, S, d, d, plane, false);
  }
  // Q·Kᵀ: both operands are activations; backward needs Q (or Q·W) and K.
  matmul(t, 'qk', at, { batch: b, groups: count, m: S, k: d, n: S, a: 'act', b: 'act', out: 'act', stashElems: 2 * plane });
  // Scaling by 1/√d folds into the softmax; backward needs the probabilities P.
  elementwise(t, 'softmax', 'softmax', at, { batch: b * count, rows: S, cols: S, in: 'act', out: 'act', stashElems: b * count * S * S });
  matmul(t, 'pv', at, { batch: b, groups: count, m: S, k: S, n: d, a: 'act', b: 'act', out: 'act', stashElems: plane });
}

/**
 * ConvBERT's dynamic span-based convolution on the head's Q, K, V (flexibert §5.2):
 * s = depthwise conv over T of K (k taps); p = pointwise d×d of s; g = p ⊙ Q;
 * kernel logits g·W_κ (d→k), softmax over the k taps; u = V·W_o (d→d);
 * out_t = Σ_j softmax_j · u_{t+j−(k−1)/2}. MACs: 2Td² + 3Tdk + Td (flexibert §7).
 */
function convolutionOps(t: OpTable, g: HeadGroup, at: OpPlace, b: number, S: number, plane: number): void {
  const { count, d, kernel: k } = g;
  const channels = count * d;
  conv(t, 'dconv', at, { batch: b, positions: S, channels, taps: k, a: 'act', b: 'weight', out: 'act', stashElems: plane });
  linear(t, 'pointwise', at, b, count, S, d, d, plane);
  conv(t, 'gate', at, { batch: b, positions: S, channels, taps: 1, a: 'act', b: 'act', bElems: plane, out: 'act', stashElems: 2 * plane });
  linear(t, 'kernel-gen', at, b, count, S, d, k, plane);
  elementwise(t, 'softmax', 'kernel-softmax', at, { batch: b * count, rows: S, cols: k, in: 'act', out: 'act', stashElems: b * count * S * k });
  linear(t, 'value-proj', at, b, count, S, d, d, plane);
  conv(t, 'span-sum', at, { batch: b, positions: S, channels, taps: k, a: 'act', b: 'act', bElems: b * count * S * k, out: 'act', stashElems: plane });
}
