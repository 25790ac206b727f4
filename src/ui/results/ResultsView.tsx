/**
 * The Results view: status, errors, headline figures, warnings and the charts
 * of the live design. Old results stay on screen (dimmed if a run is slow)
 * until the newest simulation answers, so the page never blanks while editing.
 */
import { useExplorer } from '../../state/useExplorer.ts';
import { AreaChart, EnergyChart, UtilisationChart } from '../../charts/ModuleCharts.tsx';
import { TimelineChart } from '../../charts/TimelineChart.tsx';
import { RooflineSection } from '../../charts/roofline/RooflineSection.tsx';
import { TrafficChart } from '../../charts/TrafficChart.tsx';
import { SimStatus, useSlowRun } from './SimStatus.tsx';
import { SimErrors } from './SimErrors.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { OpsTable } from './OpsTable.tsx';
import { Warnings } from './Warnings.tsx';
import './results.css';

export function ResultsView() {
  const result = useExplorer((s) => s.sim.result);
  const slow = useSlowRun();
  return (
    <div className="results-view" data-testid="results-view">
      <SimStatus />
      <SimErrors />
      {result && (
        <div className={slow ? 'results stale' : 'results'} aria-busy={slow}>
          <HeadlineFigures result={result} />
          <Warnings warnings={result.warnings} />
          <div className="charts-grid">
            <EnergyChart result={result} />
            <AreaChart result={result} />
            <TimelineChart result={result} />
            <RooflineSection result={result} />
            <OpsTable result={result} />
            <UtilisationChart result={result} />
            <TrafficChart result={result} />
          </div>
        </div>
      )}
    </div>
  );
}
