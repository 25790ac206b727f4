import { describe, expect, it } from 'vitest';
import { layerSummary } from './LayerRow.tsx';

describe('layerSummary', () => {
  it('names a uniform layer in the editors\' words', () => {
    const ops = Array.from({ length: 12 }, () => 'sa_sdp_64');
    expect(layerSummary(ops, 768, [3072]).replace(/\u00a0/g, ' ')).toBe('768 wide · 12 heads: Attn SDP ×12 · FF 3072');
  });
  it('counts mixed head types and lists a feed-forward stack', () => {
    expect(layerSummary(['l_dct_64', 'c_5_64', 'l_dct_64'], 128, [512, 256]).replace(/\u00a0/g, ' '))
      .toBe('128 wide · 3 heads: DCT ×2, Conv 5 ×1 · FF 512/256');
    expect(layerSummary(['sa_wma_128'], 128, [512]).replace(/\u00a0/g, ' ')).toBe('128 wide · 1 head: Attn WMA ×1 · FF 512');
  });
});
