/**
 * The chip area a cost model reports for a design, without simulating it: the editor shows
 * it on every edit, and it must be the area the results show (chipArea.test.ts). Both cost
 * models share the modules' area (area.ts); the elector model adds the periphery of the
 * buffer banks it adds for bandwidth (model/buffers.ts).
 */
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { computeArea, type AreaBreakdownMm2 } from './area.ts';
import { ELECTOR_CONSTANTS, type ElectorConstants } from './constants/elector.ts';
import { REFERENCE_CONSTANTS, type ReferenceConstants } from './constants/reference.ts';
import { bankAreaMm2 } from './model/buffers.ts';
import type { CostModel, SimMode } from './types.ts';

export interface ChipArea {
  areaMm2: number;
  /** Module areas; `bufferBanks` is the elector model's bank periphery (0 in the reference). */
  byModuleMm2: AreaBreakdownMm2 & { bufferBanks: number };
}

export function chipArea(
  acc: AcceleratorConfig,
  mode: SimMode,
  costModel: CostModel,
  constants: { reference: ReferenceConstants; elector: ElectorConstants } = { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS },
): ChipArea {
  const shared = computeArea(acc, mode, constants.reference);
  const bufferBanks = costModel === 'elector' ? bankAreaMm2(acc, constants.elector) : 0;
  return { areaMm2: shared.areaMm2 + bufferBanks, byModuleMm2: { ...shared.byModuleMm2, bufferBanks } };
}
