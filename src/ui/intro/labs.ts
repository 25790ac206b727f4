/**
 * The lab: the designs a course on transformer–accelerator co-design walks
 * through, each a preset pair with one thing changed from the one before.
 */
import type { Design } from '../../core/share/session.ts';
import type { RunSettings } from '../../core/share/schema.ts';
import { MODEL_PRESETS, type ModelPresetName } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS, type AcceleratorPresetName } from '../../core/space/accelerator/presets.ts';

export interface Lab {
  id: string;
  title: string;
  model: ModelPresetName;
  accelerator: AcceleratorPresetName;
  mode: RunSettings['mode'];
  /** What to look at. */
  task: string;
}

export const LABS: readonly Lab[] = [
  { id: 'lab-1', title: 'A small model on an edge chip', model: 'bert-tiny', accelerator: 'acceltran-edge', mode: 'inference', task: 'Read latency, energy per sequence and area; find the op that takes longest in the timeline.' },
  { id: 'lab-2', title: 'Scale the model', model: 'bert-base', accelerator: 'acceltran-edge', mode: 'inference', task: 'Same chip, a 12-layer model: how much slower, and is it compute or memory that limits it now?' },
  { id: 'lab-3', title: 'Scale the chip', model: 'bert-base', accelerator: 'acceltran-server', mode: 'inference', task: 'Same model on the server chip: pin labs 2 and 3 and compare speed against energy and area.' },
  { id: 'lab-4', title: 'Training instead of inference', model: 'bert-mini', accelerator: 'acceltran-server', mode: 'training', task: 'Train a 4-layer model: where does the energy go, and what does the optimizer step cost?' },
];

export function labDesign(lab: Lab): Design {
  return { model: structuredClone(MODEL_PRESETS[lab.model].model), accelerator: structuredClone(ACCELERATOR_PRESETS[lab.accelerator].config) };
}

export function labLabel(lab: Lab): string {
  const mode = lab.mode === 'training' ? ' · training' : '';
  return `${MODEL_PRESETS[lab.model].name} · ${ACCELERATOR_PRESETS[lab.accelerator].name}${mode}`;
}
