/**
 * The parameters a sweep can vary, each a list of allowed values ("levels").
 * A sample is a level per varied parameter; everything not varied stays at the
 * sweep's base design. Accelerator values come from the TransCODE variant of the
 * space (its mask buffer starts at 1 MB), the one co-design samples from.
 */
import { HEAD_TYPES, type HeadType } from '../space/transformer/types.ts';
import { HEAD_TYPE_INFO, TRANSFORMER_SPACE } from '../space/transformer/schema.ts';
import { FF_OPTION_COUNT, ffOption } from '../space/transformer/ffOptions.ts';
import { allowedValues, MAIN_MEMORY_PARAM, memoryOptionLabel, NON_LINEARITY_PARAM, NUMERIC_PARAMS } from '../space/accelerator/params.ts';
import { acceleratorSpace, MEMORY_INDEX } from '../space/accelerator/schema.ts';

export type SweepSpace = 'accelerator' | 'transformer';

/** Accelerator parameter ids: numeric field paths (tile.x stands for the square tile), plus two choices. */
export type AcceleratorParamId =
  | 'tile.b' | 'tile.x' | 'pe' | 'lanesPerPe' | 'macsPerLane' | 'softmaxPerPe' | 'batchSize'
  | 'activationBufferMB' | 'weightBufferMB' | 'maskBufferMB' | 'nonLinearity' | 'mainMemory';

/** Transformer parameters; hidden, heads, headType and ffn apply to every layer. */
export type TransformerParamId = 'layers' | 'hidden' | 'heads' | 'headType' | 'ffn';

export type SweepParamId = AcceleratorParamId | TransformerParamId;

export interface SweepParam {
  id: SweepParamId;
  space: SweepSpace;
  label: string;
  /** One sentence for students: what varying it means. */
  about: string;
  /** The allowed values, as the design stores them. */
  values: readonly (number | string)[];
  /** Unit of numeric values, for headers (`MB`); absent for counts and choices. */
  unit?: string;
  /** Display text of a level (`DRAM 32/2/1`, `[512, 1024]`, `256 PEs`). */
  valueLabel(level: number): string;
}

const SPACE = acceleratorSpace('transcode');

const numericParams: SweepParam[] = NUMERIC_PARAMS.filter((p) => p.path !== 'tile.y').map((p) => {
  const values = allowedValues(p, 'transcode');
  const square = p.path === 'tile.x';
  return {
    id: p.path as AcceleratorParamId,
    space: 'accelerator',
    label: square ? 'Tile size (rows = columns)' : p.label,
    about: p.about,
    values,
    // Only a physical unit goes in a header; the others are counts ("PEs", "lanes") the label already names.
    ...(p.unit === 'MB' ? { unit: p.unit } : {}),
    valueLabel: (level: number) => `${values[level]} ${p.unit}`,
  };
});

const acceleratorChoices: SweepParam[] = [
  {
    id: 'nonLinearity', space: 'accelerator', label: NON_LINEARITY_PARAM.label, about: NON_LINEARITY_PARAM.about,
    values: SPACE.nonLinearity,
    valueLabel: (level) => NON_LINEARITY_PARAM.options[SPACE.nonLinearity[level]].label,
  },
  {
    id: 'mainMemory', space: 'accelerator', label: MAIN_MEMORY_PARAM.label,
    about: `${MAIN_MEMORY_PARAM.about} Varied as one choice among the 11 type/banks/ranks/channels configurations.`,
    values: MEMORY_INDEX.map(memoryOptionLabel),
    valueLabel: (level) => memoryOptionLabel(MEMORY_INDEX[level]),
  },
];

const S = TRANSFORMER_SPACE;

export const TRANSFORMER_PARAMS: readonly SweepParam[] = [
  {
    id: 'layers', space: 'transformer', label: 'Layers', values: S.layers,
    about: 'Encoder layer count; added layers copy the last layer of the current model, removed ones are dropped from the end.',
    valueLabel: (level) => `${S.layers[level]} layers`,
  },
  {
    id: 'hidden', space: 'transformer', label: 'Hidden size (all layers)', values: S.hidden,
    about: 'Width of the token vectors, the same in every layer; head widths follow as hidden / heads.',
    valueLabel: (level) => String(S.hidden[level]),
  },
  {
    id: 'heads', space: 'transformer', label: 'Heads per layer (all layers)', values: S.heads,
    about: "Attention heads in every layer; each layer's head types repeat (or are cut) to fill the count.",
    valueLabel: (level) => `${S.heads[level]} heads`,
  },
  {
    id: 'headType', space: 'transformer', label: 'Head type (all heads)', values: HEAD_TYPES,
    about: 'One operation for every head of every layer: self-attention, Fourier/cosine mixing, or convolution.',
    valueLabel: (level) => `${HEAD_TYPES[level]} (${HEAD_TYPE_INFO[HEAD_TYPES[level] as HeadType].split(':')[0]})`,
  },
  {
    id: 'ffn', space: 'transformer', label: 'Feed-forward stack (all layers)',
    values: Array.from({ length: FF_OPTION_COUNT }, (_, i) => ffOption(i).join('-')),
    about: 'The widths of the 1–3 stacked feed-forward layers, the same in every layer (258 options).',
    valueLabel: (level) => `[${ffOption(level).join(', ')}]`,
  },
];

export const ACCELERATOR_PARAMS: readonly SweepParam[] = [...numericParams, ...acceleratorChoices];

/** Every sweep parameter, accelerator first; the order fixes how a sample's random draws are consumed. */
export const SWEEP_PARAMS: readonly SweepParam[] = [...ACCELERATOR_PARAMS, ...TRANSFORMER_PARAMS];

export const SWEEP_PARAM_BY_ID: ReadonlyMap<string, SweepParam> = new Map(SWEEP_PARAMS.map((p) => [p.id, p]));

/** Levels of a parameter (how many values it can take). */
export const levelCount = (p: SweepParam): number => p.values.length;
