/** Public API of the FlexiBERT 2.0 transformer design space. */
export type { HeadOp, HeadType, ModelDict } from './types.ts';
export { HEAD_TYPES } from './types.ts';
export { HEAD_TYPE_INFO, TRANSFORMER_SPACE } from './schema.ts';
export { clip, describe, headOpString, parseHeadOp } from './ops.ts';
export { MAX_ISSUES, checkModel, validateModel } from './validate.ts';
export { canonicalizeModel, isCanonicalModel } from './canonical.ts';
export type { ModelPreset, ModelPresetName } from './presets.ts';
export { MODEL_PRESETS, modelPresetNames } from './presets.ts';
export { FF_OPTION_COUNT, ffOption, ffOptionIndex } from './ffOptions.ts';
export type { AttentionBlock } from './attentionOptions.ts';
export {
  ATTENTION_BLOCKS,
  ATTENTION_OPTION_COUNT,
  attentionOption,
  attentionOptionIndex,
  headCountOfAttentionOption,
} from './attentionOptions.ts';
export type { HeadRange } from './embedding.ts';
export { EMBEDDING_LENGTH, decodeModel, embeddingBounds, encodeModel } from './embedding.ts';
export type { RandomModelOptions } from './sample.ts';
export { nearestValidEmbedding, nearestValidModel, randomEmbedding, randomModel } from './sample.ts';
export type { LayerMacs, ModelCounts } from './counts.ts';
export { macsByLayer, macsPerSequence, modelCounts, parameterCount } from './counts.ts';
export type { ModelType } from './modelType.ts';
export { modelType } from './modelType.ts';
