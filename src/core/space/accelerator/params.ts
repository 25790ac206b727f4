/**
 * The editable accelerator parameters, described once (docs/elector.md §1.2, §12, §13).
 * Editors, validation messages, sampling, search and the embedding all read this
 * table, so a label, a unit or an embedding position never drifts between them.
 * Allowed values are not repeated here: `allowedValues` reads them from schema.ts.
 */
import { acceleratorSpace, type AcceleratorSpace, type AcceleratorSpaceVariant, type MemoryOption } from './schema.ts';
import type { BandwidthMode, MemoryType, NonLinearity } from './types.ts';

/** Keys of the design space that hold a list of allowed numbers. */
export type NumericSpaceKey = {
  [K in keyof AcceleratorSpace]: AcceleratorSpace[K] extends readonly number[] ? K : never;
}[keyof AcceleratorSpace];

export interface NumericParam {
  /** Field path in an `AcceleratorConfig`, as validation messages print it. */
  path: string;
  /** Where the allowed values live in the design space. */
  spaceKey: NumericSpaceKey;
  /** Position in the 12-number embedding (docs/elector.md §13). */
  embeddingIndex: number;
  /** Key in the reference YAML config, for importers and messages that cite the reference. */
  referenceKey: string;
  label: string;
  /** Unit of the value, plural (`MB`, `PEs`, `sequences`). */
  unit: string;
  /** One sentence a student can follow: what the knob is and what turning it up does. */
  about: string;
}

/** The eleven numeric fields, in embedding order (mem_idx, the twelfth, is the memory choice). */
export const NUMERIC_PARAMS = [
  {
    path: 'tile.b', spaceKey: 'tileB', embeddingIndex: 0, referenceKey: 'tile_b', label: 'Tile batch', unit: 'sequences',
    about: 'How many sequences of the batch one tile spans; the matrices of every operation are cut into b×x×y tiles that MAC lanes work on one at a time.',
  },
  {
    path: 'tile.x', spaceKey: 'tileXY', embeddingIndex: 1, referenceKey: 'tile_x', label: 'Tile rows', unit: 'elements',
    about: 'Rows of each square matrix tile; bigger tiles mean fewer, larger pieces of work and bigger softmax and layer-norm modules.',
  },
  {
    path: 'tile.y', spaceKey: 'tileXY', embeddingIndex: 2, referenceKey: 'tile_y', label: 'Tile columns', unit: 'elements',
    about: 'Columns of each matrix tile; always equal to the rows, because the simulator only supports square tiles.',
  },
  {
    path: 'pe', spaceKey: 'pe', embeddingIndex: 3, referenceKey: 'pe', label: 'Processing elements', unit: 'PEs',
    about: 'Independent compute blocks, each with its own MAC lanes, softmax modules and layer-norm unit; more PEs run more work in parallel at more area and leakage.',
  },
  {
    path: 'lanesPerPe', spaceKey: 'lanesPerPe', embeddingIndex: 4, referenceKey: 'lanes_per_pe', label: 'MAC lanes per PE', unit: 'lanes',
    about: 'Each lane is a row of multiply-accumulate units working on one tile; more lanes = more parallel tiles.',
  },
  {
    path: 'macsPerLane', spaceKey: 'macsPerLane', embeddingIndex: 5, referenceKey: 'mac_per_lane', label: 'MACs per lane', unit: 'MACs',
    about: 'Multiply-accumulate units inside one lane: how many multiply-adds the lane does per cycle on its tile.',
  },
  {
    path: 'softmaxPerPe', spaceKey: 'softmaxPerPe', embeddingIndex: 6, referenceKey: 'softmax_per_pe', label: 'Softmax modules per PE', unit: 'modules',
    about: 'Units that turn attention scores into probabilities; more of them keep attention-heavy layers from waiting on softmax.',
  },
  {
    path: 'batchSize', spaceKey: 'batchSize', embeddingIndex: 7, referenceKey: 'batch_size', label: 'Batch size', unit: 'sequences',
    about: 'How many input sequences the accelerator processes together; larger batches reuse each loaded weight more often but need more buffer space.',
  },
  {
    path: 'activationBufferMB', spaceKey: 'activationBufferMB', embeddingIndex: 8, referenceKey: 'activation_buffer_size', label: 'Activation buffer', unit: 'MB',
    about: 'On-chip memory for the intermediate results (activations) passed between operations; a bigger buffer means fewer trips to main memory.',
  },
  {
    path: 'weightBufferMB', spaceKey: 'weightBufferMB', embeddingIndex: 9, referenceKey: 'weight_buffer_size', label: 'Weight buffer', unit: 'MB',
    about: "On-chip memory that keeps the model's weights next to the compute units; a model whose embedding table does not fit cannot run.",
  },
  {
    path: 'maskBufferMB', spaceKey: 'maskBufferMB', embeddingIndex: 10, referenceKey: 'mask_buffer_size', label: 'Mask buffer', unit: 'MB',
    about: 'On-chip memory for the one-bit-per-value masks that mark which activations and weights are zero, so the hardware can skip them.',
  },
] as const satisfies readonly NumericParam[];

