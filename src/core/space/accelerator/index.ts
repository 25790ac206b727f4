/** The accelerator design space: types, schema, parameters, validation, presets, embedding, sampling. */
export type {
  AcceleratorConfig,
  AcceleratorEmbedding,
  BandwidthMode,
  MainMemoryConfig,
  MemoryType,
  NonLinearity,
} from './types.ts';
export {
  ACCELTRAN_SPACE,
  TRANSCODE_SPACE,
  MEMORY_INDEX,
  acceleratorSpace,
  memoryKey,
  type AcceleratorSpace,
  type AcceleratorSpaceVariant,
  type MemoryOption,
} from './schema.ts';
export {
  NUMERIC_PARAMS,
  NUMERIC_PARAM_BY_PATH,
  NON_LINEARITY_PARAM,
  MAIN_MEMORY_PARAM,
  MEMORY_TYPES,
  MEMORY_GEOMETRY_PARAMS,
  BANDWIDTH_MODES,
  allowedValues,
  bandwidthModeFor,
  memoryOptionLabel,
  type ChoiceInfo,
  type MemoryGeometryParam,
  type NumericParam,
  type NumericParamPath,
  type NumericSpaceKey,
} from './params.ts';
export { flattenAccelerator, assembleAccelerator, type AcceleratorNumbers } from './flat.ts';
export type { LooseAcceleratorConfig } from './loose.ts';
export { validateAccelerator, checkAccelerator } from './validate.ts';
export {
  ACCELERATOR_PRESETS,
  acceleratorPresetNames,
  isAcceleratorPresetName,
  type AcceleratorPreset,
  type AcceleratorPresetName,
} from './presets.ts';
export {
  EMBEDDING_LENGTH,
  MEM_IDX_POSITION,
  acceleratorFromEmbedding,
  acceleratorToEmbedding,
  memoryIndexOf,
} from './embedding.ts';
export { randomAccelerator, type RandomAcceleratorOptions } from './sample.ts';
export { nearestValidAccelerator, snapToAllowed } from './nearest.ts';
