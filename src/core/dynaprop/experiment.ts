/**
 * The experiment runner: an unpruned baseline plus a grid of target activation ×
 * target gradient sparsities, one training run each (same seed, so the runs differ
 * only in pruning), and a results record in a versioned, validated format that the
 * lab stores in IndexedDB and exports to files.
 */
import type { DynaPropRunConfig } from './config.ts';
import { validateRunConfig } from './validateConfig.ts';
import type { DynaPropResult } from './run.ts';

export interface ExperimentGrid {
  /** Target activation sparsities; null in the list means "no forward pruning". */
  activation: (number | null)[];
  gradient: (number | null)[];
}

export const DEFAULT_GRID: ExperimentGrid = { activation: [null, 0.3, 0.5, 0.7], gradient: [null, 0.5, 0.9] };

/** Every run of a grid, the unpruned baseline first. */
export function experimentConfigs(base: DynaPropRunConfig, grid: ExperimentGrid): DynaPropRunConfig[] {
  const configs: DynaPropRunConfig[] = [{ ...base, targetActivationSparsity: null, targetGradientSparsity: null }];
  for (const a of grid.activation) {
    for (const g of grid.gradient) {
      if (a === null && g === null) continue;
      configs.push({ ...base, targetActivationSparsity: a, targetGradientSparsity: g });
    }
  }
  return configs.map((c) => validateRunConfig(c));
}

/** One row of the results table: what was asked, what was achieved, what it cost in accuracy. */
export interface ExperimentRow {
  targetActivation: number | null;
  targetGradient: number | null;
  accuracy: number;
  validationAccuracy: number;
  /** Held-out achieved sparsities (all positions / real tokens only). */
  activation: number | null;
  activationReal: number | null;
  gradient: number | null;
  tauI: number;
  tauT: number;
  seconds: number;
}

export function experimentRow(r: DynaPropResult): ExperimentRow {
  return {
    targetActivation: r.config.targetActivationSparsity,
    targetGradient: r.config.targetGradientSparsity,
    accuracy: r.accuracy,
    validationAccuracy: r.validation.accuracy,
    activation: r.heldOut.activation.all,
    activationReal: r.heldOut.activation.real,
    gradient: r.heldOut.gradient.all ?? r.training.paramGradient.all,
    tauI: r.thresholds.tauI,
    tauT: r.thresholds.tauT || r.thresholds.tauParam,
    seconds: r.seconds,
  };
}

export const RESULTS_FORMAT = 'transcode-dynaprop-results';
export const RESULTS_VERSION = 1;

/** A stored or exported set of runs, with what is needed to reproduce them. */
export interface ResultsRecord {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  id: string;
  createdAt: string;
  backend: string;
  tfjsVersion: string;
  config: DynaPropRunConfig;
  rows: ExperimentRow[];
}

export class ResultsFormatError extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

const ROW_FIELDS: Record<keyof ExperimentRow, 'number' | 'nullable'> = {
  targetActivation: 'nullable', targetGradient: 'nullable', accuracy: 'number', validationAccuracy: 'number',
  activation: 'nullable', activationReal: 'nullable', gradient: 'nullable', tauI: 'number', tauT: 'number', seconds: 'number',
};

/** Checks an untrusted results record (an import, an IndexedDB entry) and names the first bad field. */
export function parseResultsRecord(x: unknown): ResultsRecord {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ResultsFormatError('record', 'expected an object');
  const o = x as Record<string, unknown>;
  if (o.format !== RESULTS_FORMAT) throw new ResultsFormatError('format', `expected "${RESULTS_FORMAT}", got ${JSON.stringify(o.format)?.slice(0, 40)}`);
  if (o.version !== RESULTS_VERSION) throw new ResultsFormatError('version', `this app reads version ${RESULTS_VERSION}, the file has ${JSON.stringify(o.version)?.slice(0, 20)}`);
  for (const key of ['id', 'createdAt', 'backend', 'tfjsVersion'] as const) {
    if (typeof o[key] !== 'string' || (o[key] as string).length > 200) throw new ResultsFormatError(key, 'expected a string of at most 200 characters');
  }
  let config: DynaPropRunConfig;
  try { config = validateRunConfig(o.config); } catch (e) {
    throw new ResultsFormatError(`config.${(e as { field?: string }).field ?? ''}`.replace(/\.$/, ''), (e as Error).message);
  }
  if (!Array.isArray(o.rows) || o.rows.length > 1000) throw new ResultsFormatError('rows', 'expected a list of at most 1,000 rows');
  const rows = o.rows.map((r, i) => {
    if (typeof r !== 'object' || r === null) throw new ResultsFormatError(`rows[${i}]`, 'expected an object');
    const row = r as Record<string, unknown>;
    for (const [k, kind] of Object.entries(ROW_FIELDS)) {
      const v = row[k];
      const ok = (typeof v === 'number' && Number.isFinite(v)) || (kind === 'nullable' && v === null);
      if (!ok) throw new ResultsFormatError(`rows[${i}].${k}`, `expected a number${kind === 'nullable' ? ' or null' : ''}, got ${JSON.stringify(v)?.slice(0, 30)}`);
    }
    return Object.fromEntries(Object.keys(ROW_FIELDS).map((k) => [k, row[k]])) as unknown as ExperimentRow;
  });
  return { format: RESULTS_FORMAT, version: RESULTS_VERSION, id: o.id as string, createdAt: o.createdAt as string, backend: o.backend as string, tfjsVersion: o.tfjsVersion as string, config, rows };
}
