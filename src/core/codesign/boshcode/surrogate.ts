/**
 * BOSHCODE's surrogate of the loss y = (1 − P)/max_loss over (transformer, accelerator)
 * inputs: a teacher network with MC dropout, a student distilled from the teacher's
 * dropout spread (epistemic uncertainty, one forward pass), and a natural-parameter
 * network whose output is a mean and a variance (the mean the search uses, and the
 * aleatoric uncertainty). Each has two towers, one per embedding (docs/codesign.md).
 */
import * as tf from '../../dynaprop/tf.ts';
import { createRng, type Rng } from '../../rng.ts';
import { applyDense, applyNpnDense, concatGaussian, createDense, createNpnDense, npnRelu, npnSigmoid, variablesOf, type Dense, type Gaussian, type NpnDense } from './layers.ts';
import { ACCELERATOR_INPUTS, MODEL_INPUTS } from './inputs.ts';

export interface SurrogateOptions {
  /** Dropout of the teacher's head, used again at prediction time for the MC spread. */
  dropout: number;
  /** MC-dropout passes whose spread the student learns. */
  mcPasses: number;
  /** `sqrt`: √(σ_ep² + s_al), a standard deviation; `sum`: σ_ep + s_al, the reference's mix of a std and a variance. */
  combine: 'sqrt' | 'sum';
  batchSize: number;
  learningRate: { teacher: number; student: number; npn: number };
}

export const SURROGATE_DEFAULTS: SurrogateOptions = {
  dropout: 0.3, mcPasses: 10, combine: 'sqrt', batchSize: 32, learningRate: { teacher: 0.002, student: 0.002, npn: 0.002 },
};

interface Towers { t1: Dense[]; t2: Dense[] }
const towers = (rng: Rng): Towers => ({
  t1: [createDense(rng, MODEL_INPUTS, 32), createDense(rng, 32, 32)],
  t2: [createDense(rng, ACCELERATOR_INPUTS, 32), createDense(rng, 32, 32)],
});
const runTowers = (t: Towers, x1: tf.Tensor2D, x2: tf.Tensor2D) =>
  tf.concat([t.t1.reduce((h, d) => tf.softplus(applyDense(d, h)), x1), t.t2.reduce((h, d) => tf.softplus(applyDense(d, h)), x2)], 1) as tf.Tensor2D;

export interface SurrogatePrediction { mean: Float32Array; epistemic: Float32Array; aleatoric: Float32Array }

export class Surrogate {
  private teacher: Towers & { head: Dense[] };
  private student: Towers & { head: Dense[] };
  private npn: { t1: NpnDense[]; t2: NpnDense[]; head: NpnDense[] };
  private optimizers: { teacher: tf.Optimizer; student: tf.Optimizer; npn: tf.Optimizer };
  private rng: Rng;
  private dropoutCalls = 0;

  constructor(seed: number, readonly o: SurrogateOptions = SURROGATE_DEFAULTS) {
    this.rng = createRng(`${seed}:surrogate`);
    this.teacher = { ...towers(this.rng), head: [createDense(this.rng, 64, 64), createDense(this.rng, 64, 32), createDense(this.rng, 32, 1)] };
    this.student = { ...towers(this.rng), head: [createDense(this.rng, 64, 32), createDense(this.rng, 32, 1)] };
    this.npn = {
      t1: [createNpnDense(this.rng, MODEL_INPUTS, 32), createNpnDense(this.rng, 32, 32)],
      t2: [createNpnDense(this.rng, ACCELERATOR_INPUTS, 32), createNpnDense(this.rng, 32, 32)],
      head: [createNpnDense(this.rng, 64, 32), createNpnDense(this.rng, 32, 1)],
    };
    this.optimizers = { teacher: tf.train.adam(o.learningRate.teacher), student: tf.train.adam(o.learningRate.student), npn: tf.train.adam(o.learningRate.npn) };
  }

