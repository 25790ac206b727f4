/**
 * Words and colours of the roofline: op kinds (colour by kind, as the brief asks; the
 * timeline colours by limiter, so kinds get their own palette from the theme's series),
 * the names of the ceilings, and the caption that plugs this design's figures into
 * each ceiling's formula so every number on the chart can be traced.
 */
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import type { Limiter, TimelineEntry } from '../../core/elector/types.ts';
import type { Peaks } from '../../core/elector/validation/hardware.ts';
import { MEMORY_LEVELS, rooflineCeilings, type MemoryLevel, type RooflinePoints } from './rooflineGeometry.ts';

type Kind = TimelineEntry['kind'];
export const KIND_ORDER: readonly Kind[] = ['matmul', 'conv', 'nonLinearity', 'softmax', 'layerNorm', 'optimizer', 'load', 'store'];
export const KIND_STYLES: Record<Kind, { label: string; color: string }> = {
  matmul: { label: 'MatMul', color: 'var(--series-1)' },
  conv: { label: 'Conv1D', color: 'var(--series-3)' },
  nonLinearity: { label: 'Non-linearity', color: 'var(--series-2)' },
  softmax: { label: 'Softmax', color: 'var(--series-4)' },
  layerNorm: { label: 'Layer norm', color: 'var(--series-5)' },
  optimizer: { label: 'Optimizer', color: 'var(--series-6)' },
  load: { label: 'Load', color: 'var(--series-8)' },
  store: { label: 'Store', color: 'var(--series-7)' },
};

export const CEILING_NAMES: Record<Limiter, string> = {
  compute: 'Compute',
  mainMemory: 'Main memory',
  activationBuffer: 'Activation buffer',
  weightBuffer: 'Weight buffer',
  maskBuffer: 'Mask buffer',
};

const int = (x: number) => Math.round(x).toLocaleString('en-US');
/** Three significant figures, grouped: 36.6, 1,024, 0.0125. */
export function sig3(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '–';
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toLocaleString('en-US', { maximumFractionDigits: Math.min(digits, 6), minimumFractionDigits: 0 });
}
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** "compute = 64 PEs × 16 lanes × 16 MACs = 16,384 MAC/cycle", one line per ceiling. */
export function ceilingFormulas(acc: AcceleratorConfig, p: Peaks, clockMHz: number): Record<Limiter, string> {
  const c = rooflineCeilings(p);
  const peakGBps = (p.memory.peakBytesPerCycle * clockMHz * 1e6) / 1e9;
  const mm = acc.mainMemory;
  const buffer = (level: MemoryLevel, banks: number) =>
    `${CEILING_NAMES[level].toLowerCase()} = ${int(banks)} banks × ${int(c.bytesPerCycle[level] / banks)} B = ${int(c.bytesPerCycle[level])} B/cycle`;
  return {
    compute: `compute = ${int(acc.pe)} PEs × ${int(acc.lanesPerPe)} lanes × ${int(acc.macsPerLane)} MAC = ${int(c.computeMacsPerCycle)} MAC/cycle`,
    mainMemory:
      `main memory = ${mm.type.toUpperCase()} × ${mm.channels} channel${mm.channels === 1 ? '' : 's'}, ${sig3(peakGBps)} GB/s peak ÷ ${sig3(clockMHz)} MHz` +
      ` = ${sig3(c.bytesPerCycle.mainMemory)} B/cycle`,
    activationBuffer: buffer('activationBuffer', p.activation.banks),
    weightBuffer: buffer('weightBuffer', p.weight.banks),
    maskBuffer: buffer('maskBuffer', p.mask.banks),
  };
}

/** The short label drawn on a ceiling line. */
export function ceilingLabel(level: Limiter, p: Peaks): string {
  const c = rooflineCeilings(p);
  return level === 'compute'
    ? `Compute ${int(c.computeMacsPerCycle)} MAC/cycle`
    : `${CEILING_NAMES[level]} ${sig3(c.bytesPerCycle[level])} B/cycle`;
}

/** Which ops are on the chart and which are not, and why. */
export function omittedNote(r: RooflinePoints): string {
  const parts = [];
  if (r.noMacs > 0) parts.push(`${int(r.noMacs)} op${r.noMacs === 1 ? '' : 's'} without MACs of their own (${KIND_ORDER.filter((k) => r.noMacsKinds.includes(k)).map((k) => KIND_STYLES[k].label.toLowerCase()).join(', ')})`);
  if (r.fused > 0) parts.push(`${int(r.fused)} op${r.fused === 1 ? '' : 's'} fused into the op before (no cycles of their own, so no rate)`);
  return parts.length ? `Not drawn: ${parts.join('; ')}.` : 'Every op is drawn.';
}

/** The one-sentence text alternative. */
export function rooflineSummary(r: RooflinePoints, level: MemoryLevel): string {
  if (r.points.length === 0) return 'No op has MACs and cycles of its own, so there is nothing to place on the roofline.';
  const under = new Map<Limiter, number>();
  for (const p of r.points) under.set(p.ceiling, (under.get(p.ceiling) ?? 0) + 1);
  const best = Math.max(...r.points.map((p) => p.ofCeiling));
  const list = ['compute' as Limiter, ...MEMORY_LEVELS].filter((l) => under.has(l)).map((l) => `${int(under.get(l)!)} under ${CEILING_NAMES[l].toLowerCase()}`);
  return `${int(r.points.length)} ops at their ${CEILING_NAMES[level].toLowerCase()} intensity: ${list.join(', ')}; the closest reaches ${pct(best)} of its ceiling.`;
}
