/**
 * Named accelerators: the reference's shipped configs (docs/elector.md §12).
 * `config_nano` is left out on purpose: it lies outside the design space.
 * Configs are frozen; copy one (`structuredClone`) before editing it.
 */
import type { AcceleratorConfig } from './types.ts';

export interface AcceleratorPreset {
  name: string;
  description: string;
  config: AcceleratorConfig;
}

export const acceleratorPresetNames = ['acceltran-edge', 'acceltran-server'] as const;
export type AcceleratorPresetName = (typeof acceleratorPresetNames)[number];

export const ACCELERATOR_PRESETS: Readonly<Record<AcceleratorPresetName, AcceleratorPreset>> = {
  'acceltran-edge': {
    name: 'AccelTran-Edge',
    description: 'The reference config_tiny: 64 PEs with 4/8/1 MB buffers and DRAM, sized for mobile and edge devices.',
    config: deepFreeze<AcceleratorConfig>({
      tile: { b: 1, x: 16, y: 16 },
      nonLinearity: 'gelu',
      pe: 64,
      lanesPerPe: 16,
      macsPerLane: 16,
      softmaxPerPe: 4,
      batchSize: 4,
      activationBufferMB: 4,
      weightBufferMB: 8,
      maskBufferMB: 1,
      mainMemory: { type: 'dram', banks: 32, ranks: 2, channels: 1, mode: 'lb' },
    }),
  },
  'acceltran-server': {
    name: 'AccelTran-Server',
    description: 'The reference config_base: 512 PEs with 32/64/8 MB buffers and monolithic-3D RRAM, sized for server-class deployment.',
    config: deepFreeze<AcceleratorConfig>({
      tile: { b: 1, x: 16, y: 16 },
      nonLinearity: 'gelu',
      pe: 512,
      lanesPerPe: 32,
      macsPerLane: 16,
      softmaxPerPe: 32,
      batchSize: 4,
      activationBufferMB: 32,
      weightBufferMB: 64,
      maskBufferMB: 8,
      mainMemory: { type: 'rram', banks: 32, ranks: 2, channels: 1, mode: 'hb' },
    }),
  },
};

export function isAcceleratorPresetName(name: string): name is AcceleratorPresetName {
  return (acceleratorPresetNames as readonly string[]).includes(name);
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(value);
}
