/**
 * The encoder layers as the reference's op streams (docs/elector.md §3.1, §3.3),
 * walked once without building them. Memory and compute items of a layer are
 * costed as they come; the two streams feed disjoint energy accumulators and add
 * integers to the cycle count, so walking them together changes nothing.
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import { backwardHeadBlock, forwardHeadBlock } from './blocks.ts';
import { flatLoad, flatMatMul, flatStore, layerNorm, nonLinearity } from './costs.ts';
import { SEQUENCE_LENGTH, type ReferenceMachine } from './machine.ts';
import { isImmutableCopy } from '../model/plainModel.ts';
import { layerLog } from './layerLog.ts';
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

/** Layers `a` and `b` add the same terms: same hidden size, heads and FF stack, and neither projects. */
function sameLayer(model: ModelDict, a: number, b: number): boolean {
  if (model.h[a] !== model.h[b] || projects(model, a) || projects(model, b)) return false;
  const fa = model.f[a];
  const fb = model.f[b];
  const oa = model.o[a];
  const ob = model.o[b];
  if (fa.length !== fb.length || oa.length !== ob.length) return false;
  for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return false;
  if (oa === ob) return true;
  for (let i = 0; i < oa.length; i++) if (oa[i] !== ob[i]) return false;
  return true;
}

/**
 * sameAsPrevious[l]: layer l adds the same terms as layer l − 1. Remembered for the last
 * model that cannot change (a copy of a frozen preset, plainModel.ts), found by identity.
 */
let lastModel: ModelDict | undefined;
let lastRuns = new Uint8Array(0);

function layerRuns(model: ModelDict): Uint8Array {
  if (model === lastModel) return lastRuns;
  const runs = new Uint8Array(model.l);
  for (let l = 1; l < model.l; l++) runs[l] = sameLayer(model, l - 1, l) ? 1 : 0;
  if (isImmutableCopy(model)) {
    lastModel = model;
    lastRuns = runs;
  }
  return runs;
}

/** Tuning: a layer repeated fewer times than this is simulated again (logging costs about one layer). */
export const replaySettings = { minRepeats: 2 };

/**
 * Runs `layer` for each layer from `first`, `step` at a time, replaying (layerLog.ts) the
 * layers identical to the one before them instead of simulating them again.
 */
function runLayers(m: ReferenceMachine, s: RunState, model: ModelDict, first: number, step: number, layer: LayerRunner): void {
  const runs = layerRuns(model);
  for (let l = first; l >= 0 && l < model.l; ) {
    let next = l + step;
    // Layers next and next − step are the same when the later of the two repeats the earlier.
    while (next >= 0 && next < model.l && runs[Math.max(next, next - step)] === 1) next += step;
    const repeats = (next - l) / step - 1;
    if (repeats < replaySettings.minRepeats) {
      for (let r = 0; r <= repeats; r++) layer(m, s, model, l + r * step);
    } else {
      layerLog.begin(s);
      layer(m, s, model, l);
      layerLog.end(s);
      for (let r = 0; r < repeats; r++) layerLog.replay(s, m);
    }
    l = next;
  }
}

type LayerRunner = (m: ReferenceMachine, s: RunState, model: ModelDict, l: number) => void;

export function forwardLayers(m: ReferenceMachine, s: RunState, model: ModelDict): void {
  runLayers(m, s, model, 0, 1, forwardLayer);
}

function forwardLayer(m: ReferenceMachine, s: RunState, model: ModelDict, l: number): void {
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

/** The forward op list reversed at op level: last layer first, each layer's ops in reverse. */
export function backwardLayers(m: ReferenceMachine, s: RunState, model: ModelDict): void {
  runLayers(m, s, model, model.l - 1, -1, backwardLayer);
}

function backwardLayer(m: ReferenceMachine, s: RunState, model: ModelDict, l: number): void {
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
