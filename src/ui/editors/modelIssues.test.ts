import { describe, expect, it } from 'vitest';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { mapModelIssues, NO_MODEL_ISSUES } from './modelIssues.ts';

describe('mapModelIssues', () => {
  it('puts the layer-count rule at the layer-count field', () => {
    const layer = ['sa_sdp_64', 'sa_sdp_64'];
    const checked = validateModel({ l: 3, o: [layer, layer, layer], h: [128, 128, 128], f: [[512], [512], [512]] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const mapped = mapModelIssues(checked.issues);
    expect(mapped.layers).toHaveLength(1);
    expect(mapped.layers[0]).toMatch(/2, 4, 6, 8, 10, 12/);
    expect(mapped.byLayer.size).toBe(0);
  });

  it('groups layer issues by layer and field, numbering heads and widths from 1', () => {
    const mapped = mapModelIssues([
      { path: 'h[1]', message: 'bad hidden' },
      { path: 'o[1][2]', message: 'bad head' },
      { path: 'o[0]', message: 'bad count' },
      { path: 'f[1][0]', message: 'bad width' },
      { path: 'zzz', message: 'unknown key' },
    ]);
    expect(mapped.byLayer.get(1)).toEqual({ hidden: ['bad hidden'], heads: ['head 3: bad head'], ff: ['width 1: bad width'] });
    expect(mapped.byLayer.get(0)).toEqual({ hidden: [], heads: ['bad count'], ff: [] });
    expect(mapped.layers).toEqual(['zzz: unknown key']);
  });

  it('returns the shared empty value when there is nothing to show', () => {
    expect(mapModelIssues([])).toBe(NO_MODEL_ISSUES);
  });
});
