/**
 * `npm run measure:lab`: the project's own accuracy measurements behind the co-design
 * search's `measured` predictor (docs/codesign.md §3.3). Trains a spread of small models
 * on the bundled names task, unpruned, at the lab's defaults except the step count, with
 * fixed seeds, and writes them in the lab's export format (state/dynaprop/labRecord.ts)
 * to src/core/codesign/predictors/data/lab-measurements.json, so the lab's parser reads it.
 *
 * Options: --steps N (default 150), --only K (the first K models, to time the script; written
 * beside the shipped file as lab-measurements.partial.json, never over it).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '../src/core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { defaultRunConfig } from '../src/core/dynaprop/config.ts';
import { runDynaProp } from '../src/core/dynaprop/run.ts';
import { loadDatasetFromDisk } from '../src/core/dynaprop/data/loadNode.ts';
import { labFileJson, labRunOf, LAB_RECORD_FORMAT, LAB_RECORD_VERSION, parseLabFile, thinHistory, type LabRecord, type LabRun } from '../src/state/dynaprop/labRecord.ts';
import { LAB_EVAL_BATCHES } from '../src/state/dynaprop/labConfig.ts';
import type { ModelDict } from '../src/core/space/transformer/types.ts';

const { values } = parseArgs({ options: { steps: { type: 'string' }, only: { type: 'string' } } });
// 150 steps: the lab's own "learns within half a minute" length (docs/dynaprop-lab.md §4); the
// whole plan then takes about 9 CPU-minutes on one core (12 wall-clock minutes on 2 busy cores).
const STEPS = Number(values.steps ?? 150);

/** Every layer alike: `heads` heads of `type`, one feed-forward layer of width `ff`. */
function uniform(layers: number, hidden: number, heads: number, ff: number, type = 'sa_sdp'): ModelDict {
  return {
    l: layers,
    o: Array.from({ length: layers }, () => Array<string>(heads).fill(`${type}_${hidden / heads}`)),
    h: Array<number>(layers).fill(hidden),
    f: Array.from({ length: layers }, () => [ff]),
  };
}

/**
 * Depth, width, heads, head type and feed-forward each varied around BERT-Tiny, kept to
 * sizes a browser tab trains in under a minute. Seeds 2 and 3 repeat two models: the spread
 * between seeds is the predictor's noise term.
 */
const PLAN: { id: string; model: ModelDict; seed: number }[] = [
  { id: 'l2-h128-sdp2-ff512', model: uniform(2, 128, 2, 512), seed: 1 },
  { id: 'l2-h128-sdp2-ff512', model: uniform(2, 128, 2, 512), seed: 2 },
  { id: 'l2-h128-sdp2-ff512', model: uniform(2, 128, 2, 512), seed: 3 },
  { id: 'l2-h128-sdp4-ff256', model: uniform(2, 128, 4, 256), seed: 1 },
  { id: 'l2-h128-sdp2-ff1024', model: uniform(2, 128, 2, 1024), seed: 1 },
  { id: 'l2-h256-sdp4-ff512', model: uniform(2, 256, 4, 512), seed: 1 },
  { id: 'l4-h128-sdp2-ff512', model: uniform(4, 128, 2, 512), seed: 1 },
  { id: 'l4-h128-sdp2-ff512', model: uniform(4, 128, 2, 512), seed: 2 },
  { id: 'l6-h128-sdp2-ff256', model: uniform(6, 128, 2, 256), seed: 1 },
  { id: 'l4-h256-sdp4-ff1024', model: uniform(4, 256, 4, 1024), seed: 1 },
  { id: 'l2-h128-wma2-ff512', model: uniform(2, 128, 2, 512, 'sa_wma'), seed: 1 },
  { id: 'l2-h128-dft2-ff512', model: uniform(2, 128, 2, 512, 'l_dft'), seed: 1 },
  { id: 'l2-h128-c9x2-ff512', model: uniform(2, 128, 2, 512, 'c_9'), seed: 1 },
  { id: 'l4-h128-mixed-ff512', model: { ...uniform(4, 128, 2, 512), o: [['sa_sdp_64', 'sa_sdp_64'], ['l_dct_64', 'sa_sdp_64'], ['c_5_64', 'sa_sdp_64'], ['sa_wma_64', 'sa_sdp_64']] }, seed: 1 },
];

/**
 * The file ships in the app (the co-design worker reads it), so the loss curve is thinned to
 * CURVE_POINTS; every validation point is kept.
 */
const CURVE_POINTS = 30;
function shortCurve(run: LabRun): LabRun {
  const validated = run.history.filter((e) => e.validationAccuracy !== undefined);
  const losses = thinHistory(run.history.filter((e) => e.validationAccuracy === undefined), CURVE_POINTS);
  return { ...run, history: [...validated, ...losses].sort((a, b) => a.step - b.step) };
}

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const data = loadDatasetFromDisk('names');
  const plan = PLAN.slice(0, values.only ? Number(values.only) : PLAN.length);
  const started = performance.now();
  const records: LabRecord[] = [];
  for (const [i, p] of plan.entries()) {
    const config = { ...defaultRunConfig('names'), model: p.model, steps: STEPS, seed: p.seed };
    const r = await runDynaProp(config, data, { evalBatches: LAB_EVAL_BATCHES });
    const run = shortCurve(labRunOf(r));
    // A fixed id per plan entry: re-running the script replaces, not doubles, a run imported into the lab.
    records.push({
      format: LAB_RECORD_FORMAT, version: LAB_RECORD_VERSION, id: `measure-lab-names-${p.id}-s${p.seed}`, createdAt: new Date().toISOString(),
      kind: 'run', complete: true, planned: 1, runs: [run],
    });
    console.log(`${i + 1}/${plan.length} ${p.id} seed ${p.seed}: test accuracy ${r.accuracy.toFixed(3)} in ${r.seconds.toFixed(1)} s`);
  }
  const json = labFileJson(records);
  const check = parseLabFile(json);
  if (!check.ok) throw new Error(`the written file does not parse: ${check.field}: ${check.message}`);
  // A timing run (--only) must not replace the shipped measurements with a part of them.
  const url = new URL(values.only ? '../src/core/codesign/predictors/data/lab-measurements.partial.json' : '../src/core/codesign/predictors/data/lab-measurements.json', import.meta.url);
  writeFileSync(url, json + '\n');
  const seconds = (performance.now() - started) / 1000;
  console.log(`${records.length} runs, ${STEPS} steps each, in ${seconds.toFixed(0)} s (${cpus()[0]?.model}, ${tf.getBackend()}, tfjs ${tf.version_core}) → ${url.pathname}`);
}
main();
