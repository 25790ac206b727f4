/**
 * The headline figures, each with "Where this comes from": the formula with
 * this run's numbers and the cost model's constants. The element with the
 * `headline-*` test id holds exactly the formatted value.
 */
import type { SimResult } from '../../core/elector/types.ts';
import { Explain } from '../common/Explain.tsx';
import { useExplorer } from '../../state/useExplorer.ts';
import { computeHeadline, formatMetric, HEADLINE_FIELDS, type HeadlineKey } from './headline.ts';
import { headlineSources } from './headlineSources.ts';

export const HEADLINE_TEST_IDS: Record<HeadlineKey, string> = {
  latencyS: 'headline-latency',
  throughputSeqPerS: 'headline-throughput',
  energyPerSeqJ: 'headline-energy',
  dynamicPerSeqJ: 'headline-dynamic',
  leakagePerSeqJ: 'headline-leakage',
  areaMm2: 'headline-area',
  edpJs: 'headline-edp',
  cycles: 'headline-cycles',
};

const STUDENT_NOTES: Record<HeadlineKey, string> = {
  latencyS: 'How long the accelerator takes to process one batch.',
  throughputSeqPerS: 'How many sequences the accelerator finishes per second.',
  energyPerSeqJ: 'The energy spent on each sequence: switching (dynamic) plus what leaks while powered (leakage).',
  dynamicPerSeqJ: 'Energy spent when circuits switch: computing and moving data.',
  leakagePerSeqJ: 'Energy lost while circuits are powered, whether or not they work.',
  areaMm2: 'Silicon area of the chip: compute units plus on-chip buffers.',
  edpJs: 'Energy × delay: one number that rewards designs that are both fast and frugal.',
  cycles: 'Clock ticks from the first load to the last result.',
};

export function HeadlineFigures({ result }: { result: SimResult }) {
  const h = computeHeadline(result);
  const accelerator = useExplorer((s) => s.session.design.accelerator);
  const sources = headlineSources(result, accelerator);
  return (
    <section aria-labelledby="headline-title">
      <h3 id="headline-title" className="visually-hidden">Headline figures</h3>
      <p className="headline-context">
        {result.mode === 'training' ? 'Training' : 'Inference'} · batch of {result.batchSize} · {result.clockMHz} MHz · <code>{result.costModel}</code> cost model
      </p>
      <dl className="headline-grid">
        {HEADLINE_FIELDS.map((f) => (
          <div key={f.key} className="headline">
            <dt>{f.label}</dt>
            <dd>
              <span className="headline-value" data-testid={HEADLINE_TEST_IDS[f.key]}>{formatMetric(f.key, h[f.key])}</span>
            </dd>
            <dd className="headline-notes">
              <Explain>{STUDENT_NOTES[f.key]}</Explain>
              <Explain always label="Where this comes from">
                {sources[f.key].map((line, i) => <p key={i}>{line}</p>)}
              </Explain>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
