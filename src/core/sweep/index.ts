/** Design-space sweeps: specs compiled to plans, deterministic samples, chunked simulation. */
export {
  SWEEP_PARAMS,
  SWEEP_PARAM_BY_ID,
  ACCELERATOR_PARAMS,
  TRANSFORMER_PARAMS,
  levelCount,
  type SweepParam,
  type SweepParamId,
  type SweepSpace,
} from './params.ts';
export { compileSweep, resolveParams, resolveGridParams, sweepSize, variedSpaces, type SweepPlan } from './plan.ts';
export { samplePair, sampleLevels, pairFromLevels, planFor } from './sample.ts';
export { OBJECTIVES, OBJECTIVE_INFO, emptyColumns, type Objective, type ObjectiveColumns, type ObjectiveInfo } from './objectives.ts';
export { runSweepChunk, sweepSimOptions, type SweepChunkResult, type PairSimulator } from './run.ts';
