/**
 * `npm run bench:dynaprop`: DynaProp's two speed figures on the wasm backend, written to
 * bench/dynaprop-results.json.
 * 1. The cost of pruning: time per training step of a BERT-Tiny-shaped model with
 *    DynaProp on (forward and backward pruning at every site, sparsity counted on the
 *    device) against the same model with no prune ops at all. Steps of the two are
 *    interleaved so machine noise hits both alike; medians and their ratio are reported.
 * 2. Finding τ: a lookup-table query against an exact quantile of the live tensor
 *    (tfjs top-k), for the same target sparsity, and the sparsity each τ gives.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '../src/core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { TrainingSession, type HostBatch } from '../src/core/dynaprop/train/session.ts';
import { defaultRunConfig } from '../src/core/dynaprop/config.ts';
import { MagnitudeProfiler } from '../src/core/dynaprop/profiler.ts';
import { buildThresholdTable, thresholdForSparsity } from '../src/core/dynaprop/thresholdTable.ts';
import { createRng } from '../src/core/rng.ts';

const quick = process.argv.includes('--quick');
const STEPS = quick ? 8 : 25;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function batch(seed: number, size: number, seqLen: number, vocab: number): HostBatch {
  const rng = createRng(seed);
  const ids = new Int32Array(size * seqLen), mask = new Float32Array(size * seqLen), labels = new Int32Array(size);
  for (let b = 0; b < size; b++) {
    const len = Math.max(2, Math.round(seqLen * (0.4 + 0.6 * rng.next())));
    for (let t = 0; t < len; t++) { ids[b * seqLen + t] = t === 0 ? 1 : 3 + rng.int(vocab - 3); mask[b * seqLen + t] = 1; }
    labels[b] = rng.int(2);
  }
  return { ids, mask, labels };
}

async function stepCost(shape: { name: string; seqLen: number; batchSize: number; vocab: number; countEvery: number }) {
  const config = { ...defaultRunConfig('spam'), seqLen: shape.seqLen, batchSize: shape.batchSize, steps: STEPS + 2, countEvery: shape.countEvery };
  const plain = new TrainingSession(config, shape.vocab, 2, false);
  const pruned = new TrainingSession(config, shape.vocab, 2, true);
  pruned.pruner.thresholds = { activation: 0.05, gradient: 1e-5 };
  const times = { plain: [] as number[], pruned: [] as number[] };
  for (let s = 0; s < STEPS + 2; s++) {
    const b = batch(s, shape.batchSize, shape.seqLen, shape.vocab);
    for (const [name, session] of [['plain', plain], ['pruned', pruned]] as const) {
      const t0 = performance.now();
      session.trainStep(b);
      if (name === 'pruned' && (s + 1) % 10 === 0) session.trainLedger.flush();
      if (s >= 2) times[name].push(performance.now() - t0);
    }
  }
  pruned.trainLedger.flush();
  plain.dispose(); pruned.dispose();
  const p = median(times.plain), q = median(times.pruned);
  return { ...shape, steps: STEPS, medianStepMs: { unpruned: +p.toFixed(1), pruned: +q.toFixed(1) }, ratio: +(q / p).toFixed(3) };
}

async function lookupVersusQuantile() {
  const size = [32, 64, 512], n = size.reduce((a, b) => a * b, 1), target = 0.5;
  const profileTensor = tf.randomNormal(size, 0, 1, 'float32', 1);
  const live = tf.randomNormal(size, 0, 1, 'float32', 2);
  const profiler = new MagnitudeProfiler(2048, 1);
  profiler.sample({ layer: 0, opType: 'ff', site: 'ff1' }, 'fwd', profileTensor);
  const table = buildThresholdTable(profiler.samples, 'fwd')!;
  const k = Math.round(target * n);
  const exactTau = () => tf.tidy(() => -tf.topk(tf.neg(tf.abs(tf.reshape(live, [-1]))), k).values.dataSync()[k - 1]);
  const lutTimes: number[] = [], exactTimes: number[] = [];
  let lutTau = 0, exact = 0;
  for (let r = 0; r < (quick ? 3 : 11); r++) {
    let t0 = performance.now();
    for (let i = 0; i < 1000; i++) lutTau = thresholdForSparsity(table, target);
    lutTimes.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    exact = exactTau();
    exactTimes.push(performance.now() - t0);
  }
  const achieved = (tau: number) => tf.tidy(() => tf.mean(tf.cast(tf.lessEqual(tf.abs(live), tau), 'float32')).dataSync()[0]);
  const result = {
    tensor: size, targetSparsity: target,
    lookupTable: { medianUs: +(median(lutTimes) * 1000).toFixed(3), tau: lutTau, achievedSparsity: +achieved(lutTau).toFixed(4), profiledFrom: '2,048 samples of another tensor of the same distribution' },
    exactTopK: { medianMs: +median(exactTimes).toFixed(2), tau: exact, achievedSparsity: +achieved(exact).toFixed(4) },
  };
  profiler.dispose(); profileTensor.dispose(); live.dispose();
  return { ...result, speedup: +((median(exactTimes) * 1000) / (median(lutTimes) * 1000 * 1000) * 1000).toFixed(0) };
}

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const out = {
    date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length,
    backend: tf.getBackend(), tfjs: tf.version_core, quick,
    target: 'pruned / unpruned step time ≤ 1.2 (issue 11)',
    stepCost: [
      await stepCost({ name: 'names-shaped (BERT-Tiny, T 16, B 32, vocab 64)', seqLen: 16, batchSize: 32, vocab: 64, countEvery: 4 }),
      await stepCost({ name: 'spam-shaped (BERT-Tiny, T 64, B 32, vocab 8,000)', seqLen: 64, batchSize: 32, vocab: 8000, countEvery: 4 }),
      await stepCost({ name: 'spam-shaped, zeros counted on every step', seqLen: 64, batchSize: 32, vocab: 8000, countEvery: 1 }),
    ],
    thresholdLookup: await lookupVersusQuantile(),
  };
  const url = new URL('./dynaprop-results.json', import.meta.url);
  let previous = null;
  try { const old = JSON.parse(readFileSync(url, 'utf8')); previous = { date: old.date, stepCost: old.stepCost, thresholdLookup: old.thresholdLookup }; } catch { /* first run */ }
  writeFileSync(url, JSON.stringify({ ...out, previous }, null, 2) + '\n');
  console.log(JSON.stringify(out, null, 2));
}
main();
