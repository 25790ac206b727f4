import { describe, expect, it } from 'vitest';
import { ValidationError, formatIssues } from '../issues.ts';
import { MODEL_PRESETS, modelPresetNames } from './presets.ts';
import { MAX_ISSUES, checkModel, validateModel } from './validate.ts';

const tiny = () => ({
  l: 2,
  o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']],
  h: [128, 128],
  f: [[512], [512]],
});

/** The issues of an invalid value as `path: message` lines. */
function problems(x: unknown): string[] {
  const r = validateModel(x);
  if (r.ok) throw new Error('expected the value to be invalid');
  return formatIssues(r.issues).split('\n');
}

describe('validateModel', () => {
  it('accepts every preset and returns a copy, not the input', () => {
    for (const name of modelPresetNames) {
      const input = MODEL_PRESETS[name].model;
      const r = validateModel(input);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value).toEqual(input);
        expect(r.value.o[0]).not.toBe(input.o[0]);
      }
    }
  });

  it('accepts heads that do not divide the hidden size (d = floor(h/n)) and mixed head types', () => {
    const m = { l: 2, o: [Array(12).fill('c_13_10'), ['sa_wma_42', 'l_dft_42', 'l_dct_42', ...Array(9).fill('c_5_42')]], h: [128, 512], f: [[256, 4096, 1024], [3072]] };
    expect(validateModel(m).ok).toBe(true);
  });

  it('names the inconsistent list', () => {
    expect(problems({ ...tiny(), h: [128, 128, 128] })).toEqual(['h: has 3 entries but l is 2']);
    expect(problems({ ...tiny(), f: [[512]] })).toEqual(['f: has 1 entry but l is 2']);
  });

  it('rejects values outside the space, listing the allowed ones', () => {
    expect(problems({ ...tiny(), l: 3 })).toContain('l: 3 is not an allowed layer count (allowed: 2, 4, 6, 8, 10, 12)');
    expect(problems({ ...tiny(), h: [128, 300] })).toEqual(['h[1]: 300 is not an allowed hidden size (allowed: 128, 256, 512, 768)']);
    expect(problems({ ...tiny(), f: [[512], [512, 700]] })).toEqual([
      'f[1][1]: 700 is not an allowed feed-forward width (allowed: 256, 512, 1024, 2048, 3072, 4096)',
    ]);
    expect(problems({ ...tiny(), f: [[512], [512, 512, 512, 512]] })).toEqual(['f[1]: has 4 widths; a feed-forward stack has 1–3 layers']);
    expect(problems({ ...tiny(), f: [[512], []] })).toEqual(['f[1]: has 0 widths; a feed-forward stack has 1–3 layers']);
  });

  it('rejects head counts outside 2/4/8/12 and unknown head types', () => {
    const three = tiny();
    three.o[1] = ['sa_sdp_42', 'sa_sdp_42', 'sa_sdp_42'];
    expect(problems(three)).toEqual(['o[1]: has 3 heads (allowed head counts: 2, 4, 8, 12)']);
    const foo = { ...tiny(), l: 4, h: [128, 128, 128, 128], f: [[512], [512], [512], [512]] };
    foo.o = [...tiny().o, ...tiny().o];
    foo.o[3] = ['sa_sdp_64', 'sa_foo_64'];
    expect(problems(foo)).toEqual(['o[3][1]: unknown head type "sa_foo" (allowed: sa_sdp, sa_wma, l_dft, l_dct, c_5, c_9, c_13)']);
  });

  it('requires d = floor(h/n), naming the rule and the fix', () => {
    const allWrong = { ...tiny(), o: [['sa_sdp_60', 'c_5_60'], ['sa_sdp_64', 'sa_sdp_64']] };
    expect(problems(allWrong)).toEqual(['o[0]: head width 60 does not match floor(h[0]/heads) = floor(128/2) = 64 (use e.g. "sa_sdp_64")']);
    const oneWrong = { ...tiny(), o: [['sa_sdp_64', 'sa_sdp_60'], ['sa_sdp_64', 'sa_sdp_64']] };
    expect(problems(oneWrong)).toEqual(['o[0][1]: head width 60 does not match floor(h[0]/heads) = floor(128/2) = 64 (use "sa_sdp_64")']);
  });

  it('still checks that heads share one width when the hidden size is invalid', () => {
    const m = { ...tiny(), h: [100, 128], o: [['sa_sdp_64', 'sa_sdp_32'], ['sa_sdp_64', 'sa_sdp_64']] };
    expect(problems(m)).toContain('o[0][1]: head width 32 differs from o[0][0] (64); all heads of a layer share one width');
  });

  it('rejects the FlexiBERT 1.0 format, unknown and missing keys', () => {
    const legacy = { l: 2, o: ['sa', 'sa'], h: [128, 128], n: [2, 2], f: [[512], [512]], p: ['sdp', 'sdp'] };
    const lines = problems(legacy);
    expect(lines[0]).toMatch(/^p: key "p" marks a FlexiBERT 1\.0 dict.*FlexiBERT 2\.0 format \{l, o, h, f\}/);
    expect(lines).toContain('n: unknown key (a model dict has only l, o, h, f)');
    const { f: _f, ...noF } = tiny();
    expect(problems(noF)).toEqual(['f: missing (a model dict needs l, o, h and f)']);
  });

  it('names wrong types by path', () => {
    expect(problems({ ...tiny(), l: '2' })).toEqual(['l: expected a number, got the string "2" (remove the quotes)']);
    expect(problems({ ...tiny(), h: [128, 128.5] })[0]).toMatch(/^h\[1\]: 128\.5 is not a whole number/);
    expect(problems({ ...tiny(), h: [NaN, -128] })).toEqual([
      'h[0]: expected a finite number, got NaN',
      'h[1]: -128 is not an allowed hidden size (allowed: 128, 256, 512, 768)',
    ]);
    expect(problems({ ...tiny(), f: [512, [512]] })).toEqual(['f[0]: expected a list of 1–3 feed-forward widths such as [512], got number 512']);
    expect(problems({ ...tiny(), o: 'sa_sdp_64' })).toEqual(['o: expected a list with one entry per layer, got "sa_sdp_64"']);
    expect(problems(null)).toEqual(['expected a model dict {l, o, h, f}, got null']);
    expect(problems([tiny()])).toEqual(['expected a model dict {l, o, h, f}, got an array']);
  });

  it('survives hostile input quickly and clips echoed strings', () => {
    const start = performance.now();
    const huge = { ...tiny(), o: new Array(1_000_000).fill(['sa_sdp_64', 'sa_sdp_64']) };
    expect(problems(huge)).toEqual(['o: has 1000000 entries; a model has at most 12 layers']);
    const manyHeads = { ...tiny(), o: [new Array(1_000_000).fill('x'), ['sa_sdp_64', 'sa_sdp_64']] };
    expect(problems(manyHeads)).toEqual(['o[0]: has 1000000 heads (allowed head counts: 2, 4, 8, 12)']);
    const script = '<script>alert(1)</script>'.repeat(1000);
    const lines = problems({ ...tiny(), o: [[script, 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], [script]: 1 });
    expect(Math.max(...lines.map((s) => s.length))).toBeLessThan(200);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('reports at most MAX_ISSUES problems plus a note', () => {
    const bad = { l: 12, o: Array(12).fill(['x', 'y']), h: Array(12).fill(1), f: Array(12).fill([1]) };
    const r = validateModel(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(MAX_ISSUES + 1);
      expect(r.issues[MAX_ISSUES].message).toMatch(/more problems not shown/);
    }
  });

  it('does not skip the holes of sparse arrays', () => {
    expect(problems({ ...tiny(), o: [new Array(2), ['sa_sdp_64', 'sa_sdp_64']] })[0]).toMatch(/^o\[0\]\[0\]: expected an op string/);
    expect(problems({ ...tiny(), h: new Array(2) })[0]).toBe('h[0]: expected a number, got nothing');
  });

  it('ignores inherited properties', () => {
    expect(problems(Object.create(tiny()))).toHaveLength(4);
  });
});

describe('checkModel', () => {
  it('returns the model or throws a ValidationError carrying the issues', () => {
    expect(checkModel(tiny())).toEqual(tiny());
    try {
      checkModel({ ...tiny(), l: 3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0].path).toBe('l');
    }
  });
});
