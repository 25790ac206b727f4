import { describe, expect, it } from 'vitest';
import type { ElectorRunInfo } from '../core/elector/types.ts';
import { optimizerNote, passCount, passesNote } from './runNotes.ts';

const run = (p: Partial<ElectorRunInfo> = {}): ElectorRunInfo => ({ seqLen: 128, mlmHead: false, powerGating: true, mappingObjective: 'balanced', subBatch: 4, ...p });

describe('run notes', () => {
  it('says how many passes the batch runs as, only when more than one', () => {
    expect(passCount({ batchSize: 8, run: run({ subBatch: 4 }) })).toBe(2);
    expect(passesNote({ batchSize: 8, run: run({ subBatch: 4 }) })).toBe('The batch of 8 runs as 2 passes of 4 sequences (the fastest, allowing a little more energy per sequence than half-size passes); the timeline shows one pass.');
    expect(passesNote({ batchSize: 8, run: run({ subBatch: 4, mappingObjective: 'time' }) })).toBe('The batch of 8 runs as 2 passes of 4 sequences (the fastest); the timeline shows one pass.');
    expect(passesNote({ batchSize: 5, run: run({ subBatch: 1 }) })).toBe('The batch of 5 runs as 5 passes of 1 sequence (the fastest, allowing a little more energy per sequence than half-size passes); the timeline shows one pass.');
    expect(passesNote({ batchSize: 4, run: run({ subBatch: 4 }) })).toBe('');
    expect(passesNote({ batchSize: 4 })).toBe('');
  });
  it('describes the optimizer step and its share per micro-batch', () => {
    const optimizer = { cyclesPerStep: 11011541, energyNJPerStep: 672578459.9, sharePerMicroBatch: 0.125, mainMemoryBytesPerStep: 3624364800 };
    expect(optimizerNote({ run: run({ accumulationSteps: 8, optimizer }) })).toBe(
      'optimizer step (clip + AdamW), 1/8 per micro-batch; full step: 11,011,541 cycles, 673 mJ, 3.62 GB main memory',
    );
    expect(optimizerNote({ run: run({ accumulationSteps: 1, optimizer: { ...optimizer, sharePerMicroBatch: 1 } }) })).toContain('(clip + AdamW), once;');
    expect(optimizerNote({ run: run() })).toBe('');
  });
});
