import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../core/share/schema.ts';
import { DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import { CLOCK_RANGE, formatFieldNumber, parseInRange, SPARSITY_RANGE } from './settingsFields.ts';

describe('parseInRange', () => {
  it('accepts plain decimals inside the range', () => {
    expect(parseInRange('0.35', SPARSITY_RANGE, 'Sparsity')).toEqual({ ok: true, value: 0.35 });
    expect(parseInRange(' 700 ', CLOCK_RANGE, 'Clock')).toEqual({ ok: true, value: 700 });
    expect(parseInRange('.5', SPARSITY_RANGE, 'Sparsity')).toEqual({ ok: true, value: 0.5 });
  });

  it('rejects out-of-range, empty and non-decimal text with the rule', () => {
    for (const text of ['1', '-0.1', '', 'abc', '0x1', '1e3', 'NaN', 'Infinity']) {
      const r = parseInRange(text, SPARSITY_RANGE, 'Activation sparsity');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toBe('Activation sparsity must be a number from 0 to 0.99');
    }
    const clock = parseInRange('10001', CLOCK_RANGE, 'Clock');
    expect(clock.ok || clock.message).toBe('Clock must be a number from 1 to 10000 MHz');
  });

  it('never lets through a value the session schema would refuse', () => {
    for (const text of ['0', '0.99', '0.5']) {
      const r = parseInRange(text, SPARSITY_RANGE, 's');
      if (!r.ok) throw new Error(text);
      const s = { ...DEFAULT_SETTINGS, sparsity: { activation: r.value, weight: r.value, gradient: r.value } };
      expect(settingsSchema.safeParse(s).success).toBe(true);
    }
    for (const text of ['1', '10000']) {
      const r = parseInRange(text, CLOCK_RANGE, 'c');
      if (!r.ok) throw new Error(text);
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, clockMHz: r.value }).success).toBe(true);
    }
  });
});

describe('formatFieldNumber', () => {
  it('hides float noise from slider arithmetic', () => {
    expect(formatFieldNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatFieldNumber(0.955)).toBe('0.955');
    expect(formatFieldNumber(700)).toBe('700');
  });
});
