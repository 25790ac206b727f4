/** The best pair found, against BERT-Base on AccelTran-Server under the same objective and predictor. */
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import { accuracyScaleOf, describePair, fmtRatio } from './pairText.ts';
import { formatAreaMm2, formatSI } from '../common/format.ts';
import { PAPER_HEADLINE, reachesHeadline } from '../../core/codesign/headline.ts';

/** "N× lower latency", or "N× higher latency" when the best pair is worse there (ratio below 1). */
function lowerOrHigher(r: number | null, what: string) {
  if (r !== null && r < 1) return <><strong>{fmtRatio(1 / r)}×</strong> higher {what}</>;
  return <><strong>{fmtRatio(r)}×</strong> lower {what}</>;
}

export function BestPairCard() {
  const record = useCodesign((s) => s.record);
  const { controller } = useCodesignApi();
  if (!record) return null;
  const { best, baseline, ratios } = record;
  const delta = ratios.accuracyDelta * 100;
  const m = best.metrics;
  return (
    <section className="cd-card" data-testid="cd-best" aria-label="Best pair">
      <h3>Best pair: performance {best.performance.toFixed(3)} <span className="cd-muted">(baseline {baseline.performance.toFixed(3)})</span></h3>
      <p data-testid="cd-best-pair" data-layers={best.pair.model.l} data-pe={best.pair.accelerator.pe} data-batch={best.pair.accelerator.batchSize}>{describePair(best.pair)}</p>
      <ul className="cd-ratios" title={`Ratios are baseline ÷ best (above 1: the best pair is lower); accuracy is best − baseline, in points of ${accuracyScaleOf(best.accuracy.source)}`}>
        <li data-testid="cd-ratio-latency">{lowerOrHigher(ratios.latency, 'latency')}</li>
        <li data-testid="cd-ratio-energy">{lowerOrHigher(ratios.energy, 'energy')}</li>
        <li data-testid="cd-ratio-accuracy"><strong>{delta >= 0 ? '+' : '−'}{Math.abs(delta).toFixed(1)}</strong> accuracy points</li>
        <li data-testid="cd-ratio-area">{ratios.area !== null && ratios.area < 1 ? <><strong>{fmtRatio(1 / ratios.area)}×</strong> larger area</> : <><strong>{fmtRatio(ratios.area)}×</strong> smaller area</>}</li>
      </ul>
      <p className="cd-caption" data-testid="cd-headline">
        The paper&apos;s headline (≥ {PAPER_HEADLINE.latency}× lower latency and ≥ {PAPER_HEADLINE.energy}× lower energy at no lower accuracy):{' '}
        <strong>{reachesHeadline(ratios) ? 'reached' : 'not reached'}</strong> by this pair (docs/codesign.md, &ldquo;The headline&rdquo;).
      </p>
      {record.settings.accuracyFloor === 'baseline' && (
        <p className="cd-caption" data-testid="cd-floor">
          Constraint, no lower predicted accuracy than the baseline ({(baseline.accuracy.mean * 100).toFixed(1)}):{' '}
          {ratios.accuracyDelta >= 0
            ? <strong>met</strong>
            : <><strong>not met</strong> by any queried pair; this is the best-scoring of them (pairs under it score below 0, docs/codesign.md §2.5)</>}.
        </p>
      )}
      {m && (
        <p className="cd-caption">
          Best: {formatSI(m.latencyS, 's')} per {record.settings.mode === 'inference' ? 'batch' : record.settings.mode === 'training' ? 'optimizer step' : 'blend'}, {formatSI(m.dynamicEnergyJ + m.leakageEnergyJ, 'J')} per sequence, {formatAreaMm2(m.areaMm2)},
          predicted accuracy {(best.accuracy.mean * 100).toFixed(1)} ± {(best.accuracy.std * 100).toFixed(1)}.
        </p>
      )}
      <p className="cd-caption" data-testid="cd-sources">
        Against BERT-Base on AccelTran-Server, scored the same way. Latency, energy and area: ELECTOR simulator (elector cost model, {record.settings.mode});
        accuracy: {best.accuracy.source}. {record.settings.algorithm}, {record.points.length} queries, seed {record.settings.seed}, {record.seconds.toFixed(1)} s on tfjs {record.backend}{record.datasetName ? (record.settings.predictor === 'measured' ? `, fitted to ${record.datasetName}` : `, dataset ${record.datasetName}`) : ''}; saved {new Date(record.savedAt).toLocaleString()}.
      </p>
      <button type="button" className="primary" data-testid="cd-load-best" onClick={() => controller.loadIntoEditors(best.pair, 'The best pair')}>
        Load into editors
      </button>
      {record.settings.predictor === 'measured' && (
        // Closes the measured predictor's loop: the pair's model, trained for real, becomes a measurement.
        <button type="button" className="cd-measure" data-testid="cd-measure-best" onClick={() => controller.measureInLab(best.pair)}>
          Measure its model in the DynaProp lab
        </button>
      )}
    </section>
  );
}
