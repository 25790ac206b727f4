/**
 * Forward ops of one encoder layer (specs/flexibert.md §5.2):
 * shared Q/K/V projection → head groups → output projection A→h → LayerNorm(· + X)
 * → FF stack (GELU/ReLU after each stacked width) → closing dense f_m→h →
 * LayerNorm(· + Y) → projection h_l→h_{l+1} when the next layer is wider or narrower.
 *
 * Unlike the reference (specs/elector.md §3, §9): one output projection per layer
 * (A→h, the same weights as n per-head d→h products), the non-linearity acts on the
 * FF *output* it follows (not on a stale LN tile count), the closing dense has no
 * non-linearity and the projection none either (flexibert §5.2 steps 7–8).
 */
import { parseHeadOp } from '../../space/transformer/ops.ts';
import type { HeadOp, ModelDict } from '../../space/transformer/types.ts';
import { headGroupForwardOps, type HeadGroup } from './headOps.ts';
import { elementwise, linear, type OpPlace } from './opBuilders.ts';
import type { SimOp } from './opTypes.ts';

const parsed = new Map<string, HeadOp>();

/** parseHeadOp, memoised: sweeps see the same few hundred op strings again and again. */
function headOp(text: string, i: number): HeadOp {
  let op = parsed.get(text);
  if (!op) {
    const p = parseHeadOp(text);
    if ('error' in p) throw new Error(`o[${i}]: ${p.error}`);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, p);
    op = p;
  }
  return op;
}

/** Groups a layer's heads by (type, d), keeping the index of each group's first head. */
export function headGroups(ops: readonly string[]): HeadGroup[] {
  const groups: HeadGroup[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = headOp(ops[i], i);
    let same: HeadGroup | undefined;
    for (const g of groups) if (g.type === op.type && g.d === op.d) same = g;
    if (same) same.count++;
    else groups.push({ type: op.type, count: 1, firstHead: i, d: op.d, kernel: op.kernel });
  }
  return groups;
}

export function layerForwardOps(model: ModelDict, layer: number, b: number, S: number): SimOp[] {
  const h = model.h[layer];
  const at: OpPlace = { layer, head: -1, direction: 'forward' };
  const groups = headGroups(model.o[layer]);
  const tokens = b * S;

  // Every head needs V; sa and c heads also need Q and K; l heads transform V only.
  let qkvWidth = 0;
  let concatWidth = 0;
  for (const g of groups) {
    qkvWidth += g.count * g.d * (g.type.startsWith('l_') ? 1 : 3);
    concatWidth += g.count * g.d;
  }

  const ops: SimOp[] = [linear('qkv', at, b, 1, S, h, qkvWidth, { stashElems: tokens * h })];
  for (const g of groups) ops.push(...headGroupForwardOps(g, layer, b, S));
  // Merged heads (b, S, A) → h; A = n·d can be < h (flexibert §3.2 rule 3).
  ops.push(linear('out', at, b, 1, S, concatWidth, h, { stashElems: tokens * concatWidth }));
  // The residual add is read by the LayerNorm (2 inputs); its γ, β are parameters.
  ops.push(elementwise('layerNorm', 'ln1', at, { batch: b, rows: S, cols: h, inputs: 2, in: 'act', out: 'act', paramElems: 2 * h, stashElems: tokens * h }));

  let last = h;
  const widths = model.f[layer];
  for (let i = 0; i < widths.length; i++) {
    // Backward needs each dense layer's input and each non-linearity's input.
    const width = widths[i];
    ops.push(linear(`ff${i + 1}`, at, b, 1, S, last, width, { stashElems: tokens * last }));
    ops.push(elementwise('nonLinearity', `nl${i + 1}`, at, { batch: b, rows: S, cols: width, in: 'act', out: 'act', stashElems: tokens * width }));
    last = width;
  }
  ops.push(linear('ff-out', at, b, 1, S, last, h, { stashElems: tokens * last }));
  ops.push(elementwise('layerNorm', 'ln2', at, { batch: b, rows: S, cols: h, inputs: 2, in: 'act', out: 'act', paramElems: 2 * h, stashElems: tokens * h }));

  const next = model.h[layer + 1];
  if (layer < model.l - 1 && next !== h) {
    ops.push(linear('proj', at, b, 1, S, h, next, { stashElems: tokens * h }));
  }
  return ops;
}
