/** Short descriptions and unit formatting for the co-design panel. */
import type { Design } from '../../core/share/session.ts';

export function describePair(pair: Design): string {
  const m = pair.model;
  const hidden = m.h.length ? Math.max(...m.h) : 0;
  const a = pair.accelerator;
  return `${m.l} layers (hidden up to ${hidden}) on ${a.pe} PEs, batch ${a.batchSize}, ${String(a.mainMemory.type).toUpperCase()}`;
}

export function fmtSeconds(s: number): string {
  if (s >= 1) return `${+s.toPrecision(3)} s`;
  if (s >= 1e-3) return `${+(s * 1e3).toPrecision(3)} ms`;
  if (s >= 1e-6) return `${+(s * 1e6).toPrecision(3)} µs`;
  return `${+(s * 1e9).toPrecision(3)} ns`;
}

export function fmtJoules(j: number): string {
  if (j >= 1) return `${+j.toPrecision(3)} J`;
  if (j >= 1e-3) return `${+(j * 1e3).toPrecision(3)} mJ`;
  return `${+(j * 1e6).toPrecision(3)} µJ`;
}

export function fmtRatio(r: number | null): string {
  if (r === null) return '—';
  return r >= 10 ? r.toFixed(0) : r.toFixed(2);
}
