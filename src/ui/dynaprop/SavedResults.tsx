/**
 * Results kept in this browser (IndexedDB): show, export, delete, and import a file
 * back. A stored record that cannot be read is listed with the field at fault and
 * left in storage; a bad import changes nothing.
 */
import type { ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab, useLabApi } from '../../state/dynaprop/appLab.ts';
import { MAX_LAB_FILE_BYTES, type LabRecord } from '../../state/dynaprop/labRecord.ts';
import { shownRecord } from '../../state/dynaprop/labStore.ts';
import { useExplorerApi } from '../../state/useExplorer.ts';
import { clip } from '../../core/space/transformer/ops.ts';
import { frac } from './labView.ts';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (what: string) => `dynaprop-${what}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;

function describe(r: LabRecord): string {
  const c = r.runs[0]?.config;
  const runs = r.kind === 'experiment' ? `experiment, ${r.runs.length}/${r.planned} runs` : 'single run';
  return c ? `${runs} · ${c.dataset} · ${c.steps} steps · seed ${c.seed} · ${r.runs[0].backend}` : runs;
}

export function SavedResults() {
  const { controller } = useLabApi();
  const explorer = useExplorerApi();
  const s = useLab(useShallow((l) => ({ records: l.records, unreadable: l.unreadable, storage: l.storage, message: l.storageMessage, shown: shownRecord(l)?.id ?? null })));

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const name = clip(file.name, 60);
    if (file.size > MAX_LAB_FILE_BYTES) {
      explorer.getState().notify('error', `Could not import “${name}”: file: it is ${Math.round(file.size / 1024 / 1024)} MB (at most ${MAX_LAB_FILE_BYTES / 1024 / 1024} MB). Your saved results are unchanged.`);
      return;
    }
    await controller.importFile(await file.text(), name);
  };

  return (
    <section className="lab-saved" aria-labelledby="lab-saved-title">
      <h3 id="lab-saved-title">Saved results</h3>
      <div className="lab-buttons">
        <button type="button" data-testid="lab-export-all" disabled={s.records.length === 0} onClick={() => download(fileName('results'), controller.exportJson())}>
          Export all ({s.records.length})
        </button>
        <label className="button-like file-button">
          Import results…
          <input type="file" accept="application/json,.json" className="visually-hidden" data-testid="lab-import" onChange={(e) => void onImport(e)} />
        </label>
      </div>
      {s.storage === 'failed' && <p className="field-error" role="alert" data-testid="lab-storage-error">Storage: {s.message}</p>}
      {s.unreadable.length > 0 && (
        <div className="field-error" role="alert" data-testid="lab-unreadable">
          {s.unreadable.length} stored result{s.unreadable.length === 1 ? '' : 's'} could not be read and {s.unreadable.length === 1 ? 'is' : 'are'} kept in storage untouched:
          <ul>{s.unreadable.map((u) => <li key={u.id}>{u.id}: {u.field}: {u.message}</li>)}</ul>
        </div>
      )}
      {s.records.length === 0 ? (
        <p className="lab-note">{s.storage === 'loading' ? 'Reading saved results…' : 'Nothing saved yet: every finished run and experiment is kept here, in this browser.'}</p>
      ) : (
        <ul className="lab-record-list" data-testid="lab-records">
          {s.records.map((r) => {
            const best = Math.max(...r.runs.map((x) => x.accuracy));
            return (
              <li key={r.id} aria-current={r.id === s.shown ? 'true' : undefined}>
                <span className="lab-record-what">
                  <strong>{r.createdAt.slice(0, 16).replace('T', ' ')}</strong> {describe(r)} · best test accuracy {frac(best)}
                </span>
                <span className="lab-record-actions">
                  <button type="button" disabled={r.id === s.shown} onClick={() => controller.show(r.id)}>Show</button>
                  <button type="button" onClick={() => download(fileName(r.kind), controller.exportJson([r.id]))}>Export</button>
                  <button type="button" onClick={() => void controller.remove(r.id)} aria-label={`Delete the results of ${r.createdAt.slice(0, 16).replace('T', ' ')}`}>Delete</button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
