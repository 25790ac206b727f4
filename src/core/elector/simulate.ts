/**
 * ELECTOR's one entry point: `simulate(model, accelerator, options)`.
 * Validates both designs (field-named errors), resolves defaults and constant
 * overrides once, then hands off to the chosen cost model.
 */
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { validateModel } from '../space/transformer/validate.ts';
import { validateAccelerator } from '../space/accelerator/validate.ts';
import { ValidationError } from '../space/issues.ts';
import { deepMerge } from '../util/deepMerge.ts';
import { REFERENCE_CONSTANTS, type ReferenceConstants } from './constants/reference.ts';
import { ELECTOR_CONSTANTS, type ElectorConstants } from './constants/elector.ts';
import { simulateReference } from './reference/simulate.ts';
import { simulateElector } from './model/simulate.ts';
import { MAPPING_OBJECTIVES, RUN_SETTING_LIMITS, type CostModel, type MappingObjective, type SimMode, type SimOptions, type SimResult, type Sparsity, type SparsityByOp } from './types.ts';

/** Options with every default filled in and constants merged: what the cost models receive. */
export interface ResolvedSimOptions {
  mode: SimMode;
  costModel: CostModel;
  clockMHz: number;
  sparsity: Sparsity;
  sparsityByOp: SparsityByOp;
  timeline: boolean;
  seqLen: number;
  accumulationSteps: number;
  mlmHead: boolean;
  powerGating: boolean;
  mappingObjective: MappingObjective;
  referenceConstants: ReferenceConstants;
  electorConstants: ElectorConstants;
}

export const DEFAULT_CLOCK_MHZ = REFERENCE_CONSTANTS.clockMHz;

export function resolveSimOptions(options: SimOptions = {}): ResolvedSimOptions {
  const referenceConstants = options.referenceConstants
    ? deepMerge(REFERENCE_CONSTANTS, options.referenceConstants)
    : REFERENCE_CONSTANTS;
  const electorConstants = options.electorConstants ? deepMerge(ELECTOR_CONSTANTS, options.electorConstants) : ELECTOR_CONSTANTS;
  const sparsity: Sparsity = { ...referenceConstants.sparsity, ...stripUndefined(options.sparsity) };
  for (const key of ['activation', 'weight', 'gradient'] as const) {
    const s = sparsity[key];
    if (typeof s !== 'number' || !(s >= 0 && s < 1)) throw new RangeError(`sparsity.${key}: ${String(s)} must be a number in [0, 1)`);
  }
  const clockMHz = options.clockMHz ?? DEFAULT_CLOCK_MHZ;
  if (!(typeof clockMHz === 'number' && clockMHz > 0 && Number.isFinite(clockMHz))) {
    throw new RangeError(`clockMHz: ${String(clockMHz)} must be a positive number`);
  }
  const mode = options.mode ?? 'inference';
  if (mode !== 'inference' && mode !== 'training') throw new RangeError(`mode: "${String(mode)}" must be inference or training`);
  const costModel = options.costModel ?? 'elector';
  if (costModel !== 'elector' && costModel !== 'reference') {
    throw new RangeError(`costModel: "${String(costModel)}" must be elector or reference`);
  }
  const seqLen = options.seqLen ?? RUN_SETTING_LIMITS.seqLen.default;
  integerIn('seqLen', seqLen, RUN_SETTING_LIMITS.seqLen);
  const accumulationSteps = options.accumulationSteps ?? RUN_SETTING_LIMITS.accumulationSteps.default;
  integerIn('accumulationSteps', accumulationSteps, RUN_SETTING_LIMITS.accumulationSteps);
  if (costModel === 'reference' && seqLen !== 128) {
    throw new RangeError(`seqLen: the reference cost model is fixed at 128 tokens (got ${seqLen}); use the elector model`);
  }
  const mappingObjective = options.mappingObjective ?? RUN_SETTING_LIMITS.mappingObjective.default;
  if (!(MAPPING_OBJECTIVES as readonly unknown[]).includes(mappingObjective)) {
    throw new RangeError(`mappingObjective: "${String(mappingObjective)}" must be one of ${MAPPING_OBJECTIVES.join(', ')}`);
  }
  return {
    mode,
    costModel,
    clockMHz,
    sparsity,
    sparsityByOp: options.sparsityByOp ?? {},
    timeline: options.timeline ?? true,
    seqLen,
    accumulationSteps,
    mlmHead: options.mlmHead ?? false,
    powerGating: options.powerGating ?? true,
    mappingObjective,
    referenceConstants,
    electorConstants,
  };
}

/** Simulates one (model, accelerator) pair. Throws `ValidationError` naming the bad field. */
export function simulate(model: unknown, accelerator: unknown, options: SimOptions = {}): SimResult {
  const m = validateModel(model);
  if (!m.ok) throw new ValidationError('model', m.issues);
  // The AccelTran space is the superset (its mask buffer starts at 0.5 MB).
  const a = validateAccelerator(accelerator, 'acceltran');
  if (!a.ok) throw new ValidationError('accelerator', a.issues);
  return simulateResolved(m.value, a.value, resolveSimOptions(options));
}

/** For trusted, already-validated designs (sweeps): skips validation, keeps resolved options. */
export function simulateResolved(model: ModelDict, accelerator: AcceleratorConfig, o: ResolvedSimOptions): SimResult {
  if (o.costModel === 'reference') {
    return simulateReference(model, accelerator, {
      mode: o.mode,
      clockMHz: o.clockMHz,
      sparsity: o.sparsity,
      constants: o.referenceConstants,
    });
  }
  return simulateElector(model, accelerator, {
    mode: o.mode,
    clockMHz: o.clockMHz,
    sparsity: o.sparsity,
    sparsityByOp: o.sparsityByOp,
    constants: { reference: o.referenceConstants, elector: o.electorConstants },
    timeline: o.timeline,
    seqLen: o.seqLen,
    accumulationSteps: o.accumulationSteps,
    mlmHead: o.mlmHead,
    powerGating: o.powerGating,
    mappingObjective: o.mappingObjective,
  });
}

function integerIn(field: string, x: unknown, r: { min: number; max: number }): void {
  if (!(typeof x === 'number' && Number.isInteger(x) && x >= r.min && x <= r.max)) {
    throw new RangeError(`${field}: ${String(x)} must be an integer from ${r.min} to ${r.max}`);
  }
}

function stripUndefined<T extends object>(x: T | undefined): Partial<T> {
  if (!x) return {};
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as Partial<T>;
}
