/** The view a first visit opens with, and the fallback when stored state is unusable. */
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { REFERENCE_CONSTANTS } from '../elector/constants/reference.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';
import { V5_ANALYSIS, V5_LAB, V5_PARALLEL, V6_CODESIGN } from './migrations.ts';
import { SESSION_VERSION, type AnalysisSettings, type CodesignSettings, type LabSettings, type ParallelSettings, type RunSettings, type SweepSettings, type PlotSettings, type ViewSettings } from './schema.ts';
import type { SessionState } from './session.ts';

export const DEFAULT_SETTINGS: RunSettings = {
  mode: 'inference',
  costModel: 'elector',
  sparsity: { ...REFERENCE_CONSTANTS.sparsity },
  clockMHz: REFERENCE_CONSTANTS.clockMHz,
  seqLen: RUN_SETTING_LIMITS.seqLen.default,
  accumulationSteps: RUN_SETTING_LIMITS.accumulationSteps.default,
  // The core's defaults for these two (resolveSimOptions); defaults.test.ts keeps them in step.
  mlmHead: false,
  powerGating: true,
  mappingObjective: RUN_SETTING_LIMITS.mappingObjective.default,
};

export const DEFAULT_SWEEP: SweepSettings = {
  vary: 'accelerator',
  params: [],
  samples: 5000,
  sampler: 'random',
  gridParams: [],
  seed: 1,
};

export const DEFAULT_PLOT: PlotSettings = { x: 'latency', y: 'energy', xScale: 'auto', yScale: 'auto', brush: null, focus: null };

export const DEFAULT_VIEW: ViewSettings = { tab: 'results', timelineRows: 'layer' };

/** The DynaProp lab's first run: BERT-Tiny on first names, half of the activations pruned (the core's run defaults; defaults.test.ts). */
export const DEFAULT_LAB: LabSettings = structuredClone(V5_LAB) as LabSettings;

/** The co-design panel's defaults: the paper's weights (area 0.1), published predictor, BOSHCODE, 300 queries, no accuracy floor. */
export const DEFAULT_CODESIGN: CodesignSettings = structuredClone(V6_CODESIGN) as CodesignSettings;

/** The sweep's parallel coordinates: closed, natural axis order, nothing brushed. */
export const DEFAULT_PARALLEL: ParallelSettings = structuredClone(V5_PARALLEL) as ParallelSettings;

/** The sweep's many-objective analysis: closed, fronting latency, energy and area. */
export const DEFAULT_ANALYSIS: AnalysisSettings = structuredClone(V5_ANALYSIS) as AnalysisSettings;

export function defaultSession(): SessionState {
  return {
    version: SESSION_VERSION,
    design: {
      model: structuredClone(MODEL_PRESETS['bert-tiny'].model),
      accelerator: structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config),
    },
    settings: structuredClone(DEFAULT_SETTINGS),
    pinned: [],
    baseline: null,
    sweep: structuredClone(DEFAULT_SWEEP),
    sweepRan: false,
    sweepBase: null,
    plot: structuredClone(DEFAULT_PLOT),
    view: { ...DEFAULT_VIEW },
    dynaprop: structuredClone(DEFAULT_LAB),
    codesign: structuredClone(DEFAULT_CODESIGN),
    parallel: structuredClone(DEFAULT_PARALLEL),
    analysis: structuredClone(DEFAULT_ANALYSIS),
  };
}
