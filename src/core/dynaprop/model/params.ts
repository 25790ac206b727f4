/**
 * The trainable parameters of a FlexiBERT 2.0 classifier, created from a seeded
 * generator on the host so that every backend starts from identical weights.
 * Shapes follow docs/flexibert.md §6, except that the vocabulary is the dataset's
 * and the relative-position table covers the run's sequence length (2T − 1 rows).
 */
import * as tf from '../tf.ts';
import { createRng, type Rng } from '../../rng.ts';
import type { LayerPlan } from './layerPlan.ts';

export type ParamMap = Map<string, tf.Variable>;

export interface ParamSpec {
  vocabSize: number;
  seqLen: number;
  numClasses: number;
  seed: number;
}

/** Parameters that AdamW does not decay and static weight pruning does not touch. */
export function isMatrixWeight(name: string): boolean {
  return name.endsWith('.w') && !name.startsWith('emb.');
}

function normal(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng.next(), v = rng.next();
    const r = std * Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

export function createParams(plan: LayerPlan[], spec: ParamSpec): ParamMap {
  const rng = createRng(spec.seed);
  const params: ParamMap = new Map();
  const add = (name: string, shape: number[], init: 'normal' | 'zeros' | 'ones' | 'uniform01') => {
    const n = shape.reduce((a, b) => a * b, 1);
    let values: Float32Array;
    if (init === 'normal') values = normal(rng, n, 0.02);
    else if (init === 'uniform01') values = Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * 0.1);
    else values = new Float32Array(n).fill(init === 'ones' ? 1 : 0);
    // Unnamed: tfjs variable names are global, and two sessions may hold the same model.
    const initial = tf.tensor(values, shape);
    params.set(name, tf.variable(initial, true));
    // The variable holds its own reference to the data; the initial tensor would leak.
    initial.dispose();
  };
  const dense = (name: string, inDim: number, outDim: number, bias = true) => {
    add(`${name}.w`, [inDim, outDim], 'normal');
    if (bias) add(`${name}.b`, [outDim], 'zeros');
  };
  const norm = (name: string, dim: number) => { add(`${name}.g`, [dim], 'ones'); add(`${name}.b`, [dim], 'zeros'); };

  const h0 = plan[0].hidden;
  add('emb.word', [spec.vocabSize, h0], 'normal');
  add('emb.type', [1, h0], 'normal');
  norm('emb.ln', h0);
  plan.forEach((p, i) => {
    const L = `L${i}`, h = p.hidden, d = p.headWidth, A = p.heads * d;
    dense(`${L}.q`, h, A); dense(`${L}.k`, h, A); dense(`${L}.v`, h, A);
    add(`${L}.rel`, [2 * spec.seqLen - 1, d], 'normal');
    for (const g of p.groups) {
      const G = `${L}.${g.type}`;
      if (g.type === 'sa_wma') add(`${G}.wma`, [g.count, d, d], 'uniform01');
      if (g.kernel > 0) {
        add(`${G}.depthwise`, [g.count, g.kernel, d], 'normal');
        add(`${G}.pointwise.w`, [g.count, d, d], 'normal');
        add(`${G}.pointwise.b`, [g.count, 1, d], 'zeros');
        add(`${G}.kernel.w`, [g.count, d, g.kernel], 'normal');
        add(`${G}.kernel.b`, [g.count, 1, g.kernel], 'zeros');
        add(`${G}.out.w`, [g.count, d, d], 'normal');
        add(`${G}.out.b`, [g.count, 1, d], 'zeros');
      }
    }
    dense(`${L}.attnOut`, A, h); norm(`${L}.ln1`, h);
    let width = h;
    p.ff.forEach((f, j) => { dense(`${L}.ff${j + 1}`, width, f); width = f; });
    dense(`${L}.ffOut`, width, h); norm(`${L}.ln2`, h);
    if (p.projectTo !== null) dense(`${L}.proj`, h, p.projectTo);
  });
  const hL = plan[plan.length - 1].hidden;
  dense('pooler', hL, hL);
  dense('classifier', hL, spec.numClasses);
  return params;
}

export function countParams(params: ParamMap): number {
  let n = 0;
  for (const v of params.values()) n += v.size;
  return n;
}

export function disposeParams(params: ParamMap): void {
  for (const v of params.values()) v.dispose();
}
