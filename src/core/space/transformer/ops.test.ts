import { describe as suite, expect, it } from 'vitest';
import { clip, describe, headOpString, parseHeadOp } from './ops.ts';

suite('parseHeadOp', () => {
  it('parses every family, including kernel sizes', () => {
    expect(parseHeadOp('sa_sdp_64')).toEqual({ type: 'sa_sdp', family: 'sa', d: 64, kernel: 0 });
    expect(parseHeadOp('l_dct_42')).toEqual({ type: 'l_dct', family: 'l', d: 42, kernel: 0 });
    expect(parseHeadOp('c_13_21')).toEqual({ type: 'c_13', family: 'c', d: 21, kernel: 13 });
  });

  it('explains malformed ops', () => {
    expect(parseHeadOp('sa_foo_64')).toEqual({ error: 'unknown head type "sa_foo" (allowed: sa_sdp, sa_wma, l_dft, l_dct, c_5, c_9, c_13)' });
    expect(parseHeadOp('sa_sdp_0')).toHaveProperty('error', 'head width "0" in "sa_sdp_0" must be a positive integer');
    expect(parseHeadOp('sasdp')).toHaveProperty('error', expect.stringMatching(/^malformed op string "sasdp"/));
    expect(parseHeadOp(64)).toHaveProperty('error', 'expected an op string like "sa_sdp_64", got number 64');
  });
});

suite('describe and clip', () => {
  it('keeps messages short and never echoes code', () => {
    expect(clip('x'.repeat(100))).toBe(`${'x'.repeat(40)}…`);
    expect(describe(undefined)).toBe('nothing');
    expect(describe(() => 'secret source')).toBe('a function');
    expect(describe({ a: 1 })).toBe('an object');
    expect(describe(NaN)).toBe('number NaN');
  });

  it('builds op strings with d = floor(h/n)', () => {
    expect(headOpString('c_9', 512, 12)).toBe('c_9_42');
  });
});
