/** `codesign`: search transformer–accelerator pairs for the best weighted performance (docs/codesign.md §6). */
import { parseArgs } from 'node:util';
import { randomSearch } from '../core/codesign/baselines/randomSearch.ts';
import { evolutionSearch, EVOLUTION_DEFAULTS } from '../core/codesign/baselines/evolution.ts';
import { BASELINE_NAME, evaluateBaseline, ratiosAgainst } from '../core/codesign/baseline.ts';
import { PAPER_HEADLINE, reachesHeadline } from '../core/codesign/headline.ts';
import { accuracyFloorOf } from '../core/codesign/accuracyFloor.ts';
import { DEFAULT_OBJECTIVE, REFERENCE_OBJECTIVE, validateObjective, type CodesignObjective } from '../core/codesign/objective.ts';
import { importedPredictor } from '../core/codesign/predictors/imported.ts';
import type { Predictor } from '../core/codesign/predictors/predictor.ts';
import { publishedPredictor } from '../core/codesign/predictors/published.ts';
import { bundledMeasuredPredictor, fileMeasuredPredictor } from '../state/codesign/measuredRuns.ts';
import type { SearchFunction, SearchOptions } from '../core/codesign/search.ts';
import type { Evaluation } from '../core/codesign/types.ts';
import { ValidationError } from '../core/space/issues.ts';
import { seedToUint32 } from '../core/rng.ts';
import { loadAcceleratorArg, loadModelArg } from './designs.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { parseCostModel } from './options.ts';

/** The algorithms `--algorithm` accepts: adding one is one entry here. */
export const ALGORITHMS: Record<string, { about: string; run: SearchFunction }> = {
  random: { about: 'random search: a fresh random pair every query', run: randomSearch },
  evolution: {
    about: `regularised evolution: population ${EVOLUTION_DEFAULTS.population}, tournament of ${EVOLUTION_DEFAULTS.sampleSize}, one-entry mutations`,
    run: evolutionSearch,
  },
  boshcode: {
    about: 'surrogate-guided search (teacher/student/NPN networks, GOBI, upper-confidence acquisition; docs/boshcode.md)',
    // Imported on use: the surrogates pull in TensorFlow.js.
    run: async (...args) => (await import('../core/codesign/boshcode/boshcode.ts')).boshcodeSearch(...args),
  },
};

export const CODESIGN_HELP = `usage: transcode codesign [options]

Searches (transformer, accelerator) pairs for the best weighted performance of
predicted accuracy, latency, dynamic and leakage energy and area, and compares the
best pair with ${BASELINE_NAME}.

  --algorithm NAME            ${Object.keys(ALGORITHMS).join(' | ')} (default random)
${Object.entries(ALGORITHMS).map(([k, a]) => `                                ${k}: ${a.about}`).join('\n')}
  --budget N                  simulator queries (default 300)
  --seed S                    integer or text (default 1); the same seed repeats the search
  --mode M                    inference | training | both (default inference)
  --training-share X          with --mode both: weight of training, in [0, 1] (default 0.5)
  --cost-model C              elector | reference (default elector; --objective reference: reference)
  --objective O               default | reference (the reference's objective: no area term, its
                              normalisation, cost model and mode unless given)
  --weights A,L,D,K,R         accuracy, latency, dynamic energy, leakage energy, area
                              (default 0.5,0.1,0.2,0.1,0.1)
  --accuracy-floor F          baseline (no lower predicted accuracy than the baseline pair) | a score
                              on the predictor's scale, e.g. 0.75; pairs below it rank below all above it
  --predictor P               published | imported:FILE (FlexiBERT 2.0 dataset JSON, JSON rows or CSV)
                              | measured (the project's DynaProp lab runs, npm run measure:lab)
                              | measured:FILE (a DynaProp lab export JSON)
  --fix-accelerator A         search transformers only, on a preset (acceltran-edge, acceltran-server),
                              a config .json or a 12-number embedding "[1,16,16,64,16,16,4,4,4,8,1,8]"
  --fix-model M               search accelerators only, for a preset (bert-tiny … bert-base) or a .json dict
  --json                      print the result as JSON
`;

