/**
 * The DynaProp lab's results as they are kept (IndexedDB) and exported (JSON files):
 * one record per single run or experiment, versioned and validated on every read, so
 * a damaged entry or a hand-edited file is refused with the path to the bad field.
 *
 * A record keeps what the lab shows and what "Use measured sparsity" needs: the run's
 * configuration (reproducible from its seed), the backend and tfjs version actually
 * used, curves (at most `MAX_HISTORY` points), held-out sparsity per site, op type and
 * ELECTOR op kind, the threshold tables, and test accuracy. Never weights.
 */
import type { DynaPropResult } from '../../core/dynaprop/run.ts';
import type { DynaPropRunConfig } from '../../core/dynaprop/config.ts';
import { validateRunConfig } from '../../core/dynaprop/validateConfig.ts';
import { experimentRow, type ExperimentRow } from '../../core/dynaprop/experiment.ts';
import type { SparsitySummary } from '../../core/dynaprop/summary.ts';
import type { ThresholdTable } from '../../core/dynaprop/thresholdTable.ts';

export const LAB_RECORD_FORMAT = 'transcode-dynaprop-lab';
export const LAB_RECORD_VERSION = 1;
export const LAB_EXPORT_FORMAT = 'transcode-dynaprop-lab-export';
/** Curve points kept per run (evenly thinned, the last step always kept). */
export const MAX_HISTORY = 400;
/** Largest import accepted. */
export const MAX_LAB_FILE_BYTES = 20 * 1024 * 1024;

export interface LabRun {
  config: DynaPropRunConfig;
  backend: string;
  tfjsVersion: string;
  seconds: number;
  /** Test accuracy and loss. */
  accuracy: number;
  /** Null when training diverged (a loss that is not a finite number). */
  loss: number | null;
  validation: { accuracy: number; loss: number | null };
  history: { step: number; loss: number | null; validationAccuracy?: number }[];
  thresholds: { tauI: number; tauT: number; tauParam: number; tables: ThresholdTable[] };
  /** Held-out sparsity (validation batches, final weights and thresholds). */
  heldOut: SparsitySummary;
  weightSparsity: number;
}

export interface LabRecord {
  format: typeof LAB_RECORD_FORMAT;
  version: typeof LAB_RECORD_VERSION;
  id: string;
  createdAt: string;
  /** One run, or an experiment (the unpruned baseline first, then the grid). */
  kind: 'run' | 'experiment';
  /** An experiment cancelled or stopped part-way keeps the runs that finished. */
  complete: boolean;
  /** Runs an experiment was to have (equals `runs.length` when complete). */
  planned: number;
  runs: LabRun[];
}

// Checked by hand, not with zod: zod lives in the main bundle, and every zod feature used here
// would be pulled into it (the lab's code stays in its own chunk; the main bundle has a 200 KB cap).
class RecordError extends Error {
  constructor(readonly field: string, message: string) { super(message); }
}
type Obj = Record<string, unknown>;
const show = (x: unknown) => JSON.stringify(x)?.slice(0, 30) ?? 'nothing';
const join = (at: string, key: string | number) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key);

function object(x: unknown, at: string, keys: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RecordError(at || 'record', `expected an object, got ${show(x)}`);
  const o = x as Obj;
  for (const k of Object.keys(o)) if (!keys.includes(k) && !optional.includes(k)) throw new RecordError(at || 'record', `unknown field "${k.slice(0, 40)}"`);
  for (const k of keys) if (!(k in o)) throw new RecordError(join(at, k), 'missing');
  return o;
}

function num(o: Obj, key: string, at: string, min = -Infinity, max = Infinity, nullable = false, integer = false): number | null {
  const v = o[key];
  if (nullable && v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    const range = min === -Infinity ? 'a finite number' : `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`;
    throw new RecordError(join(at, key), `expected ${range}${nullable ? ' or null' : ''}, got ${show(v)}`);
  }
  return v;
}

const frac = (o: Obj, key: string, at: string, nullable = false) => num(o, key, at, 0, 1, nullable);

function text(o: Obj, key: string, at: string, max = 200): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length > max) throw new RecordError(join(at, key), `expected a string of at most ${max} characters, got ${show(v)}`);
  return v;
}

function list(o: Obj, key: string, at: string, max: number): unknown[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length > max) throw new RecordError(join(at, key), `expected a list of at most ${max} entries`);
  return v;
}

function oneOf(o: Obj, key: string, at: string, values: readonly string[]): void {
  if (!values.includes(o[key] as string)) throw new RecordError(join(at, key), `expected one of ${values.join(', ')}, got ${show(o[key])}`);
}

function checkRatio(x: unknown, at: string): void {
  const o = object(x, at, ['all', 'real', 'numel']);
  frac(o, 'all', at, true);
  frac(o, 'real', at, true);
  num(o, 'numel', at, 0);
}

