/**
 * Compare: pin up to four designs and read them side by side with the current
 * design and the baseline, each metric with how it compares in words
 * ("14× faster", "2.1× more energy"). The baseline is the user's choice: by
 * default the design the last sweep was built around (else BERT-Base on
 * AccelTran-Server), or any pinned design. Any pinned design loads back into the editors.
 */
import { useId, useState } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { MAX_PINNED } from '../../state/store.ts';
import { BASELINE_ID, DEFAULT_BASELINE } from '../../state/simulationController.ts';
import { Explain } from '../common/Explain.tsx';
import { describeDesign } from './designLabel.ts';
import { compareColumns, moduleSections, type CompareColumnInput } from './compareTable.ts';
import { CompareTable, ModuleTable, type ColumnMeta } from './CompareTable.tsx';
import './results.css';

export const DEFAULT_BASELINE_LABEL = 'BERT-Base · AccelTran-Server';

export function ComparePanel() {
  const api = useExplorerApi();
  const design = useExplorer((s) => s.session.design);
  const settings = useExplorer((s) => s.session.settings);
  const pinned = useExplorer((s) => s.session.pinned);
  const baseline = useExplorer((s) => s.session.baseline);
  const sweepBase = useExplorer((s) => s.session.sweepBase);
  const current = useExplorer((s) => s.sim);
  const compare = useExplorer((s) => s.compare);
  const [label, setLabel] = useState('');
  const labelId = useId();
  const baselineSelectId = useId();

  const currentDescription = describeDesign(design, settings);
  const baseDesign = sweepBase ?? DEFAULT_BASELINE;
  const baseLabel = sweepBase ? describeDesign(sweepBase) : DEFAULT_BASELINE_LABEL;
  const baselineId = baseline && pinned.some((p) => p.id === baseline) ? baseline : BASELINE_ID;
  const inputs: CompareColumnInput[] = [
    { id: 'current', label: 'Current design', result: current.result, design, seqLen: settings.seqLen },
    { id: BASELINE_ID, label: baseLabel, result: compare[BASELINE_ID]?.result ?? null, design: baseDesign, seqLen: settings.seqLen },
    ...pinned.map((p) => ({ id: p.id, label: p.label, result: compare[p.id]?.result ?? null, design: p, seqLen: p.settings.seqLen })),
  ];
  const meta: Record<string, ColumnMeta> = {
    current: { kind: 'Live', detail: currentDescription, status: current.status, error: current.error },
    [BASELINE_ID]: {
      kind: sweepBase ? 'Sweep base' : 'Default',
      detail: sweepBase ? 'the design the sweep was built around, with the current run settings' : 'with the current run settings',
      status: compare[BASELINE_ID]?.status ?? 'running',
      error: compare[BASELINE_ID]?.error ?? null,
      loadable: true,
    },
  };
  for (const p of pinned) {
    meta[p.id] = { kind: 'Pinned', detail: describeDesign(p, p.settings), status: compare[p.id]?.status ?? 'running', error: compare[p.id]?.error ?? null, pinned: true, loadable: true };
  }
  const columns = compareColumns(inputs, baselineId);
  const sections = moduleSections(inputs, baselineId);
  const full = pinned.length >= MAX_PINNED;

  const pin = () => {
    api.getState().pinCurrent(label.trim() || currentDescription);
    setLabel('');
  };
  const load = (id: string) => {
    const state = api.getState();
    const p = state.session.pinned.find((x) => x.id === id);
    if (p) state.loadDesign(p, p.settings);
    else if (id === BASELINE_ID) state.loadDesign(baseDesign);
    else return;
    state.notify('info', `Loaded "${p ? p.label : baseLabel}" into the editors.`);
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
          Compare against
          <select id={baselineSelectId} value={baselineId} onChange={(e) => api.getState().setBaseline(e.target.value === BASELINE_ID ? null : e.target.value)} data-testid="baseline-select">
            <option value={BASELINE_ID}>{baseLabel} ({sweepBase ? 'sweep base' : 'default'})</option>
            {pinned.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
      </form>
      <CompareTable columns={columns} meta={meta} onUnpin={(id) => api.getState().unpin(id)} onMakeBaseline={(id) => api.getState().setBaseline(id)} onLoad={load} />
      <ModuleTable columns={columns} meta={meta} sections={sections} />
      <Explain always label="Where this comes from">
        Each column is simulated with ELECTOR: the current design and the baseline with the current run settings, each pinned
        design with the settings it was pinned with. The default baseline is the design the last sweep was built around, or
        BERT-Base on AccelTran-Server when no sweep has run; choose any pinned design instead with "Compare against". Each
        cell says how the column compares with the baseline: "14× faster" is a latency 14 times shorter, "2.1× more energy" an
        energy per sequence 2.1 times larger. Green is better, red worse; within 0.5% reads "same". Energies are per sequence;
        EDP is energy per sequence × latency. Parameters and MACs (per sequence, at each design's sequence length) come from the
        model alone.
      </Explain>
    </div>
  );
}
