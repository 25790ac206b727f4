import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { fitTrendGp, modelFeatures, spearman } from './fit.ts';
import { devlinAverage, glueScore, PUBLISHED_FIT, PUBLISHED_POINTS, publishedPredictor } from './published.ts';

const p = publishedPredictor();
const bert = (layers: number, hidden: number, heads: number, ff: number, type = 'sa_sdp'): ModelDict => ({
  l: layers,
  o: Array.from({ length: layers }, () => Array<string>(heads).fill(`${type}_${Math.floor(hidden / heads)}`)),
  h: Array<number>(layers).fill(hidden),
  f: Array.from({ length: layers }, () => [ff]),
});

describe('published data', () => {
  it('recomputes each printed average from the per-task numbers', () => {
    for (const pt of PUBLISHED_POINTS.slice(0, 4)) expect(Math.abs(glueScore(pt.tasks) - pt.printed)).toBeLessThan(0.1);
    const base = PUBLISHED_POINTS[4];
    expect(devlinAverage(base.tasks)).toBeCloseTo(79.6, 1);
    expect(base.glue).toBe(0.772); // the compact table's definition, see docs/codesign.md §3.1
  });
});

describe('publishedPredictor', () => {
  it('reproduces the five points within their trend residuals', () => {
    const xs = PUBLISHED_POINTS.map((pt) => { const f = modelFeatures(MODEL_PRESETS[pt.preset].model); return [f.log10Params, f.log2Depth, f.log2Width]; });
    const { trendResiduals } = fitTrendGp(xs, PUBLISHED_POINTS.map((pt) => pt.glue), PUBLISHED_FIT);
    PUBLISHED_POINTS.forEach((pt, i) => {
      const r = p.predict(MODEL_PRESETS[pt.preset].model);
      expect(Math.abs(r.mean - pt.glue)).toBeLessThanOrEqual(Math.abs(trendResiduals[i]));
      expect(Math.abs(r.mean - pt.glue)).toBeLessThan(0.005);
      expect(r.std).toBeLessThan(0.02);
    });
  });

  it('is more uncertain far from the five models and for head types they never used', () => {
    const medium = p.predict(MODEL_PRESETS['bert-medium'].model).std;
    expect(p.predict(bert(12, 128, 2, 256)).std).toBeGreaterThan(2 * medium); // deep and narrow: no such BERT
    expect(p.predict(bert(2, 768, 12, 4096)).std).toBeGreaterThan(2 * medium); // shallow and wide
    const sdp = p.predict(bert(8, 512, 8, 2048)).std;
    const conv = p.predict(bert(8, 512, 8, 2048, 'c_9')).std;
    const half = bert(8, 512, 8, 2048);
    half.o = half.o.map((l) => l.map((op, j) => (j < 4 ? op : 'l_dft_64')));
    expect(conv).toBeGreaterThan(sdp + 0.02);
    expect(p.predict(half).std).toBeGreaterThan(sdp);
    expect(p.predict(half).std).toBeLessThan(conv);
  });

  it('rises with size: across the presets, and in rank over random models', () => {
    const means = (['bert-tiny', 'bert-mini', 'bert-small', 'bert-medium', 'bert-base'] as const).map((k) => p.predict(MODEL_PRESETS[k].model).mean);
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1]);
    const rng = createRng(11);
    const models = Array.from({ length: 200 }, () => randomModel(rng));
    const rho = spearman(models.map((m) => p.predict(m).mean), models.map((m) => modelFeatures(m).log10Params));
    expect(rho).toBeGreaterThan(0.9);
  });

  it('predicts in [0, 1] and names both papers', () => {
    const rng = createRng(12);
    for (let i = 0; i < 100; i++) {
      const r = p.predict(randomModel(rng));
      expect(r.mean).toBeGreaterThanOrEqual(0);
      expect(r.mean).toBeLessThanOrEqual(1);
      expect(r.std).toBeGreaterThan(0);
    }
    expect(p.predict(bert(12, 768, 12, 4096)).source).toMatch(/Turc et al\. 2019.*Devlin et al\. 2019/);
    expect(p.describe()).toContain('BERT-Base 77.2');
  });
});

describe('spearman', () => {
  it('ranks with ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 2], [1, 2, 3])).toBeCloseTo(0.866, 3);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
