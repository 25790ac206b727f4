/** Progress, cancel and outcome of a sweep file import (state/sweep/sweepImport.ts). */
import { useStore } from 'zustand';
import { useSweepApi } from '../../state/sweep/appSweep.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

export function SweepImportStatus() {
  const { importer } = useSweepApi();
  const s = useStore(importer.store);
  if (s.status === 'idle') return null;
  if (s.status === 'reading') {
    const p = s.progress;
    const fraction = p && p.totalBytes > 0 ? p.bytes / p.totalBytes : 0;
    return (
      <p className="sweep-import" role="status" data-testid="import-progress">
        <progress max={1} value={fraction} aria-label={`Reading ${s.file}`} />{' '}
        Reading {s.file}: {(p?.rows ?? 0).toLocaleString('en-US')} rows{p?.expectedRows ? ` of ${p.expectedRows.toLocaleString('en-US')}` : ''}
        {p ? ` (${mb(p.bytes)} of ${mb(p.totalBytes)})` : ''}{' '}
        <button type="button" data-testid="import-cancel" onClick={() => importer.cancel()}>Cancel</button>
      </p>
    );
  }
  return (
    <p className={s.status === 'failed' ? 'sweep-import error-text' : 'sweep-import muted'} role="status" data-testid="import-message">
      {s.message}
    </p>
  );
}
