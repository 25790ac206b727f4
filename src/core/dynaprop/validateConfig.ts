/**
 * Checks a run configuration from a link, a file, the CLI or the panel, and names
 * the first bad field. Unknown fields are ignored; missing ones take their defaults.
 */
import { BACKENDS, DATASET_IDS, DYNAPROP_LIMITS, GRADIENT_MODES, defaultRunConfig, type DynaPropRunConfig } from './config.ts';
import { planLayers, ModelBuildError } from './model/layerPlan.ts';

export class ConfigError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

export { BACKENDS };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function validateRunConfig(input: unknown): DynaPropRunConfig {
  if (!isObject(input)) throw new ConfigError('config', 'expected an object');
  const dataset = input.dataset ?? 'names';
  if (!DATASET_IDS.includes(dataset as never)) throw new ConfigError('dataset', `unknown dataset ${JSON.stringify(dataset)} (choose ${DATASET_IDS.join(' or ')})`);
  const base = defaultRunConfig(dataset as DynaPropRunConfig['dataset']);
  const out: DynaPropRunConfig = { ...base };
  for (const key of Object.keys(DYNAPROP_LIMITS) as (keyof typeof DYNAPROP_LIMITS)[]) {
    const v = input[key];
    if (v === undefined) continue;
    const lim = DYNAPROP_LIMITS[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(key, `expected a number, got ${JSON.stringify(v)}`);
    if (v < lim.min || v > lim.max) throw new ConfigError(key, `${v} is outside [${lim.min}, ${lim.max}]`);
    const integer = key !== 'learningRate' && key !== 'warmupFraction' && key !== 'weightDecay' && key !== 'clipNorm' && key !== 'dropout';
    if (integer && !Number.isInteger(v)) throw new ConfigError(key, `expected an integer, got ${v}`);
    (out as unknown as Record<string, number>)[key] = v;
  }
  for (const key of ['targetActivationSparsity', 'targetGradientSparsity'] as const) {
    const v = input[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw new ConfigError(key, `a target sparsity must be a number in [0, 1), got ${JSON.stringify(v)}`);
    out[key] = v;
  }
  if (input.gradientMode !== undefined) {
    if (!GRADIENT_MODES.includes(input.gradientMode as never)) throw new ConfigError('gradientMode', `expected one of ${GRADIENT_MODES.join(', ')}`);
    out.gradientMode = input.gradientMode as DynaPropRunConfig['gradientMode'];
  }
  if (input.thresholdScope !== undefined) {
    if (input.thresholdScope !== 'global' && input.thresholdScope !== 'perOpType') throw new ConfigError('thresholdScope', 'expected "global" or "perOpType"');
    out.thresholdScope = input.thresholdScope;
  }
  if (input.model !== undefined) {
    try {
      planLayers(input.model);
    } catch (e) {
      if (e instanceof ModelBuildError) throw new ConfigError(e.path ? `model.${e.path}` : 'model', e.message.replace(/^model(\.[^:]*)?: /, ''));
      throw e;
    }
    out.model = input.model as DynaPropRunConfig['model'];
  }
  return out;
}
