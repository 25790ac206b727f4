import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from './tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { runDynaProp, RunCancelled } from './run.ts';
import { defaultRunConfig } from './config.ts';
import { loadDatasetFromDisk } from './data/loadNode.ts';

beforeAll(async () => { await tf.setBackend('wasm'); });

const names = loadDatasetFromDisk('names');
// Names cut to 8 tokens: at 16, padded positions make 72 % of δ exact zeros, a floor below which no gradient target can go.
const short = { ...defaultRunConfig('names'), seqLen: 8, steps: 40, evalEvery: 40, reprofileEvery: 20 };

describe('runDynaProp', () => {
  it.each([
    [0.3, 0.5],
    [0.5, 0.9],
    [0.7, 0.95],
  ])('reaches activation %s and gradient %s within ±0.03 on held-out batches', async (a, g) => {
    const r = await runDynaProp({ ...short, targetActivationSparsity: a, targetGradientSparsity: g }, names, { evalBatches: 8 });
    expect(Math.abs(r.heldOut.activation.all! - a)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(r.heldOut.gradient.all! - g)).toBeLessThanOrEqual(0.03);
    expect(r.thresholds.tauI).toBeGreaterThan(0);
    expect(r.backend).toBe('wasm');
  });

  it('leaves no tensors behind, reports progress, and stops when cancelled', async () => {
    const before = tf.memory().numTensors;
    const control = { cancelled: false };
    const steps: number[] = [];
    const run = runDynaProp({ ...short, targetActivationSparsity: 0.5 }, names, {
      control, onProgress: (p) => { steps.push(p.step); if (p.step >= 20) control.cancelled = true; },
      pause: () => Promise.resolve(),
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(steps).toEqual([10, 20]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a sequence longer than the dataset stores, naming the field', async () => {
    await expect(runDynaProp({ ...short, seqLen: 64 }, names)).rejects.toThrow(/seqLen/);
  });
});
