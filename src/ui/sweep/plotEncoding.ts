/**
 * Colour and size by a column on the Pareto plot: a column's values binned on a linear or
 * log scale (log when it spans two decades or more and is positive, the axes' own rule,
 * plotScales.ts), eight viridis colours low to high, three mark sizes. Binned, not
 * continuous, so a legend can state each bin's range and a million points paint in one
 * counting pass.
 */
import { interpolateViridis } from 'd3';
import { chooseScaleKind, dataExtent, type ScaleKind } from './plotScales.ts';
import { isObjective } from '../../core/sweep/objectives.ts';
import { formatObjective } from './objectiveFormat.ts';

export const COLOUR_BIN_COUNT = 8;
/** Viridis at bin centres, low to high: ordered in lightness, readable in grey, kind to colour-blind readers. */
export const COLOUR_BIN_HEX: readonly string[] = Array.from({ length: COLOUR_BIN_COUNT }, (_, b) => interpolateViridis((b + 0.5) / COLOUR_BIN_COUNT));
export const SIZE_CLASS_COUNT = 3;
/** Mark side per size class, as a multiple of the plot's normal mark. */
export const SIZE_CLASS_SCALE: readonly number[] = [0.7, 1.4, 2.2];

export interface EncodedChannel {
  /** Column key (objective or parameter id), label and unit for the legend. */
  key: string;
  label: string;
  unit: string;
  values: ArrayLike<number>;
  kind: ScaleKind;
  /** Extent of the finite values (positive ones on a log scale); null when there are none. */
  domain: [number, number] | null;
}

export interface PointEncoding {
  colour: EncodedChannel | null;
  size: EncodedChannel | null;
  /** Bumps when a channel or its values change (points arrived). */
  version: number;
}

export function encodedChannel(key: string, label: string, unit: string, values: ArrayLike<number>): EncodedChannel {
  const kind = chooseScaleKind('auto', values);
  return { key, label, unit, values, kind, domain: dataExtent(values, kind) };
}

/** The bin of `v` among `bins` equal steps of the channel's scale; −1 for NaN, or a value a log scale cannot place. */
export function binOf(c: EncodedChannel, v: number, bins: number): number {
  if (!c.domain || !Number.isFinite(v) || (c.kind === 'log' && v <= 0)) return -1;
  const [lo, hi] = c.domain;
  const t = c.kind === 'log' ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
  if (!Number.isFinite(t)) return 0; // a constant column: one bin
  return Math.min(bins - 1, Math.max(0, Math.floor(t * bins)));
}

/** The [from, to] values of bin `b` (for the legend). */
export function binRange(c: EncodedChannel, b: number, bins: number): [number, number] | null {
  if (!c.domain) return null;
  const [lo, hi] = c.domain;
  const at = (t: number) => (c.kind === 'log' ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo));
  return [at(b / bins), at((b + 1) / bins)];
}

/** A channel's value for a legend: objectives in their own format (area in mm², SI prefixes), parameters as plain numbers. */
export function formatChannelValue(c: EncodedChannel, v: number): string {
  return isObjective(c.key) ? formatObjective(c.key, v) : Number(v.toPrecision(4)).toLocaleString('en-US');
}

/** "Area: 23.9 mm² – 25,645 mm² (log)": a channel's range in words, for legends and figures. */
export function channelRangeText(c: EncodedChannel): string {
  return c.domain ? `${c.label}: ${formatChannelValue(c, c.domain[0])} – ${formatChannelValue(c, c.domain[1])} (${c.kind})` : `${c.label}: no values`;
}
