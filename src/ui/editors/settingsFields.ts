/**
 * Ranges of the run-settings controls and parsing of what users type into them.
 * The session schema (core/share/schema.ts) is the authority: sparsity in [0, 1),
 * clock in [1, 10 000] MHz. The slider stops at 0.99 because a sparsity of 1
 * (nothing left to compute) is outside the schema.
 */
export interface NumberRange {
  min: number;
  max: number;
  step: number;
  unit: string;
}

export const SPARSITY_RANGE: NumberRange = { min: 0, max: 0.99, step: 0.01, unit: '' };
export const CLOCK_RANGE: NumberRange = { min: 1, max: 10_000, step: 1, unit: 'MHz' };

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Parses typed text as a number inside `range`; the message names the rule. */
export function parseInRange(text: string, range: NumberRange, what: string): Parsed {
  const rule = `${what} must be a number from ${range.min} to ${range.max}${range.unit ? ` ${range.unit}` : ''}`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: rule };
  // Number('0x10') and Number('1e3') parse; a plain decimal is what the field asks for.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, message: rule };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < range.min || value > range.max) return { ok: false, message: rule };
  return { ok: true, value };
}

/** A typed number as a field shows it: at most four decimals, no float noise (0.30000000000000004 → "0.3"). */
export function formatFieldNumber(x: number): string {
  return String(Number(x.toFixed(4)));
}
