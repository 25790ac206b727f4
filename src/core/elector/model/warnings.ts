/**
 * What the user should know about a run: data that did not fit on chip and went through
 * main memory instead. Sizes are in MB of 2^20 bytes, like the buffer sizes, at the
 * main-memory storage width.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { Sparsity } from '../types.ts';
import type { Formats } from './formats.ts';
import type { Plan } from './plan.ts';
import type { RunTotals } from './runTotals.ts';

export interface WarningInput {
  acc: AcceleratorConfig;
  totals: RunTotals;
  plan: Plan;
  formats: Formats;
  sparsity: Sparsity;
  layerWeightElems: number;
  training: boolean;
  /** Sequences per pass (the batch may run as several passes). */
  subBatch: number;
  /** Why smaller passes were tried: a pass of the whole batch spilled, or left material transfers exposed (else: the `time` objective tries them all). */
  cutReason: 'spill' | 'exposed' | 'tried';
}

const MB = 1024 * 1024;
const mb = (bytes: number): string => (bytes / MB < 10 ? (bytes / MB).toFixed(2) : (bytes / MB).toFixed(0));

export function runWarnings(x: WarningInput): string[] {
  const { acc, totals, plan, formats } = x;
  const out: string[] = [];
  // Most runs warn of nothing: then nothing is formatted.
  if (plan.stashSpilledElems <= 0 && totals.spillOps <= 0 && plan.weightsResident && totals.panelOps <= 0 && x.subBatch >= acc.batchSize) return out;
  const activationBits = formats.mainMemoryBits(x.sparsity.activation);
  const actBytes = (elems: number): number => (elems * activationBits) / 8;
  if (plan.stashSpilledElems > 0) {
    const kept = plan.stashElems - plan.stashSpilledElems;
    out.push(
      `Activation stash for backward: ${mb(actBytes(plan.stashElems))} MB, of which ${mb(actBytes(plan.stashSpilledElems))} MB ` +
        `spill to main memory (written in forward, read in backward); the ${acc.activationBufferMB} MB activation buffer ` +
        `keeps ${mb(actBytes(kept))} MB beside the largest op working set.`,
    );
  }
  if (totals.spillOps > 0) {
    out.push(
      `${totals.spillOps} op(s) have activation working sets larger than the ${acc.activationBufferMB} MB activation buffer` +
        `${x.subBatch < acc.batchSize ? ` even at ${x.subBatch} sequence(s) per pass` : ''}: their outputs ` +
        `(${mb(actBytes(totals.spilledElems))} MB per pass) stream to main memory and the next op reads them back.`,
    );
  }
  if (plan.weightsLetGo) {
    out.push(
      `Layer weights fit the ${acc.weightBufferMB} MB weight buffer, but stream from main memory at every use: ` +
        `matrices blocked in panels (the MLM decoder's word embeddings, training's weight gradients) then stream through ` +
        `half the buffer instead of what resident weights leave, and the run is faster.`,
    );
  } else if (!plan.weightsResident) {
    const weightBytes = (x.layerWeightElems * formats.mainMemoryBits(x.sparsity.weight)) / 8;
    out.push(
      `Layer weights (${mb(weightBytes)} MB) do not fit the ${acc.weightBufferMB} MB weight buffer: they are fetched from ` +
        `main memory at every use${x.training ? ' (forward, and backward for the input gradients)' : ''}.`,
    );
  }
  if (totals.panelOps > 0) {
    out.push(
      `${totals.panelOps} op(s) have weight (or weight-gradient) matrices larger than half the weight buffer: the mapper ` +
        `blocks them into panels (see each op's mapping in the timeline).`,
    );
  }
  if (x.subBatch < acc.batchSize) {
    out.push(
      `The batch of ${acc.batchSize} runs as ${Math.ceil(acc.batchSize / x.subBatch)} passes of ${x.subBatch} sequence(s): ` +
        (x.cutReason === 'spill'
          ? `at the full batch, activations would not fit the ${acc.activationBufferMB} MB activation buffer, and the passes are faster.`
          : x.cutReason === 'exposed'
            ? `one pass of the whole batch would wait for all its embedding rows before the first op and leave its last ` +
              `stores to run alone, where passes overlap them with their neighbours' work, and the passes are faster.`
            : `the passes are faster (the fastest mapping tries every sub-batch).`),
    );
  }
  return out;
}
