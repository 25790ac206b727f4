import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { bundledLabRuns, bundledMeasuredPredictor, fileMeasuredPredictor, labFileRuns } from './measuredRuns.ts';

const runs = bundledLabRuns();
const key = (m: unknown) => JSON.stringify(m);

describe('the shipped lab measurements (npm run measure:lab)', () => {
  it('are read by the lab\'s own parser: unpruned names runs with seed, backend and tfjs version', () => {
    expect(runs.length).toBeGreaterThanOrEqual(10);
    for (const r of runs) {
      expect(r.config.dataset).toBe('names');
      expect(r.config.targetActivationSparsity).toBeNull();
      expect(r.config.targetGradientSparsity).toBeNull();
      expect(Number.isInteger(r.config.seed)).toBe(true);
      expect(r.backend).toBe('wasm');
      expect(r.tfjsVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.accuracy).toBeGreaterThan(0.5);
    }
    expect(new Set(runs.map((r) => key(r.config.model))).size).toBeGreaterThanOrEqual(8);
  });

  it('fit a predictor close to what was measured, and unsure far from it', () => {
    const p = bundledMeasuredPredictor();
    const models = new Set(runs.map((r) => key(r.config.model)));
    expect(p.describe()).toContain(`on names (lab-measurements.json, ${runs.length} runs of ${models.size} models, `);
    const tinyRuns = runs.filter((r) => key(r.config.model) === key(MODEL_PRESETS['bert-tiny'].model));
    expect(tinyRuns.length).toBeGreaterThanOrEqual(2); // repeated seeds: the noise term
    const measured = tinyRuns.reduce((s, r) => s + r.accuracy, 0) / tinyRuns.length;
    const tiny = p.predict(MODEL_PRESETS['bert-tiny'].model);
    expect(Math.abs(tiny.mean - measured)).toBeLessThan(tiny.std);
    const base = p.predict(MODEL_PRESETS['bert-base'].model);
    expect(base.std).toBeGreaterThan(2.5 * tiny.std);
  });

  it('adds the user\'s own runs', () => {
    const own = { ...runs[0], accuracy: 0.5 };
    expect(bundledMeasuredPredictor([own]).describe()).toContain(`(lab-measurements.json and 1 of your lab runs, ${runs.length + 1} runs`);
  });

  it('names the bad field of another lab file', () => {
    expect(() => labFileRuns('{"format": "spreadsheet"}', 'x.json')).toThrow(/invalid lab file x\.json: format: expected "transcode-dynaprop-lab-export"/);
    expect(() => fileMeasuredPredictor('[1', 'y.json')).toThrow(/invalid lab file y\.json: file: not valid JSON/);
  });
});
