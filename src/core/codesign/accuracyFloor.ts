/**
 * Accuracy as a constraint of the co-design objective (docs/codesign.md §2.5): the floor
 * resolved to a score, and the penalty that ranks pairs under it below every pair above it.
 */
import { BASELINE_PAIR } from './baselinePair.ts';
import { PUBLISHED_ACCURACY_RANGE } from './predictors/published.ts';
import type { Predictor } from './predictors/predictor.ts';
import type { ObjectiveSettings } from './types.ts';

/** The floor as a score on the predictor's scale (`baseline` resolved), or null without one. */
export function accuracyFloorOf(settings: ObjectiveSettings, predictor: Predictor): number | null {
  const floor = settings.accuracyFloor;
  if (floor === undefined) return null;
  if (floor !== 'baseline') return floor;
  let score = baselineScores.get(predictor);
  if (score === undefined) baselineScores.set(predictor, (score = predictor.predict(BASELINE_PAIR.model).mean));
  return score;
}

/** Predictors are immutable once built (a changed dataset builds a new one): the baseline's score is asked once. */
const baselineScores = new WeakMap<Predictor, number>();

/**
 * A pair below the floor ranks below every pair above it (performance in [0, 1]: the
 * sampled normalisation; validateObjective refuses a floor with the reference's), yet the
 * nearer the floor and the better its other terms, the higher: (p − 1)/2 − shortfall/2 lies
 * in [−1, 0), with the shortfall in units of the predictor's range (clamped to 1). So a
 * search is drawn towards the floor rather than told only "no". Refused pairs stay at −1.
 */
export function withinFloor(performance: number, accuracyMean: number, floor: number | null, range: { min: number; max: number }): number {
  if (floor === null || accuracyMean >= floor) return performance;
  return (performance - 1) / 2 - floorShortfall(accuracyMean, floor, range) / 2;
}

/** The span of scores `predictor` gives, which normalises accuracy and the floor's shortfall (§2.2). */
export function accuracyRangeOf(predictor: Predictor): { min: number; max: number } {
  return predictor.accuracyRange ?? PUBLISHED_ACCURACY_RANGE;
}

/** How far under the floor, in units of the predictor's range, at most 1. */
export function floorShortfall(accuracyMean: number, floor: number, range: { min: number; max: number }): number {
  return Math.min(1, (floor - accuracyMean) / (range.max - range.min));
}
