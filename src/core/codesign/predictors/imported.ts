/**
 * The `imported` accuracy predictor (docs/codesign.md §3.2): the user's own scores of
 * models in the space, as a FlexiBERT 2.0 dataset file
 * (`{"<hash>": {"model_dict": {...}, "glue": <number | numeric string | null>, ...}}`), a
 * JSON array of rows `{"model": {...}, "score": …}`, or a CSV with `model` (the dict as
 * JSON) and `score` columns. Fitted with the published predictor's kind of model and
 * checked by leave-one-out rank correlation.
 */
import { ValidationError } from '../../space/issues.ts';
import { validateModel } from '../../space/transformer/validate.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { deriveAccuracyRange } from '../objectiveBounds.ts';
import type { AccuracyPrediction } from '../types.ts';
import { fitTrendGp, leaveOneOut, modelFeatures, spearman, type TrendGpOptions } from './fit.ts';
import type { Predictor } from './predictor.ts';

export const MAX_DATASET_BYTES = 20 * 1024 * 1024;
/** More scored entries than this are refused (the fit is cubic in the count). */
export const MAX_DATASET_ENTRIES = 1000;
export const MIN_DATASET_ENTRIES = 3;

const MODEL_KEYS = ['model_dict', 'model'];
const SCORE_KEYS = ['glue', 'score', 'accuracy'];

export interface DatasetPoint {
  /** The hash key, `rows[i]` or `line n`. */
  id: string;
  model: ModelDict;
  /** Score divided by `scale`: a fraction. */
  score: number;
}

export interface ImportedDataset {
  format: 'flexibert2' | 'json-rows' | 'csv';
  points: DatasetPoint[];
  /** Entries without a score (null, missing or empty), by id. */
  skipped: string[];
  /** What raw scores were divided by: 1 (fractions) or 100 (percent), unless given. */
  scale: number;
}

const fail = (path: string, message: string): never => {
  throw new ValidationError('dataset', [{ path, message }]);
};

/** Parses and validates a dataset; throws a ValidationError naming the entry and field at fault. */
export function parseDataset(text: string, options: { scale?: number } = {}): ImportedDataset {
  if (typeof text !== 'string') fail('file', 'expected text');
  if (utf8Length(text) > MAX_DATASET_BYTES) fail('file', `larger than ${MAX_DATASET_BYTES / 1024 / 1024} MB`);
  const trimmed = text.trim();
  if (trimmed === '') fail('file', 'empty');
  let rows: { id: string; model: unknown; score: unknown; modelPath: string; scorePath: string }[];
  let format: ImportedDataset['format'];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      return fail('file', `not valid JSON (${(e as Error).message})`);
    }
    if (Array.isArray(data)) {
      format = 'json-rows';
      rows = data.map((row, i) => fromObject(`rows[${i}]`, row));
    } else {
      format = 'flexibert2';
      rows = Object.entries(data as Record<string, unknown>).map(([hash, entry]) => fromObject(JSON.stringify(hash), entry));
    }
  } else {
    format = 'csv';
    rows = parseCsvRows(trimmed);
  }
  const skipped: string[] = [];
  const scored: { id: string; model: ModelDict; raw: number; scorePath: string }[] = [];
  for (const r of rows) {
    const raw = parseScore(r.score, r.scorePath);
    if (raw === null) {
      skipped.push(r.id);
      continue;
    }
    const m = validateModel(r.model);
    if (!m.ok) throw new ValidationError('dataset', m.issues.map((i) => ({ path: i.path ? `${r.modelPath}.${i.path}` : r.modelPath, message: i.message })));
    scored.push({ id: r.id, model: m.value, raw, scorePath: r.scorePath });
  }
  if (scored.length < MIN_DATASET_ENTRIES) fail('entries', `${scored.length} scored entries (${skipped.length} without a score); at least ${MIN_DATASET_ENTRIES} are needed`);
  if (scored.length > MAX_DATASET_ENTRIES) fail('entries', `${scored.length} scored entries; at most ${MAX_DATASET_ENTRIES} are fitted`);
  const max = scored.reduce((a, b) => (b.raw > a.raw ? b : a));
  const scale = options.scale ?? (max.raw <= 1 ? 1 : max.raw <= 100 ? 100 : fail(max.scorePath, `${max.raw} is neither a fraction (≤ 1) nor a percentage (≤ 100)`));
  const low = scored.find((p) => p.raw < 0 || p.raw / scale > 1);
  if (low) fail(low.scorePath, `${low.raw} is outside [0, ${scale}]`);
  return { format, points: scored.map((p) => ({ id: p.id, model: p.model, score: p.raw / scale })), skipped, scale };
}

function fromObject(id: string, entry: unknown) {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return fail(id, 'expected an object like {"model_dict": {...}, "glue": 0.8}');
  }
  const e = entry as Record<string, unknown>;
  const modelKey = MODEL_KEYS.find((k) => Object.hasOwn(e, k));
  if (!modelKey) return fail(id, `has no model (expected one of ${MODEL_KEYS.join(', ')})`);
  const scoreKey = SCORE_KEYS.find((k) => Object.hasOwn(e, k)) ?? SCORE_KEYS[0];
  return { id, model: e[modelKey], score: e[scoreKey], modelPath: `${id}.${modelKey}`, scorePath: `${id}.${scoreKey}` };
}

