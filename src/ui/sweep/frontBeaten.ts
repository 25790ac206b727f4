/**
 * How many of the plotted front's points a design beats on the plot's two axes.
 * A front found by latency and energy alone always favours the smallest models; the
 * current design can dominate several of its points once accuracy is not on an axis,
 * and the plot says so instead of calling them optimal without qualification.
 */
import { objectiveSign, type Objective } from '../../core/sweep/objectives.ts';

/** Points of `front` that (x, y) dominates: no worse on both axes, better on one, each axis in its own sense. */
export function frontPointsBeaten(
  front: ArrayLike<number>,
  columns: { xs: ArrayLike<number>; ys: ArrayLike<number> },
  axes: { x: Objective; y: Objective },
  point: { x: number; y: number },
): number {
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return 0;
  const sx = objectiveSign(axes.x);
  const sy = objectiveSign(axes.y);
  const [px, py] = [sx * point.x, sy * point.y];
  let beaten = 0;
  for (let j = 0; j < front.length; j++) {
    const i = front[j];
    const [qx, qy] = [sx * columns.xs[i], sy * columns.ys[i]];
    if (px <= qx && py <= qy && (px < qx || py < qy)) beaten++;
  }
  return beaten;
}
