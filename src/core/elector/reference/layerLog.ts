/**
 * Identical layers, replayed. Most models repeat a layer (BERT-Base: 12 times), and a layer
 * adds the same terms to every accumulator whatever came before it (its first
 * non-linearity follows a LayerNorm; layers that project are never replayed). So the first
 * layer of a run is simulated with a log of every term it adds, accumulator by accumulator,
 * and the others add the logged terms again, in the same order: the same doubles, without
 * walking heads, programs and schedules again.
 *
 * Counters and cycle counts are integers (exact sums in any order): a replay adds the
 * first layer's difference. The inflation range and the kernel bits do not change on a repeat.
 */
import type { ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

/**
 * What a layer adds, as channels of terms in order. A MAC op's six energies are products of
 * its cycles or tiles and machine rates, so the log keeps the cycles (lane energy) and the
 * tiles (sparsity and "others" energy) and the replay makes the same products again.
 */
export const LOG_CYCLES = 0;
export const LOG_TILES = 1;
export const LOG_BUFFER = 2;
export const LOG_MAIN_MEMORY = 3;
export const LOG_SOFTMAX_CYCLES = 4;
export const LOG_LAYER_NORM_CYCLES = 5;
const CHANNELS = 6;

/** Integer fields of a run state, read and added in this order. */
function integers(s: RunState, out: Float64Array): void {
  out[0] = s.cycles;
  out[1] = s.loadElements;
  out[2] = s.activationStoreElements;
  out[3] = s.weightStoreElements;
  out[4] = s.headBlockCycles;
  out[5] = s.layerNormCycles;
  out[6] = s.feedForwardCycles;
  out[7] = s.nonLinearityCycles;
  out[8] = s.loadCycles;
  out[9] = s.storeCycles;
  out[10] = s.negativeConvOps;
  out[11] = s.nonLinearityOps;
  out[12] = s.staleNonLinearityOps;
  out[13] = s.embeddingCycles;
}
const INTEGERS = 14;

function addIntegers(s: RunState, d: Float64Array): void {
  s.cycles += d[0];
  s.loadElements += d[1];
  s.activationStoreElements += d[2];
  s.weightStoreElements += d[3];
  s.headBlockCycles += d[4];
  s.layerNormCycles += d[5];
  s.feedForwardCycles += d[6];
  s.nonLinearityCycles += d[7];
  s.loadCycles += d[8];
  s.storeCycles += d[9];
  s.negativeConvOps += d[10];
  s.nonLinearityOps += d[11];
  s.staleNonLinearityOps += d[12];
  s.embeddingCycles += d[13];
}

export class LayerLog {
  private terms: Float64Array[] = Array.from({ length: CHANNELS }, () => new Float64Array(256));
  private readonly lengths = new Int32Array(CHANNELS);
  private readonly before = new Float64Array(INTEGERS);
  private readonly delta = new Float64Array(INTEGERS);
  private lastTiles = 0;

  /** Appends a term to channel `log`. */
  add(log: number, x: number): void {
    let t = this.terms[log];
    const n = this.lengths[log];
    if (n === t.length) {
      const bigger = new Float64Array(2 * n);
      bigger.set(t);
      this.terms[log] = t = bigger;
    }
    t[n] = x;
    this.lengths[log] = n + 1;
  }

  /** Starts logging what `s` gets. */
  begin(s: RunState): void {
    this.lengths.fill(0);
    integers(s, this.before);
    s.log = this;
  }

  /** Stops logging. */
  end(s: RunState): void {
    s.log = null;
    integers(s, this.delta);
    for (let k = 0; k < INTEGERS; k++) this.delta[k] -= this.before[k];
    this.lastTiles = s.lastTiles;
  }

  /** Adds the logged layer to `s` once more, on machine `m` (the one it was logged on). */
  replay(s: RunState, m: ReferenceMachine): void {
    addIntegers(s, this.delta);
    s.lastTiles = this.lastTiles;
    const t = this.terms;
    const n = this.lengths;
    const cycles = t[LOG_CYCLES], tiles = t[LOG_TILES], buffer = t[LOG_BUFFER], main = t[LOG_MAIN_MEMORY];
    const nc = n[LOG_CYCLES], nt = n[LOG_TILES], nb = n[LOG_BUFFER], nm = n[LOG_MAIN_MEMORY];
    const { laneDyn, laneLeak, sparsityDyn, sparsityLeak, othersDyn, othersLeak } = m;
    let macDyn = s.macDyn, macLeak = s.macLeak, spDyn = s.sparsityDyn, spLeak = s.sparsityLeak;
    let othDyn = s.othersDyn, othLeak = s.othersLeak, buf = s.bufferNJ, mm = s.mainMemoryNJ;
    // Independent sums in one loop run side by side (each keeps its own order): the loop is as
    // long as the longest channel, not the sum of all.
    const longest = Math.max(nc, nt, nb, nm);
    for (let i = 0; i < longest; i++) {
      if (i < nc) {
        const c = cycles[i];
        macDyn += laneDyn * c;
        macLeak += laneLeak * c;
      }
      if (i < nt) {
        const x = tiles[i];
        spDyn += sparsityDyn * x;
        spLeak += sparsityLeak * x;
        othDyn += othersDyn * x;
        othLeak += othersLeak * x;
      }
      if (i < nb) buf += buffer[i];
      if (i < nm) mm += main[i];
    }
    s.macDyn = macDyn;
    s.macLeak = macLeak;
    s.sparsityDyn = spDyn;
    s.sparsityLeak = spLeak;
    s.othersDyn = othDyn;
    s.othersLeak = othLeak;
    s.bufferNJ = buf;
    s.mainMemoryNJ = mm;
    const softmax = t[LOG_SOFTMAX_CYCLES];
    for (let i = 0; i < n[LOG_SOFTMAX_CYCLES]; i++) {
      s.softmaxDyn += m.softmaxDyn * softmax[i];
      s.softmaxLeak += m.softmaxLeak * softmax[i];
    }
    const layerNorm = t[LOG_LAYER_NORM_CYCLES];
    for (let i = 0; i < n[LOG_LAYER_NORM_CYCLES]; i++) {
      s.layerNormDyn += m.layerNormDyn * layerNorm[i];
      s.layerNormLeak += m.layerNormLeak * layerNorm[i];
    }
  }
}

/** The one log of the module: layers are logged one at a time and simulations are synchronous. */
export const layerLog = new LayerLog();
