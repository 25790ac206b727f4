/**
 * What every co-design search shares (docs/codesign.md §4): its options and their
 * validation (budget, seed, a fixed half for one-sided search), random candidates,
 * and the bookkeeping of a run — one simulator query at a time, progress after each,
 * the best so far, cancellation and pausing.
 */
import { createRng, type Rng } from '../rng.ts';
import { memoryIndexOf } from '../space/accelerator/embedding.ts';
import { randomAccelerator } from '../space/accelerator/sample.ts';
import { validateAccelerator } from '../space/accelerator/validate.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { ValidationError, type ValidationIssue } from '../space/issues.ts';
import { randomModel } from '../space/transformer/sample.ts';
import { validateModel } from '../space/transformer/validate.ts';
import type { ModelDict } from '../space/transformer/types.ts';
import { evaluatePair, validateObjective, type CodesignObjective } from './objective.ts';
import type { Predictor } from './predictors/predictor.ts';
import type { Candidate, Evaluation, SearchProgress, SearchResult } from './types.ts';

const GELU = { fixed: { nonLinearity: 'gelu' as const } };

/** Budgets above this are refused (a typo guard: 10⁶ queries is hours of simulation). */
export const MAX_BUDGET = 1_000_000;

export interface SearchOptions {
  /** Simulator queries, a whole number ≥ 1. */
  budget: number;
  seed: number;
  /** Fix the transformer: accelerator search. */
  fixedModel?: unknown;
  /** Fix the accelerator: hardware-aware architecture search. */
  fixedAccelerator?: unknown;
  onProgress?: (p: SearchProgress) => void;
  /** Set `cancelled` to stop before the next query; the search then throws `SearchCancelled`. */
  control?: { cancelled: boolean };
  /** Awaited after every query (lets a worker yield or hold the search). */
  pause?: () => Promise<void>;
  /**
   * Resume: the evaluations an earlier run of the same settings and seed made before it
   * stopped. The search replays from the start (so its RNG reaches the same state) and takes
   * query i from here instead of simulating it again, while the pair it asks for is the
   * saved one; from the first pair that differs (or after the last), it simulates.
   */
  saved?: readonly Evaluation[];
}

/** A search signature shared by the algorithms (the CLI's table of algorithms holds these). */
export type SearchFunction = (settings: CodesignObjective, predictor: Predictor, options: SearchOptions) => Promise<SearchResult>;

/** Thrown when `control.cancelled` is seen; carries what was found so far. */
export class SearchCancelled extends Error {
  constructor(readonly partial: SearchResult) {
    super(`search cancelled after ${partial.evaluations.length} queries`);
    this.name = 'SearchCancelled';
  }
}

export interface FixedHalves {
  model?: ModelDict;
  accelerator?: AcceleratorConfig;
}

/** Validates budget, seed and the fixed halves; throws a ValidationError naming each bad field. */
export function validateSearchOptions(o: SearchOptions): { budget: number; seed: number; fixed: FixedHalves } {
  const issues: ValidationIssue[] = [];
  if (!(Number.isInteger(o.budget) && o.budget >= 1 && o.budget <= MAX_BUDGET)) {
    issues.push({ path: 'budget', message: `${String(o.budget)} must be a whole number from 1 to ${MAX_BUDGET}` });
  }
  if (!Number.isInteger(o.seed)) issues.push({ path: 'seed', message: `${String(o.seed)} must be an integer` });
  const fixed: FixedHalves = {};
  if (o.fixedModel !== undefined && o.fixedAccelerator !== undefined) {
    issues.push({ path: 'fixedModel', message: 'fix the model or the accelerator, not both: nothing would be left to search' });
  }
  if (o.fixedModel !== undefined) {
    const m = validateModel(o.fixedModel);
    if (m.ok) fixed.model = m.value;
    else issues.push(...m.issues.map((i) => ({ path: i.path ? `fixedModel.${i.path}` : 'fixedModel', message: i.message })));
  }
  if (o.fixedAccelerator !== undefined) {
    const a = validateAccelerator(o.fixedAccelerator, 'acceltran');
    if (!a.ok) issues.push(...a.issues.map((i) => ({ path: i.path ? `fixedAccelerator.${i.path}` : 'fixedAccelerator', message: i.message })));
    else if (memoryIndexOf(a.value.mainMemory) < 0) {
      issues.push({ path: 'fixedAccelerator.mainMemory', message: 'this memory configuration has no index in the 12-number embedding (docs/elector.md §13)' });
    } else fixed.accelerator = a.value;
  }
  if (issues.length > 0) throw new ValidationError('search options', issues);
  return { budget: o.budget, seed: o.seed, fixed };
}

