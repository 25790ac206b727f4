/**
 * What is wrong with the text of a sweep form's number field, worded with the field's label;
 * null when the text is a value the sweep can run with.
 */
import { SWEEP_LIMITS } from '../../core/share/limits.ts';

function wholeNumberProblem(label: string, text: string, min: number, max: number): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) return `${label} must be a whole number.`;
  if (n < min || n > max) return `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`;
  return null;
}

export const samplesProblem = (text: string): string | null => wholeNumberProblem('Samples', text, 1, SWEEP_LIMITS.maxSamples);

export const seedProblem = (text: string): string | null => wholeNumberProblem('Seed', text, 0, SWEEP_LIMITS.maxSeed);
