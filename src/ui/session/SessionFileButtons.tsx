/**
 * Download the whole view as a JSON file, import one back, and undo the last
 * replacement ("Restore previous") — an imported file or an opened link never
 * costs the user the view they had.
 */
import { describePinRenames } from '../../core/share/pinIds.ts';
import { useSyncExternalStore, type ChangeEvent } from 'react';
import { useExplorerApi } from '../../state/useExplorer.ts';
import { previousSessionSlot, replaceKeepingPrevious, restorePrevious } from '../../state/previousSession.ts';
import { clip } from '../../core/space/transformer/ops.ts';
import { MAX_SESSION_FILE_BYTES, parseSessionFile, sessionFileJson, sessionFileName } from './sessionFile.ts';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SessionFileButtons() {
  const api = useExplorerApi();
  const slot = previousSessionSlot();
  const hasPrevious = useSyncExternalStore(slot.subscribe, slot.available);

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again fires another change
    if (!file) return;
    const name = clip(file.name, 60);
    const { notify } = api.getState();
    const parsed = file.size > MAX_SESSION_FILE_BYTES
      ? { ok: false as const, message: `the file is too large (${Math.round(file.size / 1024)} KB; at most ${MAX_SESSION_FILE_BYTES / 1024} KB)` }
      : parseSessionFile(await file.text());
    if (!parsed.ok) {
      notify('error', `Could not import “${name}”: ${parsed.message}. Your current view is unchanged.`);
      return;
    }
    const kept = replaceKeepingPrevious(api, parsed.session, slot);
    const upgraded = parsed.migratedFrom !== null ? ` It was saved by an older version (schema ${parsed.migratedFrom}) and has been upgraded.` : '';
    const previous = kept ? ' Your view before it was kept: “Restore previous” brings it back.' : '';
    const renamed = parsed.renamedPins.length > 0 ? ` ${describePinRenames(parsed.renamedPins)}` : '';
    notify('info', `Imported “${name}”.${upgraded}${renamed}${previous}`);
  };

  const onRestore = () => {
    if (restorePrevious(api, slot)) api.getState().notify('info', 'Restored your previous view. The one you left is kept as the previous view now.');
  };

  return (
    <>
      <button type="button" data-testid="download-session" onClick={() => download(sessionFileName(), sessionFileJson(api.getState().session))}>
        Download session
      </button>
      <label className="button-like file-button">
        Import session…
        <input type="file" accept="application/json,.json" className="visually-hidden" data-testid="import-session" onChange={onImport} />
      </label>
      {hasPrevious && (
        <button type="button" data-testid="restore-previous" onClick={onRestore} title="Swap the current view with the one a link or an imported file replaced">
          Restore previous
        </button>
      )}
    </>
  );
}