  /** The teacher's prediction; with `mc`, dropout stays on (a Monte-Carlo sample). */
  teacherForward(x1: tf.Tensor2D, x2: tf.Tensor2D, mc: boolean): tf.Tensor2D {
    const [h1, h2, out] = this.teacher.head;
    const drop = (h: tf.Tensor2D) => (mc && this.o.dropout > 0 ? tf.dropout(h, this.o.dropout, undefined, this.nextSeed()) as tf.Tensor2D : h);
    let h = tf.softplus(applyDense(h1, runTowers(this.teacher, x1, x2))) as tf.Tensor2D;
    h = drop(tf.softplus(applyDense(h2, drop(h))) as tf.Tensor2D);
    return tf.sigmoid(applyDense(out, h)) as tf.Tensor2D;
  }

  studentForward(x1: tf.Tensor2D, x2: tf.Tensor2D): tf.Tensor2D {
    const [h1, out] = this.student.head;
    return tf.softplus(applyDense(out, tf.softplus(applyDense(h1, runTowers(this.student, x1, x2))) as tf.Tensor2D)) as tf.Tensor2D;
  }

  npnForward(x1: tf.Tensor2D, x2: tf.Tensor2D): Gaussian {
    const tower = (layers: NpnDense[], x: tf.Tensor2D): Gaussian =>
      npnSigmoid(applyNpnDense(layers[1], npnRelu(applyNpnDense(layers[0], { m: x, s: tf.zerosLike(x) }))));
    const joint = concatGaussian(tower(this.npn.t1, x1), tower(this.npn.t2, x2));
    return npnSigmoid(applyNpnDense(this.npn.head[1], npnRelu(applyNpnDense(this.npn.head[0], joint))));
  }

  /** Acquisition a = μ − k·u (to minimise: an optimistic bound on the loss), differentiable in the inputs. */
  acquisition(x1: tf.Tensor2D, x2: tf.Tensor2D, exploration: number): tf.Tensor1D {
    const g = this.npnForward(x1, x2);
    const ep = this.studentForward(x1, x2);
    const u = this.o.combine === 'sqrt' ? tf.sqrt(tf.add(tf.square(ep), g.s)) : tf.add(ep, g.s);
    return tf.reshape(tf.sub(g.m, tf.mul(exploration, u)), [-1]) as tf.Tensor1D;
  }

  predict(x1: number[][], x2: number[][]): SurrogatePrediction {
    return tf.tidy(() => {
      const a = tf.tensor2d(x1, [x1.length, MODEL_INPUTS]), b = tf.tensor2d(x2, [x2.length, ACCELERATOR_INPUTS]);
      const g = this.npnForward(a, b);
      return { mean: g.m.dataSync() as Float32Array, aleatoric: g.s.dataSync() as Float32Array, epistemic: this.studentForward(a, b).dataSync() as Float32Array };
    });
  }

