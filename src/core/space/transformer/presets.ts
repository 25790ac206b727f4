/**
 * Reference models: the compact BERTs of Turc et al. (2019), all of which fall
 * inside the FlexiBERT 2.0 space. BERT-Tiny and BERT-Base are exactly the AccelTran
 * simulator's `bert_tiny.json` / `bert_base.json` (docs/flexibert.md §3.4).
 */
import type { ModelDict } from './types.ts';
import { headWidth } from './ops.ts';

export interface ModelPreset {
  /** Display name, e.g. "BERT-Tiny". */
  name: string;
  model: ModelDict;
  /** One line for menus and `--help`. */
  description: string;
}

/** A homogeneous BERT: every layer has the same hidden size, `heads` sa_sdp heads and one FF layer. */
function uniformBert(layers: number, hidden: number, heads: number, ff: number): ModelDict {
  const op = `sa_sdp_${headWidth(hidden, heads)}`;
  return {
    l: layers,
    o: Array.from({ length: layers }, () => Array<string>(heads).fill(op)),
    h: Array<number>(layers).fill(hidden),
    f: Array.from({ length: layers }, () => [ff]),
  };
}

/** Presets are shared module state: freeze them so an editor that forgets to copy fails loudly. */
function frozen(m: ModelDict): ModelDict {
  m.o.forEach((ops) => Object.freeze(ops));
  m.f.forEach((w) => Object.freeze(w));
  Object.freeze(m.o);
  Object.freeze(m.h);
  Object.freeze(m.f);
  return Object.freeze(m);
}

function preset(name: string, layers: number, hidden: number, heads: number, ff: number): ModelPreset {
  return {
    name,
    model: frozen(uniformBert(layers, hidden, heads, ff)),
    description: `${layers} layers, hidden ${hidden}, ${heads} self-attention heads, feed-forward ${ff}`,
  };
}

export const MODEL_PRESETS = {
  'bert-tiny': preset('BERT-Tiny', 2, 128, 2, 512),
  'bert-mini': preset('BERT-Mini', 4, 256, 4, 1024),
  'bert-small': preset('BERT-Small', 4, 512, 8, 2048),
  'bert-medium': preset('BERT-Medium', 8, 512, 8, 2048),
  'bert-base': preset('BERT-Base', 12, 768, 12, 3072),
} as const satisfies Record<string, ModelPreset>;

/** CLI names of the presets, e.g. `bert-tiny`. */
export type ModelPresetName = keyof typeof MODEL_PRESETS;

export const modelPresetNames = Object.keys(MODEL_PRESETS) as ModelPresetName[];
