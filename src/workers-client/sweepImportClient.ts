/**
 * Sweep result files read off the main thread: each import runs on its own
 * worker (created on demand, terminated when done or cancelled), which streams
 * the file from disk and reports progress; the columns come back transferred.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { SweepImportWorkerApi } from '../../workers/sweepImport.worker.ts';
import type { ImportedSweep, ImportProgress } from '../core/sweep/importedSweep.ts';
import { guardWorker } from './workerGuard.ts';

export interface ImportHandle {
  /** The sweep; rejects with the file's problem (naming file, line and field), a WorkerFailure, or on cancel. */
  done: Promise<ImportedSweep>;
  cancel(): void;
}

/** A large file reads at tens of MB/s; ten minutes is a dead worker, not a slow file. */
const IMPORT_TIMEOUT_MS = 600_000;

export type StartImport = (file: File, onProgress: (p: ImportProgress) => void) => ImportHandle;

export const startSweepImport: StartImport = (file, onProgress) => {
  const worker = new Worker(new URL('../../workers/sweepImport.worker.ts', import.meta.url), { type: 'module', name: 'sweep-import' });
  const guarded = guardWorker<Remote<SweepImportWorkerApi>>(worker, wrap<SweepImportWorkerApi>(worker), 'sweep import');
  const done = guarded
    .call((remote) => remote.importSweepFile(file, proxy(onProgress)), IMPORT_TIMEOUT_MS)
    .finally(() => guarded.terminate());
  return { done, cancel: () => guarded.terminate() };
};
