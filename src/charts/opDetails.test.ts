import { describe, expect, it } from 'vitest';
import { levelsText, opDetail, opSentence } from './opDetails.ts';
import { entry } from './timelineEntry.test-util.ts';

describe('opDetail', () => {
  it('says what the op is, when it ran, what bound it, each level, its mapping and its work', () => {
    const d = opDetail(entry({
      op: 'qkv', layer: 0, head: -1, startCycle: 3761, endCycle: 12851, bound: 'memory', limiter: 'mainMemory',
      levelCycles: { compute: 896, mainMemory: 9045, activationBuffer: 180, weightBuffer: 271, maskBuffer: 0 },
      fillCycles: 2, prefetchCycles: 21, macs: 226492416, mainMemoryBytes: 2976864, bufferBytes: 8113248,
      mapping: { order: 'fits', waveRows: 32, waveCols: 128, blocks: 1, mainMemoryPassesA: 0, mainMemoryPassesB: 1, bufferReadsA: 2, bufferReadsB: 1, bufferB: 'weight' },
    }));
    expect(d.title).toBe('layer 1 · Q/K/V projection — forward');
    expect(d.time).toBe('9,090 cycles (3,761–12,851), bound by main memory');
    expect(levelsText(d.levels)).toBe('compute 896 · main memory 9,045 · activation buffer 180 · weight buffer 271');
    expect(d.levels.filter((l) => l.limiter).map((l) => l.resource)).toEqual(['main memory']);
    expect(d.overlap).toBe('fill and drain 2; 21 main-memory cycles of its weights loaded during the previous op');
    expect(d.mapping).toEqual([
      'fits on chip (no blocking); wave 32×128 tiles',
      'A read 2× from the activation buffer, already on chip',
      'B read 1× from the weight buffer, crosses main memory once',
    ]);
    expect(d.work).toBe('226 M MACs · 2.98 MB main memory · 8.11 MB buffer traffic');
  });
  it('reads the reference shape (no limiter, levels or mapping)', () => {
    const s = opSentence(entry({ op: 'sdp-qk', layer: 2, head: 0, startCycle: 1000, endCycle: 1512, computeCycles: 512, memoryCycles: 100 }));
    expect(s).toBe('layer 3 · head 1 · sdp-qk — forward: 512 cycles (1,000–1,512), compute-bound. busy cycles: compute 512 · memory 100.');
    expect(opSentence(entry({ op: 'embedding', kind: 'load', layer: -1, head: -1, bound: 'memory' }))).toContain('— forward, outside layers: 10 cycles (0–10), memory-bound');
  });
  it('phrases buffer bounds as bandwidth', () => {
    expect(opDetail(entry({ limiter: 'activationBuffer', bound: 'memory' })).time).toContain("bound by the activation buffer's bandwidth");
  });
});
