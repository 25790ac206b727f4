/**
 * Prune sites: every tensor DynaProp may zero, tagged so that sparsity can be
 * reported per layer, per op type and per direction (docs/dynaprop.md §3, §6).
 */
import type { OpKind } from '../elector/types.ts';

/** Where in a layer a tensor is produced. `ff1`…`ff3` are the feed-forward stack outputs before GELU. */
export type SiteName =
  | 'q' | 'k' | 'v' | 'scores' | 'probs' | 'context' | 'wma' | 'transform'
  | 'convKernel' | 'convOut' | 'attnOut' | 'ff1' | 'ff2' | 'ff3' | 'ffOut' | 'proj' | 'pooler';

/** The op type a site belongs to: a head type, or the dense parts of a layer. */
export type SiteOpType = 'sa_sdp' | 'sa_wma' | 'l_dft' | 'l_dct' | 'c_k' | 'attn' | 'ff' | 'proj' | 'pooler';

export interface SiteTag {
  /** Encoder layer, from 0; −1 for the pooler. */
  layer: number;
  opType: SiteOpType;
  site: SiteName;
}

/**
 * The op that reads a site's tensor on the accelerator, which is where its zeros
 * are skipped: scores feed the softmax, pre-GELU feed-forward outputs feed the
 * non-linearity, dense outputs before the residual feed layer norm, and the rest
 * feed a matrix product (or, in convolution heads, the 1-D convolution).
 */
export function consumerKind(tag: SiteTag): OpKind {
  switch (tag.site) {
    case 'scores': return 'softmax';
    case 'ff1': case 'ff2': case 'ff3': case 'pooler': return 'nonLinearity';
    case 'attnOut': case 'ffOut': return 'layerNorm';
    case 'convKernel': case 'convOut': return 'conv';
    case 'v': return tag.opType === 'c_k' ? 'conv' : 'matmul';
    default: return 'matmul';
  }
}

/**
 * The op that produced a site's tensor, whose backward products read the incoming
 * gradient δ: dW = Xᵀδ and δ_prev = δWᵀ.
 */
export function producerKind(tag: SiteTag): OpKind {
  switch (tag.site) {
    case 'probs': return 'softmax';
    case 'convOut': case 'convKernel': return 'conv';
    default: return 'matmul';
  }
}

export function siteKey(tag: SiteTag): string {
  return `${tag.layer}/${tag.opType}/${tag.site}`;
}

/** How a tensor's axes map to batch and sequence, so padded positions can be told apart. */
export type SiteLayout =
  /** B × T × X (dense outputs, merged heads). */
  | 'tokens'
  /** B × n × T × X (per-head tensors). */
  | 'heads'
  /** B × n × T × T (attention scores and probabilities: a pair is real when both tokens are). */
  | 'pairs'
  /** B × X (the pooler). */
  | 'sequence';
