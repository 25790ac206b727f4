/**
 * The explorer's layout: editors on the left, results / compare / sweep on the
 * right, the session bar (share, import, export) on top. Components read the
 * store themselves; App only arranges them.
 */
import { useState } from 'react';
import { TransformerEditor } from './editors/TransformerEditor.tsx';
import { AcceleratorEditor } from './editors/AcceleratorEditor.tsx';
import { RunSettingsEditor } from './editors/RunSettingsEditor.tsx';
import { ResultsView } from './results/ResultsView.tsx';
import { ComparePanel } from './results/ComparePanel.tsx';
import { SweepView } from './sweep/SweepView.tsx';
import { SessionBar } from './session/SessionBar.tsx';
import { NoticeBanner } from './session/NoticeBanner.tsx';
import { Tabs } from './common/Tabs.tsx';
import { useExplorer } from '../state/useExplorer.ts';

const VIEWS = [
  { id: 'results', label: 'Results' },
  { id: 'compare', label: 'Compare' },
  { id: 'sweep', label: 'Sweep & Pareto' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

export function App() {
  const [view, setView] = useState<ViewId>('results');
  const theme = useExplorer((s) => s.theme);
  return (
    <div className="app" data-theme={theme}>
      <header className="app-header">
        <h1>TransCODE Explorer</h1>
        <SessionBar />
      </header>
      <NoticeBanner />
      <div className="app-body">
        <aside className="editors" aria-label="Design editors">
          <details open className="panel">
            <summary><h2>Transformer</h2></summary>
            <TransformerEditor />
          </details>
          <details open className="panel">
            <summary><h2>Accelerator</h2></summary>
            <AcceleratorEditor />
          </details>
          <details open className="panel">
            <summary><h2>Run settings</h2></summary>
            <RunSettingsEditor />
          </details>
        </aside>
        <main className="views">
          <Tabs tabs={VIEWS} active={view} onChange={setView} label="Views" />
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="view-panel">
            {view === 'results' && <ResultsView />}
            {view === 'compare' && <ComparePanel />}
            {/* The sweep keeps running and keeps its points while another view is shown. */}
            <div hidden={view !== 'sweep'}>
              <SweepView active={view === 'sweep'} />
            </div>
          </div>
        </main>
      </div>
    </div>
  );
}
