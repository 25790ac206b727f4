/**
 * A small line chart: d3 computes the scales, ticks and paths, React draws the SVG.
 * Colours come from the theme (CSS variables), so light and dark both work.
 */
import { line, scaleLinear } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';

export interface Series {
  label: string;
  color: string;
  points: readonly { x: number; y: number }[];
  /** Draw a dot at each point (sparse series, e.g. validation accuracy). */
  dots?: boolean;
}

interface Props {
  series: readonly Series[];
  xDomain: [number, number];
  yDomain: [number, number];
  xLabel: string;
  yLabel: string;
  yFormat: (v: number) => string;
  /** A dashed reference line (e.g. chance accuracy). */
  reference?: { y: number; label: string };
  /** A ringed point with its label (e.g. the threshold the run chose). */
  marker?: { x: number; y: number; label: string };
  height?: number;
}

const M = { top: 8, right: 12, bottom: 34, left: 48 };

export function LineChart({ series, xDomain, yDomain, xLabel, yLabel, yFormat, reference, marker, height = 200 }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const x = scaleLinear().domain(xDomain[0] === xDomain[1] ? [xDomain[0], xDomain[0] + 1] : xDomain).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLinear().domain(yDomain[0] === yDomain[1] ? [yDomain[0], yDomain[0] + 1] : yDomain).range([height - M.bottom, M.top]).nice();
  const path = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y)).defined((p) => Number.isFinite(p.y));
  const xTicks = x.ticks(Math.max(2, Math.floor(width / 90)));
  const yTicks = y.ticks(4);
  return (
    <div ref={ref} className="lab-line-chart">
      <svg width={width} height={height} aria-hidden="true" focusable="false">
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} className="gridline" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{yFormat(t)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={height - M.bottom + 14} textAnchor="middle" className="tick">{t}</text>
        ))}
        <text x={(M.left + width - M.right) / 2} y={height - 4} textAnchor="middle" className="axis-title">{xLabel}</text>
        {/* A one-letter title (τ) reads wrongly on its side: it stands upright at the top instead. */}
        {yLabel.length > 2
          ? <text transform={`translate(12,${(height - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">{yLabel}</text>
          : <text x={12} y={M.top + 4} className="axis-title lab-axis-upright">{yLabel}</text>}
        {reference && (
          <g>
            <line x1={M.left} x2={width - M.right} y1={y(reference.y)} y2={y(reference.y)} className="lab-reference" />
            <text x={width - M.right} y={y(reference.y) - 4} textAnchor="end" className="tick">{reference.label}</text>
          </g>
        )}
        {series.map((s) => (
          <g key={s.label} style={{ color: s.color }}>
            <path d={path(s.points as { x: number; y: number }[]) ?? ''} className="lab-line" />
            {s.dots && s.points.map((p) => <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={3} className="lab-dot" />)}
          </g>
        ))}
        {marker && (
          <g transform={`translate(${x(marker.x)},${y(marker.y)})`} className="lab-marker">
            <circle r={6} />
            <text x={x(marker.x) > width / 2 ? -10 : 10} dy="-0.5em" textAnchor={x(marker.x) > width / 2 ? 'end' : 'start'} className="tick">{marker.label}</text>
          </g>
        )}
      </svg>
    </div>
  );
}
