/**
 * Where the Pareto plot's design labels go: beside their marks, inside the plot area, and
 * never on top of one another. Two marked designs often share a spot (a pinned copy of the
 * current design, or both held on the same edge "beyond the axes"), so a label that would
 * cover one already placed moves a line down or up; one wider than the room on either side
 * of its mark is shortened with an ellipsis.
 */

export interface DesignLabelInput {
  /** The mark's position in plot-area pixels. */
  x: number;
  y: number;
  text: string;
}

/** The rendered width in pixels of a label's text. */
export type MeasureText = (text: string) => number;

export interface DesignLabel {
  /** The text's anchor point (baseline) relative to its mark. */
  dx: number;
  dy: number;
  anchor: 'start' | 'end';
  text: string;
  /** The whole text, when `text` had to be shortened. */
  full: string | null;
}

/** Distance from the mark's centre to its label, sideways and (baseline) upward. */
const SIDE_GAP_PX = 9;
const ABOVE_PX = 7;
const BELOW_PX = 14;

/** A line of label text: its box's extent above and below the baseline, as the browser measures it (getBBox). */
export interface LineMetrics { ascent: number; descent: number }
/** 11 px text with its 1.5 px halo (sweep.css), for when the plot is hidden and measures 0. */
export const DEFAULT_LINE: LineMetrics = { ascent: 11, descent: 4 };

interface Box { left: number; right: number; top: number; bottom: number }

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Labels in the order given (the first keeps its preferred place), for a plot area of `width` × `height`. */
export function layoutDesignLabels(items: readonly DesignLabelInput[], width: number, height: number, measure: MeasureText, line: LineMetrics = DEFAULT_LINE): DesignLabel[] {
  const { ascent, descent } = line;
  const lineHeight = ascent + descent;
  const placed: Box[] = [];
  return items.map((item) => {
    const roomRight = width - (item.x + SIDE_GAP_PX);
    const roomLeft = item.x - SIDE_GAP_PX;
    const fullWidth = measure(item.text);
    const anchor = fullWidth <= roomRight || (fullWidth > roomLeft && roomRight >= roomLeft) ? 'start' : 'end';
    const room = Math.max(0, anchor === 'start' ? roomRight : roomLeft);
    const fits = fullWidth <= room;
    const text = fits ? item.text : shorten(item.text, room, measure);
    const textWidth = fits ? fullWidth : measure(text);
    const left = anchor === 'start' ? item.x + SIDE_GAP_PX : item.x - SIDE_GAP_PX - textWidth;
    const boxAt = (baseline: number): Box => ({ left, right: left + textWidth, top: baseline - ascent, bottom: baseline + descent });
    const inside = (b: Box) => b.top >= 0 && b.bottom <= height;

    const preferred = item.y < BELOW_PX ? item.y + BELOW_PX : item.y - ABOVE_PX;
    let baseline = Math.min(height - descent, Math.max(ascent, preferred));
    // Lines below first, then above, alternating: near the mark, and enough tries to pass every placed label.
    for (let k = 0; k <= 2 * placed.length + 2; k++) {
      const step = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
      const candidate = preferred + step * lineHeight;
      const box = boxAt(candidate);
      if (inside(box) && !placed.some((p) => overlaps(p, box))) { baseline = candidate; break; }
    }
    placed.push(boxAt(baseline));
    return { dx: left + (anchor === 'start' ? 0 : textWidth) - item.x, dy: baseline - item.y, anchor, text, full: fits ? null : item.text };
  });
}

/** The longest start of the text that fits `room` pixels with an ellipsis (at least one character). */
function shorten(text: string, room: number, measure: MeasureText): string {
  for (let keep = text.length - 1; keep > 1; keep--) {
    const cut = `${text.slice(0, keep).trimEnd()}…`;
    if (measure(cut) <= room) return cut;
  }
  return `${text.slice(0, 1)}…`;
}
