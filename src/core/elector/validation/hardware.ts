/**
 * The peaks an accelerator offers, from the model's own memory and buffer models
 * (read-only use of `mainMemoryModel` and `bufferModel`): what the roofline bounds
 * divide by.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { ELECTOR_CONSTANTS, type ElectorConstants } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS, type ReferenceConstants } from '../constants/reference.ts';
import { bufferModel, type BufferModel } from '../model/buffers.ts';
import { mainMemoryModel, type MainMemoryModel } from '../model/memory.ts';

export interface Peaks {
  /** MAC units: pe · lanesPerPe · macsPerLane. */
  macUnits: number;
  lanes: number;
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  /** MACs of one product tile, tb·t³. */
  tileMacs: number;
  /** Cycles of a softmax or LayerNorm tile, tb·2t. */
  normTileCycles: number;
  macsPerLane: number;
}

export function peaks(
  acc: AcceleratorConfig,
  clockMHz = REFERENCE_CONSTANTS.clockMHz,
  elector: ElectorConstants = ELECTOR_CONSTANTS,
  reference: ReferenceConstants = REFERENCE_CONSTANTS,
): Peaks {
  const lanes = acc.pe * acc.lanesPerPe;
  return {
    macUnits: lanes * acc.macsPerLane,
    lanes,
    memory: mainMemoryModel(acc, elector, clockMHz),
    activation: bufferModel(acc.activationBufferMB, lanes, reference.activationBuffer, elector, clockMHz),
    weight: bufferModel(acc.weightBufferMB, lanes, reference.weightBuffer, elector, clockMHz),
    mask: bufferModel(acc.maskBufferMB, lanes, reference.maskBuffer, elector, clockMHz),
    tileMacs: acc.tile.b * acc.tile.x ** 3,
    normTileCycles: acc.tile.b * 2 * acc.tile.x,
    macsPerLane: acc.macsPerLane,
  };
}
