/**
 * The last finished co-design search as IndexedDB keeps it, so a reload shows it again.
 * Versioned and validated on every read: a damaged record is refused with the path to the
 * bad field (and left alone: the panel says so and starts empty).
 *
 * It keeps what the panel shows: the settings it ran with, every query (score, predicted
 * accuracy, metrics, the pair, so any point can still be loaded into the editors), the best
 * pair, the baseline pair and their ratios, and where the numbers come from.
 */
import type { Evaluation } from '../../core/codesign/types.ts';
import type { Ratios } from '../../core/codesign/baseline.ts';
import { codesignSchema, type CodesignSettings } from '../../core/share/schema.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import type { Design } from '../../core/share/session.ts';

export const SEARCH_RECORD_FORMAT = 'transcode-codesign-search';
export const SEARCH_RECORD_VERSION = 1;

/** One simulator query as the plots need it. Metrics are null for a pair the simulator refused. */
export interface QueryPoint {
  query: number;
  performance: number;
  bestSoFar: number;
  step: string;
  accuracy: number;
  accuracyStd: number;
  latencyS: number | null;
  /** Dynamic + leakage, J per sequence. */
  energyJ: number | null;
  areaMm2: number | null;
  pair: Design;
}

/** The best pair or the baseline, as the card shows it. */
export interface PairSummary {
  pair: Design;
  performance: number;
  accuracy: { mean: number; std: number; source: string };
  metrics: { latencyS: number; dynamicEnergyJ: number; leakageEnergyJ: number; areaMm2: number } | null;
}

export interface SearchRecord {
  format: typeof SEARCH_RECORD_FORMAT;
  version: typeof SEARCH_RECORD_VERSION;
  savedAt: string;
  settings: CodesignSettings;
  /** The imported dataset's file name (the data itself is not kept). */
  datasetName: string | null;
  /** The predictor's own paragraph (sources, fit). */
  predictor: string;
  backend: string;
  seconds: number;
  points: QueryPoint[];
  best: PairSummary;
  baseline: PairSummary;
  ratios: Ratios;
}

export function queryPoint(e: Evaluation, query: number, bestSoFar: number, step: string): QueryPoint {
  const m = e.metrics;
  return {
    query, performance: e.performance, bestSoFar, step, accuracy: e.accuracy.mean, accuracyStd: e.accuracy.std,
    latencyS: m?.latencyS ?? null, energyJ: m ? m.dynamicEnergyJ + m.leakageEnergyJ : null, areaMm2: m?.areaMm2 ?? null,
    pair: { model: e.candidate.model, accelerator: e.candidate.accelerator },
  };
}

export function pairSummary(e: Evaluation): PairSummary {
  return { pair: { model: e.candidate.model, accelerator: e.candidate.accelerator }, performance: e.performance, accuracy: { ...e.accuracy }, metrics: e.metrics && { ...e.metrics } };
}

export type RecordParse = { ok: true; value: SearchRecord } | { ok: false; field: string; message: string };

class RecordError extends Error {
  constructor(readonly field: string, message: string) { super(message); }
}

const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 40);
const at = (base: string, key: string) => (base ? `${base}.${key}` : key);

function obj(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RecordError(path || 'record', `expected an object, got ${show(x)}`);
  return x as Record<string, unknown>;
}

function num(o: Record<string, unknown>, key: string, base: string, nullable = false): number | null {
  const v = o[key];
  if (v === null && nullable) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RecordError(at(base, key), `expected a number${nullable ? ' or null' : ''}, got ${show(v)}`);
  return v;
}

function str(o: Record<string, unknown>, key: string, base: string, nullable = false): string | null {
  const v = o[key];
  if (v === null && nullable) return null;
  if (typeof v !== 'string' || v.length > 4000) throw new RecordError(at(base, key), `expected a string, got ${show(v)}`);
  return v;
}

/** A pair whose halves pass the design-space rules (the editors must accept it). */
function checkPair(x: unknown, path: string, strict: boolean): void {
  const p = obj(x, path);
  if (!strict) {
    obj(p.model, `${path}.model`);
    obj(p.accelerator, `${path}.accelerator`);
    return;
  }
  const m = validateModel(p.model);
  if (!m.ok) throw new RecordError(`${path}.model${m.issues[0].path ? `.${m.issues[0].path}` : ''}`, m.issues[0].message);
  const a = validateAccelerator(p.accelerator, 'acceltran');
  if (!a.ok) throw new RecordError(`${path}.accelerator${a.issues[0].path ? `.${a.issues[0].path}` : ''}`, a.issues[0].message);
}

function checkSummary(x: unknown, path: string): void {
  const s = obj(x, path);
  checkPair(s.pair, `${path}.pair`, true);
  num(s, 'performance', path);
  const acc = obj(s.accuracy, `${path}.accuracy`);
  num(acc, 'mean', `${path}.accuracy`);
  num(acc, 'std', `${path}.accuracy`);
  str(acc, 'source', `${path}.accuracy`);
  if (s.metrics !== null) {
    const m = obj(s.metrics, `${path}.metrics`);
    for (const k of ['latencyS', 'dynamicEnergyJ', 'leakageEnergyJ', 'areaMm2']) num(m, k, `${path}.metrics`);
  }
}

/** Checks an untrusted record; a failure names the field. */
export function parseSearchRecord(x: unknown): RecordParse {
  try {
    const o = obj(x, '');
    if (o.format !== SEARCH_RECORD_FORMAT) throw new RecordError('format', `expected "${SEARCH_RECORD_FORMAT}", got ${show(o.format)}`);
    if (o.version !== SEARCH_RECORD_VERSION) {
      const newer = typeof o.version === 'number' && o.version > SEARCH_RECORD_VERSION;
      throw new RecordError('version', newer ? `made by a newer version of the app (record version ${o.version}; this app reads ${SEARCH_RECORD_VERSION})` : `expected ${SEARCH_RECORD_VERSION}, got ${show(o.version)}`);
    }
    str(o, 'savedAt', '');
    const settings = codesignSchema.safeParse(o.settings);
    if (!settings.success) {
      const issue = settings.error.issues[0];
      throw new RecordError(['settings', ...issue.path.map(String)].join('.'), issue.message);
    }
    str(o, 'datasetName', '', true);
    str(o, 'predictor', '');
    str(o, 'backend', '');
    num(o, 'seconds', '');
    if (!Array.isArray(o.points) || o.points.length > 20_000) throw new RecordError('points', `expected a list of at most 20,000 queries, got ${show(o.points)}`);
    o.points.forEach((p, i) => {
      const path = `points[${i}]`;
      const q = obj(p, path);
      for (const k of ['query', 'performance', 'bestSoFar', 'accuracy', 'accuracyStd']) num(q, k, path);
      for (const k of ['latencyS', 'energyJ', 'areaMm2']) num(q, k, path, true);
      str(q, 'step', path);
      // Points are rule-checked when one is loaded into the editors (300 full checks here would slow every reload).
      checkPair(q.pair, `${path}.pair`, false);
    });
    checkSummary(o.best, 'best');
    checkSummary(o.baseline, 'baseline');
    const r = obj(o.ratios, 'ratios');
    for (const k of ['latency', 'energy', 'area']) num(r, k, 'ratios', true);
    num(r, 'accuracyDelta', 'ratios');
    return { ok: true, value: { ...(o as unknown as SearchRecord), settings: settings.data } };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, field: e.field, message: e.message };
    throw e;
  }
}