function checkPairs(x: unknown, at: string): void {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RecordError(at, `expected an object, got ${show(x)}`);
  const keys = Object.keys(x);
  if (keys.length > 40) throw new RecordError(at, 'too many entries');
  for (const k of keys) {
    const here = join(at, k);
    const p = object((x as Obj)[k], here, ['activation', 'gradient']);
    checkRatio(p.activation, join(here, 'activation'));
    checkRatio(p.gradient, join(here, 'gradient'));
  }
}

function checkSummary(x: unknown, at: string): void {
  const o = object(x, at, ['activation', 'gradient', 'paramGradient', 'perOpType', 'perKind', 'perSite']);
  for (const k of ['activation', 'gradient', 'paramGradient']) checkRatio(o[k], join(at, k));
  checkPairs(o.perOpType, join(at, 'perOpType'));
  checkPairs(o.perKind, join(at, 'perKind'));
  list(o, 'perSite', at, 5000).forEach((e, i) => {
    const here = join(join(at, 'perSite'), i);
    const site = object(e, here, ['layer', 'opType', 'site', 'direction', 'sparsity', 'sparsityReal', 'numel']);
    num(site, 'layer', here, -1, 1000, false, true);
    text(site, 'opType', here, 40);
    text(site, 'site', here, 40);
    oneOf(site, 'direction', here, ['fwd', 'bwd', 'param']);
    frac(site, 'sparsity', here);
    frac(site, 'sparsityReal', here);
    num(site, 'numel', here, 0);
  });
}

function checkRun(x: unknown, at: string): LabRun {
  const o = object(x, at, ['config', 'backend', 'tfjsVersion', 'seconds', 'accuracy', 'loss', 'validation', 'history', 'thresholds', 'heldOut', 'weightSparsity']);
  text(o, 'backend', at);
  text(o, 'tfjsVersion', at);
  num(o, 'seconds', at, 0);
  frac(o, 'accuracy', at);
  num(o, 'loss', at, -Infinity, Infinity, true);
  const vAt = join(at, 'validation');
  const v = object(o.validation, vAt, ['accuracy', 'loss']);
  frac(v, 'accuracy', vAt);
  num(v, 'loss', vAt, -Infinity, Infinity, true);
  list(o, 'history', at, MAX_HISTORY).forEach((e, i) => {
    const here = join(join(at, 'history'), i);
    const h = object(e, here, ['step', 'loss'], ['validationAccuracy']);
    num(h, 'step', here, 0, Number.MAX_SAFE_INTEGER, false, true);
    num(h, 'loss', here, -Infinity, Infinity, true);
    if (h.validationAccuracy !== undefined) frac(h, 'validationAccuracy', here);
  });
  const tAt = join(at, 'thresholds');
  const t = object(o.thresholds, tAt, ['tauI', 'tauT', 'tauParam', 'tables']);
  for (const k of ['tauI', 'tauT', 'tauParam']) num(t, k, tAt, 0);
  list(t, 'tables', tAt, 64).forEach((e, i) => {
    const here = join(join(tAt, 'tables'), i);
    const table = object(e, here, ['direction', 'scope', 'points', 'zeroFraction', 'numel']);
    oneOf(table, 'direction', here, ['fwd', 'bwd', 'param', 'weight']);
    text(table, 'scope', here, 40);
    list(table, 'points', here, 1000).forEach((p, j) => {
      const pAt = join(join(here, 'points'), j);
      const point = object(p, pAt, ['sparsity', 'tau']);
      frac(point, 'sparsity', pAt);
      num(point, 'tau', pAt, 0);
    });
    frac(table, 'zeroFraction', here);
    num(table, 'numel', here, 0);
  });
  checkSummary(o.heldOut, join(at, 'heldOut'));
  frac(o, 'weightSparsity', at);
  let config: DynaPropRunConfig;
  try {
    config = validateRunConfig(o.config);
  } catch (e) {
    const field = (e as { field?: string }).field;
    throw new RecordError(join(at, 'config') + (field ? `.${field}` : ''), (e as Error).message.replace(/^[^:]*: /, ''));
  }
  return { ...(o as unknown as LabRun), config };
}

