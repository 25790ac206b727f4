import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../core/dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { runDynaProp, type DynaPropResult } from '../../core/dynaprop/run.ts';
import { defaultRunConfig } from '../../core/dynaprop/config.ts';
import { loadDatasetFromDisk } from '../../core/dynaprop/data/loadNode.ts';
import { labFileJson, labRunOf, MAX_HISTORY, newRecord, parseLabFile, parseLabRecord, rowOf, thinHistory, type LabRecord } from './labRecord.ts';

let result: DynaPropResult;
beforeAll(async () => {
  await tf.setBackend('wasm');
  // A real (tiny) run, so the record format is checked against what the core really returns.
  const config = { ...defaultRunConfig('names'), steps: 6, batchSize: 8, seqLen: 8, evalEvery: 3, reprofileEvery: 3, targetActivationSparsity: 0.5, targetGradientSparsity: 0.9 };
  result = await runDynaProp(config, loadDatasetFromDisk('names'), { evalBatches: 2 });
}, 60_000);

function record(): LabRecord {
  const r = newRecord('experiment', 2, new Date('2026-12-04T10:00:00Z'));
  r.runs.push(labRunOf(result), labRunOf({ ...result, config: { ...result.config, targetActivationSparsity: null, targetGradientSparsity: null } }));
  r.complete = true;
  return r;
}

describe('lab records', () => {
  it('keep what the lab shows of a real run, and read back exactly through JSON', () => {
    const r = record();
    const back = parseLabRecord(JSON.parse(JSON.stringify(r)));
    expect(back).toEqual({ ok: true, value: r });
    const run = r.runs[0];
    expect(run.backend).toBe('wasm');
    expect(run.history.filter((h) => h.validationAccuracy !== undefined).map((h) => h.step)).toEqual([3, 6]);
    expect(run.heldOut.perSite.length).toBeGreaterThan(0);
    expect(run.thresholds.tables.length).toBeGreaterThan(0);
    expect(rowOf(run)).toMatchObject({ targetActivation: 0.5, targetGradient: 0.9, accuracy: result.accuracy, activation: result.heldOut.activation.all });
  });

  it('round-trip through an export file', () => {
    const r = record();
    expect(parseLabFile(labFileJson([r, { ...r, id: 'other' }]))).toEqual({ ok: true, value: [r, { ...r, id: 'other' }] });
    expect(parseLabFile(JSON.stringify(r))).toEqual({ ok: true, value: [r] });
  });

  it('name the bad field of a corrupt record or file', () => {
    const cases: [string, (o: any) => void][] = [
      ['format', (o) => { o.format = 'x'; }],
      ['version', (o) => { o.version = 2; }],
      ['kind', (o) => { o.kind = 'sweep'; }],
      ['runs[1].accuracy', (o) => { o.runs[1].accuracy = 1.5; }],
      ['runs[0].history', (o) => { o.runs[0].history = Array(MAX_HISTORY + 1).fill({ step: 1, loss: 1 }); }],
      ['runs[0].heldOut.perSite[0].direction', (o) => { o.runs[0].heldOut.perSite[0].direction = 'up'; }],
      ['runs[0].thresholds.tables[0].points[0].tau', (o) => { o.runs[0].thresholds.tables[0].points[0].tau = -1; }],
      ['runs[0].config.steps', (o) => { o.runs[0].config.steps = 0; }],
      ['runs[1].config.dataset', (o) => { o.runs[1].config.dataset = 'imdb'; }],
      ['runs[0].config.model.l', (o) => { o.runs[0].config.model.l = 99; }],
      ['runs[0]', (o) => { o.runs[0].weights = [1, 2]; }],
      ['planned', (o) => { o.planned = 5; }],
    ];
    for (const [field, spoil] of cases) {
      const o = JSON.parse(JSON.stringify(record()));
      spoil(o);
      const r = parseLabRecord(o);
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(r.field, `${field}: ${r.message}`).toBe(field);
      const file = parseLabFile(labFileJson([record(), o]));
      expect(!file.ok && file.field).toBe(`records[1].${field}`);
    }
    expect(parseLabFile('{"format":')).toMatchObject({ ok: false, field: 'file' });
    expect(parseLabFile('[1]')).toMatchObject({ ok: false, field: 'file' });
    expect(parseLabFile('{"format":"transcode-dynaprop-lab-export","version":1,"records":7}')).toMatchObject({ ok: false, field: 'records' });
    expect(parseLabFile('{"format":"transcode-session"}')).toMatchObject({ ok: false, field: 'format' });
  });

  it('keep a diverged run (a loss that is not a number) as null', () => {
    const run = labRunOf({ ...result, loss: NaN, history: [{ step: 1, loss: NaN }, { step: 2, loss: Infinity, validationAccuracy: 0.5 }] });
    expect(run.loss).toBeNull();
    expect(run.history).toEqual([{ step: 1, loss: null }, { step: 2, loss: null, validationAccuracy: 0.5 }]);
    const r = { ...record(), runs: [run], planned: 1 };
    expect(parseLabRecord(JSON.parse(JSON.stringify(r))).ok).toBe(true);
  });

  it('thin long curves, keeping every validation point and the last step', () => {
    const history = Array.from({ length: 5000 }, (_, i) => ({ step: i + 1, loss: 1 / (i + 1), ...((i + 1) % 500 === 0 ? { validationAccuracy: 0.7 } : {}) }));
    const run = labRunOf({ ...result, history });
    expect(run.history.length).toBeLessThanOrEqual(MAX_HISTORY);
    expect(run.history.filter((h) => h.validationAccuracy !== undefined)).toHaveLength(10);
    expect(run.history.at(-1)!.step).toBe(5000);
    expect(run.history.map((h) => h.step)).toEqual([...run.history.map((h) => h.step)].sort((a, b) => a - b));
    expect(thinHistory([{ step: 1 }, { step: 2 }], 5)).toEqual([{ step: 1 }, { step: 2 }]);
  });
});
