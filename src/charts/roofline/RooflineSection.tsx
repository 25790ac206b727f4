/**
 * A closed "Roofline" disclosure under the timeline. The chart (and its share of the
 * validation code) is a separate chunk, fetched only when the section is first opened,
 * so the main bundle stays within its budget.
 */
import { lazy, Suspense, useState } from 'react';
import type { SimResult } from '../../core/elector/types.ts';
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import { useExplorer } from '../../state/useExplorer.ts';

const RooflineChart = lazy(() => import('./RooflineChart.tsx'));

export function RooflineSection({ result }: { result: SimResult }) {
  const [open, setOpen] = useState(false);
  const design = useExplorer((s) => s.session.design.accelerator);
  // The result carries no accelerator: pair it with the design current when it arrived.
  // Superseded replies are dropped, so that is the design that was simulated.
  const [paired, setPaired] = useState<{ result: SimResult; accelerator: AcceleratorConfig }>({ result, accelerator: design });
  if (paired.result !== result) setPaired({ result, accelerator: design });
  return (
    <details className="chart chart-wide roofline-section" data-testid="roofline-section" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="roofline-open">Roofline: each op&apos;s rate against the compute and bandwidth ceilings</summary>
      {open &&
        (result.costModel !== 'elector' || !result.timeline ? (
          <p className="chart-note" data-testid="roofline-unavailable">
            {result.costModel === 'reference'
              ? 'The roofline needs the elector cost model: the reference model keeps no per-op MACs, bytes or cycles. Choose the elector cost model under Run settings to see it.'
              : 'This result has no per-op timeline, so there are no ops to place on the roofline.'}
          </p>
        ) : (
          <Suspense fallback={<p className="chart-note">Loading the roofline…</p>}>
            <RooflineChart result={result} accelerator={paired.result === result ? paired.accelerator : design} />
          </Suspense>
        ))}
    </details>
  );
}
