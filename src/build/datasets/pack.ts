/**
 * The parts of the build shared by both datasets: the seeded stratified split and the
 * packing of token sequences into the version-1 file (docs/datasets.md §4).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rng } from '../../core/rng.ts';
import { encode } from '../../core/dynaprop/data/tokenize.ts';
import { bytesToBase64, uint16ToBase64 } from '../../core/dynaprop/data/base64.ts';
import { DATASET_FORMAT, DATASET_VERSION, SPLIT_NAMES, type SplitName } from '../../core/dynaprop/data/datasetFile.ts';

export const SEED = 20261204;

/** One example before encoding: its tokens (no CLS) and class index. */
export interface Example { tokens: string[]; label: number }
export type Splits = Record<SplitName, Example[]>;

const require = createRequire(import.meta.url);
export const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** Package, version and licences as the installed package states them (package.json, datapackage.json). */
export function packageSource(name: string) {
  const pkg = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8'));
  const data = JSON.parse(readFileSync(join(packageDir(name), 'datapackage.json'), 'utf8'));
  const upstream = data.sources?.[0] as { name?: string; web?: string } | undefined;
  return {
    package: name, version: String(pkg.version),
    license: `${data.license} (data); ${pkg.license} (package code)`,
    url: upstream?.web ?? '', upstream: upstream?.name ?? '',
  };
}

function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) { const j = rng.int(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
  return xs;
}

/** 80/10/10 within each class, so every split keeps the class balance; then each split is shuffled. */
export function stratifiedSplit(items: Example[], numLabels: number, rng: Rng): Splits {
  const out: Splits = { train: [], validation: [], test: [] };
  for (let c = 0; c < numLabels; c++) {
    const ofClass = shuffle(items.filter((x) => x.label === c), rng);
    const nTrain = Math.round(ofClass.length * 0.8), nValidation = Math.round(ofClass.length * 0.1);
    out.train.push(...ofClass.slice(0, nTrain));
    out.validation.push(...ofClass.slice(nTrain, nTrain + nValidation));
    out.test.push(...ofClass.slice(nTrain + nValidation));
  }
  for (const k of SPLIT_NAMES) shuffle(out[k], rng);
  return out;
}

function packSplit(examples: Example[], vocabIndex: Map<string, number>, maxLen: number) {
  const sequences = examples.map((e) => encode(e.tokens, vocabIndex, maxLen));
  const tokens = new Uint16Array(sequences.reduce((sum, s) => sum + s.length, 0));
  let at = 0;
  for (const s of sequences) { tokens.set(s, at); at += s.length; }
  return {
    count: examples.length,
    labels: bytesToBase64(Uint8Array.from(examples, (e) => e.label)),
    lengths: bytesToBase64(Uint8Array.from(sequences, (s) => s.length)),
    tokens: uint16ToBase64(tokens),
  };
}

export interface FileHead {
  name: 'names' | 'spam'; description: string; labels: string[]; tokenizer: 'char' | 'word';
  vocab: string[]; maxLen: number; source: Record<string, string>;
}

/** The file's text. Keys in a fixed order and no timestamps: the same input gives the same bytes. */
export function datasetFileText(head: FileHead, splits: Splits, stats: Record<string, unknown>): string {
  const vocabIndex = new Map(head.vocab.map((t, i) => [t, i]));
  const packed = Object.fromEntries(SPLIT_NAMES.map((k) => [k, packSplit(splits[k], vocabIndex, head.maxLen)]));
  return JSON.stringify({
    format: DATASET_FORMAT, version: DATASET_VERSION, name: head.name, description: head.description,
    labels: head.labels, tokenizer: head.tokenizer, vocab: head.vocab, maxLen: head.maxLen,
    source: head.source, seed: SEED, splits: packed, stats,
  }) + '\n';
}
