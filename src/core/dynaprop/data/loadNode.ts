/** Node only (CLI, tests, benchmarks): reads a bundled dataset from public/data. */
import { readFileSync } from 'node:fs';
import { DATASET_IDS } from '../config.ts';
import { parseDatasetFile, type DatasetFile } from './datasetFile.ts';
import { ConfigError } from '../validateConfig.ts';

export function datasetPath(name: string): URL {
  return new URL(`../../../../public/data/${name}.v1.json`, import.meta.url);
}

export function loadDatasetFromDisk(name: string): DatasetFile {
  if (!DATASET_IDS.includes(name as never)) throw new ConfigError('dataset', `unknown dataset "${name}" (choose ${DATASET_IDS.join(' or ')})`);
  return parseDatasetFile(JSON.parse(readFileSync(datasetPath(name), 'utf8')));
}
