import { describe, expect, it } from 'vitest';
import { resolveSimOptions } from '../elector/simulate.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';
import { DEFAULT_LAB, DEFAULT_SETTINGS, defaultSession } from './defaults.ts';
import { labSchema, settingsSchema } from './schema.ts';
import { DATASET_SEQ_LEN, DEFAULT_DYNAPROP_MODEL, defaultRunConfig } from '../dynaprop/config.ts';
import { validateRunConfig } from '../dynaprop/validateConfig.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { validateSession } from './session.ts';

describe('default run settings', () => {
  it('are the core’s own defaults, so a fresh view simulates what SimOptions left out would', () => {
    const core = resolveSimOptions({});
    const { mode, costModel, clockMHz, sparsity, seqLen, accumulationSteps, mlmHead, powerGating, mappingObjective } = core;
    expect(DEFAULT_SETTINGS).toEqual({ mode, costModel, clockMHz, sparsity, seqLen, accumulationSteps, mlmHead, powerGating, mappingObjective });
    expect(DEFAULT_SETTINGS.seqLen).toBe(RUN_SETTING_LIMITS.seqLen.default);
  });

  it('pass the session schema', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(validateSession(defaultSession())).toMatchObject({ ok: true, migratedFrom: null });
  });
});

describe('the DynaProp lab defaults', () => {
  it('are the core run defaults on the names dataset, with a valid grid', () => {
    expect(labSchema.safeParse(DEFAULT_LAB).success).toBe(true);
    const core = defaultRunConfig(DEFAULT_LAB.dataset);
    const { steps, batchSize, seqLen, learningRate, seed, gradientMode } = core;
    expect(DEFAULT_LAB).toMatchObject({ steps, batchSize, seqLen, learningRate, seed, gradientMode });
    expect(DEFAULT_LAB.seqLen).toBe(DATASET_SEQ_LEN[DEFAULT_LAB.dataset]);
    expect(DEFAULT_DYNAPROP_MODEL).toEqual(MODEL_PRESETS['bert-tiny'].model);
    const { model: _m, backend: _b, grid: _g, ...run } = DEFAULT_LAB;
    expect(() => validateRunConfig(run)).not.toThrow();
  });
});
