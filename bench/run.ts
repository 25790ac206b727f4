/**
 * `npm run bench`: median time per simulation for each cost model on the
 * presets, and sweep throughput on random pairs. Writes bench/results.json.
 * Machines here are shared and noisy: every figure is a median over repeated
 * batches, and the JSON records the machine, versions and seeds.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolveSimOptions, simulateResolved } from '../src/core/elector/simulate.ts';
import { MODEL_PRESETS } from '../src/core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../src/core/space/accelerator/presets.ts';
import { randomModel } from '../src/core/space/transformer/sample.ts';
import { randomAccelerator } from '../src/core/space/accelerator/sample.ts';
import { createRng } from '../src/core/rng.ts';
import type { CostModel, SimMode } from '../src/core/elector/types.ts';
import { timeMedian } from './timeMedian.ts';

const out: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  app: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
};

const perPair: Record<string, { medianUs: number; p90Us: number; batches: number; perBatch: number }> = {};
for (const costModel of ['reference', 'elector'] as CostModel[]) {
  for (const modelName of ['bert-tiny', 'bert-base'] as const) {
    for (const accName of ['acceltran-edge', 'acceltran-server'] as const) {
      for (const mode of ['inference', 'training'] as SimMode[]) {
        const model = MODEL_PRESETS[modelName].model, acc = ACCELERATOR_PRESETS[accName].config;
        // The UI asks for the timeline; sweeps do not. Time what each caller gets.
        const options = resolveSimOptions({ costModel, mode, timeline: true });
        const key = `${costModel}/${modelName}/${accName}/${mode}`;
        try {
          perPair[key] = timeMedian(() => simulateResolved(model, acc, options));
        } catch (e) {
          perPair[key] = { error: (e as Error).message } as never;
        }
        console.log(key.padEnd(52), perPair[key].medianUs?.toFixed(2) ?? perPair[key], 'µs');
      }
    }
  }
}
out.perSimulation = perPair;

const SWEEP_PAIRS = 10_000;
const sweeps: Record<string, unknown> = {};
for (const costModel of ['reference', 'elector'] as CostModel[]) {
  const rng = createRng('bench-sweep');
  const pairs = Array.from({ length: SWEEP_PAIRS }, () => ({ model: randomModel(rng), accelerator: randomAccelerator(rng, 'transcode') }));
  const options = resolveSimOptions({ costModel, timeline: false });
  const rates: number[] = [];
  let errors = 0;
  for (let rep = 0; rep < 5; rep++) {
    errors = 0;
    const t0 = performance.now();
    for (const p of pairs) {
      try {
        simulateResolved(p.model, p.accelerator, options);
      } catch {
        errors++;
      }
    }
    rates.push(SWEEP_PAIRS / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  sweeps[costModel] = { pairs: SWEEP_PAIRS, seed: 'bench-sweep', repeats: rates.length, medianPairsPerS: Math.round(rates[2]), minPairsPerS: Math.round(rates[0]), capacityErrors: errors };
  console.log(`sweep ${costModel}: ${Math.round(rates[2]).toLocaleString('en-US')} pairs/s (median of 5), ${errors} capacity errors`);
}
out.sweepThroughput = sweeps;

const targets = {
  referencePerPairUs: { target: 20, worstMedianUs: Math.max(...Object.entries(perPair).filter(([k]) => k.startsWith('reference')).map(([, v]) => v.medianUs)) },
  electorBertBaseTrainingMs: { target: 2, medianMs: Math.max(perPair['elector/bert-base/acceltran-edge/training'].medianUs, perPair['elector/bert-base/acceltran-server/training'].medianUs) / 1000 },
  referenceSweepPairsPerS: { target: 50_000, median: (sweeps.reference as { medianPairsPerS: number }).medianPairsPerS },
};
out.targets = targets;
console.log(JSON.stringify(targets, null, 2));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log('wrote bench/results.json');
