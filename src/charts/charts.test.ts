import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../core/elector/types.ts';
import { energyParts, recordRows } from './energyParts.ts';
import { moduleLabel } from './moduleLabels.ts';
import { stackDiverging, stackExtent } from './stack.ts';
import { barAt, layoutTimeline, neighbourBar, packLanes } from './timelineLayout.ts';
import { summariseRows, timelineSentence } from './timelineSummary.ts';
import { laneAtY, laneGeometry, laneTop, ROW_GAP } from './timelineGeometry.ts';
import { clampView, MIN_SPAN, zoomAround } from './zoom.ts';
import { energySummary, utilisationSummary, valueSummary } from './summaries.ts';
import type { ElectorEnergyNJ, ReferenceEnergyNJ } from '../core/elector/types.ts';

const ref = (energyNJ: ReferenceEnergyNJ) => ({ costModel: 'reference' as const, energyNJ });

describe('energyParts', () => {
  it('reads the reference shape: scalar buffer and main memory count as dynamic only', () => {
    const rows = energyParts(ref({ buffer: 5, mainMemory: 300, macLanes: [100, 10], softmax: [0, 0], layerNorm: [1, 1], sparsity: [3, 0], others: [3, 1] }));
    expect(rows[0]).toEqual({ module: 'mainMemory', label: 'Main memory', dynamicNJ: 300, leakageNJ: 0 });
    expect(rows.find((r) => r.module === 'buffer')).toMatchObject({ dynamicNJ: 5, leakageNJ: 0 });
    expect(rows.map((r) => r.module)).not.toContain('softmax'); // all-zero modules are not drawn
    expect(rows.map((r) => r.module)).toEqual(['mainMemory', 'macLanes', 'buffer', 'others', 'sparsity', 'layerNorm']);
  });
  it('reads the elector shape with leakage for buffers and memory', () => {
    const pair = (d: number, l: number): [number, number] => [d, l];
    const rows = energyParts({
      costModel: 'elector',
      energyNJ: {
        macLanes: pair(10, 1), softmax: pair(1, 0), layerNorm: pair(1, 0), sparsity: pair(1, 0), others: pair(1, 0),
        activationBuffer: pair(4, 2), weightBuffer: pair(3, 3), maskBuffer: pair(1, 1), mainMemory: pair(50, 40),
      } as ElectorEnergyNJ,
    });
    expect(rows[0]).toMatchObject({ module: 'mainMemory', dynamicNJ: 50, leakageNJ: 40 });
    expect(rows).toHaveLength(9);
  });
  it('orders by magnitude, so a negative (quirk) energy is still shown', () => {
    const rows = energyParts(ref({ buffer: 1, mainMemory: 2, macLanes: [-500, -5], softmax: [0, 0], layerNorm: [0, 0], sparsity: [0, 0], others: [0, 0] }));
    expect(rows[0].module).toBe('macLanes');
  });
});

describe('recordRows and labels', () => {
  it('drops zero modules and sorts largest first', () => {
    expect(recordRows({ a: 1, stochasticRounding: 0, weightBuffer: 5 }).map((r) => r.label)).toEqual(['Weight buffer', 'A']);
    expect(recordRows({ mac: 0 }, true)).toHaveLength(1);
  });
  it('names unknown keys readably', () => {
    expect(moduleLabel('someNewModule')).toBe('Some new module');
  });
});

describe('stackDiverging', () => {
  it('stacks positives right and negatives left of zero', () => {
    expect(stackDiverging([3, -2, 4])).toEqual([
      { part: 0, x0: 0, x1: 3 },
      { part: 1, x0: -2, x1: 0 },
      { part: 2, x0: 3, x1: 7 },
    ]);
    expect(stackExtent([[3, 4], [-2, 1]])).toEqual([-2, 7]);
  });
});

function entry(p: Partial<TimelineEntry>): TimelineEntry {
  return { op: 'q', kind: 'matmul', layer: 0, head: 0, direction: 'forward', startCycle: 0, endCycle: 10, computeCycles: 10, memoryCycles: 2, bound: 'compute', ...p };
}

describe('packLanes', () => {
  it('puts overlapping intervals on separate lanes and reuses freed lanes', () => {
    expect(packLanes([{ x0: 0, x1: 10 }, { x0: 5, x1: 8 }, { x0: 10, x1: 12 }, { x0: 8, x1: 9 }])).toEqual([0, 1, 0, 1]);
  });
  it('caps the lane count', () => {
    const many = Array.from({ length: 10 }, () => ({ x0: 0, x1: 5 }));
    expect(Math.max(...packLanes(many, 3))).toBe(2);
  });
});