/** A score: a number or numeric string; null for missing, null or empty (skipped). */
function parseScore(v: unknown, path: string): number | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) fail(path, `${JSON.stringify(v)?.slice(0, 40)} is not a number`);
  return n;
}

function parseCsvRows(text: string) {
  const records = csvRecords(text);
  const header = records[0].map((h) => h.trim().toLowerCase());
  const mi = header.findIndex((h) => MODEL_KEYS.includes(h));
  const si = header.findIndex((h) => SCORE_KEYS.includes(h));
  if (mi < 0 || si < 0) fail('line 1', `the header needs a model column (${MODEL_KEYS.join(' or ')}) and a score column (${SCORE_KEYS.join(', ')})`);
  return records.slice(1).filter((r) => r.some((c) => c.trim() !== '')).map((r, i) => {
    const id = `line ${i + 2}`;
    let model: unknown;
    try {
      model = JSON.parse(r[mi] ?? '');
    } catch {
      fail(`${id}.${header[mi]}`, 'not a model dict in JSON');
    }
    return { id, model, score: r[si], modelPath: `${id}.${header[mi]}`, scorePath: `${id}.${header[si]}` };
  });
}

/** RFC 4180 records: commas, double-quoted fields with "" for a quote, CRLF or LF. */
function csvRecords(text: string): string[][] {
  const out: string[][] = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out[out.length - 1].push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      out[out.length - 1].push(field); field = ''; out.push([]);
    } else field += c;
  }
  out[out.length - 1].push(field);
  return out;
}

function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_DATASET_BYTES) return s.length; // cannot exceed the limit
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Inputs: the six features of fit.ts, standardised over the dataset. */
const rawInputs = (m: ModelDict) => {
  const f = modelFeatures(m);
  return [f.log10Params, f.log2Depth, f.log2Width, f.fractionWma, f.fractionLinear, f.fractionConv];
};

export interface ImportedFit {
  predictor: Predictor;
  dataset: ImportedDataset;
  /** Spearman correlation of leave-one-out predictions with the scores (NaN if either is constant). */
  looSpearman: number;
  loo: { id: string; score: number; predicted: number }[];
  fit: TrendGpOptions;
}

/** Fits the predictor to a parsed dataset. `name` appears in the source string. */
export function fitImported(dataset: ImportedDataset, name = 'dataset'): ImportedFit {
  const raw = dataset.points.map((p) => rawInputs(p.model));
  const d = raw[0].length;
  const mean = Array.from({ length: d }, (_, c) => raw.reduce((s, x) => s + x[c], 0) / raw.length);
  const std = Array.from({ length: d }, (_, c) => Math.sqrt(raw.reduce((s, x) => s + (x[c] - mean[c]) ** 2, 0) / raw.length));
  // A column that does not vary is left in natural units (centred): new models differing there still look far.
  const scale = std.map((s) => (s > 1e-9 ? s : 1));
  const standardise = (x: readonly number[]) => x.map((v, c) => (v - mean[c]) / scale[c]);
  const xs = raw.map(standardise);
  const ys = dataset.points.map((p) => p.score);
  const spread = Math.sqrt(ys.reduce((s, y) => s + (y - ys.reduce((a, b) => a + b, 0) / ys.length) ** 2, 0) / ys.length);
  const signalStd = Math.max(0.005, spread);
  const fit: TrendGpOptions = { trendColumns: std.map((s, c) => (s > 1e-9 ? c : -1)).filter((c) => c >= 0), lengthScale: Math.sqrt(d), signalStd, noiseStd: 0.5 * signalStd, ridge: 1 };
  const gp = fitTrendGp(xs, ys, fit);
  const looMeans = leaveOneOut(xs, ys, fit);
  const looSpearman = spearman(looMeans, ys);
  const source = `imported: ${name}, ${ys.length} models (${dataset.skipped.length} without a score skipped), leave-one-out Spearman ρ = ${looSpearman.toFixed(2)}`;
  const predict = (model: ModelDict): AccuracyPrediction => {
    const r = gp.predict(standardise(rawInputs(model)));
    return { mean: Math.min(1, Math.max(0, r.mean)), std: r.std, source };
  };
  const sampled = deriveAccuracyRange((m) => predict(m).mean, { samples: 500 });
  const lo = Math.min(sampled.min, ...ys), hi = Math.max(sampled.max, ...ys);
  const predictor: Predictor = {
    id: 'imported',
    accuracyRange: hi > lo ? { min: lo, max: hi } : { min: lo - 0.01, max: hi + 0.01 },
    predict,
    describe: () =>
      `${source}. Format ${dataset.format}, scores divided by ${dataset.scale}. Linear trend in log size, depth, width and ` +
      `head-type fractions plus a Gaussian-process correction; uncertainty grows away from the imported models.`,
  };
  return { predictor, dataset, looSpearman, loo: dataset.points.map((p, i) => ({ id: p.id, score: p.score, predicted: looMeans[i] })), fit };
}

/** Parses and fits in one step (the CLI's `--predictor imported:<file>`). */
export function importedPredictor(text: string, name = 'dataset', options: { scale?: number } = {}): ImportedFit {
  return fitImported(parseDataset(text, options), name);
}
