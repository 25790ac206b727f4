/**
 * The BOSHCODE search loop (docs/codesign.md §BOSHCODE): initial random pairs, a
 * surrogate trained on them before the first step, then per iteration one of
 * GOBI (gradient ascent of the acquisition on the inputs, projected to the nearest
 * valid designs in the full space), uncertainty sampling or diversity sampling, up to
 * K simulator queries, and a warm retraining; until the budget or the patience ends.
 */
import type { Candidate } from '../types.ts';
import { mutateCandidate } from '../baselines/evolution.ts';
import { floorConstraintOf, floorRank, unconstrainedPerformance, type FloorConstraint } from './floor.ts';
import { gobiPicks, keyOf, rankBy } from './picks.ts';
import { randomCandidate, SearchRun, type SearchFunction } from '../search.ts';
import { Surrogate, SURROGATE_DEFAULTS, type SurrogateOptions } from './surrogate.ts';
import { GOBI_DEFAULTS, type GobiOptions } from './gobi.ts';
import { inputBounds, scaleCandidate, type InputScaling } from './inputs.ts';

export interface BoshcodeOptions {
  /** Random pairs simulated before the surrogate is first trained. */
  initialSamples: number;
  /** Simulator queries per iteration (the reference: 4). */
  queriesPerIteration: number;
  /** Random candidates drawn per iteration: GOBI's starting pool and the sampling steps' choice. */
  candidatesPerIteration: number;
  /**
   * Neighbours added to each iteration's pool: one-entry mutations (evolution.ts) of the best
   * pairs so far, which the surrogate ranks beside the random candidates. Random candidates
   * alone rarely land near a good pair once the search has found one (0: the reference).
   */
  neighboursPerIteration: number;
  probabilityUncertainty: number;
  probabilityDiversity: number;
  /**
   * Stop after this many iterations without a better pair. The reference's 10 (40 queries)
   * often stopped searches at budget 300 while they were still improving on a lucky initial
   * pair; with 25 (100 queries) they use the budget (docs/boshcode.md §4).
   */
  patience: number;
  /** `false` reproduces the reference's counter, which counts every non-improving iteration and never resets. */
  patienceResets: boolean;
  initialEpochs: number;
  /** Mini-batches per network in each warm update after a query batch (constant cost per iteration). */
  updateSteps: number;
  scaling: InputScaling;
  /** `full`: nearest valid design in the whole space; `candidates`: the nearest of this iteration's random candidates (the reference). */
  projection: 'full' | 'candidates';
  gobi: Omit<GobiOptions, 'seed'>;
  surrogate: SurrogateOptions;
}

export const BOSHCODE_DEFAULTS: BoshcodeOptions = {
  initialSamples: 48, queriesPerIteration: 4, candidatesPerIteration: 100, neighboursPerIteration: 100, probabilityUncertainty: 0.1, probabilityDiversity: 0.1,
  patience: 25, patienceResets: true, initialEpochs: 200, updateSteps: 16, scaling: 'unit', projection: 'full',
  gobi: GOBI_DEFAULTS, surrogate: SURROGATE_DEFAULTS,
};

/** The reference implementation's choices, to reproduce its behaviour (docs/codesign.md). */
export const BOSHCODE_REFERENCE: Partial<BoshcodeOptions> = {
  scaling: 'raw', projection: 'candidates', patience: 10, patienceResets: false, neighboursPerIteration: 0, probabilityUncertainty: 0, probabilityDiversity: 0,
  surrogate: { ...SURROGATE_DEFAULTS, combine: 'sum' },
};

/** Neighbours are drawn around this many of the best pairs so far. */
const NEIGHBOUR_PARENTS = 8;

/** What the loop needs of a search run (SearchRun; tests pass a run over a synthetic landscape). */
export type BoshcodeRun = Pick<SearchRun, 'rng' | 'fixed' | 'budget' | 'seed' | 'evaluations' | 'best' | 'done' | 'query'>;

/** BOSHCODE as a search of the shared signature, with its own options on top. */
export function makeBoshcode(overrides: Partial<BoshcodeOptions> = {}): SearchFunction {
  return async (settings, predictor, options) => {
    const run = new SearchRun(settings, predictor, options, 'boshcode');
    await runBoshcode(run, { ...BOSHCODE_DEFAULTS, ...overrides }, floorConstraintOf(run.settings, predictor));
    return run.result();
  };
}

