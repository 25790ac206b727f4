/**
 * Plain constants of the session schema, kept free of zod so that workers and the
 * core (sweeps, objectives) can import them without pulling the validator in.
 */
export const SESSION_VERSION = 3;

export const OBJECTIVES = ['latency', 'energy', 'dynamicEnergy', 'leakageEnergy', 'area', 'edp', 'parameters', 'macs'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const SWEEP_LIMITS = { maxSamples: 100_000, maxGridParams: 3 } as const;
