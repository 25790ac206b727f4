/**
 * Pixels of the roofline: log–log scales that always include every ridge (so each
 * ceiling's knee is on screen), a strip at the right edge for ops that move no bytes
 * at the chosen level (infinite intensity has no place on a log axis), and one
 * segment per distinct bandwidth (equal bandwidths share a line and a label).
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';
import type { Limiter } from '../../core/elector/types.ts';
import { MEMORY_LEVELS, ridgeMacsPerByte, type MemoryLevel, type RooflineCeilings, type RooflinePoint } from './rooflineGeometry.ts';

export const MARGIN = { left: 62, right: 14, top: 12, bottom: 38 };
/** Width of the "no bytes" strip at the right edge. */
export const EDGE_STRIP = 34;

export interface RooflineScales {
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
  /** x pixel of points whose intensity is infinite. */
  edgeX: number;
  plotRight: number;
  plotBottom: number;
}

const decadeBelow = (v: number) => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number) => 10 ** Math.ceil(Math.log10(v));

export function rooflineScales(points: readonly RooflinePoint[], c: RooflineCeilings, level: MemoryLevel, width: number, height: number): RooflineScales {
  const xs = points.map((p) => p.macsPerByte[level]).filter(Number.isFinite);
  const ridges = MEMORY_LEVELS.map((l) => ridgeMacsPerByte(c, l));
  const all = [...xs, ...ridges];
  const rates = points.map((p) => p.macsPerCycle);
  const xDomain = [decadeBelow(Math.min(...all) / 2), decadeAbove(Math.max(...all) * 2)];
  const yDomain = [decadeBelow(Math.min(c.computeMacsPerCycle / 100, ...rates) / 1.5), decadeAbove(c.computeMacsPerCycle * 1.5)];
  const plotRight = Math.max(MARGIN.left + 80, width - MARGIN.right - EDGE_STRIP);
  const plotBottom = height - MARGIN.bottom;
  return {
    x: scaleLog().domain(xDomain).range([MARGIN.left, plotRight]),
    y: scaleLog().domain(yDomain).range([plotBottom, MARGIN.top]),
    edgeX: plotRight + EDGE_STRIP / 2,
    plotRight,
    plotBottom,
  };
}

export interface CeilingSegment {
  /** The levels drawn by this line (several when their bandwidths are equal). */
  levels: Limiter[];
  x1: number; y1: number; x2: number; y2: number;
}

/**
 * Compute: flat from the lowest ridge to the right edge. Each bandwidth: the slope
 * intensity × B/cycle from where it enters the plot up to its ridge.
 */
export function ceilingSegments(c: RooflineCeilings, s: RooflineScales): CeilingSegment[] {
  const [x0, x1] = s.x.domain();
  const [y0] = s.y.domain();
  const byBandwidth = new Map<number, MemoryLevel[]>();
  for (const l of MEMORY_LEVELS) byBandwidth.set(c.bytesPerCycle[l], [...(byBandwidth.get(c.bytesPerCycle[l]) ?? []), l]);
  const slopes: CeilingSegment[] = [...byBandwidth].map(([bw, levels]) => {
    const ridge = c.computeMacsPerCycle / bw;
    const start = Math.max(x0, y0 / bw);
    return { levels, x1: s.x(start), y1: s.y(start * bw), x2: s.x(Math.min(ridge, x1)), y2: s.y(Math.min(c.computeMacsPerCycle, x1 * bw)) };
  });
  const firstRidge = Math.min(...MEMORY_LEVELS.map((l) => ridgeMacsPerByte(c, l)));
  const flat: CeilingSegment = { levels: ['compute'], x1: s.x(Math.max(x0, firstRidge)), y1: s.y(c.computeMacsPerCycle), x2: s.plotRight + EDGE_STRIP, y2: s.y(c.computeMacsPerCycle) };
  return [flat, ...slopes];
}

/** Powers of ten inside a log domain: one tick per decade keeps the labels apart. */
export function decadeTicks(scale: ScaleLogarithmic<number, number>): number[] {
  const [a, b] = scale.domain();
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(a) - 1e-9); e <= Math.floor(Math.log10(b) + 1e-9); e++) ticks.push(10 ** e);
  return ticks;
}
