/**
 * Sweep exports off the main thread: each export runs on its own export worker
 * (created on demand, terminated when done or cancelled), which streams progress
 * back and answers with the file as a Blob.
 * Imported statically: it is tiny, and the worker holds the export code. The main thread only copies the
 * objective columns across.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ExportWorkerApi } from '../../workers/export.worker.ts';
import type { ExportRequest } from '../core/sweep/exportTable.ts';
import { guardWorker } from './workerGuard.ts';

export interface ExportHandle {
  /** The file; rejects with a WorkerFailure if the worker fails or the export is cancelled. */
  done: Promise<{ blob: Blob; name: string }>;
  cancel(): void;
}

export function startExport(req: ExportRequest, onProgress: (done: number, total: number) => void): ExportHandle {
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  const guarded = guardWorker<Remote<ExportWorkerApi>>(worker, wrap<ExportWorkerApi>(worker), 'export');
  const done = guarded
    .call((remote) => remote.exportPoints(req, proxy(onProgress)), 300_000)
    .finally(() => guarded.terminate());
  return { done, cancel: () => guarded.terminate() };
}
