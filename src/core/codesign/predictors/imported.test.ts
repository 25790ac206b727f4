import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { fitImported, importedPredictor, MAX_DATASET_BYTES, parseDataset } from './imported.ts';

const FIXTURE = readFileSync(new URL('./fixtures/flexibert2-made-up.json', import.meta.url), 'utf8');
const tiny = MODEL_PRESETS['bert-tiny'].model;
const small = MODEL_PRESETS['bert-small'].model;
const base = MODEL_PRESETS['bert-base'].model;

describe('imported predictor on a FlexiBERT 2.0 dataset file', () => {
  it('skips and reports entries without a score, reads numeric strings, fits and cross-validates', () => {
    const fit = importedPredictor(FIXTURE, 'flexibert2-made-up.json');
    expect(fit.dataset.format).toBe('flexibert2');
    expect(fit.dataset.points).toHaveLength(17);
    expect(fit.dataset.skipped).toHaveLength(3);
    expect(fit.dataset.skipped[0]).toMatch(/^"[0-9a-f]{32}"$/);
    expect(fit.dataset.scale).toBe(1);
    expect(fit.looSpearman).toBeGreaterThan(0.8);
    expect(fit.loo).toHaveLength(17);
    const p = fit.predictor;
    expect(p.id).toBe('imported');
    const r = p.predict(base);
    expect(r.mean).toBeGreaterThan(0);
    expect(r.mean).toBeLessThanOrEqual(1);
    expect(r.source).toMatch(/imported: flexibert2-made-up\.json, 17 models \(3 without a score skipped\), leave-one-out Spearman ρ = 0\.\d\d/);
    expect(p.predict(base).mean).toBeGreaterThan(p.predict(tiny).mean);
    expect(p.accuracyRange!.max).toBeGreaterThan(p.accuracyRange!.min);
    // The dataset's own models are predicted close to their scores, with less uncertainty than a far model.
    const first = fit.dataset.points[0];
    expect(Math.abs(p.predict(first.model).mean - first.score)).toBeLessThan(0.01);
    expect(p.predict(first.model).std).toBeLessThan(p.predict(tiny).std);
  });
});

describe('other formats', () => {
  const rows = [
    { model: tiny, score: 64.2 }, { model: MODEL_PRESETS['bert-mini'].model, score: 65.8 },
    { model: small, score: 71.2 }, { model: MODEL_PRESETS['bert-medium'].model, score: 73.5 }, { model: base, score: null },
  ];
  it('reads JSON rows and detects percentages', () => {
    const d = parseDataset(JSON.stringify(rows));
    expect(d.format).toBe('json-rows');
    expect(d.scale).toBe(100);
    d.points.forEach((p, i) => expect(p.score).toBeCloseTo([0.642, 0.658, 0.712, 0.735][i], 12));
    expect(d.skipped).toEqual(['rows[4]']);
    expect(fitImported(d).looSpearman).toBeGreaterThan(0.5);
  });
  it('reads CSV with a quoted JSON model column', () => {
    const q = (m: unknown) => `"${JSON.stringify(m).replaceAll('"', '""')}"`;
    const csv = `model,score\r\n${q(tiny)},0.642\r\n${q(small)}, 0.712\n${q(base)},\n${q(MODEL_PRESETS['bert-medium'].model)},0.735\n`;
    const d = parseDataset(csv);
    expect(d.format).toBe('csv');
    expect(d.points).toHaveLength(3);
    expect(d.skipped).toEqual(['line 4']);
  });
});

describe('bad datasets name the entry and field', () => {
  const entry = (model: unknown, glue: unknown) => ({ model_dict: model, glue });
  const three = (extra: Record<string, unknown>) => JSON.stringify({ a1: entry(tiny, 0.7), b2: entry(small, 0.75), c3: entry(base, 0.8), ...extra });
  it.each([
    ['not JSON', '{"a1": {"model_dict": ', /file: not valid JSON/],
    ['a wrong shape', JSON.stringify({ a1: [1, 2] }), /"a1": expected an object/],
    ['no model', JSON.stringify({ a1: { glue: 0.7 } }), /"a1": has no model/],
    ['a model outside the space', three({ d4: entry({ ...tiny, h: [128, 100] }, 0.7) }), /"d4"\.model_dict\.h\[1\]/],
    ['a score that is not a number', three({ d4: entry(tiny, 'high') }), /"d4"\.glue: "high" is not a number/],
    ['a score of the wrong kind', three({ d4: entry(tiny, { value: 1 }) }), /"d4"\.glue/],
    ['a score beyond 100', three({ d4: entry(tiny, 250) }), /"d4"\.glue: 250 is neither a fraction/],
    ['too few scored entries', JSON.stringify({ a1: entry(tiny, 0.7), b2: entry(small, null) }), /entries: 1 scored entries \(1 without a score\)/],
    ['a CSV without the columns', 'name,value\nx,1\n', /line 1: the header needs/],
    ['a CSV with a broken model', 'model,score\n{oops,0.7\n', /line 2\.model: not a model dict/],
  ])('%s', (_, text, message) => {
    expect(() => parseDataset(text)).toThrow(message);
  });
  it('refuses a file over 20 MB', () => {
    expect(() => parseDataset(' '.repeat(MAX_DATASET_BYTES + 1))).toThrow(/file: larger than 20 MB/);
    expect(() => parseDataset('{"é": 1}'.padEnd(MAX_DATASET_BYTES / 2 + 10, 'é'))).toThrow(/larger than 20 MB/);
  });
});
