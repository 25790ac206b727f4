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
import { elementwise, linear, type OpPlace } from './opBuilders.ts';
import type { OpTable } from './opTable.ts';

/** Groups a layer's heads by (type, d), keeping the index of each group's first head. */
export function headGroups(ops: readonly string[]): HeadGroup[] {
  const groups: HeadGroup[] = [];
  const codes: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    const code = headCode(ops[i], i);
    let j = 0;
    while (j < codes.length && codes[j] !== code) j++;
    if (j < codes.length) groups[j].count++;
    else {
      codes.push(code);
      groups.push({ type: codeType(code), count: 1, firstHead: i, d: codeWidth(code), kernel: codeKernel(code) });
    }
  }
  return groups;
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
  const at: OpPlace = { layer, head: -1, prefix: '' };
  const groups = headGroups(model.o[layer]);
  const tokens = b * S;

  // Every head needs V; sa and c heads also need Q and K; l heads transform V only.
  let qkvWidth = 0;
  let concatWidth = 0;
  for (let j = 0; j < groups.length; j++) {
    const g = groups[j];
    qkvWidth += g.count * g.d * (g.type.startsWith('l_') ? 1 : 3);
    concatWidth += g.count * g.d;
  }

  linear(t, 'qkv', at, b, 1, S, h, qkvWidth, tokens * h);
  for (let j = 0; j < groups.length; j++) appendHeadGroup(t, groups[j], layer, b, S);
  // Merged heads (b, S, A) → h; A = n·d can be < h (flexibert §3.2 rule 3).
  linear(t, 'out', at, b, 1, S, concatWidth, h, tokens * concatWidth);
  // The residual add is read by the LayerNorm (2 inputs); its γ, β are parameters.
  elementwise(t, 'layerNorm', 'ln1', at, { batch: b, rows: S, cols: h, inputs: 2, in: 'act', out: 'act', paramElems: 2 * h, stashElems: tokens * h });

  let last = h;
  const widths = model.f[layer];
  for (let i = 0; i < widths.length; i++) {
    // Backward needs each dense layer's input and each non-linearity's input.
    const width = widths[i];
    linear(t, stackName(FF_NAMES, 'ff', i), at, b, 1, S, last, width, tokens * last);
    elementwise(t, 'nonLinearity', stackName(NL_NAMES, 'nl', i), at, { batch: b, rows: S, cols: width, in: 'act', out: 'act', stashElems: tokens * width });
    last = width;
  }
  linear(t, 'ff-out', at, b, 1, S, last, h, tokens * last);
  elementwise(t, 'layerNorm', 'ln2', at, { batch: b, rows: S, cols: h, inputs: 2, in: 'act', out: 'act', paramElems: 2 * h, stashElems: tokens * h });

  const next = model.h[layer + 1];
  if (layer < model.l - 1 && next !== h) {
    linear(t, 'proj', at, b, 1, S, h, next, tokens * h);
  }
}
