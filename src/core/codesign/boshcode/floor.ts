/**
 * An accuracy floor inside BOSHCODE (docs/boshcode.md §4). A surrogate asked to learn the
 * floor's cliff spent its queries around one feasible pair; so it learns the performance
 * without the penalty, a smooth function, and candidates are ranked with the penalty applied
 * from their predicted accuracy, which costs no simulation.
 */
import { accuracyFloorOf, accuracyRangeOf, floorShortfall, withinFloor } from '../accuracyFloor.ts';
import type { CodesignObjective } from '../objective.ts';
import type { Predictor } from '../predictors/predictor.ts';
import type { Candidate, Evaluation } from '../types.ts';

/** The floor (the predictor's scale), the predictor's range, and a candidate's predicted accuracy. */
export interface FloorConstraint {
  floor: number;
  range: { min: number; max: number };
  accuracyOf(c: Candidate): number;
}

/** The run's floor as BOSHCODE uses it, or undefined without one. */
export function floorConstraintOf(settings: CodesignObjective, predictor: Predictor): FloorConstraint | undefined {
  const floor = accuracyFloorOf(settings, predictor);
  if (floor === null) return undefined;
  return { floor, range: accuracyRangeOf(predictor), accuracyOf: (c) => predictor.predict(c.model).mean };
}

/** The performance before the floor's penalty (withinFloor inverted); refused pairs stay at −1. */
export function unconstrainedPerformance(e: Evaluation, c: FloorConstraint | undefined): number {
  if (!c || e.metrics === null || e.accuracy.mean >= c.floor) return e.performance;
  return 2 * e.performance + 1 + floorShortfall(e.accuracy.mean, c.floor, c.range);
}

/**
 * Ranks by acquisition (an optimistic loss, lower first) with the floor's penalty applied from
 * the candidate's predicted accuracy: the same ordering the objective gives (accuracyFloor.ts
 * `withinFloor`). The optimistic performance is clamped to [0, 1], where real ones lie, so an
 * extrapolating surrogate cannot lift a pair under the floor above one that meets it.
 */
export function floorRank(c: FloorConstraint | undefined, maxLoss: number): ((x: Candidate, acquisition: number) => number) | undefined {
  if (!c) return undefined;
  return (x, a) => 1 - withinFloor(Math.min(1, Math.max(0, 1 - a * maxLoss)), c.accuracyOf(x), c.floor, c.range);
}
