/**
 * The DynaProp lab (a lazily loaded chunk: none of it, and no tfjs, is in the main
 * bundle). Train a small FlexiBERT 2.0 classifier in a worker while DynaProp prunes
 * activations and gradients, watch it learn, compare pruning targets, and hand the
 * measured sparsity to the simulator.
 */
import { usePanels, useLoaded } from '../../state/panels.ts';
import { LabContext } from '../../state/dynaprop/appLab.ts';
import { LabForm } from './LabForm.tsx';
import { RunControls } from './RunControls.tsx';
import { CurvesCharts } from './CurvesChart.tsx';
import { SparsityHeatmap } from './SparsityHeatmap.tsx';
import { RunSummary } from './RunSummary.tsx';
import { MeasuredSparsity } from './MeasuredSparsity.tsx';
import { TradeoffPlot } from './TradeoffPlot.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { ThresholdChart } from './ThresholdChart.tsx';
import { SavedResults } from './SavedResults.tsx';
import css from './dynaprop.css?inline';

// The lab's styles arrive with its chunk as text: a chunk with a CSS file would make the main
// bundle carry Vite's preloading helper (about 1 KB of its 200 KB budget).
if (typeof document !== 'undefined' && !document.querySelector('style[data-lab]')) {
  const style = document.createElement('style');
  style.dataset.lab = '';
  style.textContent = css;
  document.head.append(style);
}

export default function DynaPropLab() {
  const loaded = useLoaded(usePanels().lab);
  if (loaded.status === 'loading') return <p role="status">Loading the lab…</p>;
  if (loaded.status === 'failed') return <p role="alert">The DynaProp lab could not start ({loaded.message}); open the tab again to retry.</p>;
  const lab = loaded.value;
  return (
    <LabContext.Provider value={lab}>
      <div className="lab" data-testid="dynaprop-lab">
        <p className="lab-intro">
          Train a small transformer in this tab (TensorFlow.js, in a worker) while DynaProp zeroes every activation and
          gradient whose magnitude is at most a threshold τ, read from lookup tables profiled on the model itself. The
          sparsity reached is measured, never assumed, and can drive the simulator.
        </p>
        <div className="lab-top">
          <LabForm />
          <div className="lab-live">
            <RunControls />
            <RunSummary />
            <div className="charts-grid lab-charts">
              <CurvesCharts />
            </div>
          </div>
        </div>
        <SparsityHeatmap />
        <MeasuredSparsity />
        <div className="charts-grid lab-charts">
          <TradeoffPlot />
          <ThresholdChart />
        </div>
        <ResultsTable />
        <SavedResults />
      </div>
    </LabContext.Provider>
  );
}
