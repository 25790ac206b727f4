/**
 * The published AccelTran constants (`simulator/constants/constants.yaml`,
 * docs/elector.md §11), verbatim. The `reference` model uses all of them; the
 * `elector` model keeps the module area and power figures and replaces the memory
 * figures with those of `elector.ts`.
 */

/** Area µm², dynamic and leakage power mW. */
export interface ModuleConstant {
  areaUm2: number;
  dynamicMW: number;
  leakageMW: number;
}

export interface BufferConstant {
  blockSize: number;
  /** "bits per cycle" in name only: bytes/cycle × 20 (docs/elector.md §2). */
  bandwidth: number;
  areaUm2PerMB: number;
  /** nJ per block of 64 elements, multiplied by √MB. */
  energyNJPerBlock: number;
  leakageMWPerMB: number;
}

export interface ReferenceConstants {
  sparsity: { activation: number; weight: number; gradient: number };
  clockMHz: number;
  bits: { integer: number; fraction: number };
  lane: Record<'1' | '16', Record<'relu' | 'gelu', ModuleConstant>>;
  stochasticRounding: ModuleConstant;
  dataflow: ModuleConstant;
  dma: ModuleConstant;
  fifo: ModuleConstant;
  /** Keyed by tile_x. */
  layerNorm: Record<'8' | '16' | '32', ModuleConstant>;
  softmax: Record<'8' | '16' | '32', ModuleConstant>;
  preSparsity: ModuleConstant;
  postSparsity: ModuleConstant;
  weightBuffer: BufferConstant;
  activationBuffer: BufferConstant;
  maskBuffer: BufferConstant;
  mainMemory: {
    blockSize: number;
    bandwidth: { lb: number; hb: number };
    /** nJ per block of 64 elements, keyed `type_banks_ranks_channels`. */
    energyNJPerBlock: Record<string, number>;
  };
}

const m = (areaUm2: number, dynamicMW: number, leakageMW: number): ModuleConstant => ({ areaUm2, dynamicMW, leakageMW });

export const REFERENCE_CONSTANTS: ReferenceConstants = {
  sparsity: { activation: 0.5, weight: 0.5, gradient: 0.9 },
  clockMHz: 700,
  bits: { integer: 4, fraction: 16 },
  lane: {
    '1': { relu: m(597.964253, 0.2756146, 0.0223711), gelu: m(1209.955838, 0.6705926, 0.0419121) },
    '16': { relu: m(8819.484999, 4.8926, 0.3003), gelu: m(9418.667591, 5.1955, 0.3189685) },
  },
  stochasticRounding: m(79.043665, 0.021657, 0.0040125),
  dataflow: m(75946.982008, 11.3711, 2.7312),
  dma: m(144.636242, 0.0335287, 0.0063819),
  fifo: m(484.37911, 0.0563909, 0.0140774),
  layerNorm: {
    '8': m(20631.005754, 12.6646, 0.6594879),
    '16': m(81104.126482, 43.8378, 2.5753),
    '32': m(318834.6362, 151.48, 10.03566),
  },
  softmax: {
    '8': m(22008.079435, 9.1386, 0.6824872),
    '16': m(87573.326116, 34.6343, 2.6696),
    '32': m(348466.9006, 131.2602298481, 10.4423),
  },
  preSparsity: m(6216.896914, 0.2852968, 0.1507329),
  postSparsity: m(1181.201447, 0.2613971, 0.0324301),
  weightBuffer: { blockSize: 64, bandwidth: 11350.98, areaUm2PerMB: 294100.83, energyNJPerBlock: 0.0856588, leakageMWPerMB: 210.40467 },
  activationBuffer: { blockSize: 64, bandwidth: 11350.98, areaUm2PerMB: 303305.83, energyNJPerBlock: 0.079275099, leakageMWPerMB: 247.918667 },
  maskBuffer: { blockSize: 64, bandwidth: 11350.98, areaUm2PerMB: 302565.0, energyNJPerBlock: 0.08200675, leakageMWPerMB: 238.196 },
  mainMemory: {
    blockSize: 64,
    bandwidth: { lb: 785.365, hb: 7853.65 },
    energyNJPerBlock: {
      rram_16_2_2: 17.321165,
      rram_8_2_4: 32.655499,
      rram_4_2_8: 69.3328008,
      rram_2_2_16: 149.0564671,
      rram_32_2_1: 8.63281599,
      rram_1_2_32: 340.9690911,
      dram_16_2_2: 69.00706337,
      dram_8_2_4: 200.2819855,
      dram_32_2_1: 13.43777522,
      dram_16_4_1: 38.28777884,
      hbm_32_1_4: 26.5569841,
    },
  },
};
