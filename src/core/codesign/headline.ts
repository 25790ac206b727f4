/**
 * The TransCODE headline against the baseline pair (docs/codesign.md, "The headline"): the
 * check the panel, the CLI and the headline benches share. Apart from baseline.ts so the
 * panel's chunk does not pull the simulator in with it.
 */
import type { Ratios } from './baseline.ts';

/** Latency and energy ratios (baseline ÷ best) the paper reports. */
export const PAPER_HEADLINE: Readonly<{ latency: number; energy: number }> = Object.freeze({ latency: 5.2, energy: 3.0 });

/** True when a pair is at least the headline: 5.2× lower latency and 3.0× lower energy at no lower predicted accuracy. */
export function reachesHeadline(r: Ratios): boolean {
  return (r.latency ?? 0) >= PAPER_HEADLINE.latency && (r.energy ?? 0) >= PAPER_HEADLINE.energy && r.accuracyDelta >= 0;
}
