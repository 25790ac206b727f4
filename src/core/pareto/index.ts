/** Pareto fronts (minimisation): 2-D fronts, k-objective ranks and first fronts, hypervolume and knee. */
export { paretoFront, paretoFrontSigned, finiteIndices, dominates } from './front2d.ts';
export { nonDominatedSort, UNRANKED } from './nonDominatedSort.ts';
export { finiteRows, firstFrontIndices } from './firstFront.ts';
export { hypervolume2d, kneePoint, pointsAt, type Point2d } from './quality.ts';
export { hypervolume } from './hypervolume.ts';
export { hypervolumeMonteCarlo, type HypervolumeEstimate } from './hypervolumeMonteCarlo.ts';
export { defaultReferencePoint, REFERENCE_MARGIN, REFERENCE_POINT_RULE } from './referencePoint.ts';
export { Staircase2d } from './staircase2d.ts';