export type NumericParamPath = (typeof NUMERIC_PARAMS)[number]['path'];

/** Allowed values of a numeric parameter in a variant of the space, read from schema.ts. */
export function allowedValues(param: NumericParam, variant: AcceleratorSpaceVariant = 'transcode'): readonly number[] {
  return acceleratorSpace(variant)[param.spaceKey];
}

export const NUMERIC_PARAM_BY_PATH: Readonly<Record<NumericParamPath, NumericParam>> = Object.fromEntries(
  NUMERIC_PARAMS.map((p) => [p.path, p]),
) as Record<NumericParamPath, NumericParam>;

export interface ChoiceInfo {
  label: string;
  about: string;
}

export const NON_LINEARITY_PARAM = {
  path: 'nonLinearity',
  label: 'Non-linearity',
  about: "Activation function built into the MAC lanes; the lanes' area and energy differ between the two, and the embedding fixes gelu.",
  options: {
    relu: { label: 'ReLU', about: 'max(0, x): the simplest activation, cheap in hardware.' },
    gelu: { label: 'GELU', about: 'The smooth activation BERT-family models use; every shipped config uses it.' },
  } satisfies Record<NonLinearity, ChoiceInfo>,
} as const;

export const MAIN_MEMORY_PARAM = {
  path: 'mainMemory',
  label: 'Main memory',
  about:
    'The large off-chip (or stacked) memory that holds everything the buffers cannot; in the reference model its bandwidth comes from the mode (lb/hb) alone, while type, banks, ranks and channels set the energy per access.',
} as const;

export const MEMORY_TYPES: Readonly<Record<MemoryType, ChoiceInfo>> = {
  dram: {
    label: 'DRAM',
    about: 'Ordinary DDR memory chips beside the accelerator: large and cheap, but data crosses a narrow board-level bus, so it runs in the low-bandwidth mode.',
  },
  hbm: {
    label: 'HBM',
    about: 'High-bandwidth memory: DRAM dies stacked in the same package as the chip and joined to it by a very wide bus, so far more data moves per cycle.',
  },
  rram: {
    label: 'Monolithic-3D RRAM',
    about: 'Resistive RAM built in layers directly on top of the accelerator logic, so data travels over short vertical wires: high bandwidth and low access energy.',
  },
};

export interface MemoryGeometryParam {
  path: `mainMemory.${'banks' | 'ranks' | 'channels'}`;
  key: 'banks' | 'ranks' | 'channels';
  label: string;
  unit: string;
  about: string;
}

export const MEMORY_GEOMETRY_PARAMS: readonly MemoryGeometryParam[] = [
  {
    path: 'mainMemory.banks', key: 'banks', label: 'Banks', unit: 'banks',
    about: 'Independent arrays inside a memory chip that can each open a row at the same time; more banks let accesses overlap.',
  },
  {
    path: 'mainMemory.ranks', key: 'ranks', label: 'Ranks', unit: 'ranks',
    about: 'Groups of chips that share one channel and take turns on its wires; more ranks add capacity and banks, not bus width.',
  },
  {
    path: 'mainMemory.channels', key: 'channels', label: 'Channels', unit: 'channels',
    about: 'Independent buses between the accelerator and memory; each channel brings its own bandwidth.',
  },
];

export const BANDWIDTH_MODES: Readonly<Record<BandwidthMode, ChoiceInfo>> = {
  lb: { label: 'Low bandwidth', about: "The reference's DDR-class transfer rate; the embedding uses it for DRAM." },
  hb: { label: 'High bandwidth', about: 'Ten times the lb rate; the embedding uses it for HBM and monolithic-3D RRAM.' },
};

/**
 * The mode the embedding assigns to a memory type: `lb` iff DRAM (docs/elector.md §13).
 * Validation still accepts the other mode (the reference never checks it).
 */
export function bandwidthModeFor(type: MemoryType): BandwidthMode {
  return type === 'dram' ? 'lb' : 'hb';
}

/** `DRAM 32/2/1`: type label, then banks/ranks/channels. */
export function memoryOptionLabel(m: MemoryOption): string {
  return `${MEMORY_TYPES[m.type].label} ${m.banks}/${m.ranks}/${m.channels}`;
}
