import { describe, expect, it } from 'vitest';
import type { OpMapping } from '../core/elector/types.ts';
import { mappingShort, mappingText, operandsShort, orderText, timesText } from './opMappingText.ts';

const mapping = (p: Partial<OpMapping> = {}): OpMapping => ({
  order: 'weights-stationary', waveRows: 32, waveCols: 32, blocks: 3,
  mainMemoryPassesA: 0, mainMemoryPassesB: 1, bufferReadsA: 2, bufferReadsB: 1, bufferB: 'weight', ...p,
});

describe('mapping text', () => {
  it('says the order, the wave and each operand in one sentence', () => {
    expect(mappingText(mapping(), 'weight buffer')).toBe(
      'weights-stationary, 3 panels; wave 32×32 tiles; A read 2× from the activation buffer, already on chip; ' +
        'B read 1× from the weight buffer, crosses main memory once',
    );
  });
  it('names blocks of A for activations-stationary, and no blocking when everything fits', () => {
    expect(orderText(mapping({ order: 'activations-stationary', blocks: 1 }))).toBe('activations-stationary, 1 block of A');
    expect(orderText(mapping({ order: 'fits', blocks: 1 }))).toBe('fits on chip (no blocking)');
  });
  it('counts passes in words', () => {
    expect([1, 2, 3, 1200].map(timesText)).toEqual(['once', 'twice', '3 times', '1,200 times']);
  });
  it('has a compact form for table cells', () => {
    expect(mappingShort(mapping())).toBe('weights-stationary ×3 · wave 32×32');
    expect(mappingShort(mapping({ order: 'fits', blocks: 1, waveRows: 384, waveCols: 8 }))).toBe('fits · wave 384×8');
    expect(operandsShort(mapping({ mainMemoryPassesA: 3 }))).toBe('A 2× buf, 3× main mem · B 1× buf, 1× main mem');
  });
});
