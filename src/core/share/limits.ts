/**
 * Plain constants of the session schema, kept free of zod so that workers and the
 * core (sweeps, objectives) can import them without pulling the validator in.
 */
export const SESSION_VERSION = 4;

export const OBJECTIVES = ['latency', 'energy', 'dynamicEnergy', 'leakageEnergy', 'area', 'edp', 'parameters', 'macs'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const SWEEP_LIMITS = { maxSamples: 100_000, maxGridParams: 3 } as const;

/** The explorer's result views (tabs), in the order they are shown. */
export const VIEW_TABS = ['results', 'compare', 'sweep'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];

/** How the per-op timeline groups its rows. */
export const TIMELINE_ROWS = ['layer', 'kind'] as const;
export type TimelineRows = (typeof TIMELINE_ROWS)[number];
