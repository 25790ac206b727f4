import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS, modelPresetNames } from './presets.ts';
import { validateModel } from './validate.ts';

describe('MODEL_PRESETS', () => {
  it('lists the five compact BERTs by CLI name', () => {
    expect(modelPresetNames).toEqual(['bert-tiny', 'bert-mini', 'bert-small', 'bert-medium', 'bert-base']);
    expect(modelPresetNames.map((n) => MODEL_PRESETS[n].name)).toEqual(['BERT-Tiny', 'BERT-Mini', 'BERT-Small', 'BERT-Medium', 'BERT-Base']);
  });

  it('BERT-Tiny and BERT-Base are exactly the reference simulator dicts', () => {
    expect(MODEL_PRESETS['bert-tiny'].model).toEqual({
      l: 2,
      o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']],
      h: [128, 128],
      f: [[512], [512]],
    });
    const base = MODEL_PRESETS['bert-base'].model;
    expect(base.l).toBe(12);
    expect(base.o).toEqual(Array(12).fill(Array(12).fill('sa_sdp_64')));
    expect(base.h).toEqual(Array(12).fill(768));
    expect(base.f).toEqual(Array(12).fill([3072]));
  });

  it('has the documented shapes and all lie in the design space', () => {
    const shape = (n: keyof typeof MODEL_PRESETS) => {
      const m = MODEL_PRESETS[n].model;
      return [m.l, m.h[0], m.o[0].length, m.f[0][0]];
    };
    expect(shape('bert-mini')).toEqual([4, 256, 4, 1024]);
    expect(shape('bert-small')).toEqual([4, 512, 8, 2048]);
    expect(shape('bert-medium')).toEqual([8, 512, 8, 2048]);
    for (const n of modelPresetNames) expect(validateModel(MODEL_PRESETS[n].model).ok).toBe(true);
  });

  it('is frozen so shared presets cannot be edited by accident', () => {
    const m = MODEL_PRESETS['bert-tiny'].model;
    expect(() => {
      m.h[0] = 256;
    }).toThrow(TypeError);
    expect(() => m.o[0].push('sa_sdp_64')).toThrow(TypeError);
  });
});
