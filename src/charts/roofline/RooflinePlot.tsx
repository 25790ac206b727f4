/**
 * The roofline drawing (SVG, one circle per op): ceilings as lines, points coloured by
 * op kind. Hovering a point publishes it to the shared linked-op store, so the timeline
 * highlights the same op; an op hovered in the timeline is ringed here.
 */
import { format } from 'd3';
import type { TimelineEntry } from '../../core/elector/types.ts';
import type { Peaks } from '../../core/elector/validation/hardware.ts';
import { opLabel } from '../opNames.ts';
import { useElementWidth } from '../useElementWidth.ts';
import { setLinkedOp, useLinkedOp } from './linkedOp.ts';
import { rooflineCeilings, type MemoryLevel, type RooflinePoint } from './rooflineGeometry.ts';
import { ceilingSegments, decadeTicks, EDGE_STRIP, MARGIN, rooflineScales } from './rooflineScales.ts';
import { ceilingLabel, CEILING_NAMES, KIND_STYLES, pct, sig3 } from './rooflineText.ts';

const HEIGHT = 340, TOOLTIP_W = 300;
const si = format('~s');
/** Decades: 0.1 and 0.01 rather than SI's "100m" (milli-MAC per byte reads wrong); 1k, 10k above. */
const tick = (t: number) => (t >= 1000 ? si(t) : String(t));

export function RooflinePlot({ entries, points, peaks, level }: { entries: readonly TimelineEntry[]; points: readonly RooflinePoint[]; peaks: Peaks; level: MemoryLevel }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const c = rooflineCeilings(peaks);
  const s = rooflineScales(points, c, level, width, HEIGHT);
  // Its own hover or the timeline's: either way the op is ringed and described here.
  const shown = useLinkedOp(entries, null);
  const px = (p: RooflinePoint) => (Number.isFinite(p.macsPerByte[level]) ? s.x(p.macsPerByte[level]) : s.edgeX);
  const hovered = points.find((p) => p.entry === shown);
  // Identical layers put their ops on the very same spot: say so, since only the top one can be hovered.
  const sameSpot = hovered
    ? points.filter((p) => p !== hovered && p.macsPerCycle === hovered.macsPerCycle && p.macsPerByte[level] === hovered.macsPerByte[level]).length
    : 0;
  const segments = ceilingSegments(c, s);
  const labelOf = (levels: readonly string[]) =>
    levels.length === 1 ? ceilingLabel(levels[0] as MemoryLevel, peaks) : `${levels.map((l) => CEILING_NAMES[l as MemoryLevel]).join(', ')} ${sig3(c.bytesPerCycle[levels[0] as MemoryLevel])} B/cycle`;
  return (
    <div ref={ref} className="roofline-plot" data-testid="roofline-plot">
      <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false">
        {decadeTicks(s.x).map((t) => (
          <g key={`x${t}`} transform={`translate(${s.x(t)},0)`}>
            <line y1={MARGIN.top} y2={s.plotBottom} className="gridline" />
            <text y={s.plotBottom + 14} textAnchor="middle" className="tick">{tick(t)}</text>
          </g>
        ))}
        {decadeTicks(s.y).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${s.y(t)})`}>
            <line x1={MARGIN.left} x2={s.plotRight} className="gridline" />
            <text x={MARGIN.left - 6} dy="0.35em" textAnchor="end" className="tick">{tick(t)}</text>
          </g>
        ))}
        <rect x={s.plotRight} y={MARGIN.top} width={EDGE_STRIP} height={s.plotBottom - MARGIN.top} className="roofline-edge" />
        <text x={s.edgeX} y={MARGIN.top - 2} textAnchor="middle" className="tick">no B</text>
        <text x={(MARGIN.left + s.plotRight) / 2} y={HEIGHT - 4} textAnchor="middle" className="axis-title">
          arithmetic intensity, MAC per byte of {CEILING_NAMES[level].toLowerCase()} (log)
        </text>
        <text transform={`translate(12,${(MARGIN.top + s.plotBottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">achieved MAC/cycle (log)</text>
        {segments.map((g) => {
          const angle = (Math.atan2(g.y2 - g.y1, g.x2 - g.x1) * 180) / Math.PI;
          const active = g.levels.includes('compute') || g.levels.includes(level);
          // Flat compute: label at its right end; slopes: past the middle (clear of the y axis), above the line.
          const lx = g.levels[0] === 'compute' ? g.x2 - 4 : g.x1 + (g.x2 - g.x1) * 0.6;
          const ly = g.levels[0] === 'compute' ? g.y1 - 5 : g.y1 + (g.y2 - g.y1) * 0.6 - 5;
          return (
            <g key={g.levels.join()} data-testid={`roofline-ceiling-${g.levels.join('-')}`} className={active ? 'roofline-ceiling active' : 'roofline-ceiling'}>
              <line x1={g.x1} y1={g.y1} x2={g.x2} y2={g.y2} />
              <text x={lx} y={ly} transform={`rotate(${angle},${lx},${ly + 5})`} textAnchor={g.levels[0] === 'compute' ? 'end' : 'middle'} className="roofline-ceiling-label">
                {labelOf(g.levels)}
              </text>
            </g>
          );
        })}
        {points.map((p) => {
          const edge = !Number.isFinite(p.macsPerByte[level]);
          return (
            <circle
              key={p.entry}
              cx={px(p)}
              cy={s.y(p.macsPerCycle)}
              r={4.5}
              className={edge ? 'roofline-point edge' : 'roofline-point'}
              style={edge ? { stroke: KIND_STYLES[p.kind].color } : { fill: KIND_STYLES[p.kind].color }}
              data-testid="roofline-point"
              data-entry={p.entry}
              onPointerEnter={() => setLinkedOp(entries, p.entry, 'roofline')}
              onPointerLeave={() => setLinkedOp(entries, -1, 'roofline')}
            />
          );
        })}
        {hovered && <circle cx={px(hovered)} cy={s.y(hovered.macsPerCycle)} r={8} className="roofline-highlight" data-testid="roofline-highlight" data-entry={hovered.entry} />}
      </svg>
      {hovered && (
        <div
          className="chart-tooltip"
          style={{ width: TOOLTIP_W, left: Math.max(0, Math.min(width - TOOLTIP_W, px(hovered) - TOOLTIP_W / 2)), top: s.y(hovered.macsPerCycle) + 12 }}
          aria-hidden="true"
          data-testid="roofline-tooltip"
        >
          <strong className="tooltip-title">{opLabel(entries[hovered.entry])}</strong>
          <span className="tooltip-line">{KIND_STYLES[hovered.kind].label}, {entries[hovered.entry].direction}</span>
          <span className="tooltip-line">
            {sig3(hovered.macs)} MACs in {sig3(hovered.cycles)} cycles = <b>{sig3(hovered.macsPerCycle)} MAC/cycle</b>
          </span>
          <span className="tooltip-line">
            Intensity {sig3(hovered.macsPerByte[level])} MAC/B ({sig3(hovered.bytes[level])} B of {CEILING_NAMES[level].toLowerCase()})
          </span>
          <span className="tooltip-line">
            Under {CEILING_NAMES[hovered.ceiling].toLowerCase()}: {sig3(hovered.attainableMacsPerCycle)} MAC/cycle, reached {pct(hovered.ofCeiling)}
          </span>
          {sameSpot > 0 && <span className="tooltip-line tooltip-label">{sameSpot} other op{sameSpot === 1 ? '' : 's'} at the same point (see the table)</span>}
        </div>
      )}
    </div>
  );
}
