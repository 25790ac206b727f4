/**
 * The explorer's layout: editors on the left, results / compare / sweep on the
 * right, the session bar (share, import, export) on top. Components read the
 * store themselves; App only arranges them.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { TransformerEditor } from './editors/TransformerEditor.tsx';
import { AcceleratorEditor } from './editors/AcceleratorEditor.tsx';
import { RunSettingsEditor } from './editors/RunSettingsEditor.tsx';
import { ResultsView } from './results/ResultsView.tsx';
import { ComparePanel } from './results/ComparePanel.tsx';
import { SessionBar } from './session/SessionBar.tsx';
import { NoticeBanner } from './session/NoticeBanner.tsx';
import { Tabs } from './common/Tabs.tsx';
import { useExplorer, useExplorerApi } from '../state/useExplorer.ts';
import type { ViewTab } from '../core/share/schema.ts';
import { Intro, IntroReopen } from './intro/Intro.tsx';
// The sweep view's styles stay in the main sheet: other panels share its progress bar and tables.
import './sweep/sweep.css';

// Its own chunk (tfjs only in its worker), so the main bundle stays small. A chunk that cannot
// load (offline, before it was cached) says so instead of breaking the app.
const DynaPropLab = lazy(() => import('./dynaprop/DynaPropLab.tsx').catch(() => ({ default: () => <p role="alert">The DynaProp lab could not load; reload to try again.</p> })));

// The co-design panel: its own chunk too (tfjs only in the co-design worker).
const CodesignPanel = lazy(() => import('./codesign/CodesignPanel.tsx').catch(() => ({ default: () => <p role="alert">The co-design panel could not load; reload to try again.</p> })));

// The sweep view (its plot engine, d3's zoom and brush) loads when the tab first opens; the
// sweep itself runs in state/sweep, so a shared sweep starts before its view has loaded.
// It is fetched when the page is idle, so the tab usually opens at once.
const loadSweepView = () => import('./sweep/SweepView.tsx');
const SweepView = lazy(() => loadSweepView().then((m) => ({ default: m.SweepView })).catch(() => ({ default: () => <p role="alert">The sweep view could not load; reload to try again.</p> })));
function prefetchSweepViewWhenIdle(): () => void {
  const prefetch = () => void loadSweepView().catch(() => { /* the tab reports it when opened */ });
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(prefetch, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(prefetch, 2000);
  return () => clearTimeout(id);
}

const VIEWS: readonly { id: ViewTab; label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'compare', label: 'Compare' },
  { id: 'sweep', label: 'Sweep & Pareto' },
  { id: 'dynaprop', label: 'DynaProp lab' },
  { id: 'codesign', label: 'Co-design' },
];

export function App() {
  // The open tab is part of the view: links, reload and session files bring it back.
  const view = useExplorer((s) => s.session.view.tab);
  const api = useExplorerApi();
  const setView = (tab: ViewTab) => api.getState().setView({ tab });
  const theme = useExplorer((s) => s.theme);
  // On a phone the editors fold away behind a toggle and the results come first; on a desktop both are always shown.
  const [editorsOpen, setEditorsOpen] = useState(false);
  const resultsRef = useRef<HTMLElement>(null);
  // Once opened, the sweep view stays mounted (hidden) so its plot keeps its zoom and selection.
  const [sweepOpened, setSweepOpened] = useState(view === 'sweep');
  if (view === 'sweep' && !sweepOpened) setSweepOpened(true);
  useEffect(prefetchSweepViewWhenIdle, []);
  return (
    <div className="app" data-theme={theme}>
      {/* Not a plain #fragment: the hash holds share links. */}
      <a
        href="#results" className="skip-link" data-testid="skip-to-results"
        onClick={(e) => {
          e.preventDefault();
          resultsRef.current?.focus();
          resultsRef.current?.scrollIntoView({ block: 'start' });
        }}
      >
        Skip to results
      </a>
      <header className="app-header">
        <h1>TransCODE Explorer</h1>
        <IntroReopen />
        <SessionBar />
      </header>
      <NoticeBanner />
      <div className="app-body" data-editors-open={editorsOpen}>
        <button
          type="button" className="editors-toggle" data-testid="editors-toggle"
          aria-expanded={editorsOpen} aria-controls="design-editors" onClick={() => {
            setEditorsOpen(!editorsOpen);
            // Closing the editors from far down the page: bring the results (tabs first) back into view.
            if (editorsOpen) {
              requestAnimationFrame(() => {
                const r = resultsRef.current;
                if (r && r.getBoundingClientRect().top < 0) r.scrollIntoView({ block: 'start' });
              });
            }
          }}
        >
          <span aria-hidden="true">{editorsOpen ? '▾' : '▸'}</span> {editorsOpen ? 'Hide the design editors' : 'Edit the design'}
        </button>
        <aside className="editors" id="design-editors" aria-label="Design editors">
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
        <main className="views" id="results" ref={resultsRef} tabIndex={-1} aria-label="Results">
          <Intro />
          <Tabs tabs={VIEWS} active={view} onChange={setView} label="Views" />
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="view-panel">
            {view === 'results' && <ResultsView />}
            {view === 'compare' && <ComparePanel />}
            {view === 'dynaprop' && <Suspense fallback="Loading…"><DynaPropLab /></Suspense>}
            {view === 'codesign' && <Suspense fallback="Loading…"><CodesignPanel /></Suspense>}
            {/* The sweep keeps running and keeps its points while another view is shown. */}
            <div hidden={view !== 'sweep'}>
              {sweepOpened && <Suspense fallback="Loading…"><SweepView active={view === 'sweep'} /></Suspense>}
            </div>
          </div>
        </main>
      </div>
    </div>
  );
}
