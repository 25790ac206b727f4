/**
 * The dataset's model-type label (docs/flexibert.md §4): "shallow" below 8
 * layers (the median of the layer list), else "deep"; "narrow" when no layer
 * has 8 or more heads, else "wide".
 */
import type { ModelDict } from './types.ts';

export type ModelType = 'shallow_narrow' | 'shallow_wide' | 'deep_narrow' | 'deep_wide';

export function modelType(m: ModelDict): ModelType {
  const depth = m.l < 8 ? 'shallow' : 'deep';
  const width = Math.max(...m.o.map((ops) => ops.length)) < 8 ? 'narrow' : 'wide';
  return `${depth}_${width}`;
}