  /**
   * Trains the three networks on the data for up to `epochs` each, with a fresh 80/20
   * split every epoch and an early stop when the validation loss has not improved for
   * 7 epochs. Warm: weights carry over between calls. Returns the epochs run.
   */
  train(x1: number[][], x2: number[][], y: number[], epochs: number, steps?: number): { teacher: number; student: number; npn: number } {
    const a = tf.tensor2d(x1, [x1.length, MODEL_INPUTS]), b = tf.tensor2d(x2, [x2.length, ACCELERATOR_INPUTS]), t = tf.tensor2d(y, [y.length, 1]);
    try {
      const teacher = this.fit(a, b, t, epochs, steps, this.optimizers.teacher, variablesOf([...this.teacher.t1, ...this.teacher.t2, ...this.teacher.head]),
        (p, q, target) => tf.mean(tf.square(tf.sub(this.teacherForward(p, q, true), target))) as tf.Scalar);
      // The student's target: the spread of MC-dropout passes of the trained teacher.
      const spread = tf.tidy(() => {
        const n = this.o.mcPasses;
        const samples = tf.stack(Array.from({ length: n }, () => this.teacherForward(a, b, true)));
        return tf.sqrt(tf.moments(samples, 0).variance) as tf.Tensor2D;
      });
      const student = this.fit(a, b, spread, epochs, steps, this.optimizers.student, variablesOf([...this.student.t1, ...this.student.t2, ...this.student.head]),
        (p, q, target) => tf.mean(tf.square(tf.sub(this.studentForward(p, q), target))) as tf.Scalar);
      spread.dispose();
      const npn = this.fit(a, b, t, epochs, steps, this.optimizers.npn, variablesOf([...this.npn.t1, ...this.npn.t2, ...this.npn.head]), (p, q, target) => {
        const g = this.npnForward(p, q);
        return tf.mean(tf.mul(0.5, tf.add(tf.div(tf.mul(10, tf.square(tf.sub(g.m, target))), g.s), tf.log(g.s)))) as tf.Scalar;
      });
      return { teacher, student, npn };
    } finally {
      a.dispose(); b.dispose(); t.dispose();
    }
  }

  dispose(): void {
    for (const v of [...variablesOf([...this.teacher.t1, ...this.teacher.t2, ...this.teacher.head, ...this.student.t1, ...this.student.t2, ...this.student.head]), ...variablesOf([...this.npn.t1, ...this.npn.t2, ...this.npn.head])]) v.dispose();
    for (const opt of Object.values(this.optimizers)) opt.dispose();
  }

  /**
   * Epochs with early stopping; or, with `steps`, that many mini-batches drawn at random
   * from all the data: a warm update whose cost does not grow with the dataset.
   */
  private fit(a: tf.Tensor2D, b: tf.Tensor2D, t: tf.Tensor2D, epochs: number, steps: number | undefined, opt: tf.Optimizer, vars: tf.Variable[],
    loss: (p: tf.Tensor2D, q: tf.Tensor2D, target: tf.Tensor2D) => tf.Scalar): number {
    const n = a.shape[0], nTrain = Math.max(1, Math.floor(n * 0.8));
    if (steps !== undefined) {
      for (let s = 0; s < steps; s++) {
        const idx = tf.tensor1d(Array.from({ length: Math.min(n, this.o.batchSize) }, () => this.rng.int(n)), 'int32');
        tf.tidy(() => { opt.minimize(() => loss(tf.gather(a, idx), tf.gather(b, idx), tf.gather(t, idx)), false, vars); });
        idx.dispose();
      }
      return steps;
    }
    let best = Infinity, sinceBest = 0, epoch = 0;
    for (; epoch < epochs; epoch++) {
      const order = shuffled(n, this.rng);
      const trainIdx = order.slice(0, nTrain), valIdx = order.slice(nTrain);
      for (let s = 0; s < trainIdx.length; s += this.o.batchSize) {
        const idx = tf.tensor1d(trainIdx.slice(s, s + this.o.batchSize), 'int32');
        tf.tidy(() => { opt.minimize(() => loss(tf.gather(a, idx), tf.gather(b, idx), tf.gather(t, idx)), false, vars); });
        idx.dispose();
      }
      if (valIdx.length === 0) continue;
      const v = tf.tidy(() => { const idx = tf.tensor1d(valIdx, 'int32'); return loss(tf.gather(a, idx), tf.gather(b, idx), tf.gather(t, idx)).dataSync()[0]; });
      if (v < best - 1e-6) { best = v; sinceBest = 0; } else if (++sinceBest >= 7 && epoch >= 10) { epoch++; break; }
    }
    return epoch;
  }

  private nextSeed(): number {
    return Math.floor(this.rng.next() * 2 ** 31) + this.dropoutCalls++;
  }
}

function shuffled(n: number, rng: Rng): number[] {
  const o = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = rng.int(i + 1); [o[i], o[j]] = [o[j], o[i]]; }
  return o;
}
