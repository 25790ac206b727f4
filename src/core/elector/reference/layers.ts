/**
 * The encoder layers as the reference's op streams (specs/elector.md §3.1, §3.3),
 * walked once without building them. Memory and compute items of a layer are
 * costed as they come; the two streams feed disjoint energy accumulators and add
 * integers to the cycle count, so walking them together changes nothing.
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import { backwardHeadBlock, forwardHeadBlock } from './blocks.ts';
import { flatLoad, flatMatMul, flatStore, layerNorm, nonLinearity } from './costs.ts';
import { SEQUENCE_LENGTH, type ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

/** Forward FF `in → out`: weight load (b,in,out), output store (b,S,out), MatMul (b,S,in)×(b,in,out). */
function feedForward(m: ReferenceMachine, s: RunState, inWidth: number, outWidth: number): void {
  flatLoad(m, s, m.batch * inWidth * outWidth);
  flatStore(m, s, m.batch * SEQUENCE_LENGTH * outWidth, false);
  flatMatMul(m, s, SEQUENCE_LENGTH, inWidth, outWidth, m.sigmaForward);
}

/** Backward FF: the weight gradient (b,in,S)×(b,S,out) and its store; no input gradient (§9 item 9). */
function feedForwardBackward(m: ReferenceMachine, s: RunState, inWidth: number, outWidth: number): void {
  flatMatMul(m, s, inWidth, SEQUENCE_LENGTH, outWidth, m.sigmaBackward);
  flatStore(m, s, m.batch * inWidth * outWidth, true);
}

/** A projection FF follows layer l when the next layer has another hidden size. */
function projects(model: ModelDict, l: number): boolean {
  return l < model.l - 1 && model.h[l] !== model.h[l + 1];
}

export function forwardLayers(m: ReferenceMachine, s: RunState, model: ModelDict): void {
  for (let l = 0; l < model.l; l++) {
    const h = model.h[l];
    forwardHeadBlock(m, s, model.o[l], h);
    layerNorm(m, s, h);
    // Each NL has the shape of its FF's *input* (§3.1).
    const widths = model.f[l];
    let last = h;
    for (let i = 0; i < widths.length; i++) {
      feedForward(m, s, last, widths[i]);
      nonLinearity(m, s, last);
      last = widths[i];
    }
    feedForward(m, s, last, h);
    nonLinearity(m, s, last);
    layerNorm(m, s, h);
    if (projects(model, l)) {
      feedForward(m, s, h, model.h[l + 1]);
      nonLinearity(m, s, h);
    }
  }
}

/** The forward op list reversed at op level: last layer first, each layer's ops in reverse. */
export function backwardLayers(m: ReferenceMachine, s: RunState, model: ModelDict): void {
  for (let l = model.l - 1; l >= 0; l--) {
    const h = model.h[l];
    if (projects(model, l)) {
      nonLinearity(m, s, h);
      feedForwardBackward(m, s, h, model.h[l + 1]);
    }
    layerNorm(m, s, h);
    // The chain h → f_1 → … → f_n → h, from its closing FF back to its first.
    const widths = model.f[l];
    const n = widths.length;
    for (let i = n; i >= 0; i--) {
      const inWidth = i === 0 ? h : widths[i - 1];
      const outWidth = i === n ? h : widths[i];
      nonLinearity(m, s, inWidth);
      feedForwardBackward(m, s, inWidth, outWidth);
    }
    layerNorm(m, s, h);
    backwardHeadBlock(m, s, model.o[l], h);
  }
}
