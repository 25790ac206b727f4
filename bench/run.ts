/**
 * `npm run bench`: median time per simulation for each cost model on the presets, and
 * sweep throughput on random pairs. Writes bench/results.json. `--quick` runs fewer
 * batches, pairs and repeats (a rough check in a few seconds, not a measurement).
 * Machines here are shared and noisy: every figure is a median over repeated batches,
 * and the JSON records the machine, versions, seeds and settings.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolveSimOptions, simulateResolved } from '../src/core/elector/simulate.ts';
import { MODEL_PRESETS } from '../src/core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../src/core/space/accelerator/presets.ts';
import { randomModel } from '../src/core/space/transformer/sample.ts';
import { randomAccelerator } from '../src/core/space/accelerator/sample.ts';
import { createRng } from '../src/core/rng.ts';
import type { CostModel, MappingObjective, SimMode } from '../src/core/elector/types.ts';
import { timeMedian, type Timing } from './timeMedian.ts';

const quick = process.argv.includes('--quick');
// `--only=<text>`: run only the figures whose key contains it (per-simulation keys such as
// `elector/bert-base/acceltran-edge/training`, sweeps as `sweep/elector`). A partial run
// prints its figures and leaves bench/results.json alone.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const selected = (key: string): boolean => only === undefined || key.includes(only);
// The figures of the run before this one, kept side by side with the new ones.
const resultsUrl = new URL('./results.json', import.meta.url);
const before = (() => {
  try {
    const old = JSON.parse(readFileSync(resultsUrl, 'utf8'));
    return { date: old.date, quick: old.quick, targets: old.targets, previous: old.previous, baseline: old.baseline };
  } catch {
    return null;
  }
})();
// Since 2026-12-06 the sweeps run one untimed round before their timed ones, interleaved (earlier
// results in `previous` have none, so their medians include the JIT's warm-up).
const settings = quick
  ? { batches: 7, sweepPairs: 2_000, sweepRepeats: 3, sweepWarmupRepeats: 1 }
  : { batches: 31, sweepPairs: 10_000, sweepRepeats: 5, sweepWarmupRepeats: 1 };

const out: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  app: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  quick,
  settings,
};

/** A pair either times, or fails the way the cost model fails it (the reference's CapacityError). */
type PairResult = Timing | { error: string };
const timed = (r: PairResult): r is Timing => 'medianUs' in r;

const perPair: Record<string, PairResult> = {};
for (const costModel of ['reference', 'elector'] as CostModel[]) {
  for (const modelName of ['bert-tiny', 'bert-base'] as const) {
    for (const accName of ['acceltran-edge', 'acceltran-server'] as const) {
      for (const mode of ['inference', 'training'] as SimMode[]) {
        const model = MODEL_PRESETS[modelName].model, acc = ACCELERATOR_PRESETS[accName].config;
        // The UI asks for the timeline; sweeps do not. Time what each caller gets.
        const options = resolveSimOptions({ costModel, mode, timeline: true });
        const key = `${costModel}/${modelName}/${accName}/${mode}`;
        if (!selected(key)) continue;
        try {
          perPair[key] = timeMedian(() => simulateResolved(model, acc, options), settings.batches);
        } catch (e) {
          perPair[key] = { error: `${(e as Error).name}: ${(e as Error).message}` };
        }
        const r = perPair[key];
        console.log(key.padEnd(52), timed(r) ? `${r.medianUs.toFixed(2)} µs` : r.error.slice(0, 60) + '…');
      }
    }
  }
}
out.perSimulation = perPair;

