import { describe, expect, it } from 'vitest';
import { canonicalizeModel, isCanonicalModel } from './canonical.ts';

const model = {
  l: 2,
  o: [['c_13_32', 'sa_sdp_32', 'l_dft_32', 'sa_sdp_32'], ['sa_wma_64', 'sa_sdp_64']],
  h: [128, 128],
  f: [[512], [512]],
};

describe('canonicalizeModel', () => {
  it('sorts heads into HEAD_TYPES order without touching the input', () => {
    const c = canonicalizeModel(model);
    expect(c.o).toEqual([['sa_sdp_32', 'sa_sdp_32', 'l_dft_32', 'c_13_32'], ['sa_sdp_64', 'sa_wma_64']]);
    expect(model.o[0][0]).toBe('c_13_32');
    expect(c.h).toEqual(model.h);
    expect(c.f).not.toBe(model.f);
  });

  it('knows when a model is already canonical', () => {
    expect(isCanonicalModel(model)).toBe(false);
    expect(isCanonicalModel(canonicalizeModel(model))).toBe(true);
  });

  it('orders c_5 < c_9 < c_13 by type position, not by text', () => {
    const m = { l: 2, o: [['c_13_64', 'c_9_64'], ['c_9_64', 'c_5_64']], h: [128, 128], f: [[512], [512]] };
    expect(canonicalizeModel(m).o).toEqual([['c_9_64', 'c_13_64'], ['c_5_64', 'c_9_64']]);
  });
});
