/**
 * The co-design panel (a lazily loaded chunk: none of it, and no tfjs, is in the main bundle).
 * Search transformer–accelerator pairs for the best weighted mix of predicted accuracy,
 * latency, energy and area, watch the search converge, and load the best pair into the editors.
 */
import { usePanels, useLoaded } from '../../state/panels.ts';
import { CodesignContext, useCodesign } from '../../state/codesign/appCodesign.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { RunBar } from './RunBar.tsx';
import { ConvergencePlot } from './ConvergencePlot.tsx';
import { PairScatter } from './PairScatter.tsx';
import { CostFrontPlot } from './CostFrontPlot.tsx';
import { BestPairCard } from './BestPairCard.tsx';
import { CompareAlgorithms } from './CompareAlgorithms.tsx';
import { SearchRunSettings } from './SearchRunSettings.tsx';
import css from './codesign.css?inline';

// Styles arrive with the chunk as text (a CSS file would pull Vite's preload helper into the main bundle).
if (typeof document !== 'undefined' && !document.querySelector('style[data-codesign]')) {
  const style = document.createElement('style');
  style.dataset.codesign = '';
  style.textContent = css;
  document.head.append(style);
}

function StorageNote() {
  const message = useCodesign((s) => s.storageMessage);
  return message ? <p className="cd-caption" role="status" data-testid="cd-storage">{message}</p> : null;
}

export default function CodesignPanel() {
  const loaded = useLoaded(usePanels().codesign);
  if (loaded.status === 'loading') return <p role="status">Loading the co-design panel…</p>;
  if (loaded.status === 'failed') return <p role="alert">The co-design panel could not start ({loaded.message}); open the tab again to retry.</p>;
  const panel = loaded.value;
  return (
    <CodesignContext.Provider value={panel}>
      <div className="codesign" data-testid="codesign-panel">
        <p className="cd-intro">
          Search transformer–accelerator pairs (FlexiBERT 2.0 × AccelTran space) for the best weighted mix of predicted accuracy,
          latency, energy and area. Each query simulates one pair in ELECTOR; BOSHCODE's surrogate networks train in a worker
          (TensorFlow.js). Results are compared with BERT-Base on AccelTran-Server.
        </p>
        <SearchRunSettings />
        <StorageNote />
        <div className="cd-top">
          <SettingsForm />
          <div className="cd-live">
            <RunBar />
            <BestPairCard />
            <ConvergencePlot />
            <PairScatter />
            <div className="cd-fronts">
              <CostFrontPlot x="latencyS" y="energyJ" testId="cd-front-energy" />
              <CostFrontPlot x="latencyS" y="areaMm2" testId="cd-front-area" />
            </div>
          </div>
        </div>
        <CompareAlgorithms />
      </div>
    </CodesignContext.Provider>
  );
}