interface SweepResult {
  pairs: number;
  seed: string;
  repeats: number;
  medianPairsPerS: number;
  minPairsPerS: number;
  medianUsPerPair: number;
  capacityErrors: number;
}
const sweeps: Record<string, SweepResult> = {};
// The default of each cost model, and the elector model's `time` mapping objective (it tries
// every sub-batch: what its guarantee costs in speed).
const SWEEPS: { key: string; costModel: CostModel; mappingObjective?: MappingObjective }[] = [
  { key: 'reference', costModel: 'reference' },
  { key: 'elector', costModel: 'elector' },
  { key: 'elector-time', costModel: 'elector', mappingObjective: 'time' },
];
const sweepRng = createRng('bench-sweep');
const sweepPairs = Array.from({ length: settings.sweepPairs }, () => ({ model: randomModel(sweepRng), accelerator: randomAccelerator(sweepRng, 'transcode') }));
const chosenSweeps = SWEEPS.filter((w) => selected(`sweep/${w.key}`)).map((w) => ({
  ...w,
  options: resolveSimOptions({ costModel: w.costModel, timeline: false, ...(w.mappingObjective ? { mappingObjective: w.mappingObjective } : {}) }),
  rates: [] as number[],
  errors: 0,
}));
// Repetitions interleave the sweeps (one of each, then the next round), so a burst of load
// from the machine's other tenants slows all of them alike and their ratios hold. One untimed
// round first: the JIT compiles the hot loops during it (it ran 30–40 % slower than the next).
for (let rep = -settings.sweepWarmupRepeats; rep < settings.sweepRepeats; rep++) {
  for (const w of chosenSweeps) {
    w.errors = 0;
    const t0 = performance.now();
    for (const p of sweepPairs) {
      try {
        simulateResolved(p.model, p.accelerator, w.options);
      } catch {
        w.errors++;
      }
    }
    if (rep >= 0) w.rates.push(settings.sweepPairs / ((performance.now() - t0) / 1000));
  }
}
for (const { key, rates, errors } of chosenSweeps) {
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  sweeps[key] = {
    pairs: settings.sweepPairs,
    seed: 'bench-sweep',
    repeats: rates.length,
    medianPairsPerS: Math.round(median),
    minPairsPerS: Math.round(sorted[0]),
    medianUsPerPair: Number((1e6 / median).toFixed(2)),
    capacityErrors: errors,
  };
  console.log(
    `sweep ${key}: ${Math.round(median).toLocaleString('en-US')} pairs/s, ${(1e6 / median).toFixed(1)} µs/pair ` +
      `(median of ${rates.length}, after ${settings.sweepWarmupRepeats} untimed), ${errors} capacity errors`,
  );
}
/** Median over rounds of one sweep's rate over another's: robust to load that comes and goes. */
const roundRatio = (a: string, b: string): number | null => {
  const x = chosenSweeps.find((w) => w.key === a), y = chosenSweeps.find((w) => w.key === b);
  if (!x || !y) return null;
  const r = x.rates.map((v, i) => v / y.rates[i]).sort((p, q) => p - q);
  return Number(r[Math.floor(r.length / 2)].toFixed(3));
};
out.sweepThroughput = sweeps;
if (only !== undefined) process.exit(0);

const medianOf = (key: string): number | null => {
  const r = perPair[key];
  return r && timed(r) ? r.medianUs : null;
};
// Pairs the reference rejects (CapacityError) have no time; the worst is over the others.
const referenceMedians = Object.entries(perPair)
  .filter(([k, r]) => k.startsWith('reference/') && timed(r))
  .map(([, r]) => (r as Timing).medianUs);
const electorBertBase = ['elector/bert-base/acceltran-edge/training', 'elector/bert-base/acceltran-server/training'].map(medianOf);
const targets = {
  referencePerPairUs: {
    target: 20,
    worstMedianUs: referenceMedians.length > 0 ? Math.max(...referenceMedians) : null,
    pairsTimed: referenceMedians.length,
    pairsRejected: Object.keys(perPair).filter((k) => k.startsWith('reference/')).length - referenceMedians.length,
  },
  electorBertBaseTrainingMs: {
    target: 1,
    medianMs: electorBertBase.every((x) => x !== null) ? Math.max(...(electorBertBase as number[])) / 1000 : null,
  },
  referenceSweepPairsPerS: { target: 50_000, median: sweeps.reference.medianPairsPerS, medianUsPerPair: sweeps.reference.medianUsPerPair },
  electorSweepPairsPerS: { target: 20_000, floor: 9_000, median: sweeps.elector.medianPairsPerS, medianUsPerPair: sweeps.elector.medianUsPerPair },
  electorTimeObjectiveSweepPairsPerS: { median: sweeps['elector-time']?.medianPairsPerS ?? null, ratioToDefault: roundRatio('elector-time', 'elector') },
};
out.targets = targets;
// The previous run's figures (and, for a quick run, the last full run's), for comparison.
out.previous = before && !before.quick ? { date: before.date, targets: before.targets } : (before?.previous ?? null);
// The first-generation elector model's figures (issue 9 compares against them), carried forward.
out.baseline = before?.baseline ?? null;
console.log(JSON.stringify(targets, null, 2));
writeFileSync(resultsUrl, JSON.stringify(out, null, 2) + '\n');
console.log('wrote bench/results.json');
