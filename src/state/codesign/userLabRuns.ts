/**
 * The user's own finished DynaProp lab runs, as the measured predictor reads them: from
 * the lab's IndexedDB, without their curves and sparsity tables (they go to the worker).
 * Kept apart from measuredRuns.ts so the panel's chunk does not carry the shipped file.
 */
import { measuredRunOf, type MeasuredRun } from '../../core/codesign/predictors/measured.ts';
import type { LabRecordStore } from '../dynaprop/labDb.ts';

/** Id prefix of the shipped runs' records (measuredRuns.ts): imported into the lab, they are not counted twice. */
const BUNDLED_RECORD_PREFIX = 'measure-lab-';

export async function userLabRuns(store: LabRecordStore): Promise<MeasuredRun[]> {
  const { records } = await store.list();
  return records
    .filter((r) => !r.id.startsWith(BUNDLED_RECORD_PREFIX))
    .flatMap((r) => r.runs)
    .map(measuredRunOf);
}

/**
 * The user's runs a measured search was fitted with, as the saved search names them: a count
 * and a hash of what the fit reads, so a resume notices a run added, removed or changed.
 */
export function labRunsLabel(runs: readonly MeasuredRun[]): string {
  if (runs.length === 0) return 'the shipped lab runs';
  let h = 0x811c9dc5;
  const text = JSON.stringify(runs.map((r) => [r.config.dataset, r.config.model, r.config.seed, r.config.steps, r.accuracy]));
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `the shipped lab runs and ${runs.length} of yours (#${(h >>> 0).toString(16).padStart(8, '0')})`;
}
