/**
 * Axes of the parallel-coordinates view: one per varied parameter and per
 * objective, each with its own d3 scale from the column's finite extent.
 * Log is offered only where every finite value is > 0 (a log scale of 0 is −∞).
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { emptyExtent, extendExtent, LOG_SPAN_MIN, type ColumnExtent } from '../sweep/plotScales.ts';

export interface PcColumn {
  /** Parameter id or objective: the key brushes, order and colour-by use. */
  key: string;
  label: string;
  values: ArrayLike<number>;
  /** Level indices of a choice: ticks are levels, labelled by `levelLabel`. */
  levelLabel?: (level: number) => string;
  levels?: number;
  /** Objective unit (SI-formatted) or parameter unit. */
  unit?: string;
  /** Ticks with SI prefixes (objectives: 2µ, 10m); parameters keep plain numbers (800, not 0.8k). */
  si?: boolean;
  /** A d3-format specifier for the ticks, over `si` (predicted accuracy reads in percent). */
  format?: string;
}

export interface PcAxis {
  column: PcColumn;
  extent: ColumnExtent;
  /** All finite values > 0: a log axis is allowed. */
  logAllowed: boolean;
  log: boolean;
  flipped: boolean;
  /** Data value → y in CSS pixels (top = `top`). */
  scale: ScaleContinuousNumeric<number, number>;
}

export function columnExtent(c: PcColumn): ColumnExtent {
  const ext = emptyExtent();
  extendExtent(ext, c.values);
  if (c.levels !== undefined) Object.assign(ext, { min: 0, max: c.levels - 1, minPositive: ext.minPositive });
  return ext;
}

/**
 * Builds an axis's scale over [top, bottom] px; the low end of the data sits at the bottom unless flipped.
 * `log` undefined = the Pareto plot's auto rule: log when allowed and the values span two decades
 * (sweep latencies and energies are heavy-tailed; a linear axis squeezes most lines into one pixel).
 */
export function makeAxis(column: PcColumn, extent: ColumnExtent, opts: { log?: boolean; flipped: boolean }, top: number, bottom: number): PcAxis {
  const finite = extent.min <= extent.max;
  const logAllowed = finite && extent.min > 0 && column.levels === undefined;
  const log = (opts.log ?? extent.max / extent.min >= LOG_SPAN_MIN) && logAllowed;
  let lo = finite ? extent.min : 0;
  let hi = finite ? extent.max : 1;
  if (lo === hi) { // one value: give it room, so the line sits mid-axis
    // ±10 % of the value (±1 at zero): ±1 around a fraction such as accuracy 0.77 read −40 %…160 %.
    const room = lo === 0 ? 1 : 0.1 * Math.abs(lo);
    lo = log ? lo / 2 : lo - room;
    hi = log ? hi * 2 : hi + room;
  }
  const range: [number, number] = opts.flipped ? [top, bottom] : [bottom, top];
  const scale = log ? scaleLog().domain([lo, hi]).range(range) : scaleLinear().domain([lo, hi]).range(range);
  if (!column.levels) scale.nice();
  return { column, extent, logAllowed, log, flipped: opts.flipped, scale };
}

/** Column keys in `order` first (those still present), then any new ones in their given order. */
export function orderedKeys(columns: readonly PcColumn[], order: readonly string[]): string[] {
  const keys = new Set(columns.map((c) => c.key));
  const kept = order.filter((k) => keys.has(k));
  return [...kept, ...columns.map((c) => c.key).filter((k) => !kept.includes(k))];
}

/** Moves `key` one place left (−1) or right (+1) in `order`. */
export function moveKey(order: readonly string[], key: string, by: -1 | 1): string[] {
  const i = order.indexOf(key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const out = [...order];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Tick text: SI prefixes for objectives, plain short numbers for parameters (800, 1024, 0.5). */
export function tickFormatter(axis: PcAxis, count: number): (v: number) => string {
  const c = axis.column;
  if (c.levelLabel) return c.levelLabel;
  if (c.format) return axis.scale.tickFormat(count, c.format);
  if (c.si) return axis.scale.tickFormat(count, '~s');
  return (v: number) => String(Number(v.toPrecision(4)));
}
