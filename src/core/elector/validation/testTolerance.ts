/**
 * Tolerances of the validation tests: tight enough that a change of the model shows.
 * Cycle counts and energies within 0.5 %, ratios within 2 %.
 */
import { expect } from 'vitest';

export function closeRel(actual: number, expected: number, rel: number, what = ''): void {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-12;
  expect(ok, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`).toBe(true);
}

/** A cycle count or energy: within 0.5 %. */
export const closeCount = (actual: number, expected: number, what = ''): void => closeRel(actual, expected, 0.005, what);
/** A ratio: within 2 %. */
export const closeRatio = (actual: number, expected: number, what = ''): void => closeRel(actual, expected, 0.02, what);
