/**
 * `npm run datasets`: builds public/data/names.v1.json and public/data/spam.v1.json from
 * the npm dataset packages (devDependencies). No network; the same packages and seed give
 * the same bytes, so the committed files can be checked by rebuilding
 * (buildDatasets.test.ts does). Format and preprocessing: docs/datasets.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SPLIT_NAMES, parseDatasetFile } from '../../core/dynaprop/data/datasetFile.ts';
import { buildNamesText } from './names.ts';
import { buildSpamText } from './spam.ts';

export const DATA_DIR = new URL('../../../public/data/', import.meta.url);

export const BUILDERS = { names: buildNamesText, spam: buildSpamText } as const;

function summary(text: string): string {
  const file = parseDatasetFile(JSON.parse(text));
  const perSplit = SPLIT_NAMES.map((k) => {
    const split = file.splits[k];
    const perLabel = file.labels.map((l, i) => `${l} ${split.labels.filter((x) => x === i).length}`).join(', ');
    return `${k} ${split.count} (${perLabel})`;
  });
  return `${file.name}: ${Buffer.byteLength(text)} bytes, vocab ${file.vocab.length}, maxLen ${file.maxLen}; ${perSplit.join('; ')}`;
}

export function buildAll(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (const [name, build] of Object.entries(BUILDERS)) {
    const text = build();
    // Parse before writing: a file this app cannot read must not replace a good one.
    const line = summary(text);
    writeFileSync(new URL(`${name}.v1.json`, DATA_DIR), text);
    console.log(line);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildAll();
