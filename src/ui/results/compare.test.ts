import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { compareCell, compareColumns, verdictFor } from './compareTable.ts';
import { describeDesign, sameValue } from './designLabel.ts';
import { computeHeadline } from './headline.ts';
import { fakeResult } from './testResult.ts';

describe('describeDesign', () => {
  const tiny = structuredClone(MODEL_PRESETS['bert-tiny'].model);
  const edge = structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config);
  it('names presets, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(edge).reverse()) as typeof edge;
    expect(describeDesign({ model: tiny, accelerator: reordered })).toBe('BERT-Tiny · AccelTran-Edge');
  });
  it('summarises a customised design and non-default settings', () => {
    const model = { ...tiny, h: [128, 256] };
    const label = describeDesign({ model, accelerator: { ...edge, pe: 128 } }, { mode: 'training', costModel: 'reference' });
    expect(label).toBe('Custom 2-layer model (h 128–256) · Custom accelerator (128 PEs, dram) · training · reference model');
  });
  it('compares structurally', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});

describe('compare ratios', () => {
  it('reads a lower latency as better and a lower throughput as worse', () => {
    expect(verdictFor(0.5, 'lower')).toBe('better');
    expect(verdictFor(0.5, 'higher')).toBe('worse');
    expect(verdictFor(1.003, 'lower')).toBe('same');
  });
  it('divides by the baseline and formats the ratio', () => {
    const base = computeHeadline(fakeResult({ latencyS: 0.004 }));
    const cell = compareCell('latencyS', computeHeadline(fakeResult({ latencyS: 0.001 })), base);
    expect(cell).toEqual({ text: '1 ms', ratio: 0.25, ratioText: '0.25×', verdict: 'better' });
  });
  it('writes large ratios in plain digits', () => {
    const base = computeHeadline(fakeResult({ latencyS: 1e-6 }));
    expect(compareCell('latencyS', computeHeadline(fakeResult({ latencyS: 0.0123 })), base).ratioText).toBe('12,300×');
  });
  it('gives no ratio against a missing or non-positive baseline', () => {
    const v = computeHeadline(fakeResult());
    expect(compareCell('latencyS', v, null).ratio).toBeNull();
    expect(compareCell('cycles', v, computeHeadline(fakeResult({ cycles: -5 }))).verdict).toBeNull();
    expect(compareCell('latencyS', null, v).text).toBe('—');
  });
  it('marks the chosen baseline column, whose ratios are all 1×', () => {
    const cols = compareColumns(
      [
        { id: 'current', label: 'Current', result: fakeResult({ latencyS: 0.002 }) },
        { id: 'p1', label: 'Pinned', result: fakeResult({ latencyS: 0.001 }) },
        { id: 'p2', label: 'Pending', result: null },
      ],
      'p1',
    );
    expect(cols.map((c) => c.isBaseline)).toEqual([false, true, false]);
    expect(cols[1].cells.latencyS.ratioText).toBe('1×');
    expect(cols[0].cells.latencyS).toMatchObject({ ratio: 2, verdict: 'worse' });
    expect(cols[2].cells.latencyS.text).toBe('—');
  });
});
