/**
 * Turns a sample's levels into a design: each varied parameter overrides its
 * field(s) of the base design; the rest is copied. Results are valid designs by
 * construction (head widths recomputed as ⌊hidden/heads⌋, heads in canonical
 * order), so sweeps skip validation.
 */
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { bandwidthModeFor } from '../space/accelerator/params.ts';
import { MEMORY_INDEX } from '../space/accelerator/schema.ts';
import { parseHeadOp, headWidth } from '../space/transformer/ops.ts';
import { ffOption } from '../space/transformer/ffOptions.ts';
import { TRANSFORMER_SPACE } from '../space/transformer/schema.ts';
import { HEAD_TYPES, type HeadType, type ModelDict } from '../space/transformer/types.ts';
import type { SweepParam } from './params.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function applyAcceleratorLevels(base: AcceleratorConfig, params: readonly SweepParam[], levels: ArrayLike<number>): AcceleratorConfig {
  const a: Mutable<AcceleratorConfig> = { ...base, tile: { ...base.tile }, mainMemory: { ...base.mainMemory } };
  for (let k = 0; k < params.length; k++) {
    const p = params[k];
    if (p.space !== 'accelerator') continue;
    const level = levels[k];
    if (p.id === 'mainMemory') {
      const m = MEMORY_INDEX[level];
      // The embedding's rule: the bandwidth mode follows the memory type.
      a.mainMemory = { type: m.type, banks: m.banks, ranks: m.ranks, channels: m.channels, mode: bandwidthModeFor(m.type) };
    } else if (p.id === 'nonLinearity') {
      a.nonLinearity = p.values[level] as AcceleratorConfig['nonLinearity'];
    } else if (p.id === 'tile.x') {
      // The square-tile rule (squareTile.ts): one parameter sets both sides.
      a.tile = { ...a.tile, x: p.values[level] as number, y: p.values[level] as number };
    } else if (p.id === 'tile.b') {
      a.tile.b = p.values[level] as number;
    } else {
      (a as unknown as Record<string, number>)[p.id] = p.values[level] as number;
    }
  }
  // tile.b ≤ batch size: a no-op in the shipped spaces (max tile.b 4 ≤ min batch 4), kept for safety.
  if (a.tile.b > a.batchSize) a.tile.b = a.batchSize;
  return a;
}

interface ModelOverrides {
  layers?: number;
  hidden?: number;
  heads?: number;
  headType?: HeadType;
  ffn?: number[];
}

export function applyTransformerLevels(base: ModelDict, params: readonly SweepParam[], levels: ArrayLike<number>): ModelDict {
  const o: ModelOverrides = {};
  let any = false;
  for (let k = 0; k < params.length; k++) {
    const p = params[k];
    if (p.space !== 'transformer') continue;
    any = true;
    const level = levels[k];
    if (p.id === 'layers') o.layers = TRANSFORMER_SPACE.layers[level];
    else if (p.id === 'hidden') o.hidden = TRANSFORMER_SPACE.hidden[level];
    else if (p.id === 'heads') o.heads = TRANSFORMER_SPACE.heads[level];
    else if (p.id === 'headType') o.headType = HEAD_TYPES[level];
    else if (p.id === 'ffn') o.ffn = ffOption(level);
  }
  return any ? overrideModel(base, o) : base;
}

const TYPE_RANK: ReadonlyMap<string, number> = new Map(HEAD_TYPES.map((t, i) => [t, i]));

/**
 * Extra layers copy the base's last layer; a changed head count repeats (or
 * cuts) the layer's head types in order, so a mixed layer stays mixed.
 */
export function overrideModel(base: ModelDict, o: ModelOverrides): ModelDict {
  const l = o.layers ?? base.l;
  const m: ModelDict = { l, o: [], h: [], f: [] };
  for (let i = 0; i < l; i++) {
    const src = Math.min(i, base.l - 1);
    const hidden = o.hidden ?? base.h[src];
    const baseTypes = base.o[src].map(typeOf);
    const n = o.heads ?? baseTypes.length;
    const types = o.headType ? new Array<HeadType>(n).fill(o.headType) : Array.from({ length: n }, (_, j) => baseTypes[j % baseTypes.length]);
    types.sort((a, b) => TYPE_RANK.get(a)! - TYPE_RANK.get(b)!);
    const d = headWidth(hidden, n);
    m.h.push(hidden);
    m.o.push(types.map((t) => `${t}_${d}`));
    m.f.push(o.ffn ? [...o.ffn] : [...base.f[src]]);
  }
  return m;
}

function typeOf(op: string): HeadType {
  const parsed = parseHeadOp(op);
  if ('error' in parsed) throw new Error(`base model: ${parsed.error}`);
  return parsed.type;
}
