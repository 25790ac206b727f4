/**
 * "Where this comes from" for every headline figure: the formula with this
 * run's own numbers put in, and the constants the cost model used (read from
 * the constants tables themselves, so the text cannot drift from the code).
 * Plain text only: rendered as text nodes, never as HTML.
 */
import type { SimResult } from '../../core/elector/types.ts';
import { ELECTOR_CONSTANTS } from '../../core/elector/constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../../core/elector/constants/reference.ts';
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import { formatCount, formatSI } from '../common/format.ts';
import type { HeadlineKey } from './headline.ts';
import { electorSourceLines } from './electorSources.ts';

const MODULES = 'MAC lanes, softmax, layer norm, pre/post sparsity, others (DMA, FIFO, dataflow, stochastic rounding in training), buffers and main memory';

function referenceEnergy(): string {
  const r = REFERENCE_CONSTANTS;
  return (
    'Cost model "reference": module power (mW) from the published AccelTran table (docs/elector.md §11), charged as ' +
    `P × units / ${r.clockMHz} MHz nJ per cycle the module works; buffer stores at ` +
    `${r.activationBuffer.energyNJPerBlock}–${r.weightBuffer.energyNJPerBlock} nJ × √MB per block of 64 elements; ` +
    `main-memory loads at the per-configuration nJ per 64 elements (e.g. dram_32_2_1: ${r.mainMemory.energyNJPerBlock.dram_32_2_1} nJ) × (1 − weight sparsity).`
  );
}

function electorEnergy(): string {
  const m = ELECTOR_CONSTANTS.mainMemory;
  const s = ELECTOR_CONSTANTS.sram;
  return (
    'Cost model "elector": module power (mW) from the AccelTran table (docs/elector.md §11); SRAM buffers at ' +
    `max(${s.energyNJPer64BPerSqrtMB}·√MB, ${s.minEnergyNJPer64B}) nJ per 64 bytes moved; main memory at ` +
    `DRAM ${m.dram.readEnergyPJPerBit}, HBM ${m.hbm.readEnergyPJPerBit}, RRAM ${m.rram.readEnergyPJPerBit} read / ${m.rram.writeEnergyPJPerBit} write pJ per bit ` +
    '(docs/elector-physical.md §4, §6).'
  );
}

function leakage(r: SimResult): string {
  if (r.costModel === 'reference') {
    return 'In the reference model a compute module leaks only during its own cycles (P_leak × units / f × its cycles); buffers and main memory do not leak.';
  }
  const m = ELECTOR_CONSTANTS.mainMemory;
  const sram = ELECTOR_CONSTANTS.sram;
  const gating = r.run?.powerGating ?? true;
  const units = gating
    ? `an idle compute unit is power-gated and keeps ${ELECTOR_CONSTANTS.energy.gatedLeakageFraction * 100} % of its leakage`
    : 'every compute unit leaks for the whole run (power gating is off)';
  const buffers = sram.cell === 'lstp'
    ? `${sram.lstpLeakageMWPerMB} mW per MB (low-leakage LSTP cells)`
    : `${REFERENCE_CONSTANTS.weightBuffer.leakageMWPerMB.toFixed(0)}–${REFERENCE_CONSTANTS.activationBuffer.leakageMWPerMB.toFixed(0)} mW per MB (HP cells)`;
  return (
    `In the elector model leakage is P_leak / f × cycles at the run's clock; ${units}; buffers hold data and leak ${buffers}; ` +
    `main memory draws background power (DRAM ${m.dram.backgroundMW} mW per device, HBM ${m.hbm.backgroundMW} mW per channel, ` +
    `RRAM ${m.rram.backgroundMW} mW per rank) for the whole run (docs/elector-physical.md §3).`
  );
}

/** The elector model's bank periphery, with this design's figures (docs/elector-physical.md §4). */
function bankAreaLine(r: SimResult): string {
  const sram = ELECTOR_CONSTANTS.sram;
  const banks = r.areaByModuleMm2.bufferBanks ?? 0;
  return (
    `Elector model: a buffer gets one 64-byte port per ${sram.lanesPerBankPort} MAC lanes; banks beyond what its capacity needs ` +
    `(${sram.maxBankMB} MB each) add ${sram.extraBankAreaMm2} mm² of periphery each: ${Math.round(banks / sram.extraBankAreaMm2)} extra banks, ` +
    `${banks.toFixed(2)} mm² here (docs/elector-physical.md §4).`
  );
}

/**
 * Per metric, the lines of its explanation: the formula first, then where the constants come from.
 * `accelerator` (the design's) lets the elector model's energy lines show its own figures.
 */
export function headlineSources(r: SimResult, accelerator?: AcceleratorConfig): Record<HeadlineKey, string[]> {
  const clock = `${r.clockMHz} MHz`;
  const batch = r.batchSize;
  const model = r.costModel === 'reference' ? referenceEnergy() : electorEnergy();
  const own = electorSourceLines(r, accelerator);
  return {
    latencyS: [
      `latency = cycles / f = ${formatCount(r.cycles)} / ${clock} = ${formatSI(r.latencyS, 's')} (clock from Run settings).`,
      `It is the time for one batch of ${batch} sequence(s).`,
      ...own.latency,
    ],
    throughputSeqPerS: [`throughput = batch / latency = ${batch} / latency.`],
    energyPerSeqJ: [
      `energy per sequence = Σ over modules of (dynamic + leakage) / batch (${batch}).`,
      `Modules: ${MODULES}.`,
      model,
      ...own.energy,
      leakage(r),
    ],
    dynamicPerSeqJ: [`dynamic = Σ module dynamic energy / batch (${batch}), including buffer and main-memory accesses.`, model, ...own.energy],
    leakagePerSeqJ: [`leakage = Σ module leakage energy / batch (${batch}).`, leakage(r)],
    areaMm2: [
      'area = pe × (lanes × (lane + pre/post sparsity + FIFO' +
        (r.mode === 'training' ? ' + stochastic rounding' : '') +
        ') + softmax units + layer norm + dataflow + DMA) + Σ buffer area per MB × size' +
        (r.costModel === 'elector' ? ' + extra buffer banks × bank periphery.' : '.'),
      'µm² constants from docs/elector.md §11, formula §5. Area does not depend on the model.',
      ...(r.costModel === 'elector' ? [bankAreaLine(r)] : []),
    ],
    edpJs: ['EDP (per sequence) = energy per sequence × latency of the batch it ran in, in J·s.', 'Lower is better: it rewards designs that are both fast and frugal.'],
    cycles: [
      `cycles = clock cycles of the whole run at ${clock}.`,
      r.costModel === 'reference'
        ? 'Reference fast path: memory and compute strictly serial (docs/elector.md §6).'
        : 'Elector schedule: each op takes the largest of its compute cycles, its main-memory cycles and each buffer\'s bandwidth cycles, plus fill and first-word latency, because transfers are double-buffered.',
      ...own.cycles,
    ],
  };
}
