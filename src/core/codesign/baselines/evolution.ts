/**
 * Regularised (aging) evolution, after Real et al. 2019 (docs/codesign.md §4.2): a
 * population of random pairs; each step samples a few members, mutates one entry of
 * the best one's embedding (either half), projects it to the nearest valid design,
 * simulates the child, adds it and removes the oldest member, whatever its score.
 */
import type { Rng } from '../../rng.ts';
import { acceleratorToEmbedding } from '../../space/accelerator/embedding.ts';
import { nearestValidAccelerator } from '../../space/accelerator/nearest.ts';
import { allowedValues, NUMERIC_PARAMS } from '../../space/accelerator/params.ts';
import { MEMORY_INDEX } from '../../space/accelerator/schema.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { decodeModel, embeddingBounds, encodeModel } from '../../space/transformer/embedding.ts';
import { nearestValidEmbedding } from '../../space/transformer/sample.ts';
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import type { CodesignObjective } from '../objective.ts';
import type { Predictor } from '../predictors/predictor.ts';
import { randomCandidate, SearchRun, type FixedHalves, type SearchOptions } from '../search.ts';
import type { Candidate, Evaluation, SearchResult } from '../types.ts';

export interface EvolutionOptions {
  /** Members kept alive (the first `population` queries are random pairs). */
  population: number;
  /** Members drawn (without replacement) for each tournament; the best becomes the parent. */
  sampleSize: number;
}

/** Tuned for budgets of a few hundred queries (docs/codesign.md §4.2). */
export const EVOLUTION_DEFAULTS: EvolutionOptions = { population: 24, sampleSize: 12 };

export async function evolutionSearch(
  settings: CodesignObjective, predictor: Predictor, options: SearchOptions & Partial<EvolutionOptions>,
): Promise<SearchResult> {
  const o = { ...EVOLUTION_DEFAULTS, ...options };
  if (!(Number.isInteger(o.population) && o.population >= 2)) throw new RangeError(`population: ${o.population} must be a whole number ≥ 2`);
  if (!(Number.isInteger(o.sampleSize) && o.sampleSize >= 1 && o.sampleSize <= o.population)) {
    throw new RangeError(`sampleSize: ${o.sampleSize} must be a whole number from 1 to the population (${o.population})`);
  }
  const run = new SearchRun(settings, predictor, options, 'evolution');
  const population: Evaluation[] = [];
  while (!run.done && population.length < o.population) population.push(await run.query(randomCandidate(run.rng, run.fixed), 'initial'));
  while (!run.done) {
    const parent = tournament(population, o.sampleSize, run.rng);
    population.push(await run.query(mutateCandidate(parent.candidate, run.rng, run.fixed), 'evolution'));
    population.shift();
  }
  return run.result();
}

/** The best of `k` members drawn without replacement (ties: the one drawn first). */
function tournament(population: readonly Evaluation[], k: number, rng: Rng): Evaluation {
  const pool = population.map((_, i) => i);
  let best: Evaluation | null = null;
  for (let j = 0; j < k; j++) {
    const i = pool.splice(rng.int(pool.length), 1)[0];
    if (!best || population[i].performance > best.performance) best = population[i];
  }
  return best!;
}

/** Mutates one half: the free one in a one-sided search, else either with probability ½. */
export function mutateCandidate(c: Candidate, rng: Rng, fixed: FixedHalves = {}): Candidate {
  const side = fixed.model ? 'accelerator' : fixed.accelerator ? 'model' : rng.next() < 0.5 ? 'model' : 'accelerator';
  return side === 'model' ? { ...c, model: mutateModel(c.model, rng) } : { ...c, accelerator: mutateAccelerator(c.accelerator, rng) };
}

/**
 * One used entry of the 37-entry embedding takes another value in its bounds (uniformly);
 * then the nearest valid embedding. A larger layer count fills its new layers with copies
 * of the last layer (the embedding would otherwise make them all-zero, i.e. the smallest layer).
 */
export function mutateModel(m: ModelDict, rng: Rng): ModelDict {
  const e = encodeModel(m);
  const { min, max } = embeddingBounds();
  const k = rng.int(1 + 3 * m.l);
  const next = [...e];
  next[k] = otherValue(e[k], min[k], max[k], rng);
  if (k === 0) {
    const newL = TRANSFORMER_SPACE.layers[next[0]];
    for (let i = m.l; i < newL; i++) for (let j = 1; j <= 3; j++) next[3 * i + j] = e[3 * (m.l - 1) + j];
  }
  const decoded = decodeModel(nearestValidEmbedding(next));
  if (!decoded.ok) throw new Error('internal: a nearest-valid embedding failed to decode');
  return decoded.value;
}

/** Entries of the accelerator embedding a mutation may change: tile_y follows tile_x, so it is not one of them. */
const ACCELERATOR_ENTRIES = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const MEM_IDX = 11;

/** One entry of the 12-number embedding takes another allowed value (uniformly); then the nearest valid config. */
export function mutateAccelerator(a: AcceleratorConfig, rng: Rng): AcceleratorConfig {
  const e = [...acceleratorToEmbedding(a)];
  const k = ACCELERATOR_ENTRIES[rng.int(ACCELERATOR_ENTRIES.length)];
  if (k === MEM_IDX) e[k] = otherValue(e[k], 0, MEMORY_INDEX.length - 1, rng);
  else {
    const allowed = allowedValues(NUMERIC_PARAMS.find((p) => p.embeddingIndex === k)!, 'transcode');
    const others = allowed.filter((v) => v !== e[k]);
    if (others.length > 0) e[k] = others[rng.int(others.length)];
    if (k === 1) e[2] = e[1];
  }
  const memory = MEMORY_INDEX[e[MEM_IDX]];
  return nearestValidAccelerator({
    tile: { b: e[0], x: e[1], y: e[2] }, nonLinearity: a.nonLinearity, pe: e[3], lanesPerPe: e[4], macsPerLane: e[5], softmaxPerPe: e[6],
    batchSize: e[7], activationBufferMB: e[8], weightBufferMB: e[9], maskBufferMB: e[10],
    mainMemory: { type: memory.type, banks: memory.banks, ranks: memory.ranks, channels: memory.channels },
  });
}

/** A uniformly drawn integer in [lo, hi] other than `current` (current itself if the range has one value). */
function otherValue(current: number, lo: number, hi: number, rng: Rng): number {
  if (hi <= lo) return lo;
  const v = lo + rng.int(hi - lo);
  return v >= current ? v + 1 : v;
}
