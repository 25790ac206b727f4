/**
 * An accuracy predictor for co-design (docs/codesign.md §3): a GLUE-like score in
 * [0, 1] with one standard deviation of uncertainty, and where it comes from.
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import type { AccuracyPrediction } from '../types.ts';

export type PredictorId = 'published' | 'measured' | 'imported';

export interface Predictor {
  id: PredictorId;
  /**
   * @param parameters - the model's `parameterCount`, when the caller already has it (a sweep
   *   counts every model anyway): counting again cost as much as the prediction itself.
   */
  predict(model: ModelDict, parameters?: number): AccuracyPrediction;
  /** One paragraph for the UI and the CLI: data, model, sources. */
  describe(): string;
  /**
   * The span of scores this predictor gives across the design space, used to normalise
   * accuracy in the objective (docs/codesign.md §2.2). When absent the objective uses
   * the published predictor's span.
   */
  accuracyRange?: { min: number; max: number };
}

