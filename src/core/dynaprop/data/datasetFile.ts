/**
 * The bundled dataset file format (docs/datasets.md), version 1, and its validating
 * parser. Token sequences are stored unpadded and concatenated, as little-endian
 * 16-bit ids in base64, with one length byte per sequence: compact, and decoded in
 * a few milliseconds in a worker.
 */
import { base64ToBytes, base64ToUint16 } from './base64.ts';

export const DATASET_FORMAT = 'transcode-dataset';
export const DATASET_VERSION = 1;
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** A split on the host: sequence i is tokens[offsets[i] … offsets[i + 1]). */
export interface DatasetSplit {
  count: number;
  labels: Uint8Array;
  offsets: Int32Array;
  tokens: Uint16Array;
}

export interface DatasetFile {
  name: string;
  description: string;
  labels: string[];
  tokenizer: 'char' | 'word';
  vocab: string[];
  /** Longest stored sequence, CLS included. */
  maxLen: number;
  source: { package: string; version: string; license: string };
  seed: number;
  splits: Record<SplitName, DatasetSplit>;
  stats: Record<string, unknown>;
}

export class DatasetFormatError extends Error {
  constructor(readonly field: string, message: string) { super(`dataset ${field}: ${message}`); }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function str(o: Record<string, unknown>, key: string, at: string): string {
  if (typeof o[key] !== 'string') throw new DatasetFormatError(at + key, 'expected a string');
  return o[key] as string;
}

export function parseDatasetFile(json: unknown): DatasetFile {
  if (!isObject(json)) throw new DatasetFormatError('file', 'expected a JSON object');
  if (json.format !== DATASET_FORMAT) throw new DatasetFormatError('format', `expected "${DATASET_FORMAT}"`);
  if (json.version !== DATASET_VERSION) throw new DatasetFormatError('version', `this app reads version ${DATASET_VERSION}, got ${JSON.stringify(json.version)}`);
  const labels = json.labels;
  if (!Array.isArray(labels) || labels.length < 2 || labels.length > 255 || !labels.every((l) => typeof l === 'string')) throw new DatasetFormatError('labels', 'expected 2–255 label names');
  const vocab = json.vocab;
  if (!Array.isArray(vocab) || vocab.length < 4 || vocab.length > 65_535 || !vocab.every((v) => typeof v === 'string')) throw new DatasetFormatError('vocab', 'expected a list of 4–65,535 token strings');
  const maxLen = json.maxLen;
  if (typeof maxLen !== 'number' || !Number.isInteger(maxLen) || maxLen < 2 || maxLen > 255) throw new DatasetFormatError('maxLen', 'expected an integer in [2, 255]');
  if (json.tokenizer !== 'char' && json.tokenizer !== 'word') throw new DatasetFormatError('tokenizer', 'expected "char" or "word"');
  if (!isObject(json.source)) throw new DatasetFormatError('source', 'expected an object');
  if (!isObject(json.splits)) throw new DatasetFormatError('splits', 'expected an object');
  const splits = {} as Record<SplitName, DatasetSplit>;
  for (const name of SPLIT_NAMES) {
    splits[name] = parseSplit(json.splits[name], `splits.${name}`, labels.length, vocab.length, maxLen);
  }
  return {
    name: str(json, 'name', ''), description: typeof json.description === 'string' ? json.description : '',
    labels: labels as string[], tokenizer: json.tokenizer, vocab: vocab as string[], maxLen,
    source: { package: str(json.source, 'package', 'source.'), version: str(json.source, 'version', 'source.'), license: str(json.source, 'license', 'source.') },
    seed: typeof json.seed === 'number' ? json.seed : 0, splits, stats: isObject(json.stats) ? json.stats : {},
  };
}

function parseSplit(x: unknown, at: string, numLabels: number, vocabSize: number, maxLen: number): DatasetSplit {
  if (!isObject(x)) throw new DatasetFormatError(at, 'expected an object');
  const count = x.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new DatasetFormatError(`${at}.count`, 'expected a positive integer');
  const decode = <T>(key: string, f: (s: string) => T): T => {
    if (typeof x[key] !== 'string') throw new DatasetFormatError(`${at}.${key}`, 'expected a base64 string');
    try { return f(x[key] as string); } catch (e) { throw new DatasetFormatError(`${at}.${key}`, (e as Error).message); }
  };
  const labels = decode('labels', base64ToBytes);
  const lengths = decode('lengths', base64ToBytes);
  const tokens = decode('tokens', base64ToUint16);
  if (labels.length !== count) throw new DatasetFormatError(`${at}.labels`, `${labels.length} labels for ${count} sequences`);
  if (lengths.length !== count) throw new DatasetFormatError(`${at}.lengths`, `${lengths.length} lengths for ${count} sequences`);
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    if (lengths[i] < 1 || lengths[i] > maxLen) throw new DatasetFormatError(`${at}.lengths[${i}]`, `${lengths[i]} is outside [1, maxLen = ${maxLen}]`);
    if (labels[i] >= numLabels) throw new DatasetFormatError(`${at}.labels[${i}]`, `label ${labels[i]} has no name`);
    offsets[i + 1] = offsets[i] + lengths[i];
  }
  if (tokens.length !== offsets[count]) throw new DatasetFormatError(`${at}.tokens`, `${tokens.length} tokens, but the lengths add up to ${offsets[count]}`);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] >= vocabSize) throw new DatasetFormatError(`${at}.tokens[${i}]`, `id ${tokens[i]} is outside the vocabulary (${vocabSize})`);
  }
  return { count, labels, offsets, tokens };
}
