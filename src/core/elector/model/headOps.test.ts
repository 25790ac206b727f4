import { describe, expect, it } from 'vitest';
import { appendHeadGroup, headGroupForwardOps, type HeadGroup } from './headOps.ts';
import { OpTable } from './opTable.ts';
import { tableOps } from './opView.ts';

describe('head-group template table', () => {
  it('gives the built rows for every shape, past the point where the table starts over', () => {
    const shapes: HeadGroup[] = [];
    // More distinct shapes than the table keeps: it fills, starts over and fills again.
    for (let d = 1; d <= 9000; d++) shapes.push({ type: d % 3 === 0 ? 'l_dct' : 'sa_sdp', count: 1 + (d % 12), firstHead: 0, d, kernel: 0 });
    for (const [i, g] of shapes.entries()) {
      const copied = new OpTable();
      appendHeadGroup(copied, g, 2, 4, 16);
      if (i % 500 !== 0) continue;
      const built = new OpTable();
      headGroupForwardOps(built, g, 2, 4, 16);
      expect(tableOps(copied)).toEqual(tableOps(built));
    }
    // Shapes seen before the table started over still copy correctly.
    for (const g of [shapes[0], shapes[4500], shapes[8999]]) {
      const built = new OpTable();
      headGroupForwardOps(built, g, 3, 4, 16);
      const copied = new OpTable();
      appendHeadGroup(copied, g, 3, 4, 16);
      expect(tableOps(copied)).toEqual(tableOps(built));
    }
  });
});
