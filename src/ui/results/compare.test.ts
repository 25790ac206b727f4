import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { compareCell, compareColumns, formatFactor, moduleSections, ratioWords, verdictFor } from './compareTable.ts';
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
  it('says how a design compares in words: faster / slower, more / less energy', () => {
    expect(ratioWords(1 / 14, ['slower', 'faster'])).toBe('14× faster');
    expect(ratioWords(2.1, ['slower', 'faster'])).toBe('2.1× slower');
    expect(ratioWords(2.1, ['more energy', 'less energy'])).toBe('2.1× more energy');
    expect(ratioWords(0.5, ['more energy', 'less energy'])).toBe('2× less energy');
    expect(ratioWords(1.003, ['slower', 'faster'])).toBe('same');
    expect(ratioWords(1.04, ['larger', 'smaller'])).toBe('1.04× larger');
    expect(ratioWords(0, ['slower', 'faster'])).toBe('');
  });
  it('formats factors as people say them', () => {
    expect(formatFactor(14.2)).toBe('14×');
    expect(formatFactor(2.14)).toBe('2.1×');
    expect(formatFactor(2)).toBe('2×');
    expect(formatFactor(12_300)).toBe('12,300×');
  });
  it('divides by the baseline and words the ratio', () => {
    const base = computeHeadline(fakeResult({ latencyS: 0.004 }));
    const cell = compareCell('latencyS', computeHeadline(fakeResult({ latencyS: 0.001 })), base);
    expect(cell).toEqual({ text: '1 ms', ratio: 0.25, ratioText: '4× faster', verdict: 'better' });
    const energy = compareCell('energyPerSeqJ', computeHeadline(fakeResult({ totalEnergyNJ: 2100 })), computeHeadline(fakeResult({ totalEnergyNJ: 1000 })));
    expect(energy).toMatchObject({ ratioText: '2.1× more energy', verdict: 'worse' });
    const throughput = compareCell('throughputSeqPerS', computeHeadline(fakeResult({ throughputSeqPerS: 8000 })), computeHeadline(fakeResult()));
    expect(throughput).toMatchObject({ ratioText: '2× more throughput', verdict: 'better' });
  });
  it('writes large ratios in plain digits', () => {
    const base = computeHeadline(fakeResult({ latencyS: 1e-6 }));
    expect(compareCell('latencyS', computeHeadline(fakeResult({ latencyS: 0.0123 })), base).ratioText).toBe('12,300× slower');
  });
  it('gives no ratio against a missing or non-positive baseline', () => {
    const v = computeHeadline(fakeResult());
    expect(compareCell('latencyS', v, null).ratio).toBeNull();
    expect(compareCell('areaMm2', v, computeHeadline(fakeResult({ areaMm2: -5 }))).verdict).toBeNull();
    expect(compareCell('latencyS', null, v).text).toBe('—');
  });
  it('adds parameters and MACs from the designs, with no verdict', () => {
    const small = { model: structuredClone(MODEL_PRESETS['bert-tiny'].model), accelerator: structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config) };
    const big = { ...small, model: structuredClone(MODEL_PRESETS['bert-base'].model) };
    const cols = compareColumns(
      [
        { id: 'current', label: 'Tiny', result: null, design: small },
        { id: 'baseline', label: 'Base', result: null, design: big },
      ],
      'baseline',
    );
    expect(cols[0].cells.parameters.ratioText).toMatch(/^\d+× fewer parameters$/);
    expect(cols[0].cells.macs.ratioText).toMatch(/× fewer MACs$/);
    expect(cols[0].cells.parameters.verdict).toBeNull();
    expect(cols[1].cells.parameters.text).toBe('125 M');
  });
  it('lays energy and area by module side by side', () => {
    const sections = moduleSections(
      [
        { id: 'current', label: 'A', result: fakeResult({ areaByModuleMm2: { macLanes: 80, softmax: 10 } }) },
        { id: 'baseline', label: 'B', result: fakeResult() },
      ],
      'baseline',
    );
    expect(sections.map((s) => s.title)).toEqual(['Energy / sequence by module', 'Area by module']);
    const area = sections[1].rows;
    expect(area.map((r) => r.label)).toEqual(['MAC lanes', 'Softmax', 'Activation buffer']);
    expect(area[0].cells.current.ratioText).toBe('2× larger');
    expect(area[2].cells.current.text).toBe('—');
    expect(sections[0].rows[0].label).toBe('MAC lanes');
  });
  it('marks the chosen baseline column, which reads "baseline" (its ratios are all "same")', () => {
    const cols = compareColumns(
      [
        { id: 'current', label: 'Current', result: fakeResult({ latencyS: 0.002 }) },
        { id: 'p1', label: 'Pinned', result: fakeResult({ latencyS: 0.001 }) },
        { id: 'p2', label: 'Pending', result: null },
      ],
      'p1',
    );
    expect(cols.map((c) => c.isBaseline)).toEqual([false, true, false]);
    expect(cols[1].cells.latencyS.ratioText).toBe('same');
    expect(cols[0].cells.latencyS).toMatchObject({ ratio: 2, verdict: 'worse' });
    expect(cols[2].cells.latencyS.text).toBe('—');
  });
});
