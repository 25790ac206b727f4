/**
 * Independent random streams per (seed, purpose, index), so any worker can
 * compute any sample without replaying the samples before it, and a share link
 * that records the seed reproduces every point.
 */
import { createRng, type Rng } from '../rng.ts';

/** Purposes of the streams a sweep draws from; new purposes get new numbers, never reuse. */
export const STREAM = {
  /** Per sample: levels of the random sampler, jitter of the LHS sampler. */
  levels: 1,
  /** Per sample: a whole random transformer. */
  model: 2,
  /** Per dimension: the LHS permutation of strata. */
  lhsPermutation: 3,
} as const;

/** murmur3's finaliser: a cheap bijective 32-bit avalanche. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit seed for stream `purpose`, element `index`, of the sweep seeded with `seed`. */
export function streamSeed(seed: number, purpose: number, index: number): number {
  return fmix32(fmix32(fmix32(seed >>> 0) ^ Math.imul(purpose, 0x9e3779b1)) ^ (index >>> 0));
}

export function streamRng(seed: number, purpose: number, index: number): Rng {
  return createRng(streamSeed(seed, purpose, index));
}
