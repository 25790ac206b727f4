/** Flags shared by `simulate` and `sweep`, parsed into `SimOptions`. */
import { MAPPING_OBJECTIVES, RUN_SETTING_LIMITS, type CostModel, type MappingObjective, type SimMode, type SimOptions } from '../core/elector/types.ts';
import { REFERENCE_SEQ_LEN } from '../core/share/runSettings.ts';
import { validateConstantsOverride, type ConstantsOverride } from '../core/elector/constants/validate.ts';
import { formatIssues } from '../core/space/issues.ts';
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
  mapping: { type: 'string' },
} as const;

const L = RUN_SETTING_LIMITS;

/** The run-settings lines of the simulate and sweep help (limits and defaults from the core). */
export const RUN_SETTINGS_HELP = `  --seq-len N              tokens per sequence, ${L.seqLen.min}–${L.seqLen.max} (default ${L.seqLen.default}; the reference cost model runs ${REFERENCE_SEQ_LEN} only)
  --accumulation-steps N   training: micro-batches of the accelerator's batch size summed before one optimizer step,
                           ${L.accumulationSteps.min}–${L.accumulationSteps.max} (default ${L.accumulationSteps.default}); global batch = N × batch size
  --mlm-head               add BERT's masked-language-model head (elector model)
  --no-power-gating        turn power gating off: idle compute units leak in full (elector model; on by default)
  --mapping OBJECTIVE      what the mapper optimises when it cuts the batch into passes (elector model):
                           balanced (default: the fastest within a small energy allowance), time (the fastest;
                           every sub-batch tried) or energy (the fastest that spends no more energy per sequence
                           than half-size passes)`;

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
  mapping?: string;
}

/** `readJson` reads the --constants file; injected so tests need no files. */
export function simOptionsFromFlags(v: SimFlagValues, readJson?: (path: string, flag: string) => unknown): SimOptions {
  const options: SimOptions = { timeline: v.timeline ?? false };
  if (v.mode !== undefined) options.mode = parseMode(v.mode, '--mode');
  if (v['cost-model'] !== undefined) options.costModel = parseCostModel(v['cost-model'], '--cost-model');
  // After --cost-model: an entry the chosen model does not read is refused, not silently dropped.
  if (v.constants !== undefined) {
    if (!readJson) throw new UsageError('--constants is not available here');
    const c = checkConstants(readJson(v.constants, '--constants'), options.costModel ?? 'elector', `--constants ${v.constants}`);
    if (c.reference) options.referenceConstants = c.reference;
    if (c.elector) options.electorConstants = c.elector;
  }
  if (v.clock !== undefined) options.clockMHz = parseClock(v.clock);
  if (v.sparsity !== undefined) {
    const parts = v.sparsity.split(',').map((s) => Number(s.trim()));
    if (parts.length !== 3 || parts.some((s) => !(s >= 0 && s < 1))) {
      throw new UsageError(`--sparsity: "${v.sparsity}" must be three numbers in [0, 1): activation,weight,gradient (e.g. 0.5,0.5,0.9)`);
    }
    options.sparsity = { activation: parts[0], weight: parts[1], gradient: parts[2] };
    // reference.sparsity is only the default that --sparsity replaces.
    if (options.referenceConstants?.sparsity) throw new UsageError('--constants: reference.sparsity: ignored, since --sparsity sets all three sparsities; drop one of them');
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
  if (v.mapping !== undefined) options.mappingObjective = parseMappingObjective(v.mapping, '--mapping');
  return options;
}

/** The app's clock range (its clock setting and share links use the same limits), so a CLI run is one the app can show. */
export function parseClock(text: string): number {
  const { min, max } = L.clockMHz;
  // Digits only: Number() would also take "0x3e8", "" and "Infinity".
  const mhz = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
  if (!(mhz >= min && mhz <= max)) throw new UsageError(`--clock: "${text}" must be a number of MHz from ${min} to ${max}`);
  return mhz;
}

/** A constants override checked against the rules of the core (unknown keys, types, physical ranges, entries `costModel` ignores). */
export function checkConstants(value: unknown, costModel: CostModel, where: string): ConstantsOverride {
  const v = validateConstantsOverride(value, costModel);
  if (!v.ok) throw new UsageError(`${where}:\n${formatIssues(v.issues)}`);
  return v.value;
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

export function parseMappingObjective(value: unknown, where: string): MappingObjective {
  if ((MAPPING_OBJECTIVES as readonly unknown[]).includes(value)) return value as MappingObjective;
  throw new UsageError(`${where}: "${String(value)}" must be one of ${MAPPING_OBJECTIVES.join(', ')}`);
}

export function parseCostModel(value: unknown, where: string): CostModel {
  if (value === 'elector' || value === 'reference') return value;
  throw new UsageError(`${where}: "${String(value)}" must be elector or reference`);
}
