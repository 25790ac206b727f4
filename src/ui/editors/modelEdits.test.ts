import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { encodeModel } from '../../core/space/transformer/embedding.ts';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import {
  addFfWidth,
  addLayer,
  duplicateLayer,
  headTypesOf,
  moveLayer,
  removeFfWidth,
  removeLayer,
  setAllHeadTypes,
  setFfWidth,
  setHeadCount,
  setHeadType,
  setHiddenSize,
  setLayerCount,
} from './modelEdits.ts';

// Presets are frozen: any edit that mutated its input would throw here.
const tiny = MODEL_PRESETS['bert-tiny'].model;
const base = MODEL_PRESETS['bert-base'].model;

function hetero(): ModelDict {
  return {
    l: 2,
    o: [['sa_sdp_64', 'c_9_64'], ['l_dft_32', 'l_dct_32', 'sa_wma_32', 'c_5_32']],
    h: [128, 128],
    f: [[512], [1024, 256]],
  };
}

describe('layer list edits', () => {
  it('adds a copy of the last layer and keeps l equal to the layer count', () => {
    const m = addLayer(hetero());
    expect(m.l).toBe(3);
    expect(m.o[2]).toEqual(m.o[1]);
    expect(m.f[2]).toEqual([1024, 256]);
    // Three layers is a draft state: the layer-count rule is the only problem.
    const checked = validateModel(m);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.map((i) => i.path)).toEqual(['l']);
    expect(validateModel(addLayer(m)).ok).toBe(true);
  });

  it('never grows past 12 layers or shrinks below one', () => {
    expect(addLayer(base)).toBe(base);
    expect(duplicateLayer(base, 3)).toBe(base);
    const one = setLayerCount(tiny, 1);
    expect(one.l).toBe(1);
    expect(removeLayer(one, 0)).toBe(one);
  });

  it('duplicates a layer right after itself', () => {
    const m = duplicateLayer(hetero(), 0);
    expect(m.o.map(headTypesOf)).toEqual([['sa_sdp', 'c_9'], ['sa_sdp', 'c_9'], ['l_dft', 'l_dct', 'sa_wma', 'c_5']]);
    expect(m.h).toHaveLength(3);
  });

  it('removes the chosen layer', () => {
    const m = removeLayer(hetero(), 0);
    expect(m).toEqual({ l: 1, o: [['l_dft_32', 'l_dct_32', 'sa_wma_32', 'c_5_32']], h: [128], f: [[1024, 256]] });
  });

  it('moves layers up and down and ignores moves past the ends', () => {
    const src = hetero();
    const down = moveLayer(src, 0, 1);
    expect(down.f).toEqual([[1024, 256], [512]]);
    expect(moveLayer(down, 1, -1)).toEqual(src);
    expect(moveLayer(src, 0, -1)).toBe(src);
    expect(moveLayer(src, 1, 1)).toBe(src);
  });

  it('sets the layer count by truncating or repeating the last layer', () => {
    const m = setLayerCount(tiny, 6);
    expect(m.l).toBe(6);
    expect(validateModel(m).ok).toBe(true);
    expect(setLayerCount(m, 2)).toEqual(tiny);
  });

  it('keeps untouched layers identical so memoised rows skip rendering', () => {
    const m = setHeadType(base, 5, 0, 'c_13');
    for (let i = 0; i < 12; i++) if (i !== 5) expect(m.o[i]).toBe(base.o[i]);
    expect(m.f[5]).toBe(base.f[5]);
  });
});

describe('per-layer edits keep d = floor(h/n)', () => {
  it('rewrites every op string of the layer when the hidden size changes', () => {
    const m = setHiddenSize(hetero(), 1, 768);
    expect(m.o[1]).toEqual(['l_dft_192', 'l_dct_192', 'sa_wma_192', 'c_5_192']);
    expect(m.o[0]).toEqual(['sa_sdp_64', 'c_9_64']);
    expect(validateModel(m).ok).toBe(true);
  });

  it('adds heads by repeating the last type and removes them from the end', () => {
    const grown = setHeadCount(hetero(), 0, 12);
    expect(grown.o[0]).toHaveLength(12);
    expect(grown.o[0][0]).toBe('sa_sdp_10');
    expect(grown.o[0].slice(1).every((op) => op === 'c_9_10')).toBe(true);
    expect(validateModel(grown).ok).toBe(true);
    const shrunk = setHeadCount(grown, 0, 2);
    expect(shrunk.o[0]).toEqual(['sa_sdp_64', 'c_9_64']);
  });

  it('changes one head type and leaves the others', () => {
    const m = setHeadType(tiny, 1, 1, 'l_dct');
    expect(m.o[1]).toEqual(['sa_sdp_64', 'l_dct_64']);
    expect(encodeModel(m)).not.toEqual(encodeModel(tiny));
  });

  it('sets all heads of a layer at once', () => {
    expect(setAllHeadTypes(base, 0, 'c_5').o[0]).toEqual(Array(12).fill('c_5_64'));
  });
});

describe('feed-forward stack edits', () => {
  it('adds up to three widths and removes down to one', () => {
    let m = addFfWidth(tiny, 0);
    expect(m.f[0]).toEqual([512, 512]);
    m = addFfWidth(m, 0);
    expect(addFfWidth(m, 0)).toBe(m);
    m = removeFfWidth(removeFfWidth(m, 0, 0), 0, 0);
    expect(m.f[0]).toEqual([512]);
    expect(removeFfWidth(m, 0, 0)).toBe(m);
  });

  it('sets one width of the stack', () => {
    const m = setFfWidth(hetero(), 1, 1, 4096);
    expect(m.f[1]).toEqual([1024, 4096]);
    expect(validateModel(m).ok).toBe(true);
  });
});