export const boshcodeSearch: SearchFunction = makeBoshcode();

export async function runBoshcode(run: BoshcodeRun, o: BoshcodeOptions = BOSHCODE_DEFAULTS, constraint?: FloorConstraint): Promise<void> {
  const rng = run.rng;
  const sample = () => randomCandidate(rng, run.fixed);
  const seen = new Set<string>();
  const x1: number[][] = [], x2: number[][] = [], losses: number[] = [];
  let maxLoss = 1, trained = false;
  const surrogate = new Surrogate(run.seed, o.surrogate);
  const bounds = inputBounds(o.scaling);

  const query = async (c: Candidate, step: string) => {
    seen.add(keyOf(c));
    const s = scaleCandidate(c, o.scaling);
    await run.query(c, step, (e) => {
      const y = (1 - unconstrainedPerformance(e, constraint)) / maxLoss;
      x1.push(s.model); x2.push(s.accelerator); losses.push(y);
      return trained ? { surrogateError: Math.abs(surrogate.predict([s.model], [s.accelerator]).mean[0] - y) } : {};
    });
  };
  const fresh = (pool: Candidate[]) => pool.filter((c) => !seen.has(keyOf(c)));
  try {
    const initial = Math.min(o.initialSamples, run.budget);
    for (let i = 0; i < initial; i++) {
      let c = sample();
      for (let t = 0; t < 20 && seen.has(keyOf(c)); t++) c = sample();
      await query(c, 'initial');
    }
    // The loss scale is frozen from the initial data, as the reference does.
    maxLoss = Math.max(1e-9, ...run.evaluations.map((e) => 1 - unconstrainedPerformance(e, constraint)));
    for (let i = 0; i < losses.length; i++) losses[i] = (1 - unconstrainedPerformance(run.evaluations[i], constraint)) / maxLoss;
    surrogate.train(x1, x2, losses, o.initialEpochs);
    trained = true;

    let stale = 0, iteration = 0;
    while (!run.done && stale < o.patience) {
      iteration++;
      const bestBefore = run.best!.performance;
      // Best first: the neighbours' parents, and GOBI's starts from the best pairs.
      const byPerformance = [...run.evaluations].sort((a, b) => b.performance - a.performance);
      const parents = o.neighboursPerIteration > 0 ? byPerformance.slice(0, NEIGHBOUR_PARENTS) : [];
      const neighbours = parents.length ? Array.from({ length: o.neighboursPerIteration }, (_, i) => mutateCandidate(parents[i % parents.length].candidate, rng, run.fixed)) : [];
      const pool = fresh([...Array.from({ length: o.candidatesPerIteration }, sample), ...neighbours]);
      const scaled = pool.map((c) => scaleCandidate(c, o.scaling));
      const pred = pool.length ? surrogate.predict(scaled.map((s) => s.model), scaled.map((s) => s.accelerator)) : null;
      const k = Math.min(o.queriesPerIteration, run.budget - run.evaluations.length);
      const roll = rng.next();
      let picks: Candidate[];
      let step: string;
      if (pred && roll < o.probabilityUncertainty) {
        step = 'uncertainty';
        picks = rankBy(pool, (i) => -(pred.epistemic[i] + pred.aleatoric[i])).slice(0, k);
      } else if (roll < o.probabilityUncertainty + o.probabilityDiversity) {
        step = 'diversity';
        picks = pool.slice(0, k);
      } else {
        step = 'gobi';
        picks = gobiPicks(surrogate, pool, scaled, pred, k, { ...o, seed: run.seed }, bounds, seen, byPerformance, iteration, run.fixed, floorRank(constraint, maxLoss));
      }
      for (const c of picks) {
        if (run.done) break;
        if (seen.has(keyOf(c))) continue;
        await query(c, step);
      }
      surrogate.train(x1, x2, losses, 0, o.updateSteps);
      if (run.best!.performance > bestBefore) { if (o.patienceResets) stale = 0; } else stale++;
    }
  } finally {
    surrogate.dispose();
  }
}

