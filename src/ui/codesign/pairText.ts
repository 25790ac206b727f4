/** Short descriptions and unit formatting for the co-design panel. */
import type { Design } from '../../core/share/session.ts';

export function describePair(pair: Design): string {
  const m = pair.model;
  const hidden = m.h.length ? Math.max(...m.h) : 0;
  const a = pair.accelerator;
  return `${m.l} layers (hidden up to ${hidden}) on ${a.pe} PEs, batch ${a.batchSize}, ${String(a.mainMemory.type).toUpperCase()}`;
}

export function fmtRatio(r: number | null): string {
  if (r === null) return '—';
  return r >= 10 ? r.toFixed(0) : r.toFixed(2);
}

/** What a predictor's score is, from its source line: GLUE for `published`, the lab task's test accuracy for `measured`. */
export function accuracyScaleOf(source: string): string {
  const lab = /^measured: DynaProp lab test accuracy on (\w+)/.exec(source);
  if (lab) return `test accuracy on ${lab[1]}`;
  if (source.startsWith('imported:')) return 'the imported dataset’s score';
  return 'GLUE score';
}
