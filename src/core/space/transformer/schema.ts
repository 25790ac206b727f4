/**
 * The FlexiBERT 2.0 design space (TransCODE / EdgeTran YAML, docs/flexibert.md §1).
 * Editors, validation, sampling and search all read the allowed values here.
 */
import { HEAD_TYPES, type HeadType } from './types.ts';

export const TRANSFORMER_SPACE = {
  /** Allowed encoder layer counts. */
  layers: [2, 4, 6, 8, 10, 12],
  /** Allowed hidden sizes per layer. */
  hidden: [128, 256, 512, 768],
  /** Allowed head counts per layer. */
  heads: [2, 4, 8, 12],
  /** Allowed feed-forward widths per stacked FF layer. */
  ffWidths: [256, 512, 1024, 2048, 3072, 4096],
  /** Allowed number of stacked FF layers. */
  ffStacks: [1, 2, 3],
  headTypes: HEAD_TYPES,
  /** Sequence length the simulator assumes (hard-coded in the reference). */
  sequenceLength: 128,
  /** Vocabulary size of the simulator's embedding table (BERT WordPiece). */
  simulatorVocabulary: 30522,
  /** Vocabulary size of the FlexiBERT 2.0 models (RoBERTa BPE), used for parameter counts. */
  modelVocabulary: 50265,
  /** Maximum positions of the FlexiBERT 2.0 models. */
  maxPositions: 514,
} as const;

/** One-line explanations for students, shared by editors and tooltips. */
export const HEAD_TYPE_INFO: Record<HeadType, string> = {
  sa_sdp: 'Scaled dot-product self-attention: softmax(QKᵀ/√d)·V.',
  sa_wma: 'Weighted multiplicative attention: scores Q·W·Kᵀ with a learned d×d matrix W.',
  l_dft: 'Fourier token mixing (FNet style): real part of a 2-D DFT; no weights.',
  l_dct: 'Cosine token mixing: 2-D DCT-II; no weights.',
  c_5: 'Dynamic span-based convolution (ConvBERT style), kernel 5.',
  c_9: 'Dynamic span-based convolution (ConvBERT style), kernel 9.',
  c_13: 'Dynamic span-based convolution (ConvBERT style), kernel 13.',
};