export type LabParse<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Checks an untrusted record (IndexedDB, a file) and names the first bad field. */
export function parseLabRecord(x: unknown): LabParse<LabRecord> {
  try {
    const o = object(x, '', ['format', 'version', 'id', 'createdAt', 'kind', 'complete', 'planned', 'runs']);
    if (o.format !== LAB_RECORD_FORMAT) throw new RecordError('format', `expected "${LAB_RECORD_FORMAT}", got ${show(o.format)}`);
    if (o.version !== LAB_RECORD_VERSION) {
      const newer = typeof o.version === 'number' && o.version > LAB_RECORD_VERSION;
      throw new RecordError('version', newer ? `made by a newer version of the app (record version ${o.version}; this app reads ${LAB_RECORD_VERSION})` : `expected ${LAB_RECORD_VERSION}, got ${show(o.version)}`);
    }
    if (text(o, 'id', '', 80) === '') throw new RecordError('id', 'expected a non-empty string');
    text(o, 'createdAt', '');
    oneOf(o, 'kind', '', ['run', 'experiment']);
    if (typeof o.complete !== 'boolean') throw new RecordError('complete', `expected true or false, got ${show(o.complete)}`);
    const planned = num(o, 'planned', '', 0, 1000, false, true) as number;
    const runs = list(o, 'runs', '', 1000).map((r, i) => checkRun(r, `runs[${i}]`));
    if (o.complete && runs.length !== planned) throw new RecordError('planned', `a complete record has as many runs as planned (${runs.length} ≠ ${planned})`);
    return { ok: true, value: { ...(o as unknown as LabRecord), runs } };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, field: e.field, message: e.message };
    throw e;
  }
}

/** Every k-th point, and always the last, so a long run's curve stays small. */
export function thinHistory<T extends { step: number }>(history: readonly T[], max = MAX_HISTORY): T[] {
  if (history.length <= max) return [...history];
  const every = Math.ceil(history.length / (max - 1));
  const out = history.filter((_, i) => i % every === 0);
  const last = history[history.length - 1];
  if (out[out.length - 1] !== last) out.push(last);
  return out.slice(-max);
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** What a record keeps of a finished run. */
export function labRunOf(r: DynaPropResult): LabRun {
  // Every validation point (about ten), then the loss curve thinned into the room left, in step order.
  const validated = r.history.filter((e) => e.validationAccuracy !== undefined).slice(-MAX_HISTORY / 2);
  const losses = thinHistory(r.history.filter((e) => e.validationAccuracy === undefined), MAX_HISTORY - validated.length);
  const history = [...validated, ...losses].sort((a, b) => a.step - b.step).map((e) => ({ ...e, loss: finite(e.loss) }));
  return {
    config: r.config, backend: r.backend, tfjsVersion: r.tfjsVersion, seconds: r.seconds,
    accuracy: r.accuracy, loss: finite(r.loss), validation: { accuracy: r.validation.accuracy, loss: finite(r.validation.loss) }, history,
    thresholds: r.thresholds, heldOut: r.heldOut, weightSparsity: r.weightSparsity,
  };
}

/** A run as a results-table row (the core's experiment row). */
export function rowOf(run: LabRun): ExperimentRow {
  return experimentRow({ ...run, training: run.heldOut, steps: run.config.steps } as DynaPropResult);
}

export function newRecord(kind: LabRecord['kind'], planned: number, now = new Date()): LabRecord {
  const id = `${kind}-${now.toISOString().replace(/[-:.TZ]/g, '')}-${Math.random().toString(36).slice(2, 7)}`;
  return { format: LAB_RECORD_FORMAT, version: LAB_RECORD_VERSION, id, createdAt: now.toISOString(), kind, complete: false, planned, runs: [] };
}

/** The export file: every record, or the ones chosen. */
export function labFileJson(records: readonly LabRecord[], now = new Date()): string {
  return JSON.stringify({ format: LAB_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), records }, null, 1);
}

/**
 * Reads an export file (or one record saved on its own). All or nothing: one bad
 * record refuses the file, with the path to the bad field, and nothing is stored.
 */
export function parseLabFile(text: string): LabParse<LabRecord[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, field: 'file', message: 'not valid JSON (is it a DynaProp results file?)' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, field: 'file', message: 'expected a JSON object' };
  const o = raw as Record<string, unknown>;
  if (o.format === LAB_RECORD_FORMAT) return mapOk(parseLabRecord(o), (r) => [r]);
  if (o.format !== LAB_EXPORT_FORMAT) return { ok: false, field: 'format', message: `expected "${LAB_EXPORT_FORMAT}", got ${JSON.stringify(o.format)?.slice(0, 40) ?? 'nothing'}` };
  if (o.version !== 1) return { ok: false, field: 'version', message: `this app reads version 1, the file has ${JSON.stringify(o.version)?.slice(0, 20) ?? 'none'}` };
  if (!Array.isArray(o.records) || o.records.length > 500) return { ok: false, field: 'records', message: 'expected a list of at most 500 records' };
  const records: LabRecord[] = [];
  for (const [i, r] of o.records.entries()) {
    const parsed = parseLabRecord(r);
    if (!parsed.ok) return { ok: false, field: `records[${i}].${parsed.field}`, message: parsed.message };
    records.push(parsed.value);
  }
  return { ok: true, value: records };
}

function mapOk<A, B>(r: LabParse<A>, f: (a: A) => B): LabParse<B> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}
