/**
 * Sweep files dropped or picked: a result file (`*.sweep.jsonl` from the CLI or
 * a merge, told by its header) is streamed in a worker and shown as it is; a sweep
 * JSON exported by the app is imported back (its design, settings and sweep
 * replace the view's, and the sweep re-runs from its seed).
 */
import { formatIssues } from '../../core/space/issues.ts';
import { sessionFromSweepExport } from '../../core/sweep/importPoints.ts';
import type { ExplorerStore } from '../../state/store.ts';
import type { SweepImporter } from '../../state/sweep/sweepImport.ts';

/** Whether the file starts like a sweep result file (only its first bytes are read). */
export async function isSweepResultFile(file: File): Promise<boolean> {
  const head = await file.slice(0, 256).text();
  return /^\s*\{\s*"kind"\s*:\s*"transcode-sweep-result"/.test(head) || file.name.endsWith('.jsonl');
}

export async function importSweepFile(file: File, api: { getState(): ExplorerStore }, importer: Pick<SweepImporter, 'importFile'>): Promise<void> {
  if (await isSweepResultFile(file)) return importer.importFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    api.getState().notify('error', `${file.name} is not JSON.`);
    return;
  }
  const got = sessionFromSweepExport(api.getState().session, parsed);
  if (!got.ok) {
    api.getState().notify('error', `${file.name} is not a sweep this app exported:\n${formatIssues(got.issues.slice(0, 5))}`);
    return;
  }
  api.getState().replaceSession(got.value);
  api.getState().notify('info', `Imported the sweep of ${file.name}: re-running it from seed ${got.value.sweep.seed}.`);
}
