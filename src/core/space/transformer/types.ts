/**
 * FlexiBERT 2.0 heterogeneous model dict, exactly as TransCODE, the AccelTran
 * simulator and the datasets store it (docs/flexibert.md §3.1).
 */
export interface ModelDict {
  /** Number of encoder layers; one of `TRANSFORMER_SPACE.layers`. */
  l: number;
  /** Per layer, the head op strings `<type>_<param>_<d>`, e.g. `sa_sdp_64`, `c_13_21`. */
  o: string[][];
  /** Per layer, the hidden size. */
  h: number[];
  /** Per layer, the feed-forward stack widths (1–3 entries). */
  f: number[][];
}

/** The seven head types, in the fixed order that defines embedding indices. */
export const HEAD_TYPES = ['sa_sdp', 'sa_wma', 'l_dft', 'l_dct', 'c_5', 'c_9', 'c_13'] as const;
export type HeadType = (typeof HEAD_TYPES)[number];

/** A parsed op string. */
export interface HeadOp {
  type: HeadType;
  /** Family: self-attention, linear transform, or convolution. */
  family: 'sa' | 'l' | 'c';
  /** Per-head width `d` (the trailing number). Ignored by the simulator for `l_*` and `c_*`. */
  d: number;
  /** Convolution kernel size for `c_*` heads, else 0. */
  kernel: number;
}
