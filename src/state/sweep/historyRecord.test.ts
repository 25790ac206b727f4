import { describe, expect, it } from 'vitest';
import { OBJECTIVES, emptyColumns } from '../../core/sweep/objectives.ts';
import { decodeSweepData, encodeSweepData, parseSweepData } from './historyRecord.ts';

/** The eight objectives a sweep recorded before predicted accuracy. */
const BEFORE_ACCURACY = ['latency', 'energy', 'dynamicEnergy', 'leakageEnergy', 'area', 'edp', 'parameters', 'macs'];

function oldBlob(total: number) {
  const parts = BEFORE_ACCURACY.map((_, k) => Float64Array.from({ length: total }, (_, i) => k * 100 + i));
  return { layout: 'objectives-f64-then-errors-u8', objectives: BEFORE_ACCURACY, total, blob: new Blob([...parts, Uint8Array.of(0, 1, 0)]) };
}

describe('stored sweep columns', () => {
  it('round-trips every objective, accuracy included', async () => {
    const columns = emptyColumns(3);
    OBJECTIVES.forEach((o, k) => columns[o].set([k, k + 0.5, k + 0.25]));
    const stored = await encodeSweepData({ columns, errors: Uint8Array.of(0, 0, 1) }, 3);
    const back = await decodeSweepData(stored, 3);
    expect(back.ok).toBe(true);
    if (back.ok) for (const o of OBJECTIVES) expect([...back.value.columns[o]]).toEqual([...columns[o]]);
  });

  it('reads a sweep stored before accuracy existed: its columns kept, accuracy NaN', async () => {
    const back = await decodeSweepData(oldBlob(3), 3);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect([...back.value.columns.macs]).toEqual([700, 701, 702]);
    expect([...back.value.columns.latency]).toEqual([0, 1, 2]);
    expect(back.value.columns.accuracy.every(Number.isNaN)).toBe(true);
    expect([...back.value.errors]).toEqual([0, 1, 0]);
    // The plain-array layout of the first records, likewise.
    const plain = parseSweepData({ columns: Object.fromEntries(BEFORE_ACCURACY.map((o) => [o, new Float64Array(2)])), errors: new Uint8Array(2) }, 2);
    expect(plain.ok && plain.value.columns.accuracyStd.every(Number.isNaN)).toBe(true);
  });

  it('refuses an unknown or repeated objective by field', async () => {
    const unknown = { ...oldBlob(3), objectives: [...BEFORE_ACCURACY.slice(0, 7), 'glue'] };
    expect(await decodeSweepData(unknown, 3)).toMatchObject({ ok: false, field: 'data.objectives' });
    const short = { ...oldBlob(3), objectives: BEFORE_ACCURACY.slice(1), blob: new Blob([new Float64Array(21), new Uint8Array(3)]) };
    expect(await decodeSweepData(short, 3)).toMatchObject({ ok: false, field: 'data.objectives', message: 'lacks latency: every record has them' });
    const twice = { ...oldBlob(3), objectives: [...BEFORE_ACCURACY.slice(0, 7), 'latency'] };
    expect(await decodeSweepData(twice, 3)).toMatchObject({ ok: false, field: 'data.objectives' });
  });
});
