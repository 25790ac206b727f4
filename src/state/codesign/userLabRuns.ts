/**
 * The user's own finished DynaProp lab runs, as the measured predictor reads them: from
 * the lab's IndexedDB, without their curves and sparsity tables (they go to the worker).
 * Kept apart from measuredRuns.ts so the panel's chunk does not carry the shipped file.
 */
import type { MeasuredRun } from '../../core/codesign/predictors/measured.ts';
import type { LabRecordStore } from '../dynaprop/labDb.ts';

/** Id prefix of the shipped runs' records (measuredRuns.ts): imported into the lab, they are not counted twice. */
const BUNDLED_RECORD_PREFIX = 'measure-lab-';

export async function userLabRuns(store: LabRecordStore): Promise<MeasuredRun[]> {
  const { records } = await store.list();
  return records
    .filter((r) => !r.id.startsWith(BUNDLED_RECORD_PREFIX))
    .flatMap((r) => r.runs)
    .map((r) => ({ config: r.config, accuracy: r.accuracy, backend: r.backend, tfjsVersion: r.tfjsVersion }));
}
