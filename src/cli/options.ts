/** Flags shared by `simulate` and `sweep`, parsed into `SimOptions`. */
import { RUN_SETTING_LIMITS, type CostModel, type SimMode, type SimOptions } from '../core/elector/types.ts';
import { REFERENCE_SEQ_LEN } from '../core/share/runSettings.ts';
import { UsageError } from './io.ts';

export const SIM_FLAGS = {
  mode: { type: 'string' },
  'cost-model': { type: 'string' },
  sparsity: { type: 'string' },
  clock: { type: 'string' },
  timeline: { type: 'boolean' },
  constants: { type: 'string' },
  'seq-len': { type: 'string' },
  'accumulation-steps': { type: 'string' },
  'mlm-head': { type: 'boolean' },
  // Node 20's parseArgs has no allowNegative: the negation is a flag of its own.
  'no-power-gating': { type: 'boolean' },
} as const;

const L = RUN_SETTING_LIMITS;

/** The run-settings lines of the simulate and sweep help (limits and defaults from the core). */
export const RUN_SETTINGS_HELP = `  --seq-len N              tokens per sequence, ${L.seqLen.min}–${L.seqLen.max} (default ${L.seqLen.default}; the reference cost model runs ${REFERENCE_SEQ_LEN} only)
  --accumulation-steps N   training: micro-batches of the accelerator's batch size summed before one optimizer step,
                           ${L.accumulationSteps.min}–${L.accumulationSteps.max} (default ${L.accumulationSteps.default}); global batch = N × batch size
  --mlm-head               add BERT's masked-language-model head (elector model)
  --no-power-gating        turn power gating off: idle compute units leak in full (elector model; on by default)`;

export interface SimFlagValues {
  mode?: string;
  'cost-model'?: string;
  sparsity?: string;
  clock?: string;
  timeline?: boolean;
  constants?: string;
  'seq-len'?: string;
  'accumulation-steps'?: string;
  'mlm-head'?: boolean;
  'no-power-gating'?: boolean;
}

/** `readJson` reads the --constants file; injected so tests need no files. */
export function simOptionsFromFlags(v: SimFlagValues, readJson?: (path: string, flag: string) => unknown): SimOptions {
  const options: SimOptions = { timeline: v.timeline ?? false };
  if (v.constants !== undefined) {
    if (!readJson) throw new UsageError('--constants is not available here');
    const c = readJson(v.constants, '--constants');
    if (typeof c !== 'object' || c === null || Array.isArray(c) || Object.keys(c).some((k) => k !== 'reference' && k !== 'elector')) {
      throw new UsageError('--constants: expected {"reference"?: {...}, "elector"?: {...}} overriding entries of the constants tables');
    }
    const { reference, elector } = c as { reference?: object; elector?: object };
    if (reference) options.referenceConstants = reference;
    if (elector) options.electorConstants = elector;
  }
  if (v.mode !== undefined) options.mode = parseMode(v.mode, '--mode');
  if (v['cost-model'] !== undefined) options.costModel = parseCostModel(v['cost-model'], '--cost-model');
  if (v.clock !== undefined) {
    const mhz = Number(v.clock);
    if (!(mhz > 0 && Number.isFinite(mhz))) throw new UsageError(`--clock: "${v.clock}" must be a positive number of MHz`);
    options.clockMHz = mhz;
  }
  if (v.sparsity !== undefined) {
    const parts = v.sparsity.split(',').map((s) => Number(s.trim()));
    if (parts.length !== 3 || parts.some((s) => !(s >= 0 && s < 1))) {
      throw new UsageError(`--sparsity: "${v.sparsity}" must be three numbers in [0, 1): activation,weight,gradient (e.g. 0.5,0.5,0.9)`);
    }
    options.sparsity = { activation: parts[0], weight: parts[1], gradient: parts[2] };
  }
  if (v['seq-len'] !== undefined) {
    options.seqLen = parseIntegerIn(v['seq-len'], '--seq-len', L.seqLen);
    if (options.costModel === 'reference' && options.seqLen !== REFERENCE_SEQ_LEN) {
      throw new UsageError(`--seq-len: the reference cost model runs ${REFERENCE_SEQ_LEN} tokens only (got ${options.seqLen}); drop --seq-len or use --cost-model elector`);
    }
  }
  if (v['accumulation-steps'] !== undefined) options.accumulationSteps = parseIntegerIn(v['accumulation-steps'], '--accumulation-steps', L.accumulationSteps);
  if (v['mlm-head']) options.mlmHead = true;
  if (v['no-power-gating']) options.powerGating = false;
  return options;
}

function parseIntegerIn(text: string, flag: string, range: { min: number; max: number }): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isInteger(n) && n >= range.min && n <= range.max)) {
    throw new UsageError(`${flag}: "${text}" must be a whole number from ${range.min} to ${range.max}`);
  }
  return n;
}

export function parseMode(value: unknown, where: string): SimMode {
  if (value === 'inference' || value === 'training') return value;
  throw new UsageError(`${where}: "${String(value)}" must be inference or training`);
}

export function parseCostModel(value: unknown, where: string): CostModel {
  if (value === 'elector' || value === 'reference') return value;
  throw new UsageError(`${where}: "${String(value)}" must be elector or reference`);
}
