/**
 * A finished sweep as the session history keeps it in IndexedDB: the job that
 * regenerates it (spec, base design, run settings) and its objective columns, so
 * reopening or overlaying it costs no simulation. Versioned, and validated on
 * every read: a damaged record is refused with the path to the bad field, and
 * the others still load. Summaries (`SweepRecordMeta`) are stored apart from the
 * columns, so listing the history never reads megabytes of points.
 */
import { OBJECTIVES, type ObjectiveColumns } from '../../core/sweep/objectives.ts';
import { validateSweepJob, type SweepJobSpec } from '../../core/sweep/validateJob.ts';

export const SWEEP_RECORD_FORMAT = 'transcode-sweep-record';
export const SWEEP_RECORD_VERSION = 1;

export interface SweepRecordMeta {
  format: typeof SWEEP_RECORD_FORMAT;
  version: number;
  id: string;
  /** The user's name for it (editable); starts as a description of the spec. */
  name: string;
  /** ISO time the sweep finished. */
  createdAt: string;
  job: SweepJobSpec;
  /** Pairs that simulated, and that failed. */
  points: number;
  errorCount: number;
  elapsedMs: number | null;
  /** How the points got here: run in this browser, or imported from a file. */
  source: 'run' | 'import';
}

export interface SweepRecordData {
  columns: ObjectiveColumns;
  /** 1 where the pair failed. */
  errors: Uint8Array;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const fail = (field: string, message: string): Parsed<never> => ({ ok: false, field, message });

/** A default name: "Random sweep, seed 1: 5,000 pairs (accelerator)". */
export function describeJob(job: SweepJobSpec): string {
  const sampler = job.spec.sampler === 'lhs' ? 'LHS' : job.spec.sampler[0].toUpperCase() + job.spec.sampler.slice(1);
  return `${sampler} sweep, seed ${job.spec.seed}: ${job.total.toLocaleString('en-US')} pairs (${job.spec.vary}, ${job.settings.mode})`;
}

export function parseSweepMeta(x: unknown): Parsed<SweepRecordMeta> {
  if (typeof x !== 'object' || x === null) return fail('', 'expected a sweep record (an object)');
  const o = x as Record<string, unknown>;
  if (o.format !== SWEEP_RECORD_FORMAT) return fail('format', `expected "${SWEEP_RECORD_FORMAT}"`);
  if (typeof o.version !== 'number' || o.version > SWEEP_RECORD_VERSION) {
    return fail('version', `version ${String(o.version)} is not one this app reads (it reads up to ${SWEEP_RECORD_VERSION}; a newer app wrote it)`);
  }
  for (const key of ['id', 'name', 'createdAt'] as const) if (typeof o[key] !== 'string') return fail(key, 'expected text');
  for (const key of ['points', 'errorCount'] as const) {
    if (typeof o[key] !== 'number' || !Number.isInteger(o[key]) || (o[key] as number) < 0) return fail(key, 'expected a whole number ≥ 0');
  }
  if (o.elapsedMs !== null && typeof o.elapsedMs !== 'number') return fail('elapsedMs', 'expected a number or null');
  if (o.source !== 'run' && o.source !== 'import') return fail('source', 'expected "run" or "import"');
  const job = validateSweepJob(o.job, 'job');
  if (!job.ok) return fail(job.issues[0].path, job.issues[0].message);
  return { ok: true, value: { ...(o as unknown as SweepRecordMeta), job: job.value } };
}

/** The points of a record whose job says `total` pairs. */
export function parseSweepData(x: unknown, total: number): Parsed<SweepRecordData> {
  if (typeof x !== 'object' || x === null) return fail('data', 'expected the sweep\'s columns (an object)');
  const o = x as Record<string, unknown>;
  const columns = o.columns as Record<string, unknown> | undefined;
  if (typeof columns !== 'object' || columns === null) return fail('data.columns', 'expected one column per objective');
  for (const k of OBJECTIVES) {
    const c = columns[k];
    if (!(c instanceof Float64Array)) return fail(`data.columns.${k}`, 'expected a Float64Array');
    if (c.length !== total) return fail(`data.columns.${k}`, `has ${c.length} values; the sweep has ${total} pairs`);
  }
  if (!(o.errors instanceof Uint8Array) || o.errors.length !== total) return fail('data.errors', `expected a Uint8Array of ${total} flags`);
  return { ok: true, value: { columns: columns as ObjectiveColumns, errors: o.errors } };
}
