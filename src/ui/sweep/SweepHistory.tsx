/**
 * The sweep history: every sweep this browser finished, newest first. Open makes
 * one the view's sweep again (no simulation); Overlay draws one under the
 * current sweep on the same axes; names are editable; Export writes the same JSON
 * as the export bar. Loaded with the sweep tab's history section (its own chunk).
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import { MAX_HISTORY, sameJob } from '../../state/sweep/sweepHistory.ts';
import type { SweepRecordMeta } from '../../state/sweep/historyRecord.ts';
import { startExport } from '../../workers-client/exportClient.ts';
import { download } from './plotExport.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function Entry({ e, overlaid, current }: { e: SweepRecordMeta; overlaid: boolean; current: boolean }) {
  const { history } = useSweepApi();
  const [name, setName] = useState(e.name);
  const [exporting, setExporting] = useState(false);
  const exportJson = async () => {
    const got = await history.withData(e.id);
    if (!got) return;
    setExporting(true);
    try {
      const { blob } = await startExport({ format: 'json', which: 'all', job: e.job, columns: got.data.columns, errors: got.data.errors, indices: null, includeModel: false }, () => {}).done;
      download(`${e.name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'sweep'}.json`, blob, blob.type);
    } finally {
      setExporting(false);
    }
  };
  const spec = e.job.spec;
  return (
    <li className="history-entry" data-testid="history-entry" aria-current={current || undefined}>
      <input
        aria-label="Sweep name" value={name} maxLength={120} data-testid="history-name"
        onChange={(ev) => setName(ev.target.value)}
        onBlur={() => void history.rename(e.id, name)}
        onKeyDown={(ev) => { if (ev.key === 'Enter') (ev.target as HTMLInputElement).blur(); }}
      />
      <span className="muted history-meta">
        {e.points.toLocaleString('en-US')} points{e.errorCount ? `, ${e.errorCount.toLocaleString('en-US')} failed` : ''} · {spec.sampler}, seed {spec.seed} ·{' '}
        {e.job.settings.mode}, {e.job.settings.costModel} · {when(e.createdAt)}{e.source === 'import' ? ' · imported' : ''}{current ? ' · shown' : ''}
      </span>
      <span className="history-actions">
        <button type="button" data-testid="history-open" disabled={current} onClick={() => void history.open(e.id)}>Open</button>
        <button type="button" data-testid="history-overlay" aria-pressed={overlaid} onClick={() => void history.overlay(overlaid ? null : e.id)}>
          {overlaid ? 'Remove overlay' : 'Overlay'}
        </button>
        <button type="button" data-testid="history-export" disabled={exporting} onClick={() => void exportJson()}>{exporting ? 'Exporting…' : 'Export'}</button>
        <button type="button" data-testid="history-delete" aria-label={`Delete ${e.name}`} onClick={() => void history.remove(e.id)}>Delete</button>
      </span>
    </li>
  );
}

export default function SweepHistory() {
  const { history } = useSweepApi();
  const st = useStore(history.store);
  const overlayId = useSweepRun((s) => s.overlay?.id ?? null);
  const job = useSweepRun((s) => s.job);
  const status = useSweepRun((s) => s.status);
  const shown = (e: SweepRecordMeta) => status === 'done' && job !== null && sameJob(job, e.job);
  return (
    <details className="sweep-history" data-testid="sweep-history">
      <summary>Sweep history ({st.entries.length})</summary>
      <p className="muted">
        Every sweep that finishes in this browser is kept here (the newest {MAX_HISTORY}), with its points, so it reopens without simulating.
        A link carries a sweep&apos;s settings and seed, never its points.
      </p>
      {st.status === 'unavailable' && <p className="muted" role="status">{st.message}</p>}
      {st.status !== 'unavailable' && st.message && <p className="muted" role="status" data-testid="history-message">{st.message}</p>}
      {st.unreadable.map((u) => (
        <p key={u.key} className="muted" role="status">A stored sweep ({u.key}) cannot be read ({u.field}: {u.message}); it was left as it is.</p>
      ))}
      {st.entries.length === 0 && st.status === 'ready' && <p className="muted">No sweep has finished yet.</p>}
      <ol className="history-list">
        {st.entries.map((e) => <Entry key={`${e.id}:${e.name}`} e={e} overlaid={overlayId === e.id} current={shown(e)} />)}
      </ol>
    </details>
  );
}
