/**
 * `npm run bench:codesign`: co-design figures, written to bench/codesign-results.json.
 * 1. Compare algorithms: BOSHCODE, regularised evolution and random search over 5 seeds at a
 *    budget of 300 simulator queries (default objective, published predictor, elector model,
 *    inference): median and spread of the best performance.
 * 2. The headline check: among every pair the searches queried, those at no lower predicted
 *    accuracy than BERT-Base on AccelTran-Server, and how far their latency and energy ratios go
 *    (the paper reports 5.2× and 3.0×).
 * 3. Speed: seconds for 100 BOSHCODE iterations (Node, wasm backend).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '../src/core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { boshcodeSearch, makeBoshcode, BOSHCODE_DEFAULTS } from '../src/core/codesign/boshcode/boshcode.ts';
import { randomSearch } from '../src/core/codesign/baselines/randomSearch.ts';
import { evolutionSearch } from '../src/core/codesign/baselines/evolution.ts';
import { compareAlgorithms } from '../src/core/codesign/compare.ts';
import { DEFAULT_OBJECTIVE } from '../src/core/codesign/objective.ts';
import { publishedPredictor } from '../src/core/codesign/predictors/published.ts';
import { evaluateBaseline, ratiosAgainst, BASELINE_NAME } from '../src/core/codesign/baseline.ts';
import { PAPER_HEADLINE, reachesHeadline } from '../src/core/codesign/headline.ts';
import type { Evaluation } from '../src/core/codesign/types.ts';

const quick = process.argv.includes('--quick');
const seeds = quick ? [1, 2] : [1, 2, 3, 4, 5];
const budget = quick ? 120 : 300;

async function main() {
  await tf.setBackend('wasm');
  const predictor = publishedPredictor();
  const settings = DEFAULT_OBJECTIVE;
  const all: Evaluation[] = [];
  const keep = (o: { onProgress?: unknown }) => ({ ...o, onProgress: (p: { evaluation: Evaluation }) => all.push(p.evaluation) });
  const summaries = await compareAlgorithms({ boshcode: boshcodeSearch, evolution: evolutionSearch, random: randomSearch }, settings, predictor, {
    budget, seeds, ...keep({}), onRun: (a, s, d, t) => console.error(`${a} seed ${s} (${d}/${t})`),
  });
  const baseline = evaluateBaseline(settings, predictor);
  const atLeastAsAccurate = all.filter((e) => e.metrics && e.accuracy.mean >= baseline.accuracy.mean).map((e) => ({ e, r: ratiosAgainst(e, baseline) }));
  const meets = atLeastAsAccurate.filter(({ r }) => reachesHeadline(r));
  const best = (key: 'latency' | 'energy') => atLeastAsAccurate.reduce((m, x) => Math.max(m, x.r[key] ?? 0), 0);
  const balanced = atLeastAsAccurate.reduce<{ score: number; r: ReturnType<typeof ratiosAgainst> } | null>((m, { r }) => {
    const score = Math.min((r.latency ?? 0) / PAPER_HEADLINE.latency, (r.energy ?? 0) / PAPER_HEADLINE.energy);
    return !m || score > m.score ? { score, r } : m;
  }, null);

  // 100 iterations: no patience stop; 4 queries per iteration after the initial pairs.
  const t0 = performance.now();
  const iterations = quick ? 20 : 100;
  await makeBoshcode({ patience: Infinity })(settings, predictor, { budget: BOSHCODE_DEFAULTS.initialSamples + iterations * BOSHCODE_DEFAULTS.queriesPerIteration, seed: 1 });
  const seconds100 = (performance.now() - t0) / 1000;

  const out = {
    date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, backend: tf.getBackend(), tfjs: tf.version_core, quick,
    settings: { budget, seeds, objective: 'default (weights 0.5/0.1/0.2/0.1/0.1)', predictor: 'published', costModel: settings.costModel, mode: settings.mode },
    compare: summaries.map(({ medianCurve, ...s }) => ({ ...s, curveEvery25: medianCurve.filter((_, i) => (i + 1) % 25 === 0) })),
    boshcodeBeatsRandom: summaries[0].median > summaries[2].median,
    headline: {
      baseline: BASELINE_NAME, baselineAccuracy: baseline.accuracy.mean, queried: all.length, atLeastAsAccurate: atLeastAsAccurate.length,
      meetingPaper: meets.length, bestLatencyRatio: best('latency'), bestEnergyRatio: best('energy'), bestBalanced: balanced?.r ?? null,
    },
    boshcode100Iterations: { iterations, seconds: +seconds100.toFixed(1), target: '≤ 60 s in the browser worker (this figure: Node, same wasm backend)' },
  };
  writeFileSync(new URL('./codesign-results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify(out, null, 2));
}
main();
