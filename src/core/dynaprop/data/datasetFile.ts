/**
 * The bundled dataset file format, version 1 (docs/datasets.md §4), and its validating
 * parser. Sequences are stored unpadded and concatenated as little-endian 16-bit ids in
 * base64, with one length byte per sequence: compact, and decoded in milliseconds in a
 * worker. Every check names the field it failed on, so a broken file is fixable.
 */
import { base64ToBytes, bytesToUint16 } from './base64.ts';
import { CLS, PAD, SPECIAL_TOKENS } from './tokenize.ts';

export const DATASET_FORMAT = 'transcode-dataset';
export const DATASET_VERSION = 1;
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** A split on the host: sequence i is tokens[offsets[i] … offsets[i + 1]), CLS first. */
export interface DatasetSplit {
  count: number;
  labels: Uint8Array;
  /** count + 1 entries; offsets[count] = tokens.length. */
  offsets: Int32Array;
  tokens: Uint16Array;
}

export interface DatasetSource { package: string; version: string; license: string; url?: string }

export interface DatasetFile {
  name: string;
  description: string;
  labels: string[];
  tokenizer: 'char' | 'word';
  vocab: string[];
  /** Longest stored sequence, CLS included. */
  maxLen: number;
  source: DatasetSource;
  seed: number;
  splits: Record<SplitName, DatasetSplit>;
  stats: Record<string, unknown>;
}

export class DatasetFormatError extends Error {
  constructor(readonly field: string, message: string) { super(`dataset ${field}: ${message}`); }
}

type Obj = Record<string, unknown>;
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const fail = (field: string, message: string): never => { throw new DatasetFormatError(field, message); };

function string(o: Obj, key: string, at: string, optional = false): string | undefined {
  if (optional && o[key] === undefined) return undefined;
  return typeof o[key] === 'string' ? o[key] : fail(at + key, `expected a string, got ${JSON.stringify(o[key]) ?? 'nothing'}`);
}

function integer(o: Obj, key: string, at: string, min: number, max: number): number {
  const v = o[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fail(at + key, `expected an integer in [${min}, ${max}], got ${JSON.stringify(v) ?? 'nothing'}`);
}

function stringList(o: Obj, key: string, min: number, max: number): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length < min || v.length > max) return fail(key, `expected a list of ${min}–${max} strings`);
  const seen = new Set<string>();
  v.forEach((s, i) => {
    if (typeof s !== 'string') fail(`${key}[${i}]`, 'expected a string');
    if (seen.has(s)) fail(`${key}[${i}]`, `${JSON.stringify(s)} is listed twice`);
    seen.add(s);
  });
  return v as string[];
}

export function parseDatasetFile(json: unknown): DatasetFile {
  if (!isObject(json)) return fail('file', 'expected a JSON object');
  if (json.format !== DATASET_FORMAT) fail('format', `expected "${DATASET_FORMAT}", got ${JSON.stringify(json.format)}`);
  if (json.version !== DATASET_VERSION) fail('version', `this app reads version ${DATASET_VERSION}, got ${JSON.stringify(json.version)}`);
  const name = string(json, 'name', '')!;
  if (!/^[a-z0-9-]+$/.test(name)) fail('name', `expected lower-case letters, digits or hyphens, got ${JSON.stringify(name)}`);
  const description = string(json, 'description', '')!;
  const labels = stringList(json, 'labels', 2, 255);
  if (json.tokenizer !== 'char' && json.tokenizer !== 'word') fail('tokenizer', `expected "char" or "word", got ${JSON.stringify(json.tokenizer)}`);
  // Ids are 16-bit, and ids 0–2 mean padding, CLS and unknown to every model.
  const vocab = stringList(json, 'vocab', SPECIAL_TOKENS.length + 1, 65_536);
  SPECIAL_TOKENS.forEach((t, i) => { if (vocab[i] !== t) fail(`vocab[${i}]`, `expected "${t}", got ${JSON.stringify(vocab[i])}`); });
  // Lengths are stored in one byte each.
  const maxLen = integer(json, 'maxLen', '', 2, 255);
  const source = isObject(json.source) ? json.source : fail('source', 'expected an object');
  const seed = integer(json, 'seed', '', 0, 2 ** 32 - 1);
  const splitsIn = isObject(json.splits) ? json.splits : fail('splits', 'expected an object');
  const splits = {} as Record<SplitName, DatasetSplit>;
  for (const k of SPLIT_NAMES) splits[k] = parseSplit(splitsIn[k], `splits.${k}`, labels.length, vocab.length, maxLen);
  const stats = json.stats === undefined ? {} : isObject(json.stats) ? json.stats : fail('stats', 'expected an object');
  const url = string(source, 'url', 'source.', true);
  return {
    name, description, labels, tokenizer: json.tokenizer as 'char' | 'word', vocab, maxLen,
    source: { package: string(source, 'package', 'source.')!, version: string(source, 'version', 'source.')!, license: string(source, 'license', 'source.')!, ...(url === undefined ? {} : { url }) },
    seed, splits, stats,
  };
}

function parseSplit(x: unknown, at: string, numLabels: number, vocabSize: number, maxLen: number): DatasetSplit {
  if (!isObject(x)) return fail(at, 'expected an object with count, labels, lengths and tokens');
  const count = integer(x, 'count', `${at}.`, 1, 2 ** 31 - 1);
  const bytes = (key: string): Uint8Array => {
    if (typeof x[key] !== 'string') return fail(`${at}.${key}`, 'expected a base64 string');
    try { return base64ToBytes(x[key] as string); } catch (e) { return fail(`${at}.${key}`, (e as Error).message); }
  };
  const labels = bytes('labels');
  if (labels.length !== count) fail(`${at}.labels`, `${labels.length} labels for count ${count}`);
  const lengths = bytes('lengths');
  if (lengths.length !== count) fail(`${at}.lengths`, `${lengths.length} lengths for count ${count}`);
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    if (lengths[i] < 1 || lengths[i] > maxLen) fail(`${at}.lengths[${i}]`, `${lengths[i]} is outside [1, maxLen ${maxLen}]`);
    if (labels[i] >= numLabels) fail(`${at}.labels[${i}]`, `label ${labels[i]} has no name (${numLabels} labels)`);
    offsets[i + 1] = offsets[i] + lengths[i];
  }
  const tokenBytes = bytes('tokens');
  if (tokenBytes.length !== 2 * offsets[count]) fail(`${at}.tokens`, `length ${tokenBytes.length} bytes is not 2 × sum(lengths) = ${2 * offsets[count]}`);
  const tokens = bytesToUint16(tokenBytes);
  for (let i = 0; i < count; i++) {
    if (tokens[offsets[i]] !== CLS) fail(`${at}.tokens[${offsets[i]}]`, `sequence ${i} starts with id ${tokens[offsets[i]]}, not CLS (${CLS})`);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] >= vocabSize) fail(`${at}.tokens[${i}]`, `id ${tokens[i]} is outside the vocabulary (${vocabSize} entries)`);
    // Sequences are stored unpadded; a PAD inside one would be masked in as a real token.
    if (tokens[i] === PAD) fail(`${at}.tokens[${i}]`, 'PAD inside a stored sequence');
  }
  return { count, labels, offsets, tokens };
}

/** Sequence `i` of a split (a view, not a copy). */
export const sequenceOf = (split: DatasetSplit, i: number): Uint16Array => split.tokens.subarray(split.offsets[i], split.offsets[i + 1]);
