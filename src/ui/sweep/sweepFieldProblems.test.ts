import { describe, expect, it } from 'vitest';
import { samplesProblem, seedProblem } from './sweepFieldProblems.ts';

describe('sweep field problems', () => {
  it('accepts whole seeds from 0 to 2^32 − 1', () => {
    for (const ok of ['0', '7', '4294967295']) expect(seedProblem(ok)).toBeNull();
  });

  it('names the Seed field for every seed that used to become 0', () => {
    expect(seedProblem('')).toBe('Seed must be a whole number.');
    expect(seedProblem('2.5')).toBe('Seed must be a whole number.');
    expect(seedProblem('-1')).toBe('Seed must be between 0 and 4,294,967,295.');
    expect(seedProblem('1e20')).toBe('Seed must be between 0 and 4,294,967,295.');
    expect(seedProblem('4294967296')).toBe('Seed must be between 0 and 4,294,967,295.');
  });

  it('keeps the Samples wording', () => {
    expect(samplesProblem('5000')).toBeNull();
    expect(samplesProblem(' ')).toBe('Samples must be a whole number.');
    expect(samplesProblem('0')).toBe('Samples must be between 1 and 1,000,000.');
    expect(samplesProblem('2000000')).toBe('Samples must be between 1 and 1,000,000.');
  });
});
