import { describe, expect, it } from 'vitest';
import { entry } from '../../charts/timelineEntry.test-util.ts';
import { formatMB, nextSort, opRows, sortOpRows } from './opsTableRows.ts';

const entries = [
  entry({ op: 'embedding', kind: 'load', layer: -1, head: -1, startCycle: 0, endCycle: 20, bound: 'memory', limiter: 'mainMemory', mainMemoryBytes: 2e6 }),
  entry({
    op: 'ff1', layer: 0, head: -1, startCycle: 20, endCycle: 70, limiter: 'compute', macs: 1e6,
    mapping: { order: 'weights-stationary', waveRows: 8, waveCols: 4, blocks: 2, mainMemoryPassesA: 0, mainMemoryPassesB: 1, bufferReadsA: 2, bufferReadsB: 1, bufferB: 'weight' },
  }),
  entry({ op: 'clip + adamw (1/8 of a step)', kind: 'optimizer', direction: 'update', layer: -1, head: -1, startCycle: 70, endCycle: 100, bound: 'memory', limiter: 'mainMemory' }),
];

describe('opRows', () => {
  it('makes one row per op with its name, share, limiter, mapping and traffic', () => {
    const rows = opRows(entries);
    expect(rows.map((r) => r.label)).toEqual(['embedding lookup', 'layer 1 · FF 1', 'optimizer step (clip + AdamW), 1/8 of a step']);
    expect(rows.map((r) => r.share)).toEqual([0.2, 0.5, 0.3]);
    expect(rows[1]).toMatchObject({ limiter: 'compute', mapping: 'weights-stationary ×2 · wave 8×4', macs: 1e6, optimizer: false });
    expect(rows[1].mappingFull).toContain('B read 1× from the weight buffer, crosses main memory once');
    expect(rows[0]).toMatchObject({ mapping: '', mainMemoryMB: 2, limiter: 'mainMemory' });
    expect(rows[2].optimizer).toBe(true);
  });
  it('reads results without the elector fields (reference shape)', () => {
    const [r] = opRows([entry({ bound: 'memory' })]);
    expect(r).toMatchObject({ limiter: 'memory', macs: 0, mainMemoryMB: 0, mapping: '' });
  });
});

describe('sorting', () => {
  it('sorts by cycles either way, ties in time order, and back to time order', () => {
    const rows = opRows(entries);
    expect(sortOpRows(rows, { key: 'cycles', descending: true }).map((r) => r.index)).toEqual([1, 2, 0]);
    expect(sortOpRows(rows, { key: 'cycles', descending: false }).map((r) => r.index)).toEqual([0, 2, 1]);
    expect(sortOpRows(rows, { key: 'time', descending: false }).map((r) => r.index)).toEqual([0, 1, 2]);
  });
  it('starts cycles largest first and flips on a second click', () => {
    expect(nextSort({ key: 'time', descending: false }, 'cycles')).toEqual({ key: 'cycles', descending: true });
    expect(nextSort({ key: 'cycles', descending: true }, 'cycles')).toEqual({ key: 'cycles', descending: false });
    expect(nextSort({ key: 'cycles', descending: true }, 'time')).toEqual({ key: 'time', descending: false });
  });
});

describe('formatMB', () => {
  it('keeps about three significant digits', () => {
    expect([0, 0.004, 0.5412, 12.34, 453.05, 1234.5].map(formatMB)).toEqual(['0', '< 0.01', '0.54', '12.3', '453', '1,235']);
  });
});
