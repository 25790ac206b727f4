/**
 * The `reference` cost model: a bit-exact closed-form re-creation of the AccelTran
 * fast simulator (`simulate_fast`), quirks included (docs/elector.md §3–§6, §9),
 * in inference and training mode. It walks the op structure once, O(#ops), with no
 * op objects and no tiles.
 *
 * Choices where the reference has no answer:
 * - `clockMHz` sets both the latency and the energy per cycle, P/f; at 700 MHz the
 *   results are the reference's exactly.
 * - `traffic.mainMemoryReadBytes` counts every load, the embedding table included
 *   (it costs cycles, though the reference charges it no energy), at bits·(1−s_w)
 *   bits per element. The reference never writes main memory, so writes are 0.
 *   `bufferBytes` counts every store, flat and in head blocks.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { timeAndArea } from '../area.ts';
import { plainModel } from '../model/plainModel.ts';
import type { ReferenceEnergyNJ, SimResult } from '../types.ts';
import { loadEmbedding } from './embeddingTable.ts';
import { backwardLayers, forwardLayers } from './layers.ts';
import { buildMachine, type ReferenceMachine, type ReferenceRunOptions } from './machine.ts';
import { resetProgramPool } from './programPool.ts';
import { cycleBreakdown, RunState, type ReferenceCycleBreakdown } from './state.ts';
import { referenceWarnings } from './warnings.ts';

export type { ReferenceRunOptions } from './machine.ts';
export type { ReferenceCycleBreakdown } from './state.ts';
export { CapacityError } from './embeddingTable.ts';

/**
 * Simulates a valid (model, accelerator) pair. Throws `CapacityError` when the
 * embedding table does not fit the weight buffer, as the reference does.
 */
export function simulateReference(model: ModelDict, acc: AcceleratorConfig, opts: ReferenceRunOptions): SimResult {
  const m = buildMachine(acc, opts);
  const s = run(plainModel(model), m, opts);
  return toResult(s, m, acc, opts);
}

/** Cycles by category (the split of the §6 worked example). */
export function referenceCycleBreakdown(model: ModelDict, acc: AcceleratorConfig, opts: ReferenceRunOptions): ReferenceCycleBreakdown {
  return cycleBreakdown(run(plainModel(model), buildMachine(acc, opts), opts));
}

function run(model: ModelDict, m: ReferenceMachine, opts: ReferenceRunOptions): RunState {
  const s = new RunState();
  resetProgramPool();
  loadEmbedding(m, s, model.h[0]);
  forwardLayers(m, s, model);
  if (opts.mode === 'training') backwardLayers(m, s, model);
  return s;
}

function toResult(s: RunState, m: ReferenceMachine, acc: AcceleratorConfig, opts: ReferenceRunOptions): SimResult {
  const energyNJ: ReferenceEnergyNJ = {
    buffer: s.bufferNJ,
    mainMemory: s.mainMemoryNJ,
    macLanes: [s.macDyn, s.macLeak],
    softmax: [s.softmaxDyn, s.softmaxLeak],
    layerNorm: [s.layerNormDyn, s.layerNormLeak],
    sparsity: [s.sparsityDyn, s.sparsityLeak],
    others: [s.othersDyn, s.othersLeak],
  };
  // TransCODE's dict_to_energies: buffers and main memory count as dynamic.
  const dynamicNJ = s.bufferNJ + s.mainMemoryNJ + s.macDyn + s.softmaxDyn + s.layerNormDyn + s.sparsityDyn + s.othersDyn;
  const leakageNJ = s.macLeak + s.softmaxLeak + s.layerNormLeak + s.sparsityLeak + s.othersLeak;
  return {
    costModel: 'reference',
    mode: opts.mode,
    ...timeAndArea(s.cycles, opts.clockMHz, acc, opts.mode, opts.constants),
    energyNJ,
    dynamicNJ,
    leakageNJ,
    totalEnergyNJ: dynamicNJ + leakageNJ,
    traffic: {
      mainMemoryReadBytes: (s.loadElements * m.wfWeight) / 8,
      mainMemoryWriteBytes: 0,
      bufferBytes: (s.activationStoreElements * m.wfActivation + s.weightStoreElements * m.wfWeight) / 8,
    },
    warnings: referenceWarnings(s, m.tile, energyNJ),
    sparsity: { ...opts.sparsity },
  };
}
