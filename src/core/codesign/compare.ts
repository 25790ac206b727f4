/**
 * "Compare algorithms": every algorithm over several seeds at one budget, with the
 * median and spread of the best performance and the median convergence curve
 * (best so far against simulator queries).
 */
import type { CodesignObjective } from './objective.ts';
import type { Predictor } from './predictors/predictor.ts';
import type { SearchFunction, SearchOptions } from './search.ts';
import type { SearchResult } from './types.ts';

export interface AlgorithmSummary {
  algorithm: string;
  seeds: number[];
  best: number[];
  median: number;
  min: number;
  max: number;
  /** Median over seeds of the best-so-far after each query (index 0 = query 1). */
  medianCurve: number[];
  /** Lowest and highest best-so-far over seeds after each query: the spread drawn as a band. */
  minCurve: number[];
  maxCurve: number[];
  seconds: number[];
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q, lo = Math.floor(at), hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function summarise(algorithm: string, runs: SearchResult[], budget: number): AlgorithmSummary {
  const best = runs.map((r) => r.best.performance);
  const sorted = [...best].sort((a, b) => a - b);
  // A run that stopped early (patience) keeps its last best-so-far for the remaining queries.
  const atQuery = Array.from({ length: budget }, (_, q) =>
    runs.map((r) => r.history[Math.min(q, r.history.length - 1)]?.bestSoFar ?? NaN).filter(Number.isFinite).sort((a, b) => a - b));
  const medianCurve = atQuery.map((at) => quantile(at, 0.5));
  const minCurve = atQuery.map((at) => (at.length ? at[0] : NaN));
  const maxCurve = atQuery.map((at) => (at.length ? at[at.length - 1] : NaN));
  return { algorithm, seeds: runs.map((r) => r.seed), best, median: quantile(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1], medianCurve, minCurve, maxCurve, seconds: runs.map((r) => r.seconds) };
}

export async function compareAlgorithms(
  algorithms: Record<string, SearchFunction>, settings: CodesignObjective, predictor: Predictor,
  o: { budget: number; seeds: number[]; onRun?: (algorithm: string, seed: number, done: number, total: number) => void } & Omit<SearchOptions, 'budget' | 'seed'>,
): Promise<AlgorithmSummary[]> {
  const total = Object.keys(algorithms).length * o.seeds.length;
  let done = 0;
  const out: AlgorithmSummary[] = [];
  for (const [name, search] of Object.entries(algorithms)) {
    const runs: SearchResult[] = [];
    for (const seed of o.seeds) {
      runs.push(await search(settings, predictor, { ...o, budget: o.budget, seed }));
      o.onRun?.(name, seed, ++done, total);
    }
    out.push(summarise(name, runs, o.budget));
  }
  return out;
}
