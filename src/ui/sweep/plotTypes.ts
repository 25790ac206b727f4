/** The Pareto plot engine's inputs and outputs, shared by the engine, its overlays and the React shell. */
import type { ProjectionData } from './plotProjection.ts';
import type { ScaleKind } from './plotScales.ts';
import type { PointEncoding } from './plotEncoding.ts';

export interface PlotElements {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  svg: SVGSVGElement;
}

export interface PlotInput {
  /** The points and axis choices (null: no sweep yet). */
  data: ProjectionData | null;
  xLabel: string;
  yLabel: string;
  /** d3-format specifiers of the axes' ticks (default `~s`, SI prefixes). */
  xTickFormat?: string;
  yTickFormat?: string;
  front: Int32Array;
  /**
   * One standard deviation per row along an axis (predicted accuracy's uncertainty),
   * drawn as ±1σ bars on the front's points; null or absent: no bars on that axis.
   */
  errorBars?: { x: Float64Array | null; y: Float64Array | null } | null;
  selection: Int32Array;
  /** The point loaded into the editors. */
  focus: number | null;
  /** The keyboard cursor. */
  cursor: number | null;
  /** Designs marked on the plot by their own simulated objectives (the current design, pinned ones). */
  designs: readonly PlotDesignMark[];
  /**
   * Parallel-coordinates brushes: only rows with `fails[i] === 0` are drawn in the
   * cloud; `version` bumps when the filter changes. Absent or null: every point.
   */
  brushed?: { fails: Uint16Array; version: number } | null;
  /** Colour and size of the cloud's marks by a column; absent or null: one colour, one size, density shading. */
  encoding?: PointEncoding | null;
}

export interface PlotDesignMark {
  id: string;
  label: string;
  kind: 'current' | 'pinned';
  /** Objective values on the plot's x and y axes. */
  x: number;
  y: number;
}

export interface PlotCallbacks {
  onHover(index: number | null, x: number, y: number): void;
  onPick(index: number): void;
  onBrush(indices: Int32Array): void;
  /** The scales the axes now use ('auto' resolved); called when they change. */
  onScales?(x: ScaleKind, y: ScaleKind): void;
}

export type DragMode = 'select' | 'pan';

export const EMPTY_INPUT: PlotInput = {
  data: null, xLabel: '', yLabel: '', front: new Int32Array(0), selection: new Int32Array(0), focus: null, cursor: null, designs: [],
};