describe('layoutTimeline', () => {
  const entries = [
    entry({ op: 'emb', kind: 'load', layer: -1, head: -1, startCycle: 0, endCycle: 100, bound: 'memory' }),
    entry({ op: 'q', layer: 0, head: 0, startCycle: 100, endCycle: 150 }),
    entry({ op: 'q', layer: 0, head: 1, startCycle: 120, endCycle: 170 }),
    entry({ op: 'softmax', kind: 'softmax', layer: 1, head: 0, startCycle: 200, endCycle: 210 }),
  ];
  it('makes one row per layer, outside-layer ops first, with sub-lanes for overlaps', () => {
    const l = layoutTimeline(entries, 'layer');
    expect(l.rows.map((r) => [r.label, r.lanes, r.laneOffset])).toEqual([
      ['Outside layers', 1, 0],
      ['Layer 1', 2, 1],
      ['Layer 2', 1, 3],
    ]);
    expect(l.totalLanes).toBe(4);
    expect(l.endCycle).toBe(210);
    expect(l.bars.map((b) => b.entry)).toEqual([0, 1, 2, 3]);
  });
  it('groups by op kind in pipeline order', () => {
    expect(layoutTimeline(entries, 'kind').rows.map((r) => r.label)).toEqual(['Loads', 'MatMul', 'Softmax']);
  });
  it('hit-tests by lane and cycle, with a tolerance for tiny bars', () => {
    const l = layoutTimeline(entries, 'layer');
    expect(l.bars[barAt(l, 2, 160, 0)].entry).toBe(2);
    expect(barAt(l, 1, 190, 0)).toBe(-1);
    expect(l.bars[barAt(l, 3, 199, 2)].entry).toBe(3);
  });
  it('moves through bars with the keyboard', () => {
    const l = layoutTimeline(entries, 'layer');
    expect(neighbourBar(l, -1, 'ArrowRight')).toBe(0);
    expect(neighbourBar(l, 0, 'ArrowRight')).toBe(1);
    expect(neighbourBar(l, 3, 'ArrowRight')).toBe(3);
    expect(neighbourBar(l, 1, 'ArrowDown')).toBe(3);
    expect(neighbourBar(l, 1, 'ArrowUp')).toBe(0);
    expect(neighbourBar(l, 0, 'ArrowUp')).toBe(0);
    expect(neighbourBar(l, 2, 'End')).toBe(3);
  });
  it('summarises rows and the whole run', () => {
    const l = layoutTimeline(entries, 'layer');
    expect(summariseRows(entries, l)[1]).toEqual({ label: 'Layer 1', ops: 2, computeBound: 2, memoryBound: 0, firstCycle: 100, lastCycle: 170, opCycles: 100 });
    expect(timelineSentence(entries, { compute: 75, memory: 25 })).toBe('Per-op timeline of 4 ops: 3 compute-bound, 1 memory-bound. 25% of cycles are memory-bound.');
  });
});

describe('chart summaries', () => {
  it('names the largest energy consumer and the leakage share', () => {
    const rows = energyParts(ref({ buffer: 0, mainMemory: 60, macLanes: [30, 10], softmax: [0, 0], layerNorm: [0, 0], sparsity: [0, 0], others: [0, 0] }));
    expect(energySummary(rows, (v) => `${v} nJ`)).toBe('2 modules, 100 nJ in all. Main memory uses the most: 60 nJ (60%). Leakage is 10% of the total.');
  });
  it('lists the three largest areas with shares', () => {
    const s = valueSummary(recordRows({ a: 50, b: 30, c: 15, d: 5 }), 'area', (v) => `${v} mm²`);
    expect(s).toBe('4 modules, 100 mm² in all. Largest: A 50 mm² (50%), B 30 mm² (30%), C 15 mm² (15%).');
  });
  it('names the busiest and the least busy module type', () => {
    expect(utilisationSummary(recordRows({ macLanes: 0.9, softmax: 0.05 }, true))).toBe('2 module types. Busiest: MAC lanes at 90%; least busy: Softmax at 5%.');
  });
});

describe('laneGeometry', () => {
  const entries = [
    entry({ layer: 0, startCycle: 0, endCycle: 10 }),
    entry({ layer: 0, startCycle: 5, endCycle: 15 }),
    entry({ layer: 1, startCycle: 20, endCycle: 30 }),
  ];
  it('stacks lanes in rows with gaps and maps y back to a lane', () => {
    const l = layoutTimeline(entries, 'layer');
    const g = laneGeometry(l, 100, 5, 10);
    expect(g.laneH).toBe(10);
    expect(g.rowTop).toEqual([0, 20 + ROW_GAP]);
    expect(laneTop(g, 1, 0)).toBe(24);
    expect(laneAtY(l, g, 15)).toBe(1);
    expect(laneAtY(l, g, 21)).toBe(-1);
    expect(laneAtY(l, g, 25)).toBe(2);
  });
  it('shrinks lanes to fit the budget, but not below the minimum', () => {
    const many = Array.from({ length: 100 }, (_, i) => entry({ layer: i, startCycle: i, endCycle: i + 1 }));
    expect(laneGeometry(layoutTimeline(many, 'layer'), 320, 5, 16).laneH).toBe(5);
  });
});

describe('timeline zoom', () => {
  it('zooms around a point and stays inside the run', () => {
    expect(zoomAround([0, 1000], 500, 0.5, [0, 1000])).toEqual([250, 750]);
    expect(zoomAround([0, 1000], 10, 0.5, [0, 1000])).toEqual([0, 500]);
    expect(zoomAround([0, 1000], 990, 0.1, [0, 1000])).toEqual([900, 1000]);
  });
  it('returns to the full run when zoomed out past it, and never collapses', () => {
    expect(zoomAround([250, 750], 500, 4, [0, 1000])).toBeNull();
    expect(clampView([10, 10.5], [0, 1000])).toEqual([10, 10 + MIN_SPAN]);
  });
});
