/**
 * Sentences about how a run was carried out (elector model `SimResult.run`): the
 * batch cut into passes, and the optimizer step shared by the micro-batches.
 */
import type { SimResult } from '../core/elector/types.ts';
import { formatSI } from '../ui/common/format.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Passes the batch runs as (1 when the whole batch goes through the layers at once). */
export function passCount(r: Pick<SimResult, 'batchSize' | 'run'>): number {
  const sub = r.run?.subBatch;
  return sub && sub > 0 && sub < r.batchSize ? Math.ceil(r.batchSize / sub) : 1;
}

/** How each mapping objective chose the passes, as the note says it. */
const OBJECTIVE_PHRASE = {
  balanced: 'the fastest, allowing a little more energy per sequence than half-size passes',
  time: 'the fastest',
  energy: 'the fastest that spends no more energy per sequence than half-size passes',
} as const;

/**
 * "The batch of 8 runs as 2 passes of 4 sequences (the fastest, allowing a little more energy
 * per sequence than half-size passes); the timeline shows one pass.", or '' for one pass.
 */
export function passesNote(r: Pick<SimResult, 'batchSize' | 'run'>): string {
  const k = passCount(r);
  if (k === 1 || !r.run) return '';
  const sub = r.run.subBatch;
  const why = OBJECTIVE_PHRASE[r.run.mappingObjective] ?? OBJECTIVE_PHRASE.balanced;
  return `The batch of ${n(r.batchSize)} runs as ${n(k)} passes of ${n(sub)} sequence${sub === 1 ? '' : 's'} (${why}); the timeline shows one pass.`;
}

/** "1/8" for the optimizer's share per micro-batch. */
export function optimizerShareText(r: Pick<SimResult, 'run'>): string {
  const o = r.run?.optimizer;
  if (!o) return '';
  const steps = r.run?.accumulationSteps ?? Math.round(1 / o.sharePerMicroBatch);
  return steps > 1 ? `1/${steps}` : 'all';
}

/** "optimizer step (clip + AdamW), 1/8 per micro-batch", or '' without an optimizer. */
export function optimizerLabel(r: Pick<SimResult, 'run'>): string {
  if (!r.run?.optimizer) return '';
  const share = optimizerShareText(r);
  return `optimizer step (clip + AdamW), ${share === 'all' ? 'once' : `${share} per micro-batch`}`;
}

/** "full step: 11,011,541 cycles, 673 mJ, 3.62 GB main memory", or ''. */
export function optimizerStepText(r: Pick<SimResult, 'run'>): string {
  const o = r.run?.optimizer;
  if (!o) return '';
  return `full step: ${n(o.cyclesPerStep)} cycles, ${formatSI(o.energyNJPerStep * 1e-9, 'J')}, ${formatSI(o.mainMemoryBytesPerStep, 'B')} main memory`;
}

/**
 * "optimizer step (clip + AdamW), 1/8 per micro-batch; full step: 11,011,541 cycles, 673 mJ, …",
 * or '' when the run has no optimizer (inference, the reference model).
 */
export function optimizerNote(r: Pick<SimResult, 'run'>): string {
  return r.run?.optimizer ? `${optimizerLabel(r)}; ${optimizerStepText(r)}` : '';
}
