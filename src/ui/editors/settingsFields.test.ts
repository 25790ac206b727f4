import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../core/share/schema.ts';
import { DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import { RUN_SETTING_LIMITS } from '../../core/elector/types.ts';
import { REFERENCE_SEQ_LEN } from '../../core/share/runSettings.ts';
import {
  ACCUMULATION_RANGE, CLOCK_RANGE, formatFieldNumber, globalBatchNote, parseInRange, seqLenChoices, seqLenIssues, SPARSITY_RANGE,
} from './settingsFields.ts';

describe('parseInRange', () => {
  it('takes every sparsity the session schema takes, as a link or an import may hold it (0.995), and refuses 1', () => {
    for (const v of [0, 0.5, 0.99, 0.995, 0.9999]) {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, sparsity: { activation: v, weight: 0, gradient: 0 } }).success).toBe(true);
      expect(parseInRange(String(v), SPARSITY_RANGE, 's')).toEqual({ ok: true, value: v });
    }
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, sparsity: { activation: 1, weight: 0, gradient: 0 } }).success).toBe(false);
    expect(parseInRange('1', SPARSITY_RANGE, 's').ok).toBe(false);
  });

  it('accepts plain decimals inside the range', () => {
    expect(parseInRange('0.35', SPARSITY_RANGE, 'Sparsity')).toEqual({ ok: true, value: 0.35 });
    expect(parseInRange(' 700 ', CLOCK_RANGE, 'Clock')).toEqual({ ok: true, value: 700 });
    expect(parseInRange('.5', SPARSITY_RANGE, 'Sparsity')).toEqual({ ok: true, value: 0.5 });
  });

  it('rejects out-of-range, empty and non-decimal text with the rule', () => {
    for (const text of ['1', '-0.1', '', 'abc', '0x1', '1e3', 'NaN', 'Infinity']) {
      const r = parseInRange(text, SPARSITY_RANGE, 'Activation sparsity');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toBe('Activation sparsity must be a number from 0 to below 1');
    }
    const clock = parseInRange('10001', CLOCK_RANGE, 'Clock');
    expect(clock.ok || clock.message).toBe('Clock must be a number from 1 to 10000 MHz');
  });

  it('never lets through a value the session schema would refuse', () => {
    for (const text of ['0', '0.99', '0.5', '0.995', '0.9999']) {
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

describe('run-setting fields (sequence length, accumulation)', () => {
  const L = RUN_SETTING_LIMITS;

  it('takes the accumulation limits from the core and wants whole numbers', () => {
    expect([ACCUMULATION_RANGE.min, ACCUMULATION_RANGE.max]).toEqual([L.accumulationSteps.min, L.accumulationSteps.max]);
    expect(parseInRange('16', ACCUMULATION_RANGE, 'Gradient accumulation steps')).toEqual({ ok: true, value: 16 });
    for (const text of ['0', '2.5', String(L.accumulationSteps.max + 1), '', 'x']) {
      const r = parseInRange(text, ACCUMULATION_RANGE, 'Gradient accumulation steps');
      expect(r.ok || r.message, text).toBe(`Gradient accumulation steps must be a whole number from ${L.accumulationSteps.min} to ${L.accumulationSteps.max}`);
    }
    for (const v of [L.accumulationSteps.min, L.accumulationSteps.max]) {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, accumulationSteps: v }).success).toBe(true);
    }
  });

  it('offers the usual sequence lengths within the limits, plus a valid odd one from a link', () => {
    const usual = seqLenChoices(L.seqLen.default);
    expect(usual).toContain(L.seqLen.default);
    expect(usual).toContain(L.seqLen.min);
    expect(usual).toContain(L.seqLen.max);
    for (const n of usual) expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, seqLen: n }).success).toBe(true);
    expect(seqLenChoices(100)).toEqual([...usual, 100].sort((a, b) => a - b));
    expect(seqLenChoices(L.seqLen.max + 1)).toEqual(usual);
  });

  it('names the sequence length when the reference model cannot run it', () => {
    expect(seqLenIssues({ seqLen: 256, costModel: 'elector' })).toEqual([]);
    expect(seqLenIssues({ seqLen: REFERENCE_SEQ_LEN, costModel: 'reference' })).toEqual([]);
    expect(seqLenIssues({ seqLen: 256, costModel: 'reference' })).toEqual([expect.stringMatching(/^Sequence length: the reference cost model runs 128 tokens only/)]);
    expect(seqLenIssues({ seqLen: 1000, costModel: 'elector' })).toEqual([`Sequence length must be a whole number of tokens from ${L.seqLen.min} to ${L.seqLen.max}`]);
  });

  it('spells out the global batch', () => {
    expect(globalBatchNote(8, 4)).toBe('Global batch = 8 steps × batch size 4 = 32 sequences per optimizer step');
    expect(globalBatchNote(1, 1)).toBe('Global batch = 1 step × batch size 1 = 1 sequence per optimizer step');
  });
});
