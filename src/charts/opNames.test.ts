import { describe, expect, it } from 'vitest';
import { bufferOfB, opLabel, splitOpName } from './opNames.ts';
import { entry } from './timelineEntry.test-util.ts';

describe('opLabel', () => {
  it('names layer-wide ops with their layer', () => {
    expect(opLabel(entry({ op: 'ff1', layer: 2, head: -1 }))).toBe('layer 3 · FF 1');
    expect(opLabel(entry({ op: 'nl2', layer: 0, head: -1 }))).toBe('layer 1 · non-linearity 2');
    expect(opLabel(entry({ op: 'qkv', layer: 0, head: -1 }))).toBe('layer 1 · Q/K/V projection');
    expect(opLabel(entry({ op: 'embedding', kind: 'load', layer: -1, head: -1 }))).toBe('embedding lookup');
  });
  it('names head groups by type and count', () => {
    expect(opLabel(entry({ op: 'sa_sdp×12 qk', layer: 0, head: 0 }))).toBe('layer 1 · Attn SDP ×12 · QKᵀ');
    expect(opLabel(entry({ op: 'c_13 dconv', layer: 1, head: 4 }))).toBe('layer 2 · Conv 13 head 5 · dynamic convolution');
    expect(opLabel(entry({ op: 'sdp-qk', layer: 2, head: 0 }))).toBe('layer 3 · head 1 · sdp-qk');
  });
  it('names backward ops by their gradient', () => {
    expect(opLabel(entry({ op: 'ff1.dW', layer: 2, head: -1, direction: 'backward' }))).toBe('layer 3 · FF 1 · weight gradient');
    expect(opLabel(entry({ op: 'sa_sdp×12 pv.dB', layer: 0, head: 0 }))).toBe('layer 1 · Attn SDP ×12 · P·V · gradient of B');
    expect(opLabel(entry({ op: 'ln2.d', layer: 0, head: -1 }))).toBe('layer 1 · layer norm 2 · backward');
    expect(opLabel(entry({ op: 'embedding.grad', kind: 'store', layer: -1, head: -1 }))).toBe('embedding gradient (scatter to main memory)');
  });
  it('names the optimizer with its share of a step, and passes unknown names through', () => {
    expect(opLabel(entry({ op: 'clip + adamw (1/8 of a step)', kind: 'optimizer', layer: -1, head: -1 }))).toBe('optimizer step (clip + AdamW), 1/8 of a step');
    expect(opLabel(entry({ op: 'clip + adamw', kind: 'optimizer', layer: -1, head: -1 }))).toBe('optimizer step (clip + AdamW)');
    expect(opLabel(entry({ op: 'brand-new', layer: -1, head: -1 }))).toBe('brand-new');
  });
});

describe('splitOpName and bufferOfB', () => {
  it('splits prefix, base and suffix', () => {
    expect(splitOpName({ op: 'sa_sdp×12 qk.dX', head: 0 })).toEqual({ heads: 'Attn SDP ×12', base: 'qk', suffix: '.dX' });
    expect(splitOpName({ op: 'ff-out.d', head: -1 })).toEqual({ heads: '', base: 'ff-out', suffix: '.d' });
  });
  it('reads B from the activation buffer for activation products and weight gradients, else the weight buffer', () => {
    expect(bufferOfB({ op: 'sa_sdp×12 qk', head: 0 })).toBe('activation buffer');
    expect(bufferOfB({ op: 'sa_sdp×12 pv.dX', head: 0 })).toBe('activation buffer');
    expect(bufferOfB({ op: 'ff1.dW', head: -1 })).toBe('activation buffer');
    expect(bufferOfB({ op: 'ff1.dX', head: -1 })).toBe('weight buffer');
    expect(bufferOfB({ op: 'l_dft dft-T', head: 0 })).toBe('weight buffer');
  });
});
