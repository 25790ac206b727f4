/**
 * Horizontal bars, optionally stacked (dynamic + leakage): d3 computes the
 * scale and ticks, React draws the SVG. Negative parts stack left of zero.
 */
import { useId } from 'react';
import { scaleLinear } from 'd3';
import { stackDiverging, stackExtent } from './stack.ts';
import { HatchPattern, Swatch } from './Hatch.tsx';
import { useElementWidth } from './useElementWidth.ts';

export interface BarPart {
  label: string;
  /** A CSS colour, usually `var(--series-n)`. */
  color: string;
  /** Draw hatched: the part is told apart by shape as well as colour. */
  hatch?: boolean;
}

export interface BarRow {
  label: string;
  values: readonly number[];
}

export interface HBarChartProps {
  rows: readonly BarRow[];
  parts: readonly BarPart[];
  /** Fixed x domain (e.g. [0, 1] for utilisation); default: the data's extent including 0. */
  domain?: [number, number];
  formatTick: (v: number) => string;
  formatTotal: (v: number) => string;
}

const ROW_H = 24, BAR_H = 15, TOTAL_W = 74, AXIS_H = 22;
/** Room for the longest row label at 12px (about 6.8px per character), within limits. */
export function labelWidth(labels: readonly string[]): number {
  return Math.round(Math.min(210, Math.max(80, 12 + 6.8 * Math.max(0, ...labels.map((l) => l.length)))));
}

export function HBarChart({ rows, parts, domain, formatTick, formatTotal }: HBarChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const uid = useId().replace(/:/g, '');
  const labelW = labelWidth(rows.map((r) => r.label));
  const extent = domain ?? stackExtent(rows.map((r) => r.values));
  const x = scaleLinear()
    .domain(extent[0] === extent[1] ? [0, 1] : extent)
    .range([labelW, Math.max(labelW + 40, width - TOTAL_W)]);
  if (!domain) x.nice();
  const height = rows.length * ROW_H + AXIS_H + 4;
  const ticks = x.ticks(Math.max(2, Math.floor((width - labelW - TOTAL_W) / 90)));
  const fillOf = (i: number) => (parts[i].hatch ? `url(#${uid}-h${i})` : parts[i].color);
  return (
    <div ref={ref} className="hbar">
      {parts.length > 1 && (
        <div className="legend" aria-hidden="true">
          {parts.map((p) => (
            <span key={p.label} className="legend-item"><Swatch color={p.color} hatch={p.hatch} />{p.label}</span>
          ))}
        </div>
      )}
      <svg width={width} height={height} aria-hidden="true" focusable="false">
        <defs>
          {parts.map((p, i) => p.hatch && <HatchPattern key={i} id={`${uid}-h${i}`} color={p.color} />)}
        </defs>
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={0} y2={rows.length * ROW_H} className="gridline" />
            <text y={rows.length * ROW_H + 15} textAnchor="middle" className="tick">{formatTick(t)}</text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = i * ROW_H + (ROW_H - BAR_H) / 2;
          const total = r.values.reduce((a, b) => a + b, 0);
          const segments = stackDiverging(r.values);
          const right = Math.max(x(0), ...segments.map((s) => x(s.x1)));
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={y + BAR_H / 2} dy="0.35em" textAnchor="end" className="row-label">{r.label}</text>
              {segments.map((s) => (
                <rect
                  key={s.part}
                  x={x(s.x0)}
                  y={y}
                  width={Math.max(0.5, x(s.x1) - x(s.x0))}
                  height={BAR_H}
                  style={{ fill: fillOf(s.part), stroke: parts[s.part].color, strokeWidth: parts[s.part].hatch ? 0.75 : 0 }}
                />
              ))}
              <text x={right + 5} y={y + BAR_H / 2} dy="0.35em" className="bar-total">{formatTotal(total)}</text>
            </g>
          );
        })}
        <line x1={x(0)} x2={x(0)} y1={0} y2={rows.length * ROW_H} className="zero-line" />
      </svg>
    </div>
  );
}
