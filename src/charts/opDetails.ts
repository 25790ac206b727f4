/**
 * One op in words, for the timeline's tooltip and its keyboard live region: what it
 * is, when it ran, what bound it, each resource's busy cycles, its mapping, its MACs
 * and bytes. Fields the result lacks (the reference model, older replies) are skipped.
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import { formatSI } from '../ui/common/format.ts';
import { LEVELS, LIMITER_STYLES, limiterOf, opCycles } from './limiters.ts';
import { mappingText } from './opMappingText.ts';
import { bufferOfB, opLabel } from './opNames.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export interface OpDetail {
  /** "layer 1 · sa_sdp ×12 · QKᵀ (forward)". */
  title: string;
  /** "cycles 12,851–16,217 (3,366), bound by main memory". */
  time: string;
  /** "busy cycles: compute 64 · main memory 3,286 · …", with fill and prefetch. */
  levels: string;
  /** The mapping sentence, or '' for ops without one. */
  mapping: string;
  /** "12.6 M MACs · 1.08 MB main memory · 3.24 MB buffer traffic", or ''. */
  work: string;
}

function levelsText(e: TimelineEntry): string {
  if (!e.levelCycles) return `busy cycles: compute ${n(e.computeCycles)}, memory ${n(e.memoryCycles)}`;
  const limiter = limiterOf(e);
  const parts = LEVELS.filter((l) => l === 'compute' || l === limiter || (e.levelCycles?.[l] ?? 0) > 0).map(
    (l) => `${LIMITER_STYLES[l].resource} ${n(e.levelCycles![l])}`,
  );
  let s = `busy cycles: ${parts.join(' · ')}`;
  if (e.fillCycles) s += `; fill and drain ${n(e.fillCycles)}`;
  if (e.prefetchCycles) s += `; ${n(e.prefetchCycles)} main-memory cycles of its weights loaded during the previous op`;
  return s;
}

function workText(e: TimelineEntry): string {
  const parts: string[] = [];
  if (e.macs !== undefined && e.macs > 0) parts.push(`${formatSI(e.macs, '').trim()} MACs`);
  if (e.mainMemoryBytes !== undefined) parts.push(`${formatSI(e.mainMemoryBytes, 'B')} main memory`);
  if (e.bufferBytes !== undefined) parts.push(`${formatSI(e.bufferBytes, 'B')} buffer traffic`);
  return parts.join(' · ');
}

export function opDetail(e: TimelineEntry): OpDetail {
  const where = e.layer < 0 && e.kind !== 'optimizer' && e.head < 0 ? ' (outside layers)' : '';
  return {
    title: `${opLabel(e)} (${e.direction})${where}`,
    time: `cycles ${n(e.startCycle)}–${n(e.endCycle)} (${n(opCycles(e))}), ${LIMITER_STYLES[limiterOf(e)].phrase}`,
    levels: levelsText(e),
    mapping: e.mapping ? `mapping: ${mappingText(e.mapping, bufferOfB(e))}` : '',
    work: workText(e),
  };
}

/** The detail as sentences, for screen readers and the table view. */
export function opSentence(e: TimelineEntry): string {
  const d = opDetail(e);
  return [`${d.title}: ${d.time}`, d.levels, d.mapping, d.work].filter(Boolean).join('. ') + '.';
}
