/** Flags shared by `simulate` and `sweep`, parsed into `SimOptions`. */
import type { CostModel, SimMode, SimOptions } from '../core/elector/types.ts';
import { UsageError } from './io.ts';

export const SIM_FLAGS = {
  mode: { type: 'string' },
  'cost-model': { type: 'string' },
  sparsity: { type: 'string' },
  clock: { type: 'string' },
  timeline: { type: 'boolean' },
  constants: { type: 'string' },
} as const;

export interface SimFlagValues {
  mode?: string;
  'cost-model'?: string;
  sparsity?: string;
  clock?: string;
  timeline?: boolean;
  constants?: string;
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
  return options;
}

export function parseMode(value: unknown, where: string): SimMode {
  if (value === 'inference' || value === 'training') return value;
  throw new UsageError(`${where}: "${String(value)}" must be inference or training`);
}

export function parseCostModel(value: unknown, where: string): CostModel {
  if (value === 'elector' || value === 'reference') return value;
  throw new UsageError(`${where}: "${String(value)}" must be elector or reference`);
}
