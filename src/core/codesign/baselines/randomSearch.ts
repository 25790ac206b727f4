/**
 * Random search (docs/codesign.md §4.1): every query is a fresh uniformly random pair
 * (or a random free half in a one-sided search). The floor any smarter search must beat.
 */
import type { CodesignObjective } from '../objective.ts';
import type { Predictor } from '../predictors/predictor.ts';
import { randomCandidate, SearchRun, type SearchOptions } from '../search.ts';
import type { SearchResult } from '../types.ts';

export async function randomSearch(settings: CodesignObjective, predictor: Predictor, options: SearchOptions): Promise<SearchResult> {
  const run = new SearchRun(settings, predictor, options, 'random');
  while (!run.done) await run.query(randomCandidate(run.rng, run.fixed), 'random');
  return run.result();
}
