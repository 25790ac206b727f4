/** `dynaprop`: train a model on a bundled dataset with DynaProp pruning, report accuracy and achieved sparsity. */
import { parseArgs } from 'node:util';
import * as tf from '../core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { DATASET_IDS, DYNAPROP_LIMITS, defaultRunConfig, type DynaPropRunConfig } from '../core/dynaprop/config.ts';
import { validateRunConfig, ConfigError } from '../core/dynaprop/validateConfig.ts';
import { runDynaProp, type DynaPropResult } from '../core/dynaprop/run.ts';
import { loadDatasetFromDisk } from '../core/dynaprop/data/loadNode.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelArg } from './designs.ts';

const L = DYNAPROP_LIMITS;

export const DYNAPROP_HELP = `usage: transcode dynaprop --dataset names|spam [options]

Trains a FlexiBERT 2.0 classifier with DynaProp: activations with |x| ≤ τ_I and
gradients with |δ| ≤ τ_T are zeroed at run time; τ comes from lookup tables
profiled on the model for the wanted sparsity.

  --dataset NAME                       ${DATASET_IDS.join(' or ')} (bundled under public/data)
  --model NAME|FILE                    a preset (default bert-tiny) or a model dict {l,o,h,f} in JSON
  --target-activation-sparsity X       wanted activation sparsity in [0, 1) (default: no forward pruning)
  --target-gradient-sparsity Y         wanted gradient sparsity in [0, 1) (default: no backward pruning)
  --gradient-mode MODE                 delta (default: prune δ, the paper), param (prune parameter gradients
                                       after clipping, the reference code) or both
  --threshold-scope global|perOpType   one τ for every site (the reference code), or one τ per op type, each
                                       reaching the target on its own sites (default ${defaultRunConfig().thresholdScope})
  --steps N                            optimizer steps (default ${L.steps.default})
  --batch-size B                       sequences per step (default ${L.batchSize.default})
  --seq-len T                          tokens per sequence incl. CLS (default: names 16, spam 64)
  --learning-rate LR                   peak learning rate (default ${L.learningRate.default})
  --seed S                             seed of the weights, batches and dropout (default ${L.seed.default})
  --backend cpu|wasm                   tfjs backend (default wasm; cpu is deterministic and slow)
  --baseline                           also train the same model unpruned and report its accuracy
  --json                               print the result as JSON
`;

const FLAGS = {
  dataset: { type: 'string' }, model: { type: 'string' },
  'target-activation-sparsity': { type: 'string' }, 'target-gradient-sparsity': { type: 'string' },
  'gradient-mode': { type: 'string' }, 'threshold-scope': { type: 'string' }, steps: { type: 'string' }, 'batch-size': { type: 'string' },
  'seq-len': { type: 'string' }, 'learning-rate': { type: 'string' }, seed: { type: 'string' },
  backend: { type: 'string' }, baseline: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag}: expected a number, got "${v}"`);
  return n;
}

export async function dynapropCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true });
  if (values.help) { io.stdout(DYNAPROP_HELP); return EXIT.ok; }
  if (!values.dataset) throw new UsageError('--dataset is required (names or spam)');
  const backend = values.backend ?? 'wasm';
  if (backend !== 'cpu' && backend !== 'wasm') throw new UsageError(`--backend: expected cpu or wasm, got "${backend}"`);
  let config: DynaPropRunConfig;
  try {
    const raw: Record<string, unknown> = { ...defaultRunConfig(DATASET_IDS.includes(values.dataset as never) ? (values.dataset as 'names') : 'names'), dataset: values.dataset };
    if (values.model) raw.model = loadModelArg(values.model, io);
    const set = (key: string, v: number | undefined) => { if (v !== undefined) raw[key] = v; };
    set('targetActivationSparsity', num(values['target-activation-sparsity'], 'target-activation-sparsity'));
    set('targetGradientSparsity', num(values['target-gradient-sparsity'], 'target-gradient-sparsity'));
    set('steps', num(values.steps, 'steps'));
    set('batchSize', num(values['batch-size'], 'batch-size'));
    set('seqLen', num(values['seq-len'], 'seq-len'));
    set('learningRate', num(values['learning-rate'], 'learning-rate'));
    set('seed', num(values.seed, 'seed'));
    if (values['gradient-mode']) raw.gradientMode = values['gradient-mode'];
    if (values['threshold-scope']) raw.thresholdScope = values['threshold-scope'];
    config = validateRunConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  await tf.setBackend(backend);
  await tf.ready();
  const data = loadDatasetFromDisk(config.dataset);
  const progress = values.json ? undefined : (p: { step: number; steps: number; loss: number }) =>
    io.stderr(`\rstep ${p.step}/${p.steps}  loss ${p.loss.toFixed(4)}   `);
  const result = await runDynaProp(config, data, { onProgress: progress });
  if (!values.json) io.stderr('\n');
  let baseline: DynaPropResult | undefined;
  if (values.baseline) baseline = await runDynaProp({ ...config, targetActivationSparsity: null, targetGradientSparsity: null }, data);
  const report = cliReport(result, baseline);
  io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return EXIT.ok;
}

/** The issue's output shape: achieved sparsity is the held-out measurement. */
export function cliReport(r: DynaPropResult, baseline?: DynaPropResult) {
  const h = r.heldOut;
  return {
    accuracy: r.accuracy,
    loss: r.loss,
    ...(baseline ? { baseline: { accuracy: baseline.accuracy } } : {}),
    achieved: {
      activation: h.activation.all,
      activationRealTokens: h.activation.real,
      gradient: h.gradient.all ?? r.training.paramGradient.all,
      parameterGradient: r.training.paramGradient.all,
      weight: r.weightSparsity,
      perOpType: Object.fromEntries(Object.entries(h.perOpType).map(([k, v]) => [k, { activation: v!.activation.all, gradient: v!.gradient.all }])),
      perSite: h.perSite,
    },
    targets: { activation: r.config.targetActivationSparsity, gradient: r.config.targetGradientSparsity },
    thresholds: { tauI: r.thresholds.tauI, tauT: r.thresholds.tauT || r.thresholds.tauParam },
    backend: r.backend,
    tfjsVersion: r.tfjsVersion,
    seed: r.config.seed,
    steps: r.steps,
    seconds: r.seconds,
  };
}

function formatReport(r: ReturnType<typeof cliReport>): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)} %`);
  return [
    `test accuracy        ${pct(r.accuracy)}${r.baseline ? `   (unpruned: ${pct(r.baseline.accuracy)})` : ''}`,
    `activation sparsity  ${pct(r.achieved.activation)} held out (target ${pct(r.targets.activation)}, τ_I = ${r.thresholds.tauI.toPrecision(3)})`,
    `gradient sparsity    ${pct(r.achieved.gradient)} held out (target ${pct(r.targets.gradient)}, τ_T = ${r.thresholds.tauT.toPrecision(3)})`,
    `backend ${r.backend}, tfjs ${r.tfjsVersion}, seed ${r.seed}, ${r.steps} steps in ${r.seconds.toFixed(1)} s`,
    '',
  ].join('\n');
}
