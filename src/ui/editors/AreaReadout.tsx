/**
 * Chip area, live. The closed form of docs/elector.md §5 runs in microseconds,
 * so it is computed here on every edit rather than waiting for the worker. It is the
 * area the results show for the run's cost model (`chipArea`): the modules' area both
 * models share, plus, in the elector model, the periphery of buffer banks added for
 * bandwidth. It depends on the mode (training adds a stochastic-rounding unit per lane)
 * but never on the model.
 */
import { useMemo } from 'react';
import { chipArea } from '../../core/elector/chipArea.ts';
import { ELECTOR_CONSTANTS } from '../../core/elector/constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../../core/elector/constants/reference.ts';
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { formatAreaMm2 } from '../common/format.ts';

export function AreaReadout({ acc }: { acc: AcceleratorConfig }) {
  const mode = useExplorer((s) => s.session.settings.mode);
  const costModel = useExplorer((s) => s.session.settings.costModel);
  const area = useMemo(() => chipArea(acc, mode, costModel), [acc, mode, costModel]);
  const b = area.byModuleMm2;
  const buffers = b.activationBuffer + b.weightBuffer + b.maskBuffer + b.bufferBanks;
  const lanes = b.macLanes + b.sparsity + b.fifo + b.stochasticRounding;
  const rest = area.areaMm2 - buffers - lanes;
  return (
    <div className="readouts area-readout">
      <dl className="readout-list">
        <div>
          <dt>Area ({mode})</dt>
          <dd data-testid="area-live" title={`${area.areaMm2} mm²`}>
            {formatAreaMm2(area.areaMm2)}
          </dd>
        </div>
      </dl>
      <ul className="area-split small muted" aria-label="Area by part">
        <li title="MAC lanes with their sparsity modules, FIFOs and (training) stochastic rounding">Lanes {formatAreaMm2(lanes)}</li>
        <li title="Softmax, layer-norm, dataflow and DMA modules of every PE">Other PE logic {formatAreaMm2(rest)}</li>
        <li title={`Activation, weight and mask buffers${b.bufferBanks > 0 ? ', with the periphery of banks added for bandwidth' : ''}`}>
          Buffers {formatAreaMm2(buffers)}
        </li>
      </ul>
      <Explain always label="Where this comes from">
        <p>
          A = pe · A<sub>PE</sub> + Σ buffer area per MB · size{costModel === 'elector' ? ' + extra banks · A_bank' : ''}, with A<sub>PE</sub> = lanes · A<sub>lane</sub> + softmax modules ·
          softmax[tile] + dataflow + DMA + layer-norm[tile], and A<sub>lane</sub> = lane[MACs per lane, non-linearity] +
          pre-sparsity + post-sparsity + FIFO{mode === 'training' ? ' + stochastic rounding (training)' : ''}.
        </p>
        <p>
          Module areas (µm²) are AccelTran&apos;s published constants (constants.yaml, docs/elector.md §5 and §11); e.g. a
          {' '}{acc.macsPerLane}-MAC {acc.nonLinearity} lane is{' '}
          {REFERENCE_CONSTANTS.lane[String(acc.macsPerLane) as '1' | '16']?.[acc.nonLinearity].areaUm2.toFixed(1)} µm² and the
          weight buffer {REFERENCE_CONSTANTS.weightBuffer.areaUm2PerMB.toLocaleString('en-US')} µm² per MB. Area does not depend
          on the model.
        </p>
        {costModel === 'elector' && (
          <p data-testid="area-banks">
            The elector cost model gives a buffer one 64-byte port per {ELECTOR_CONSTANTS.sram.lanesPerBankPort} MAC lanes; banks
            beyond those its capacity needs ({ELECTOR_CONSTANTS.sram.maxBankMB} MB each) add {ELECTOR_CONSTANTS.sram.extraBankAreaMm2} mm²
            of periphery each (docs/elector-physical.md §4): {formatAreaMm2(b.bufferBanks)} here
            ({Math.round(b.bufferBanks / ELECTOR_CONSTANTS.sram.extraBankAreaMm2)} extra banks).
          </p>
        )}
      </Explain>
    </div>
  );
}
