import { describe, expect, it } from 'vitest';
import { rooflineRuns, run } from '../../core/elector/validation/runs.ts';
import { ceilingMacsPerCycle, MEMORY_LEVELS, ridgeMacsPerByte, rooflineCeilings, rooflinePoints } from './rooflineGeometry.ts';

describe('roofline ceilings', () => {
  it('are the validation peaks of the presets (validation/roofline.test.ts figures)', () => {
    const [server, edge] = rooflineRuns();
    const s = rooflineCeilings(server.peaks), e = rooflineCeilings(edge.peaks);
    expect(s.computeMacsPerCycle).toBe(server.peaks.macUnits);
    expect([s.computeMacsPerCycle, e.computeMacsPerCycle]).toEqual([262_144, 16_384]);
    expect(s.bytesPerCycle.mainMemory).toBe(server.peaks.memory.peakBytesPerCycle);
    expect(s.bytesPerCycle.mainMemory).toBeCloseTo(365.7, 1);
    expect(e.bytesPerCycle.mainMemory).toBeCloseTo(36.57, 2);
    // 256 and 16 banks × 64 B.
    expect([s.bytesPerCycle.activationBuffer, e.bytesPerCycle.activationBuffer]).toEqual([16_384, 1_024]);
    expect(s.bytesPerCycle.weightBuffer).toBe(server.peaks.weight.bitsPerCycle / 8);
  });

  it('meets compute at the ridge', () => {
    const c = rooflineCeilings(run('e', 'acceltran-edge', 'bert-tiny', 'inference').peaks);
    for (const l of MEMORY_LEVELS) {
      const ridge = ridgeMacsPerByte(c, l);
      expect(ceilingMacsPerCycle(c, l, ridge)).toBeCloseTo(c.computeMacsPerCycle, 6);
      expect(ceilingMacsPerCycle(c, l, ridge / 2)).toBeCloseTo(c.computeMacsPerCycle / 2, 6);
    }
  });
});

const CASES = [
  ['acceltran-edge', 'bert-tiny', 'inference'],
  ['acceltran-edge', 'bert-tiny', 'training'],
  ['acceltran-server', 'bert-base', 'inference'],
  ['acceltran-server', 'bert-base', 'training'],
] as const;

describe.each(CASES)('points of %s, %s, %s', (preset, model, mode) => {
  const r = run('t', preset, model, mode);
  const entries = r.result.timeline!;
  const acc = r.accelerator;
  const { points, noMacs, fused } = rooflinePoints(entries, r.peaks, acc);
  const c = rooflineCeilings(r.peaks);

  it('covers every op: drawn, no MACs, or fused', () => {
    expect(points.length).toBeGreaterThan(0);
    expect(points.length + noMacs + fused).toBe(entries.length);
  });

  it('lie at or under every roof (achieved ≤ min of ceilings at their intensities)', () => {
    const over: string[] = [];
    for (const p of points) {
      // Whole-cycle rounding of busy cycles is the model's; allow a part in a million.
      const slack = 1 + 1e-6;
      if (p.macsPerCycle > c.computeMacsPerCycle * slack) over.push(`${entries[p.entry].op}: compute`);
      for (const l of MEMORY_LEVELS) {
        if (p.macsPerCycle > ceilingMacsPerCycle(c, l, p.macsPerByte[l]) * slack) over.push(`${entries[p.entry].op}: ${l}`);
      }
      expect(p.ofCeiling).toBeLessThanOrEqual(slack);
    }
    expect(over).toEqual([]);
  });

  it('names the lowest roof as the ceiling', () => {
    for (const p of points) {
      const roofs = [c.computeMacsPerCycle, ...MEMORY_LEVELS.map((l) => ceilingMacsPerCycle(c, l, p.macsPerByte[l]))];
      expect(p.attainableMacsPerCycle).toBeCloseTo(Math.min(...roofs), 3);
    }
  });
});

describe('prefetch (why main-memory intensity counts only the op’s own bytes)', () => {
  it('with prefetched weights counted, only ops that had bytes loaded ahead can rise above the main-memory roof', () => {
    const r = run('t', 'acceltran-edge', 'bert-tiny', 'inference');
    const entries = r.result.timeline!;
    const c = rooflineCeilings(r.peaks);
    const above = rooflinePoints(entries, r.peaks, r.accelerator).points.filter((p) => {
      const total = entries[p.entry].mainMemoryBytes ?? 0;
      return total > 0 && p.macsPerCycle > ceilingMacsPerCycle(c, 'mainMemory', p.macs / total);
    });
    // BERT-Tiny on Edge: two products beat the total-bytes roof (by up to 14 %), both prefetched.
    expect(above.length).toBeGreaterThan(0);
    for (const p of above) expect(entries[p.entry].prefetchCycles ?? 0).toBeGreaterThan(0);
  });
});
