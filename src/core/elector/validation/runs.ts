/**
 * The runs the validation report is built from: fixed pairs and settings, so that every
 * figure has one source.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { simulate } from '../simulate.ts';
import type { SimMode, SimResult } from '../types.ts';
import { peaks, type Peaks } from './hardware.ts';

/** The layer whose ops section 1 shows (0-based: the sixth of BERT-Base's twelve). */
export const ROOFLINE_LAYER = 5;

export type PresetName = 'acceltran-server' | 'acceltran-edge';

export interface Run {
  id: string;
  title: string;
  preset: PresetName;
  accelerator: AcceleratorConfig;
  model: ModelDict;
  modelName: string;
  mode: SimMode;
  result: SimResult;
  peaks: Peaks;
}

export const ROOFLINE_RUNS: readonly { id: string; preset: PresetName; mode: SimMode }[] = [
  { id: 'server-inference', preset: 'acceltran-server', mode: 'inference' },
  { id: 'edge-inference', preset: 'acceltran-edge', mode: 'inference' },
  { id: 'server-training', preset: 'acceltran-server', mode: 'training' },
];

/** One simulation with the defaults (700 MHz, sparsity 0.5 / 0.5 / 0.9, batch 4, seq 128) and a timeline. */
export function run(id: string, preset: PresetName, modelName: 'bert-base' | 'bert-tiny', mode: SimMode): Run {
  const accelerator = ACCELERATOR_PRESETS[preset].config;
  const model = MODEL_PRESETS[modelName].model;
  const result = simulate(model, accelerator, { mode, timeline: true });
  return {
    id, preset, accelerator, model, modelName: MODEL_PRESETS[modelName].name, mode, result, peaks: peaks(accelerator),
    title: `${MODEL_PRESETS[modelName].name} ${mode} on ${ACCELERATOR_PRESETS[preset].name}`,
  };
}

export function rooflineRuns(): Run[] {
  return ROOFLINE_RUNS.map((r) => run(r.id, r.preset, 'bert-base', r.mode));
}

export function referenceRuns(): Run[] {
  return (['acceltran-edge', 'acceltran-server'] as const).map((p) => run(`tiny-${p}`, p, 'bert-tiny', 'inference'));
}
