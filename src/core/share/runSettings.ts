/**
 * The run settings of a view as the core takes them. Every simulation the app
 * makes (the live design, compared designs, sweep points) builds its `SimOptions`
 * here, so a new setting is wired in one place. Free of zod: workers import it.
 */
import { RUN_SETTING_LIMITS, type SimOptions } from '../elector/types.ts';
import { TRANSFORMER_SPACE } from '../space/transformer/schema.ts';
import type { RunSettings } from './schema.ts';

/** The one sequence length the reference cost model (AccelTran's simulator) runs: FlexiBERT's 128 tokens. */
export const REFERENCE_SEQ_LEN = TRANSFORMER_SPACE.sequenceLength;

/** `SimOptions` of the settings; the caller adds `timeline`. */
export function simOptionsOf(settings: RunSettings): SimOptions {
  return {
    mode: settings.mode,
    costModel: settings.costModel,
    sparsity: settings.sparsity,
    clockMHz: settings.clockMHz,
    seqLen: settings.seqLen,
    accumulationSteps: settings.accumulationSteps,
    mlmHead: settings.mlmHead,
    powerGating: settings.powerGating,
    ...(settings.mappingObjective ? { mappingObjective: settings.mappingObjective } : {}),
    // Measured per-op sparsity (the DynaProp lab's "Use measured sparsity"), when set.
    ...(settings.sparsityByOp ? { sparsityByOp: settings.sparsityByOp } : {}),
  };
}

/**
 * Whether two run settings ask for the same simulation: field by field whatever the key
 * order, a missing mapping objective read as the default (settings saved before version 7,
 * such as sweep records, lack it).
 */
export function sameRunSettings(a: RunSettings, b: RunSettings): boolean {
  return canonicalJson(withDefaults(a)) === canonicalJson(withDefaults(b));
}

function withDefaults(s: RunSettings): RunSettings {
  return { ...s, mappingObjective: s.mappingObjective ?? RUN_SETTING_LIMITS.mappingObjective.default };
}

/** JSON with object keys sorted at every level; `undefined` members dropped, as JSON.stringify does. */
function canonicalJson(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(x).filter(([, v]) => v !== undefined).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

