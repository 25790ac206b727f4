/**
 * Importing a sweep result file (a CLI shard, a merge of shards, an unsharded
 * run): read in a worker with progress and cancel, then shown like a sweep this
 * page ran (no simulation) and kept in the history. The newest import wins: a
 * second file cancels the first. A file that cannot be read changes nothing the
 * user had; one that stops early shows the rows before the problem and says where.
 */
import { createStore } from 'zustand/vanilla';
import { describeImport, type ImportProgress } from '../../core/sweep/importedSweep.ts';
import type { ImportHandle, StartImport } from '../../workers-client/sweepImportClient.ts';
import type { SweepController } from './sweepController.ts';
import type { SweepHistory } from './sweepHistory.ts';

export interface SweepImportState {
  status: 'idle' | 'reading' | 'done' | 'failed' | 'cancelled';
  file: string | null;
  progress: ImportProgress | null;
  /** What happened, naming the file (and line and field when something is wrong). */
  message: string | null;
}

export interface SweepImportDeps {
  controller: Pick<SweepController, 'show'>;
  history: Pick<SweepHistory, 'keepFinished'>;
  start: StartImport;
}

export function createSweepImporter(d: SweepImportDeps) {
  const store = createStore<SweepImportState>()(() => ({ status: 'idle', file: null, progress: null, message: null }));
  let current: ImportHandle | null = null;
  let token = 0;

  function importFile(file: File): Promise<void> {
    current?.cancel();
    const mine = ++token;
    store.setState({ status: 'reading', file: file.name, progress: { rows: 0, expectedRows: 0, bytes: 0, totalBytes: file.size }, message: null });
    const handle = d.start(file, (progress) => {
      if (mine === token) store.setState({ progress });
    });
    current = handle;
    return handle.done.then(
      (got) => {
        if (mine !== token) return;
        current = null;
        if (got.rows === 0) {
          store.setState({ status: 'failed', progress: null, message: `${file.name} holds no rows (${got.issue ?? 'only a header'}); nothing was changed.` });
          return;
        }
        d.controller.show(got.job, { columns: got.columns, errors: got.errors }, { errorCount: got.errorCount, elapsedMs: null, done: got.rows }, { origin: 'import' });
        void d.history.keepFinished('import');
        store.setState({ status: 'done', progress: null, message: describeImport(file.name, got) });
      },
      (e: unknown) => {
        if (mine !== token) return;
        current = null;
        const why = e instanceof Error ? e.message : String(e);
        store.setState({ status: 'failed', progress: null, message: `${file.name} could not be imported; nothing was changed. ${why}` });
      },
    );
  }

  function cancel(): void {
    if (!current) return;
    token++;
    current.cancel();
    current = null;
    store.setState({ status: 'cancelled', progress: null, message: `Import of ${store.getState().file} cancelled; nothing was changed.` });
  }

  return { store, importFile, cancel };
}

export type SweepImporter = ReturnType<typeof createSweepImporter>;