const FLAGS = {
  algorithm: { type: 'string' }, budget: { type: 'string' }, seed: { type: 'string' }, mode: { type: 'string' },
  'training-share': { type: 'string' }, 'cost-model': { type: 'string' }, objective: { type: 'string' }, weights: { type: 'string' },
  'accuracy-floor': { type: 'string' }, predictor: { type: 'string' }, 'fix-accelerator': { type: 'string' }, 'fix-model': { type: 'string' },
  json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

const FLAG_OF: Record<string, string> = { budget: '--budget', seed: '--seed', fixedModel: '--fix-model', fixedAccelerator: '--fix-accelerator' };

export async function codesignCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: v } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  if (v.help) { io.stdout(CODESIGN_HELP); return EXIT.ok; }
  const name = v.algorithm ?? 'random';
  if (!Object.hasOwn(ALGORITHMS, name)) throw new UsageError(`--algorithm: "${name}" must be one of ${Object.keys(ALGORITHMS).join(', ')}`);
  const budget = v.budget === undefined ? 300 : /^\s*\d+\s*$/.test(v.budget) ? Number(v.budget) : NaN;
  if (!(Number.isInteger(budget) && budget >= 1)) throw new UsageError(`--budget: "${v.budget}" must be a whole number ≥ 1`);
  const seed = v.seed === undefined ? 1 : /^-?\d+$/.test(v.seed.trim()) ? Number(v.seed) : seedToUint32(v.seed);
  const settings = objectiveFromFlags(v);
  const predictor = predictorFromFlag(v.predictor ?? 'published', io);
  const options: SearchOptions = { budget, seed };
  if (v['fix-accelerator'] !== undefined) options.fixedAccelerator = renamed(() => loadAcceleratorArg(v['fix-accelerator']!, io), '--accelerator', '--fix-accelerator');
  if (v['fix-model'] !== undefined) options.fixedModel = renamed(() => loadModelArg(v['fix-model']!, io), '--model', '--fix-model');
  let lastShown = 0;
  if (!v.json) {
    options.onProgress = (p) => {
      if (p.query === p.budget || performance.now() - lastShown > 250) {
        lastShown = performance.now();
        io.stderr(`\rquery ${p.query}/${p.budget}  best ${p.bestSoFar.performance.toFixed(4)}   `);
      }
    };
  }
  if (name === 'boshcode') {
    // The surrogates run on TensorFlow.js: loaded only for the algorithm that needs it.
    const tf = await import('../core/dynaprop/tf.ts');
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
  }
  let result;
  try {
    result = await ALGORITHMS[name].run(settings, predictor, options);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new UsageError(e.issues.map((i) => { const [head, ...rest] = i.path.split('.'); return `${FLAG_OF[head] ?? head}${rest.length ? ` (${rest.join('.')})` : ''}: ${i.message}`; }).join('\n'));
    }
    throw e;
  }
  if (!v.json) io.stderr('\n');
  const baseline = evaluateBaseline(settings, predictor);
  const report = {
    algorithm: name,
    seed,
    budget,
    objective: settings,
    predictor: { id: predictor.id, about: predictor.describe() },
    best: pairReport(result.best),
    baseline: { name: BASELINE_NAME, ...pairReport(baseline) },
    ratios: ratiosAgainst(result.best, baseline),
    headline: { ...PAPER_HEADLINE, reached: reachesHeadline(ratiosAgainst(result.best, baseline)) },
    constraint: floorReport(settings, predictor, result.best),
    history: result.history.map((h) => ({ query: h.query, performance: h.performance, bestSoFar: h.bestSoFar })),
    seconds: result.seconds,
  };
  io.stdout(v.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return result.best.metrics ? EXIT.ok : EXIT.failed;
}

function objectiveFromFlags(v: { mode?: string; 'training-share'?: string; 'cost-model'?: string; objective?: string; weights?: string; 'accuracy-floor'?: string }): CodesignObjective {
  const objective = v.objective ?? 'default';
  if (objective !== 'default' && objective !== 'reference') throw new UsageError(`--objective: "${objective}" must be default or reference`);
  const s: Record<string, unknown> = { ...(objective === 'reference' ? REFERENCE_OBJECTIVE : DEFAULT_OBJECTIVE) };
  if (v.mode !== undefined) {
    if (!['inference', 'training', 'both'].includes(v.mode)) throw new UsageError(`--mode: "${v.mode}" must be inference, training or both`);
    s.mode = v.mode;
  }
  if (v['training-share'] !== undefined) s.trainingShare = Number(v['training-share']);
  if (v['cost-model'] !== undefined) s.costModel = parseCostModel(v['cost-model'], '--cost-model');
  if (v.weights !== undefined) {
    const w = v.weights.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
    if (w.length !== 5) throw new UsageError(`--weights: "${v.weights}" must be five numbers: accuracy,latency,dynamic,leakage,area`);
    s.weights = { accuracy: w[0], latency: w[1], dynamicEnergy: w[2], leakageEnergy: w[3], area: w[4] };
  }
  const floor = v['accuracy-floor'];
  // Not a number: left as text, for validation to quote as typed.
  if (floor !== undefined) s.accuracyFloor = floor.trim() !== '' && Number.isFinite(Number(floor)) ? Number(floor) : floor;
  try {
    return validateObjective(s);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const flag: Record<string, string> = { mode: '--mode', trainingShare: '--training-share', costModel: '--cost-model', accuracyFloor: '--accuracy-floor' };
    throw new UsageError(e.issues.map((i) => `${i.path.startsWith('weights') ? `--weights (${i.path})` : (flag[i.path] ?? i.path)}: ${i.message}`).join('\n'));
  }
}

