/**
 * A finished sweep as the session history keeps it in IndexedDB: the job that
 * regenerates it (spec, base design, run settings) and its objective columns, so
 * reopening or overlaying it costs no simulation. Versioned, and validated on
 * every read: a damaged record is refused with the path to the bad field, and
 * the others still load. Summaries (`SweepRecordMeta`) are stored apart from the
 * columns, so listing the history never reads megabytes of points.
 */
import { OBJECTIVES, isObjective, type Objective, type ObjectiveColumns } from '../../core/sweep/objectives.ts';
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

/**
 * The columns as IndexedDB stores them: one Blob (objective columns in OBJECTIVES
 * order, then the error flags). Why a Blob: IndexedDB serialises (and in Chromium
 * compresses) a structured value on the main thread, which took 0.7 s for the 65 MB
 * of a million-pair sweep (81 MB with the accuracy columns); a Blob is stored by reference.
 */
export interface SweepDataBlob {
  layout: 'objectives-f64-then-errors-u8';
  objectives: readonly string[];
  total: number;
  blob: Blob;
}

/** Objectives a stored sweep may have no column for (records from before they existed). */
const LATER_OBJECTIVES: readonly Objective[] = ['accuracy', 'accuracyStd'];

/** Bytes copied into a Blob per task: about 10 ms on a slow machine. */
const BLOB_PIECE_BYTES = 2 ** 21;

/**
 * The columns copied into Blobs a 2 MB piece per task (a million pairs are 81 MB),
 * then joined by reference: no long task on the main thread, even at a million pairs.
 */
export async function encodeSweepData(data: SweepRecordData, total: number): Promise<SweepDataBlob> {
  const parts: Blob[] = [];
  for (const column of [...OBJECTIVES.map((o) => data.columns[o]), data.errors]) {
    const step = BLOB_PIECE_BYTES / column.BYTES_PER_ELEMENT;
    for (let at = 0; at < column.length || at === 0; at += step) {
      parts.push(new Blob([column.subarray(at, at + step) as BlobPart]));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return { layout: 'objectives-f64-then-errors-u8', objectives: [...OBJECTIVES], total, blob: new Blob(parts) };
}

/** The stored Blob back as columns (views over one buffer), checked against the record's `total`. */
export async function decodeSweepData(x: unknown, total: number): Promise<Parsed<SweepRecordData>> {
  if (typeof x !== 'object' || x === null) return fail('data', 'expected the sweep\'s columns (an object)');
  const o = x as Partial<SweepDataBlob>;
  if (o.layout !== 'objectives-f64-then-errors-u8') return parseSweepData(x, total);
  if (o.total !== total) return fail('data.total', `is ${String(o.total)}; the sweep has ${total} pairs`);
  const stored = o.objectives;
  if (!Array.isArray(stored) || stored.some((k, i) => !isObjective(String(k)) || stored.indexOf(k) !== i)) {
    return fail('data.objectives', `expected distinct objectives among ${OBJECTIVES.join(', ')}`);
  }
  const lacking = OBJECTIVES.filter((k) => !LATER_OBJECTIVES.includes(k) && !stored.includes(k));
  if (lacking.length) return fail('data.objectives', `lacks ${lacking.join(', ')}: every record has them`);
  if (!(o.blob instanceof Blob)) return fail('data.blob', 'expected a Blob');
  const bytes = 8 * total * stored.length + total;
  if (o.blob.size !== bytes) return fail('data.blob', `holds ${o.blob.size} bytes; ${bytes} expected for ${total} pairs`);
  const buffer = await o.blob.arrayBuffer();
  const columns = withMissingColumns(Object.fromEntries(stored.map((k, i) => [k, new Float64Array(buffer, 8 * total * i, total)])), total);
  return { ok: true, value: { columns, errors: new Uint8Array(buffer, 8 * total * stored.length, total) } };
}

/**
 * Sweeps stored before an objective existed (predicted accuracy came later) read with that
 * column NaN: the points are kept, not refused, and the plot's legend says the sweep predates the column.
 */
function withMissingColumns(found: Partial<Record<string, Float64Array>>, total: number): ObjectiveColumns {
  return Object.fromEntries(OBJECTIVES.map((k) => [k, found[k] ?? new Float64Array(total).fill(Number.NaN)])) as ObjectiveColumns;
}

/** The points of a record whose job says `total` pairs (plain typed arrays, as version-1 records before the Blob layout). */
export function parseSweepData(x: unknown, total: number): Parsed<SweepRecordData> {
  if (typeof x !== 'object' || x === null) return fail('data', 'expected the sweep\'s columns (an object)');
  const o = x as Record<string, unknown>;
  const columns = o.columns as Record<string, unknown> | undefined;
  if (typeof columns !== 'object' || columns === null) return fail('data.columns', 'expected one column per objective');
  for (const k of OBJECTIVES) {
    if (LATER_OBJECTIVES.includes(k) && !(k in columns)) continue;
    const c = columns[k];
    if (!(c instanceof Float64Array)) return fail(`data.columns.${k}`, 'expected a Float64Array');
    if (c.length !== total) return fail(`data.columns.${k}`, `has ${c.length} values; the sweep has ${total} pairs`);
  }
  if (!(o.errors instanceof Uint8Array) || o.errors.length !== total) return fail('data.errors', `expected a Uint8Array of ${total} flags`);
  return { ok: true, value: { columns: withMissingColumns(columns as Partial<Record<string, Float64Array>>, total), errors: o.errors } };
}
