/**
 * What every co-design query runs at. The search does not follow the editors' Run settings:
 * its objective is normalised by the reference's maxima and compared with BERT-Base on
 * AccelTran-Server, so its runs keep the defaults (read from the core, not restated here).
 */
import { resolveSimOptions } from '../../core/elector/simulate.ts';

const MAPPING_NAMES = { balanced: 'balanced', time: 'fastest', energy: 'least energy' } as const;

export function SearchRunSettings() {
  const o = resolveSimOptions({});
  const s = o.sparsity;
  return (
    <p className="cd-caption" data-testid="cd-run-settings">
      Every query runs at fixed settings, not the editors&apos; Run settings: ELECTOR cost model, {o.seqLen} tokens,{' '}
      {o.clockMHz} MHz, sparsity {s.activation} / {s.weight} / {s.gradient} (activations / weights / gradients), the{' '}
      {MAPPING_NAMES[o.mappingObjective]} mapping, power gating {o.powerGating ? 'on' : 'off'}, {o.mlmHead ? 'with' : 'no'} MLM
      head, and in training {o.accumulationSteps} micro-batches per optimizer step. So searches compare with one another
      and with the paper&apos;s; load a pair into the editors to see it under other settings.
    </p>
  );
}
