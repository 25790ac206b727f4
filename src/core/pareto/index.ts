/** Pareto fronts (minimisation): 2-D fronts, k-objective ranks, hypervolume and knee. */
export { paretoFront, finiteIndices, dominates } from './front2d.ts';
export { nonDominatedSort, UNRANKED } from './nonDominatedSort.ts';
export { hypervolume2d, kneePoint, pointsAt, type Point2d } from './quality.ts';
