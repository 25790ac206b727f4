/**
 * What a sweep point knows of its model alone: size, work, and predicted accuracy with
 * its uncertainty. One record per model, cached by the sweep loop (a fixed-model sweep
 * computes it once).
 *
 * Sweeps always use the `published` predictor (docs/codesign.md §3.1): it needs no file
 * and no lab run, so a sweep from a link reproduces anywhere. The co-design panel may use
 * another predictor for its search; the sweep axis names its own.
 */
import { publishedPredictor, PUBLISHED_SOURCE } from '../codesign/predictors/published.ts';
import type { Predictor } from '../codesign/predictors/predictor.ts';
import { modelCounts, type ModelCounts } from '../space/transformer/counts.ts';
import type { ModelDict } from '../space/transformer/types.ts';

export interface ModelFigures extends ModelCounts {
  /** Predicted GLUE score as a fraction in [0, 1] (maximised). */
  accuracy: number;
  /** One standard deviation of that prediction. */
  accuracyStd: number;
}

/** Where a sweep's predicted accuracy comes from, shown with the axis and the table. */
export const SWEEP_ACCURACY_SOURCE = `${PUBLISHED_SOURCE} (docs/codesign.md §3.1)`;

let predictor: Predictor | null = null;

/** The sweeps' predictor, fitted once per thread (a few small matrix solves). */
export function sweepAccuracyPredictor(): Predictor {
  predictor ??= publishedPredictor();
  return predictor;
}

export function modelFigures(model: ModelDict, seqLen: number): ModelFigures {
  const { parameters, macs } = modelCounts(model, seqLen);
  const { mean, std } = sweepAccuracyPredictor().predict(model, parameters);
  return { parameters, macs, accuracy: mean, accuracyStd: std };
}
