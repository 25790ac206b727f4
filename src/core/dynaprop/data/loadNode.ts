/** Node only (CLI, tests, benchmarks): reads a bundled dataset from public/data. */
import { readFileSync } from 'node:fs';
import { DATASET_NAMES, isDatasetName } from './batches.ts';
import { parseDatasetFile, type DatasetFile } from './datasetFile.ts';
import { ConfigError } from '../validateConfig.ts';

/** Resolved from this module, not the working directory, so the CLI works from anywhere. */
export function datasetPath(name: string): URL {
  return new URL(`../../../../public/data/${name}.v1.json`, import.meta.url);
}

export function loadDatasetFromDisk(name: string): DatasetFile {
  if (!isDatasetName(name)) throw new ConfigError('dataset', `unknown dataset ${JSON.stringify(name)} (choose ${DATASET_NAMES.join(' or ')})`);
  return parseDatasetFile(JSON.parse(readFileSync(datasetPath(name), 'utf8')));
}
