/** Flags shared by `simulate` and `sweep`, parsed into `SimOptions`. */
import type { CostModel, SimMode, SimOptions } from '../core/elector/types.ts';
import { UsageError } from './io.ts';

export const SIM_FLAGS = {
  mode: { type: 'string' },
  'cost-model': { type: 'string' },
  sparsity: { type: 'string' },
  clock: { type: 'string' },
  timeline: { type: 'boolean' },
} as const;

export interface SimFlagValues {
  mode?: string;
  'cost-model'?: string;
  sparsity?: string;
  clock?: string;
  timeline?: boolean;
}

export function simOptionsFromFlags(v: SimFlagValues): SimOptions {
  const options: SimOptions = { timeline: v.timeline ?? false };
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
