/**
 * Forward ops of one encoder layer (docs/flexibert.md §5.2):
 * shared Q/K/V projection → head groups → output projection A→h → LayerNorm(· + X)
 * → FF stack (GELU/ReLU after each stacked width) → closing dense f_m→h →
 * LayerNorm(· + Y) → projection h_l→h_{l+1} when the next layer is wider or narrower.
 *
 * Unlike the reference (docs/elector.md §3, §9): one output projection per layer
 * (A→h, the same weights as n per-head d→h products), the non-linearity acts on the
 * FF *output* it follows (not on a stale LN tile count), the closing dense has no
 * non-linearity and the projection none either (flexibert §5.2 steps 7–8).
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import { codeKernel, codeType, codeWidth, headCode } from './headCode.ts';
import { appendHeadGroup, type HeadGroup } from './headOps.ts';
import { elementwiseRow, linear, type OpPlace } from './opBuilders.ts';
import type { OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use; copies fold.
const { C_ACT, D_FORWARD, K_LAYER_NORM, K_NON_LINEARITY, S_NONE } = opTableModule;

/** The place of a layer-wide op, reused: builders read it and keep nothing of it. */
const layerPlace: OpPlace = { layer: 0, head: -1, prefix: '' };

/** An elementwise op on activations (`elementwise` without its shape record). */
function elementwiseAt(
  t: OpTable, kind: number, name: string, at: OpPlace, b: number, rows: number, cols: number, inputs: number, paramElems: number, stashElems: number,
): void {
  elementwiseRow(t, t.add(kind, D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE), b, rows, cols, inputs, C_ACT, C_ACT, paramElems, stashElems);
}

/** Groups a layer's heads by (type, d), keeping the index of each group's first head. */
export function headGroups(ops: readonly string[]): HeadGroup[] {
  const n = groupHeadsInto(ops);
  const out: HeadGroup[] = [];
  for (let j = 0; j < n; j++) out.push({ ...groupPool[j] });
  return out;
}

/**
 * The groups of the layer being built, in reused records (sweeps build tens of thousands
 * of layers, and a few objects per layer were most of a build's garbage): valid until the
 * next call. Returns how many.
 */
const groupPool: HeadGroup[] = [];
const groupCodes: number[] = [];
function groupHeadsInto(ops: readonly string[]): number {
  let n = 0;
  let previous: string | undefined;
  let code = -1;
  for (let i = 0; i < ops.length; i++) {
    // A layer's heads mostly repeat their neighbour's string: equal strings, equal code.
    const op = ops[i];
    if (op !== previous || typeof op !== 'string') code = headCode(op, i);
    previous = op;
    let j = 0;
    while (j < n && groupCodes[j] !== code) j++;
    if (j < n) groupPool[j].count++;
    else {
      if (n === groupPool.length) groupPool.push({ type: 'sa_sdp', count: 0, firstHead: 0, d: 0, kernel: 0 });
      const g = groupPool[n];
      g.type = codeType(code);
      g.count = 1;
      g.firstHead = i;
      g.d = codeWidth(code);
      g.kernel = codeKernel(code);
      groupCodes[n++] = code;
    }
  }
  return n;
}

/** `ff1`, `nl1`, …: names of stacked FF widths, made once. */
const FF_NAMES: string[] = [];
const NL_NAMES: string[] = [];
function stackName(names: string[], stem: string, i: number): string {
  while (names.length <= i) names.push(`${stem}${names.length + 1}`);
  return names[i];
}

/** Appends the forward ops of layer `layer` to `t`. */
export function layerForwardOps(t: OpTable, model: ModelDict, layer: number, b: number, S: number): void {
  const h = model.h[layer];
  const at = layerPlace;
  at.layer = layer;
  const groups = groupPool;
  const groupCount = groupHeadsInto(model.o[layer]);
  const tokens = b * S;

  // Every head needs V; sa and c heads also need Q and K; l heads transform V only.
  let qkvWidth = 0;
  let concatWidth = 0;
  for (let j = 0; j < groupCount; j++) {
    const g = groups[j];
    qkvWidth += g.count * g.d * (g.type === 'l_dft' || g.type === 'l_dct' ? 1 : 3);
    concatWidth += g.count * g.d;
  }

  linear(t, 'qkv', at, b, 1, S, h, qkvWidth, tokens * h);
  for (let j = 0; j < groupCount; j++) appendHeadGroup(t, groups[j], layer, b, S);
  // Merged heads (b, S, A) → h; A = n·d can be < h (flexibert §3.2 rule 3).
  linear(t, 'out', at, b, 1, S, concatWidth, h, tokens * concatWidth);
  // The residual add is read by the LayerNorm (2 inputs); its γ, β are parameters.
  elementwiseAt(t, K_LAYER_NORM, 'ln1', at, b, S, h, 2, 2 * h, tokens * h);

  let last = h;
  const widths = model.f[layer];
  for (let i = 0; i < widths.length; i++) {
    // Backward needs each dense layer's input and each non-linearity's input.
    const width = widths[i];
    linear(t, stackName(FF_NAMES, 'ff', i), at, b, 1, S, last, width, tokens * last);
    elementwiseAt(t, K_NON_LINEARITY, stackName(NL_NAMES, 'nl', i), at, b, S, width, 1, 0, tokens * width);
    last = width;
  }
  linear(t, 'ff-out', at, b, 1, S, last, h, tokens * last);
  elementwiseAt(t, K_LAYER_NORM, 'ln2', at, b, S, h, 2, 2 * h, tokens * h);

  const next = model.h[layer + 1];
  if (layer < model.l - 1 && next !== h) {
    linear(t, 'proj', at, b, 1, S, h, next, tokens * h);
  }
}
