/**
 * Pareto fronts of two costs (both minimised), e.g. energy against latency: the queried pairs
 * that no other pair beats on both. Pure, so the plots and their tests share it.
 */
import type { QueryPoint } from '../../state/codesign/searchRecord.ts';

export type CostKey = 'latencyS' | 'energyJ' | 'areaMm2';

/** The non-dominated pairs on (x, y), by increasing x (so decreasing y): the corners of the staircase. */
export function costFront(points: readonly QueryPoint[], x: CostKey, y: CostKey): QueryPoint[] {
  const sorted = points
    .filter((p) => p[x] !== null && p[y] !== null && p[x]! > 0 && p[y]! > 0)
    .sort((a, b) => a[x]! - b[x]! || a[y]! - b[y]!);
  const front: QueryPoint[] = [];
  for (const p of sorted) if (front.length === 0 || p[y]! < front[front.length - 1][y]!) front.push(p);
  return front;
}

/** The query with the best performance so far (the search's best pair), or null before any scored query. */
export function bestQuery(points: readonly QueryPoint[]): QueryPoint | null {
  let best: QueryPoint | null = null;
  for (const p of points) if (p.latencyS !== null && (!best || p.performance > best.performance)) best = p;
  return best;
}
