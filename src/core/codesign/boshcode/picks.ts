/**
 * Which candidates an iteration of BOSHCODE queries (docs/boshcode.md §3): GOBI's projections,
 * re-scored, ranked with the pool of random candidates and neighbours of the best pairs.
 */
import { acceleratorToEmbedding } from '../../space/accelerator/embedding.ts';
import { encodeModel } from '../../space/transformer/embedding.ts';
import type { FixedHalves } from '../search.ts';
import type { Candidate, Evaluation } from '../types.ts';
import type { BoshcodeOptions } from './boshcode.ts';
import { gobi } from './gobi.ts';
import { projectToValid, scaleCandidate, type inputBounds } from './inputs.ts';
import type { Surrogate } from './surrogate.ts';

export const keyOf = (c: Candidate) => `${encodeModel(c.model).join(',')}|${acceleratorToEmbedding(c.accelerator).join(',')}`;

export function rankBy<T>(items: T[], score: (i: number) => number): T[] {
  return items.map((c, i) => [c, score(i)] as const).sort((a, b) => a[1] - b[1]).map(([c]) => c);
}

/**
 * GOBI from the best-scoring candidates and the best pairs so far (`byPerformance`: the
 * evaluations, best first), projected to valid designs; then every projection is re-scored by
 * the surrogate at the design it landed on and ranked together with the pool (random
 * candidates and neighbours of the best pairs): a gradient step that projects somewhere poor
 * no longer outranks a good candidate it never looked at.
 */
export function gobiPicks(surrogate: Surrogate, pool: Candidate[], scaled: { model: number[]; accelerator: number[] }[], pred: ReturnType<Surrogate['predict']> | null,
  k: number, o: BoshcodeOptions & { seed: number }, bounds: ReturnType<typeof inputBounds>, seen: Set<string>, byPerformance: readonly Evaluation[], iteration: number, fixed: FixedHalves,
  rank: (c: Candidate, acquisition: number) => number = (_, a) => a): Candidate[] {
  if (!pred || pool.length === 0) return pool.slice(0, k);
  const acquisition = (p: ReturnType<Surrogate['predict']>, i: number) => p.mean[i] - o.gobi.exploration * Math.sqrt(p.epistemic[i] ** 2 + p.aleatoric[i]);
  const starts = rankBy(scaled, (i) => acquisition(pred, i)).slice(0, k);
  const top = byPerformance.slice(0, Math.max(1, Math.floor(k / 2)));
  starts.push(...top.map((e) => scaleCandidate(e.candidate, o.scaling)));
  const { points } = gobi(surrogate, starts, bounds, { ...o.gobi, seed: o.seed * 7919 + iteration });
  const landed: Candidate[] = [];
  // The reference takes its projections in the order of their continuous acquisition, before the pool.
  const ordered = o.projection === 'candidates' ? [...points].sort((a, b) => a.acquisition - b.acquisition) : points;
  for (const p of ordered) {
    let c: Candidate;
    if (o.projection === 'candidates') {
      // The reference: the nearest of this iteration's random candidates, by mean absolute difference.
      const d = scaled.map((s) => meanAbs(s.model, p.model) + meanAbs(s.accelerator, p.accelerator));
      c = pool[d.indexOf(Math.min(...d))];
    } else {
      const v = projectToValid(p.model, p.accelerator, o.scaling);
      // A fixed half stays as it is; only the searched half moves.
      c = { model: fixed.model ?? v.model, accelerator: fixed.accelerator ?? v.accelerator };
    }
    landed.push(c);
  }
  let ranked: Candidate[];
  if (o.projection === 'candidates') ranked = [...landed, ...rankBy(pool, (i) => rank(pool[i], acquisition(pred, i)))];
  else {
    const landedScaled = landed.map((c) => scaleCandidate(c, o.scaling));
    const landedPred = surrogate.predict(landedScaled.map((s) => s.model), landedScaled.map((s) => s.accelerator));
    ranked = [...landed.map((c, i) => ({ c, a: rank(c, acquisition(landedPred, i)) })), ...pool.map((c, i) => ({ c, a: rank(c, acquisition(pred, i)) }))]
      .sort((x, y) => x.a - y.a).map((x) => x.c);
  }
  const picks: Candidate[] = [];
  const taken = new Set<string>();
  for (const c of ranked) {
    if (picks.length >= k) break;
    const key = keyOf(c);
    if (seen.has(key) || taken.has(key)) continue;
    taken.add(key);
    picks.push(c);
  }
  return picks;
}

const meanAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => { let s = 0; for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]); return s / a.length; };
