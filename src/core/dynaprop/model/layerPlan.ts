/**
 * What the tfjs builder makes of a model dict: per layer, the head groups (heads of
 * one type are contiguous, because a layer's heads are canonically sorted by type),
 * the per-head width and the feed-forward stack (docs/flexibert.md §5).
 */
import type { ModelDict, HeadType } from '../../space/transformer/types.ts';
import { parseHeadOp, headWidth as headWidthRule } from '../../space/transformer/ops.ts';
import { validateModel } from '../../space/transformer/validate.ts';

export interface HeadGroup {
  type: HeadType;
  /** First head index of the group within the layer. */
  start: number;
  count: number;
  /** Convolution kernel size for `c_*`, else 0. */
  kernel: number;
}

export interface LayerPlan {
  hidden: number;
  heads: number;
  /** Per-head width d = ⌊h/n⌋; the merged width A = n·d may be below h. */
  headWidth: number;
  groups: HeadGroup[];
  ff: number[];
  /** Hidden size of the next layer when it differs (a projection follows), else null. */
  projectTo: number | null;
}

export class ModelBuildError extends Error {
  constructor(readonly path: string, message: string) {
    super(`model${path ? '.' + path : ''}: ${message}`);
  }
}

/** Validates the dict against the FlexiBERT 2.0 space and plans its layers. */
export function planLayers(model: unknown): LayerPlan[] {
  const checked = validateModel(model);
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new ModelBuildError(first.path, first.message + (checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : ''));
  }
  const m: ModelDict = checked.value;
  return m.o.map((ops, i) => {
    const n = ops.length;
    const headWidth = headWidthRule(m.h[i], n);
    const groups: HeadGroup[] = [];
    ops.forEach((op, j) => {
      const parsed = parseHeadOp(op);
      if ('error' in parsed) throw new ModelBuildError(`o[${i}][${j}]`, parsed.error);
      if (parsed.d !== headWidth) {
        throw new ModelBuildError(`o[${i}][${j}]`, `head width ${parsed.d} must be ⌊h/n⌋ = ${headWidth} for hidden ${m.h[i]} and ${n} heads`);
      }
      const last = groups[groups.length - 1];
      if (last && last.type === parsed.type && last.start + last.count === j) last.count++;
      else groups.push({ type: parsed.type, start: j, count: 1, kernel: parsed.kernel });
    });
    const next = m.h[i + 1];
    return { hidden: m.h[i], heads: n, headWidth, groups, ff: [...m.f[i]], projectTo: next !== undefined && next !== m.h[i] ? next : null };
  });
}
