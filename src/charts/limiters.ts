/**
 * What set each op's time (the elector model's `limiter`), in words, colours and
 * fill patterns, and the cycles of a timeline summed by it. Results without a
 * limiter (older replies) fall back to the op's compute/memory `bound`.
 */
import type { Limiter, TimelineEntry } from '../core/elector/types.ts';

/** A limiter, or `memory` when the result only says "memory-bound" without the level. */
export type LimiterKey = Limiter | 'memory';

/** Display order: compute first, then outward from the lanes. */
export const LIMITER_ORDER: readonly LimiterKey[] = ['compute', 'activationBuffer', 'weightBuffer', 'maskBuffer', 'mainMemory', 'memory'];

/** Stripe direction of a fill, in degrees (SVG patternTransform); `null` is solid. */
export type StripeAngle = 45 | -45 | 0 | 90 | null;

export interface LimiterStyle {
  /** Short name for legends and table cells. */
  label: string;
  /** The op "is …": a phrase that completes a sentence. */
  phrase: string;
  /** The resource as a noun, for cycle lists ("main memory 3,286"). */
  resource: string;
  /** A theme CSS variable name, without `--`. */
  color: 'compute' | 'memory' | 'series-3' | 'series-4' | 'series-5';
  /** Compute is solid; every memory level is striped, each in its own direction, so shape tells them apart too. */
  stripes: StripeAngle;
}

export const LIMITER_STYLES: Record<LimiterKey, LimiterStyle> = {
  compute: { label: 'Compute', phrase: 'compute-bound', resource: 'compute', color: 'compute', stripes: null },
  mainMemory: { label: 'Main memory', phrase: 'bound by main memory', resource: 'main memory', color: 'memory', stripes: 45 },
  activationBuffer: {
    label: 'Activation buffer', phrase: "bound by the activation buffer's bandwidth", resource: 'activation buffer', color: 'series-3', stripes: -45,
  },
  weightBuffer: { label: 'Weight buffer', phrase: "bound by the weight buffer's bandwidth", resource: 'weight buffer', color: 'series-4', stripes: 0 },
  maskBuffer: { label: 'Mask buffer', phrase: "bound by the mask buffer's bandwidth", resource: 'mask buffer', color: 'series-5', stripes: 90 },
  memory: { label: 'Memory', phrase: 'memory-bound', resource: 'memory', color: 'memory', stripes: 45 },
};

/** The five resources whose busy cycles `levelCycles` reports, in display order. */
export const LEVELS: readonly Limiter[] = ['compute', 'mainMemory', 'activationBuffer', 'weightBuffer', 'maskBuffer'];

export function limiterOf(e: TimelineEntry): LimiterKey {
  return e.limiter ?? (e.bound === 'compute' ? 'compute' : 'memory');
}

/** Cycles the op occupies on the timeline (never negative). */
export function opCycles(e: TimelineEntry): number {
  return Math.max(0, e.endCycle - e.startCycle);
}

export interface LimiterShare {
  limiter: LimiterKey;
  ops: number;
  cycles: number;
  /** Fraction of the timeline's op cycles, in [0, 1]. */
  share: number;
}

/** Op cycles summed by limiter, in `LIMITER_ORDER`, limiters without ops left out. */
export function cyclesByLimiter(entries: readonly TimelineEntry[]): LimiterShare[] {
  const sums = new Map<LimiterKey, { ops: number; cycles: number }>();
  let total = 0;
  for (const e of entries) {
    const key = limiterOf(e);
    const s = sums.get(key) ?? { ops: 0, cycles: 0 };
    s.ops++;
    s.cycles += opCycles(e);
    total += opCycles(e);
    sums.set(key, s);
  }
  return LIMITER_ORDER.filter((k) => sums.has(k)).map((limiter) => {
    const s = sums.get(limiter)!;
    return { limiter, ops: s.ops, cycles: s.cycles, share: total > 0 ? s.cycles / total : 0 };
  });
}

/** A share as a percentage that never reads "0 %" for a real, tiny share, nor "100 %" for an incomplete one. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const pct = share * 100;
  if (pct === 0) return '0 %';
  if (pct < 0.1) return '< 0.1 %';
  if (pct < 10) return `${pct.toFixed(1)} %`;
  if (pct < 99.5) return `${pct.toFixed(0)} %`;
  // Near the whole: a tenth of a percent, and never a rounded-up "100 %" for part of the run.
  return pct >= 100 ? '100 %' : pct >= 99.95 ? '> 99.9 %' : `${pct.toFixed(1)} %`;
}

/** "main memory 99.6 %, activation buffer 0.3 %, compute < 0.1 %": largest first, limiters of no cycles left out. */
export function limiterSharesText(shares: readonly LimiterShare[]): string {
  return shares
    .filter((s) => s.cycles > 0)
    .sort((a, b) => b.cycles - a.cycles)
    .map((s) => `${LIMITER_STYLES[s.limiter].resource} ${formatShare(s.share)}`)
    .join(', ');
}