/**
 * A uniformly random pair (each half as the design spaces sample it), keeping any fixed half.
 * The non-linearity is GELU: the 12-number embedding does not carry it (TransCODE's decoder fixes GELU).
 */
export function randomCandidate(rng: Rng, fixed: FixedHalves): Candidate {
  // Both halves are always drawn, so fixing one leaves the other's seeded sequence unchanged.
  const model = randomModel(rng);
  const accelerator = randomAccelerator(rng, 'transcode', GELU);
  return { model: fixed.model ?? model, accelerator: fixed.accelerator ?? accelerator };
}

/** One search in progress: counts queries, tracks the best, streams progress, honours cancel and pause. */
export class SearchRun {
  readonly settings: CodesignObjective;
  readonly budget: number;
  readonly seed: number;
  readonly fixed: FixedHalves;
  readonly rng: Rng;
  readonly evaluations: Evaluation[] = [];
  readonly history: SearchResult['history'] = [];
  best: Evaluation | null = null;
  /** Queries taken from `options.saved` rather than simulated (a resumed run). */
  reused = 0;
  private replaying: boolean;
  private readonly started = performance.now();

  constructor(settings: CodesignObjective, private readonly predictor: Predictor, private readonly options: SearchOptions, algorithm: string) {
    this.settings = validateObjective(settings);
    const { budget, seed, fixed } = validateSearchOptions(options);
    this.budget = budget;
    this.seed = seed;
    this.fixed = fixed;
    this.rng = createRng(`${seed}:${algorithm}`);
    this.replaying = (options.saved?.length ?? 0) > 0;
  }

  /** The saved evaluation of the next query when the search asks for the same pair, else null (and replay ends). */
  private savedFor(c: Candidate): Evaluation | null {
    if (!this.replaying) return null;
    const s = this.options.saved?.[this.evaluations.length];
    const same = s !== undefined && JSON.stringify(s.candidate.model) === JSON.stringify(c.model) && JSON.stringify(s.candidate.accelerator) === JSON.stringify(c.accelerator);
    if (!same) this.replaying = false;
    return same ? s : null;
  }

  get done(): boolean {
    return this.evaluations.length >= this.budget;
  }

  /** Simulates and scores one pair (one query of the budget). */
  /** `before` runs on the new evaluation before it joins the history (BOSHCODE scores its surrogate there). */
  async query(c: Candidate, step: string, before?: (e: Evaluation) => Partial<SearchProgress>): Promise<Evaluation> {
    if (this.options.control?.cancelled) throw new SearchCancelled(this.result());
    const saved = this.savedFor(c);
    if (saved) this.reused++;
    const e = saved ?? evaluatePair(c, this.settings, this.predictor);
    const extra = before?.(e);
    this.evaluations.push(e);
    if (!this.best || e.performance > this.best.performance) this.best = e;
    const query = this.evaluations.length;
    this.history.push({ query, performance: e.performance, bestSoFar: this.best.performance, step });
    this.options.onProgress?.({ query, budget: this.budget, evaluation: e, bestSoFar: this.best, step, ...extra });
    await this.options.pause?.();
    return e;
  }

  /** The run so far. `best` is null only when cancelled before the first query. */
  result(): SearchResult {
    return { best: this.best as Evaluation, history: this.history, evaluations: this.evaluations, seed: this.seed, seconds: (performance.now() - this.started) / 1000 };
  }
}
