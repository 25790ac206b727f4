/**
 * Simulates samples [start, end) of a sweep: the unit of work a sweep worker
 * does. Pure and synchronous; the caller (a worker) keeps chunks small enough to
 * stay cancellable.
 */
import type { Design } from '../share/session.ts';
import type { RunSettings, SweepSettings } from '../share/schema.ts';
import type { SimResult } from '../elector/types.ts';
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { simOptionsOf } from '../share/runSettings.ts';
import { resolveSimOptions, simulateResolved, type ResolvedSimOptions } from '../elector/simulate.ts';
import { clip } from '../space/transformer/ops.ts';
import { emptyColumns, writeObjectives, type ObjectiveColumns } from './objectives.ts';
import { modelFigures, type ModelFigures } from './modelFigures.ts';
import { pairFromLevels, planFor, sampleLevels } from './sample.ts';

export interface SweepChunkResult {
  start: number;
  end: number;
  /** Row r holds sample start + r. Failed rows are NaN. */
  columns: ObjectiveColumns;
  /** 1 where the simulation threw (e.g. the reference's weight-buffer capacity error). */
  errors: Uint8Array;
  /** Distinct error messages of this chunk with their counts (at most 5, clipped). */
  errorKinds: { message: string; count: number }[];
}

/** Injected in tests; defaults to ELECTOR with already-resolved options. */
export type PairSimulator = (model: ModelDict, accelerator: AcceleratorConfig, options: ResolvedSimOptions) => SimResult;

const MAX_ERROR_KINDS = 5;

/** Options with the timeline off: sweeps need totals, and the timeline dominates the cost. */
export function sweepSimOptions(settings: RunSettings): ResolvedSimOptions {
  return resolveSimOptions({ ...simOptionsOf(settings), timeline: false });
}

export function runSweepChunk(
  spec: SweepSettings,
  base: Design,
  settings: RunSettings,
  start: number,
  end: number,
  simulatePair: PairSimulator = simulateResolved,
): SweepChunkResult {
  const plan = planFor(spec);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= plan.count)) {
    throw new RangeError(`chunk [${start}, ${end}) outside the sweep's 0..${plan.count}`);
  }
  const options = sweepSimOptions(settings);
  const n = end - start;
  const columns = emptyColumns(n);
  const errors = new Uint8Array(n);
  const kinds = new Map<string, number>();
  const levels = new Int32Array(plan.params.length);
  let lastModel: ModelDict | null = null;
  let figures: ModelFigures = { parameters: 0, macs: 0, accuracy: 0, accuracyStd: 0 };
  for (let row = 0; row < n; row++) {
    const index = start + row;
    try {
      const pair = pairFromLevels(plan, base, index, sampleLevels(plan, index, levels));
      // Fixed-model sweeps reuse one model object: count and predict it once (MACs at the run's sequence length).
      if (pair.model !== lastModel) {
        lastModel = pair.model;
        figures = modelFigures(pair.model, options.seqLen);
      }
      const result = simulatePair(pair.model, pair.accelerator, options);
      writeObjectives(columns, row, result, figures);
    } catch (e) {
      errors[row] = 1;
      const message = clip(e instanceof Error ? e.message : String(e), 120);
      if (kinds.has(message) || kinds.size < MAX_ERROR_KINDS) kinds.set(message, (kinds.get(message) ?? 0) + 1);
    }
  }
  return { start, end, columns, errors, errorKinds: [...kinds].map(([message, count]) => ({ message, count })) };
}
