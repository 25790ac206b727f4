/**
 * `npm run bench:headline-search`: does the search's *best pair* reach the TransCODE headline
 * (≥ 5.2× lower latency, ≥ 3.0× lower energy than BERT-Base on AccelTran-Server, at no lower
 * predicted accuracy)? Regularised evolution and BOSHCODE, 5 seeds, 300 queries each, published
 * predictor, `elector`, in three set-ups:
 * - `training-hardware`: training scored, the transformer fixed at BERT-Base (accelerator search),
 *   the reference's objective terms (area weight 0);
 * - `training-joint`: training, both halves searched, the same weights;
 * - `inference-joint`: the panel's defaults (inference, area weight 0.1);
 * - `training-joint-floor`: training, both halves searched, accuracy as a constraint (no lower
 *   than the baseline's) instead of a weighted term: the paper's hardware weights, area 0.
 * `--only=<set-up>` runs one set-up and merges it into the existing results file.
 * Writes bench/headline-search-results.json (docs/codesign.md, "The headline").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '../src/core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { boshcodeSearch } from '../src/core/codesign/boshcode/boshcode.ts';
import { evolutionSearch } from '../src/core/codesign/baselines/evolution.ts';
import { DEFAULT_OBJECTIVE, DEFAULT_WEIGHTS, type CodesignObjective } from '../src/core/codesign/objective.ts';
import { publishedPredictor } from '../src/core/codesign/predictors/published.ts';
import { evaluateBaseline, ratiosAgainst, BASELINE_NAME } from '../src/core/codesign/baseline.ts';
import { reachesHeadline } from '../src/core/codesign/headline.ts';
import { MODEL_PRESETS } from '../src/core/space/transformer/presets.ts';
import type { SearchFunction } from '../src/core/codesign/search.ts';

const quick = process.argv.includes('--quick');
const seeds = quick ? [1] : [1, 2, 3, 4, 5];
const budget = quick ? 100 : 300;
const NO_AREA = { ...DEFAULT_WEIGHTS, area: 0 };
const HEADLINE_WEIGHTS = { ...NO_AREA, accuracy: 0 };
const SETUPS: { name: string; settings: CodesignObjective; fixedModel?: unknown }[] = [
  { name: 'training-hardware', settings: { ...DEFAULT_OBJECTIVE, mode: 'training', weights: NO_AREA }, fixedModel: MODEL_PRESETS['bert-base'].model },
  { name: 'training-joint', settings: { ...DEFAULT_OBJECTIVE, mode: 'training', weights: NO_AREA } },
  { name: 'inference-joint', settings: DEFAULT_OBJECTIVE },
  { name: 'training-joint-floor', settings: { ...DEFAULT_OBJECTIVE, mode: 'training', weights: HEADLINE_WEIGHTS, accuracyFloor: 'baseline' } },
];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const setups = only === undefined ? SETUPS : SETUPS.filter((s) => s.name === only);
if (setups.length === 0) throw new Error(`--only: no set-up "${only}" (${SETUPS.map((s) => s.name).join(', ')})`);
const ALGORITHMS: Record<string, SearchFunction> = { evolution: evolutionSearch, boshcode: boshcodeSearch };
const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

async function main() {
  await tf.setBackend('wasm');
  const predictor = publishedPredictor();
  const results: { setup: string; algorithm: string; seed: number; latencyRatio: number | null; energyRatio: number | null; areaRatio: number | null; accuracyDeltaPoints: number | null; reached: boolean; seconds: number | null }[] = [];
  for (const setup of setups) {
    const baseline = evaluateBaseline(setup.settings, predictor);
    for (const [algorithm, search] of Object.entries(ALGORITHMS)) {
      for (const seed of seeds) {
        console.error(`${setup.name} ${algorithm} seed ${seed}`);
        const r = await search(setup.settings, predictor, { budget, seed, ...(setup.fixedModel ? { fixedModel: setup.fixedModel } : {}) });
        const ratios = ratiosAgainst(r.best, baseline);
        const reached = reachesHeadline(ratios);
        results.push({ setup: setup.name, algorithm, seed, latencyRatio: round(ratios.latency), energyRatio: round(ratios.energy), areaRatio: round(ratios.area), accuracyDeltaPoints: round(100 * ratios.accuracyDelta, 2), reached, seconds: round(r.seconds, 1) });
      }
    }
  }
  const file = new URL('./headline-search-results.json', import.meta.url);
  if (only !== undefined && existsSync(file)) {
    const old = JSON.parse(readFileSync(file, 'utf8')) as { results: typeof results };
    results.unshift(...old.results.filter((r) => r.setup !== only));
  }
  const summary = SETUPS.filter((s) => results.some((r) => r.setup === s.name)).flatMap((s) => Object.keys(ALGORITHMS).map((a) => {
    const runs = results.filter((r) => r.setup === s.name && r.algorithm === a);
    return { setup: s.name, algorithm: a, reached: `${runs.filter((r) => r.reached).length} of ${runs.length} seeds` };
  }));
  const out = { date: new Date().toISOString(), baseline: BASELINE_NAME, predictor: 'published', costModel: 'elector', budget, seeds, backend: tf.getBackend(), tfjs: tf.version_core, summary, results };
  console.log(JSON.stringify(out, null, 2));
  if (!quick) writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
}
main();