function predictorFromFlag(arg: string, io: CliIo): Predictor {
  if (arg === 'published') return publishedPredictor();
  if (arg === 'measured') return fitted(arg, () => bundledMeasuredPredictor());
  const kind = ['imported', 'measured'].find((k) => arg.startsWith(`${k}:`) && arg.length > k.length + 1);
  if (!kind) throw new UsageError(`--predictor: "${arg}" must be published, measured, measured:FILE or imported:FILE`);
  const file = arg.slice(kind.length + 1);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new UsageError(`--predictor: cannot read ${file}: ${(e as Error).message}`);
  }
  return fitted(file, () => (kind === 'imported' ? importedPredictor(text, file).predictor : fileMeasuredPredictor(text, file)));
}

/** A predictor's own refusal (a field of the file, missing runs) as a usage error naming the flag. */
function fitted(what: string, fit: () => Predictor): Predictor {
  try {
    return fit();
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(`--predictor ${what}: ${e.message}`);
    throw e;
  }
}

/** Runs a designs.ts loader, naming this command's flag in its messages. */
function renamed<T>(load: () => T, from: string, to: string): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(e.message.replaceAll(from, to));
    throw e;
  }
}

function pairReport(e: Evaluation) {
  return {
    model: e.candidate.model,
    accelerator: e.candidate.accelerator,
    metrics: e.metrics,
    ...(e.error ? { error: e.error } : {}),
    predictedAccuracy: e.accuracy,
    performance: e.performance,
  };
}

/** The accuracy floor resolved to a score, and whether the best pair meets it (null without a floor). */
function floorReport(settings: CodesignObjective, predictor: Predictor, best: Evaluation): { accuracyFloor: number; met: boolean } | null {
  const floor = accuracyFloorOf(settings, predictor);
  return floor === null ? null : { accuracyFloor: floor, met: best.accuracy.mean >= floor };
}

type Report = {
  algorithm: string; seed: number; budget: number; seconds: number;
  best: ReturnType<typeof pairReport>; baseline: ReturnType<typeof pairReport> & { name: string };
  ratios: ReturnType<typeof ratiosAgainst>; predictor: { id: string; about: string };
  headline: { latency: number; energy: number; reached: boolean };
  constraint: ReturnType<typeof floorReport>;
};

function formatReport(r: Report): string {
  const x = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);
  const pair = (p: Report['best']) => {
    const m = p.model, a = p.accelerator;
    const metrics = p.metrics
      ? `${(p.metrics.latencyS * 1e3).toPrecision(3)} ms, ${((p.metrics.dynamicEnergyJ + p.metrics.leakageEnergyJ) * 1e3).toPrecision(3)} mJ/seq, ${p.metrics.areaMm2.toFixed(0)} mm²`
      : `simulation failed: ${p.error}`;
    const hidden = m.h.every((h) => h === m.h[0]) ? `${m.h[0]}` : m.h.join('/');
    return `${m.l} layers, hidden ${hidden}; ${a.pe} PEs × ${a.lanesPerPe} lanes, batch ${a.batchSize}, ${a.mainMemory.type}\n` +
      `    ${metrics}; predicted accuracy ${(100 * p.predictedAccuracy.mean).toFixed(1)} ± ${(100 * p.predictedAccuracy.std).toFixed(1)}; performance ${p.performance.toFixed(4)}`;
  };
  return [
    `${r.algorithm}, seed ${r.seed}, ${r.budget} queries in ${r.seconds.toFixed(1)} s`,
    `best:     ${pair(r.best)}`,
    `baseline: ${r.baseline.name}: ${pair(r.baseline)}`,
    `vs baseline: ${x(r.ratios.latency)} lower latency, ${x(r.ratios.energy)} lower energy, ${x(r.ratios.area)} smaller area, ` +
      `accuracy ${r.ratios.accuracyDelta >= 0 ? '+' : ''}${(100 * r.ratios.accuracyDelta).toFixed(1)} points`,
    `paper's headline (≥ ${r.headline.latency}× lower latency, ≥ ${r.headline.energy}× lower energy, no lower accuracy): ${r.headline.reached ? 'reached' : 'not reached'}`,
    ...(r.constraint ? [`accuracy floor ${(100 * r.constraint.accuracyFloor).toFixed(1)}: ${r.constraint.met ? 'met' : 'not met by any queried pair'}`] : []),
    `predictor: ${r.predictor.about}`,
    '',
  ].join('\n');
}
