import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE, layoutDesignLabels, type DesignLabel, type DesignLabelInput } from './designLabelLayout.ts';

/** 6 px per character: a stand-in for the browser's measurement. */
const measure = (text: string) => 6 * text.length;

/** The label's box in plot pixels. */
function box(item: DesignLabelInput, l: DesignLabel, line = DEFAULT_LINE) {
  const width = measure(l.text);
  const left = item.x + l.dx - (l.anchor === 'end' ? width : 0);
  return { left, right: left + width, top: item.y + l.dy - line.ascent, bottom: item.y + l.dy + line.descent };
}

describe('design label layout', () => {
  it('stacks two labels of designs at the same spot instead of drawing one over the other', () => {
    const items = [
      { x: 300, y: 200, text: 'Current design (beyond the axes)' },
      { x: 300, y: 200, text: 'BERT-Tiny · AccelTran-Edge (beyond the axes)' },
    ];
    for (const line of [DEFAULT_LINE, { ascent: 14, descent: 5 }]) {
      const [a, b] = layoutDesignLabels(items, 800, 400, measure, line).map((l, k) => box(items[k], l, line));
      expect(a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
  });

  it('keeps every label inside the plot: anchored left of a mark near the right edge, shortened when neither side has room', () => {
    const near = { x: 270, y: 120, text: 'Current design' };
    const [l] = layoutDesignLabels([near], 280, 200, measure);
    expect(l.anchor).toBe('end');
    expect(box(near, l).left).toBeGreaterThanOrEqual(0);

    const long = { x: 150, y: 120, text: 'BERT-Tiny · AccelTran-Edge (beyond the axes)' };
    const [c] = layoutDesignLabels([long], 280, 200, measure);
    const b = box(long, c);
    expect(c.text).toMatch(/^BERT-Tiny.*…$/);
    expect(c.full).toBe(long.text);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(280);
    // Left of the mark, where there is more room (141 px), and as long as fits: one more character would not.
    expect(c.anchor).toBe('end');
    expect(b.right - b.left + 6).toBeGreaterThan(141);
  });

  it('keeps labels of marks on the top and bottom edges inside, and several at one spot all apart', () => {
    const items = [0, 1, 2, 3].map((k) => ({ x: 40, y: k % 2 === 0 ? 0 : 200, text: `design ${k}` }));
    items.push(...[0, 1, 2].map((k) => ({ x: 40, y: 200, text: `pinned ${k}` })));
    const boxes = layoutDesignLabels(items, 300, 200, measure).map((l, k) => box(items[k], l));
    for (const b of boxes) {
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(200);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i], boxes[j]];
        expect(p.bottom <= q.top || q.bottom <= p.top || p.right <= q.left || q.right <= p.left).toBe(true);
      }
    }
  });
});
