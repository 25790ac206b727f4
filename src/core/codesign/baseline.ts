/**
 * The pair a co-design result is compared with (docs/codesign.md §5): by default
 * BERT-Base on AccelTran-Server, the most plausible reading of the "state-of-the-art
 * pair" of the TransCODE headline (5.2× lower latency, 3.0× lower energy, +0.3 % accuracy).
 */
import { BASELINE_PAIR } from './baselinePair.ts';
import { evaluatePair, type CodesignObjective } from './objective.ts';
import type { Predictor } from './predictors/predictor.ts';
import type { Candidate, Evaluation } from './types.ts';

export { BASELINE_NAME, BASELINE_PAIR } from './baselinePair.ts';

/** The baseline scored under the same objective and predictor as the search. */
export function evaluateBaseline(settings: CodesignObjective, predictor: Predictor, pair: Candidate = BASELINE_PAIR): Evaluation {
  return evaluatePair(pair, settings, predictor);
}

/**
 * How the best pair compares with the baseline. Latency, energy (dynamic + leakage,
 * per sequence) and area are baseline ÷ best, so 5 means "5× lower"; accuracyDelta is
 * best − baseline in predicted score (fraction, not percent). A ratio is null when either
 * side has no metrics (the simulator refused it).
 */
export interface Ratios {
  latency: number | null;
  energy: number | null;
  area: number | null;
  accuracyDelta: number;
}

export function ratiosAgainst(best: Evaluation, baseline: Evaluation): Ratios {
  const b = best.metrics, r = baseline.metrics;
  const ratio = (ref: number | null | undefined, x: number | null | undefined) => (typeof ref === 'number' && typeof x === 'number' && x > 0 ? ref / x : null);
  return {
    latency: ratio(r?.latencyS, b?.latencyS),
    energy: ratio(r && r.dynamicEnergyJ + r.leakageEnergyJ, b && b.dynamicEnergyJ + b.leakageEnergyJ),
    area: ratio(r?.areaMm2, b?.areaMm2),
    accuracyDelta: best.accuracy.mean - baseline.accuracy.mean,
  };
}
