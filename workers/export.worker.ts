/**
 * Thin comlink shell over the export core: writes a sweep export in chunks,
 * reporting progress after each, and hands back the file as a Blob with its name.
 */
import { expose } from 'comlink';
import { exportChunks, exportName, type ExportRequest } from '../src/core/sweep/exportTable.ts';

const api = {
  exportPoints(req: ExportRequest, onProgress: (done: number, total: number) => void): { blob: Blob; name: string } {
    const parts: string[] = [];
    for (const chunk of exportChunks(req)) {
      parts.push(chunk.text);
      void onProgress(chunk.done, chunk.total);
    }
    const blob = new Blob(parts, { type: req.format === 'csv' ? 'text/csv' : 'application/json' });
    return { blob, name: exportName(req.job.spec, req.which, req.format) };
  },
};

export type ExportWorkerApi = typeof api;
expose(api);
