/**
 * One op in words, for the timeline's tooltip and its keyboard live region: what it
 * is, when it ran, what bound it, each resource's busy cycles, its mapping, its MACs
 * and bytes. Fields the result lacks (the reference model, older replies) are skipped.
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import { formatSI } from '../ui/common/format.ts';
import { LEVELS, LIMITER_STYLES, limiterOf, opCycles } from './limiters.ts';
import { operandText, orderText, waveText } from './opMappingText.ts';
import { bufferOfB, opLabel } from './opNames.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export interface LevelCycles {
  resource: string;
  cycles: number;
  /** This resource set the op's time. */
  limiter: boolean;
}

export interface OpDetail {
  /** "layer 1 · Attn SDP ×12 · QKᵀ — forward". */
  title: string;
  /** "2,391 cycles (4,338–6,729), bound by main memory". */
  time: string;
  /** Busy cycles of compute and of each level that worked (always the limiter's). */
  levels: LevelCycles[];
  /** "fill and drain 2; 159 main-memory cycles of its weights loaded during the previous op", or ''. */
  overlap: string;
  /** The mapping, one clause a line: order, wave, A, B; empty for ops without one. */
  mapping: string[];
  /** "12.6 M MACs · 1.08 MB main memory · 3.24 MB buffer traffic", or ''. */
  work: string;
}

function levels(e: TimelineEntry): LevelCycles[] {
  const limiter = limiterOf(e);
  if (!e.levelCycles) {
    return [
      { resource: 'compute', cycles: e.computeCycles, limiter: limiter === 'compute' },
      { resource: 'memory', cycles: e.memoryCycles, limiter: limiter !== 'compute' },
    ];
  }
  const c = e.levelCycles;
  return LEVELS.filter((l) => l === 'compute' || l === limiter || c[l] > 0).map((l) => ({
    resource: LIMITER_STYLES[l].resource, cycles: c[l], limiter: l === limiter,
  }));
}

function overlap(e: TimelineEntry): string {
  const parts: string[] = [];
  if (e.fillCycles) parts.push(`fill and drain ${n(e.fillCycles)}`);
  if (e.prefetchCycles) parts.push(`${n(e.prefetchCycles)} main-memory cycles of its weights loaded during the previous op`);
  return parts.join('; ');
}

function work(e: TimelineEntry): string {
  const parts: string[] = [];
  if (e.macs !== undefined && e.macs > 0) parts.push(`${formatSI(e.macs, '').trim()} MACs`);
  if (e.mainMemoryBytes !== undefined) parts.push(`${formatSI(e.mainMemoryBytes, 'B')} main memory`);
  if (e.bufferBytes !== undefined) parts.push(`${formatSI(e.bufferBytes, 'B')} buffer traffic`);
  return parts.join(' · ');
}

export function opDetail(e: TimelineEntry): OpDetail {
  const where = e.layer < 0 && e.kind !== 'optimizer' && e.head < 0 ? ', outside layers' : '';
  const m = e.mapping;
  return {
    title: `${opLabel(e)} — ${e.direction}${where}`,
    time: `${n(opCycles(e))} cycles (${n(e.startCycle)}–${n(e.endCycle)}), ${LIMITER_STYLES[limiterOf(e)].phrase}`,
    levels: levels(e),
    overlap: overlap(e),
    mapping: m
      ? [`${orderText(m)}; ${waveText(m)}`, operandText('A', m.bufferReadsA, m.mainMemoryPassesA, 'activation buffer'), operandText('B', m.bufferReadsB, m.mainMemoryPassesB, bufferOfB(e))]
      : [],
    work: work(e),
  };
}

/** "compute 384 · main memory 2,484 · …". */
export function levelsText(levels: readonly LevelCycles[]): string {
  return levels.map((l) => `${l.resource} ${n(l.cycles)}`).join(' · ');
}

/** The detail as sentences, for screen readers. */
export function opSentence(e: TimelineEntry): string {
  const d = opDetail(e);
  return [
    `${d.title}: ${d.time}`,
    `busy cycles: ${levelsText(d.levels)}${d.overlap ? `; ${d.overlap}` : ''}`,
    d.mapping.length ? `mapping: ${d.mapping.join('; ')}` : '',
    d.work,
  ].filter(Boolean).join('. ') + '.';
}
