/**
 * A sweep JSON exported by the app, imported back (loaded on first use): its
 * design, settings and sweep replace the view's, and the sweep re-runs from its seed.
 */
import { formatIssues } from '../../core/space/issues.ts';
import { sessionFromSweepExport } from '../../core/sweep/importPoints.ts';
import type { ExplorerStore } from '../../state/store.ts';

export async function importSweepFile(file: File, api: { getState(): ExplorerStore }): Promise<void> {
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
