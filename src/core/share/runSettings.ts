/**
 * The run settings of a view as the core takes them. Every simulation the app
 * makes (the live design, compared designs, sweep points) builds its `SimOptions`
 * here, so a new setting is wired in one place. Free of zod: workers import it.
 */
import type { SimOptions } from '../elector/types.ts';
import { TRANSFORMER_SPACE } from '../space/transformer/schema.ts';
import type { RunSettings } from './schema.ts';

/** The one sequence length the reference cost model (AccelTran's simulator) runs: FlexiBERT's 128 tokens. */
export const REFERENCE_SEQ_LEN = TRANSFORMER_SPACE.sequenceLength;

/** `SimOptions` of the settings; the caller adds `timeline`. */
export function simOptionsOf(settings: RunSettings): SimOptions {
  return {
    mode: settings.mode,
    costModel: settings.costModel,
    sparsity: settings.sparsity,
    clockMHz: settings.clockMHz,
    seqLen: settings.seqLen,
    accumulationSteps: settings.accumulationSteps,
    mlmHead: settings.mlmHead,
    powerGating: settings.powerGating,
    ...(settings.mappingObjective ? { mappingObjective: settings.mappingObjective } : {}),
    // Measured per-op sparsity (the DynaProp lab's "Use measured sparsity"), when set.
    ...(settings.sparsityByOp ? { sparsityByOp: settings.sparsityByOp } : {}),
  };
}
