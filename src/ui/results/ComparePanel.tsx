/**
 * Compare: pin up to four designs and read them side by side with the current
 * design and the default baseline (BERT-Base on AccelTran-Server), each metric
 * with its ratio against the chosen baseline.
 */
import { useId, useState } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { MAX_PINNED } from '../../state/store.ts';
import { BASELINE_ID } from '../../state/simulationController.ts';
import { Explain } from '../common/Explain.tsx';
import { describeDesign } from './designLabel.ts';
import { compareColumns, type CompareColumnInput } from './compareTable.ts';
import { CompareTable, type ColumnMeta } from './CompareTable.tsx';
import './results.css';

export const DEFAULT_BASELINE_LABEL = 'BERT-Base · AccelTran-Server';

export function ComparePanel() {
  const api = useExplorerApi();
  const design = useExplorer((s) => s.session.design);
  const settings = useExplorer((s) => s.session.settings);
  const pinned = useExplorer((s) => s.session.pinned);
  const baseline = useExplorer((s) => s.session.baseline);
  const current = useExplorer((s) => s.sim);
  const compare = useExplorer((s) => s.compare);
  const [label, setLabel] = useState('');
  const labelId = useId();
  const baselineSelectId = useId();

  const currentDescription = describeDesign(design, settings);
  const baselineId = baseline && pinned.some((p) => p.id === baseline) ? baseline : BASELINE_ID;
  const inputs: CompareColumnInput[] = [
    { id: 'current', label: 'Current design', result: current.result },
    { id: BASELINE_ID, label: DEFAULT_BASELINE_LABEL, result: compare[BASELINE_ID]?.result ?? null },
    ...pinned.map((p) => ({ id: p.id, label: p.label, result: compare[p.id]?.result ?? null })),
  ];
  const meta: Record<string, ColumnMeta> = {
    current: { kind: 'Live', detail: currentDescription, status: current.status, error: current.error },
    [BASELINE_ID]: { kind: 'Default', detail: 'with the current run settings', status: compare[BASELINE_ID]?.status ?? 'running', error: compare[BASELINE_ID]?.error ?? null },
  };
  for (const p of pinned) {
    meta[p.id] = { kind: 'Pinned', detail: describeDesign(p, p.settings), status: compare[p.id]?.status ?? 'running', error: compare[p.id]?.error ?? null, pinned: true };
  }
  const columns = compareColumns(inputs, baselineId);
  const full = pinned.length >= MAX_PINNED;

  const pin = () => {
    api.getState().pinCurrent(label.trim() || currentDescription);
    setLabel('');
  };

  return (
    <div className="compare-view" data-testid="compare-view">
      <form className="compare-controls" onSubmit={(e) => { e.preventDefault(); pin(); }}>
        <label htmlFor={labelId}>
          Label for the pinned design (optional)
          <input id={labelId} type="text" maxLength={80} value={label} placeholder={currentDescription} onChange={(e) => setLabel(e.target.value)} data-testid="pin-label" />
        </label>
        <button type="submit" className="primary" disabled={full} data-testid="pin-current">Pin current design</button>
        <span className="muted" aria-live="polite">{pinned.length} of {MAX_PINNED} pinned{full ? ': unpin one to pin another' : ''}</span>
        <label htmlFor={baselineSelectId}>
          Ratios against
          <select id={baselineSelectId} value={baselineId} onChange={(e) => api.getState().setBaseline(e.target.value === BASELINE_ID ? null : e.target.value)} data-testid="baseline-select">
            <option value={BASELINE_ID}>{DEFAULT_BASELINE_LABEL} (default)</option>
            {pinned.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
      </form>
      <CompareTable columns={columns} meta={meta} onUnpin={(id) => api.getState().unpin(id)} onMakeBaseline={(id) => api.getState().setBaseline(id)} />
      <Explain always label="Where this comes from">
        Each column is simulated with ELECTOR: the current design and the default baseline with the current run settings, each pinned
        design with the settings it was pinned with. A ratio is the column's value divided by the baseline's; "better" means lower
        latency, energy, area or EDP, or higher throughput. Ratios within 0.5% of 1 read "same". Energies are per sequence; EDP is energy
        per sequence × latency.
      </Explain>
    </div>
  );
}
