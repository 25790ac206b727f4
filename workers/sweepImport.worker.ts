/**
 * Thin comlink shell over the result-file reader: streams a `.sweep.jsonl` file
 * (a CLI shard, a merge, an unsharded run) from disk as text, never holding the
 * whole file, and hands back the columns as transferred typed arrays.
 */
import { expose, transfer } from 'comlink';
import { readSweepResultStream } from '../src/core/sweep/resultFile/columns.ts';
import type { ImportedSweep, ImportProgress } from '../src/core/sweep/importedSweep.ts';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../src/core/sweep/importedSweep.ts';

async function* textChunks(file: File): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

const api = {
  async importSweepFile(file: File, onProgress: (p: ImportProgress) => void): Promise<ImportedSweep> {
    if (file.size > MAX_IMPORT_BYTES) throw new Error(tooLargeMessage(file.name, file.size));
    let last = 0;
    const got = await readSweepResultStream(textChunks(file), (p) => {
      // About ten updates a second: each is a message to the page.
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      void onProgress({ rows: p.rows, expectedRows: p.expectedRows, bytes: p.chars, totalBytes: file.size });
    }, file.name);
    const out: ImportedSweep = {
      job: got.job, columns: got.columns, errors: got.errors, rows: got.rows, errorCount: got.errorCount,
      errorKinds: got.errorKinds, complete: got.complete, issue: got.issue?.message ?? null,
      shard: got.header.shard,
    };
    return transfer(out, [...Object.values(got.columns).map((c) => c.buffer), got.errors.buffer]);
  },
};

export type SweepImportWorkerApi = typeof api;
expose(api);
