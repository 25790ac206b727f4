/**
 * Numbered migrations, one step at a time (after tldraw's migrate.ts): migration
 * `n` turns a version-n object into version n+1. Old decoders are kept forever, so
 * a link shared today still opens after the schema moves on.
 */
import { SESSION_VERSION, type CodesignSettings, type LabSettings, type ParallelSettings, type AnalysisSettings } from './schema.ts';

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * The DynaProp lab as version 5 introduced it (frozen: what a v4 link opens with). Today's
 * defaults (`DEFAULT_LAB`) start from it; if they change, they must stop deriving from it.
 */
export const V5_LAB: Readonly<LabSettings> = Object.freeze({
  dataset: 'names', model: 'bert-tiny', steps: 300, batchSize: 32, seqLen: 16, learningRate: 0.001, seed: 1,
  targetActivationSparsity: 0.5, targetGradientSparsity: null, gradientMode: 'delta', backend: 'auto',
  grid: { activation: [null, 0.3, 0.5, 0.7], gradient: [null, 0.9] },
});

/**
 * The co-design panel as version 5 holds it by default (frozen, like V5_LAB): the paper's weights
 * with area at 0.1, the published predictor, BOSHCODE at 300 queries, seed 1, inference, both halves free.
 */
export const V5_CODESIGN: Readonly<CodesignSettings> = Object.freeze({
  weights: { accuracy: 0.5, latency: 0.1, dynamicEnergy: 0.2, leakageEnergy: 0.1, area: 0.1 },
  predictor: 'published', algorithm: 'boshcode', budget: 300, seed: 1, mode: 'inference', fixed: 'none',
});

/** The co-design panel as version 6 holds it by default: version 5's, without an accuracy floor. */
export const V6_CODESIGN: Readonly<CodesignSettings> = Object.freeze({ ...V5_CODESIGN, accuracyFloor: 'none' as const });

/** The parallel coordinates a view without them opens on: closed, natural order, nothing brushed. */
export const V5_PARALLEL: Readonly<ParallelSettings> = Object.freeze({ open: false, order: [], flipped: [], log: [], linear: [], colourBy: '', brushes: {} });

/** The many-objective analysis a view without it opens on: closed, fronting latency, energy and area. */
export const V5_ANALYSIS: Readonly<AnalysisSettings> = Object.freeze({ open: false, objectives: ['latency', 'energy', 'area'] as AnalysisSettings['objectives'] });

/** Keyed by the version they upgrade from. */
export const SESSION_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v2 records the design a sweep was built around; v1 sweeps were built around the current design.
  1: (old) => ({ ...old, sweepBase: old.sweepRan === true ? (old as { design?: unknown }).design ?? null : null }),
  // v3 adds four run settings (to the view's settings and to every pinned design's). A v2 view
  // ran 128 tokens with no MLM head; the others take the values v3 introduced with. Frozen
  // here as literals: a later change of a default must not change what an old link opens.
  2: (old) => ({
    ...old,
    settings: withV3Settings(old.settings),
    pinned: Array.isArray(old.pinned) ? old.pinned.map((p: unknown) => (isPlainObject(p) ? { ...p, settings: withV3Settings(p.settings) } : p)) : old.pinned,
  }),
  // v4 keeps what is on screen (the tab, the timeline's rows) and the brush as a rectangle in
  // data coordinates. A v3 view opened on the Results tab with rows by layer; its brushed
  // indices are kept as they were (an empty list goes). Frozen literals, like v3's.
  3: (old) => ({
    ...old,
    plot: withV4Plot(old.plot),
    view: { tab: 'results', timelineRows: 'layer' },
  }),
  // v5 adds the DynaProp lab's settings (and optional per-op sparsity in the run settings,
  // which a v4 view simply lacks), and the co-design panel's settings. A v4 view opens both on
  // their first-run settings, frozen here.
  4: (old) => ({ ...old, dynaprop: structuredClone(V5_LAB), codesign: structuredClone(V5_CODESIGN) }),
  // v6 adds the co-design accuracy floor; a v5 view had none. (The field stays optional, as saved
  // search records carry v5 settings; the version tells an older app it cannot read a v6 link.)
  5: (old) => (isPlainObject(old.codesign) ? { ...old, codesign: { ...old.codesign, accuracyFloor: old.codesign.accuracyFloor ?? 'none' } } : old),
  // v7 adds the mapping objective to the run settings (the view's and every pinned design's); a
  // v6 view ran the balanced mapper. (Optional in the schema, as saved sweep records carry older settings.)
  6: (old) => ({
    ...old,
    settings: withV7Settings(old.settings),
    pinned: Array.isArray(old.pinned) ? old.pinned.map((p: unknown) => (isPlainObject(p) ? { ...p, settings: withV7Settings(p.settings) } : p)) : old.pinned,
  }),
};

/** Fills the run setting v7 added, keeping one already there; anything not an object is left for validation to name. */
function withV7Settings(settings: unknown): unknown {
  return isPlainObject(settings) ? { ...settings, mappingObjective: settings.mappingObjective ?? 'balanced' } : settings;
}

/** Adds v4's `brush` (none) to the plot settings, keeping a non-empty v3 selection. */
function withV4Plot(plot: unknown): unknown {
  if (!isPlainObject(plot)) return plot;
  const { selection, ...rest } = plot;
  const keep = selection !== undefined && !(Array.isArray(selection) && selection.length === 0);
  return { ...rest, brush: null, ...(keep ? { selection } : {}) };
}

/** Fills the run settings v3 added; anything not an object is left for validation to name. */
function withV3Settings(settings: unknown): unknown {
  if (!isPlainObject(settings)) return settings;
  return {
    ...settings,
    seqLen: 128,
    accumulationSteps: 8,
    mlmHead: false,
    powerGating: true,
  };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export type MigrationOutcome =
  | { ok: true; value: Record<string, unknown>; migratedFrom: number | null }
  | { ok: false; reason: 'newer' | 'unknown' | 'failed'; message: string };

export function migrateSession(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = SESSION_MIGRATIONS,
  current: number = SESSION_VERSION,
): MigrationOutcome {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown', message: `version: expected a positive integer, got ${JSON.stringify(version)?.slice(0, 20)}` };
  }
  if (version > current) {
    return { ok: false, reason: 'newer', message: `version ${version} is newer than this app understands (${current}); reload to get the latest app` };
  }
  let value = raw;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'unknown', message: `version ${version}: no migration from version ${v}` };
    try {
      value = { ...step(value), version: v + 1 };
    } catch (e) {
      return { ok: false, reason: 'failed', message: `migrating from version ${v} failed: ${(e as Error).message}` };
    }
  }
  return { ok: true, value, migratedFrom: version === current ? null : version };
}
