/** Legend of the line colours: the bins of the colour-by axis, low to high, with the axis's end values. */
import { tickFormatter, type PcAxis } from './pcAxes.ts';

export function PcColourLegend({ axis, colours }: { axis: PcAxis; colours: readonly string[] }) {
  const [lo, hi] = axis.scale.domain();
  const c = axis.column;
  const fmt = tickFormatter(axis, 2);
  // Bins run along the axis from its range start; a flipped axis starts at its high end.
  const [first, last] = axis.flipped ? [hi, lo] : [lo, hi];
  return (
    <span className="pc-legend" data-testid="pc-legend" aria-label={`Colour: ${c.label}, from ${fmt(first)} to ${fmt(last)}`}>
      <span>{fmt(first)}</span>
      <span className="pc-legend-bar" aria-hidden="true">
        {colours.map((col) => <span key={col} style={{ background: col }} />)}
      </span>
      <span>{fmt(last)}{c.unit ? ` ${c.unit}` : ''}</span>
    </span>
  );
}
