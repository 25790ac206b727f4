import { describe, expect, it } from 'vitest';
import { resolveSimOptions } from '../elector/simulate.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';
import { DEFAULT_SETTINGS, defaultSession } from './defaults.ts';
import { settingsSchema } from './schema.ts';
import { validateSession } from './session.ts';

describe('default run settings', () => {
  it('are the core’s own defaults, so a fresh view simulates what SimOptions left out would', () => {
    const core = resolveSimOptions({});
    const { mode, costModel, clockMHz, sparsity, seqLen, accumulationSteps, mlmHead, powerGating } = core;
    expect(DEFAULT_SETTINGS).toEqual({ mode, costModel, clockMHz, sparsity, seqLen, accumulationSteps, mlmHead, powerGating });
    expect(DEFAULT_SETTINGS.seqLen).toBe(RUN_SETTING_LIMITS.seqLen.default);
  });

  it('pass the session schema', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(validateSession(defaultSession())).toMatchObject({ ok: true, migratedFrom: null });
  });
});
