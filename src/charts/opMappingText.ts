/**
 * A product's or convolution's mapping in words: the loop order and blocking, the
 * wave of output tiles on the array, and how often each operand is read from its
 * buffer and crosses main memory (elector model, `OpMapping`).
 */
import type { OpMapping } from '../core/elector/types.ts';

/** 1 → "once", 2 → "twice", 3 → "3 times". */
export function timesText(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${fmt(n)} times`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(3)));
}

function plural(n: number, one: string, many: string): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/** "weights-stationary, 3 panels" / "activations-stationary, 2 blocks of A" / "fits on chip (no blocking)". */
export function orderText(m: OpMapping): string {
  if (m.order === 'weights-stationary') return `weights-stationary, ${plural(m.blocks, 'panel', 'panels')}`;
  if (m.order === 'activations-stationary') return `activations-stationary, ${plural(m.blocks, 'block', 'blocks')} of A`;
  return 'fits on chip (no blocking)';
}

/** "wave 32×32 tiles". */
export function waveText(m: OpMapping): string {
  return `wave ${fmt(m.waveRows)}×${fmt(m.waveCols)} tiles`;
}

/** "A read 2× from the activation buffer, crosses main memory once". */
export function operandText(name: 'A' | 'B', reads: number, passes: number, buffer: string): string {
  const memory = passes > 0 ? `crosses main memory ${timesText(passes)}` : 'already on chip';
  return `${name} read ${fmt(reads)}× from the ${buffer}, ${memory}`;
}

/**
 * The whole mapping in one sentence, e.g. "weights-stationary, 3 panels; wave 32×32 tiles;
 * A read 2× from the activation buffer, already on chip; B read 1× from the weight
 * buffer, crosses main memory once". `bufferB` names B's buffer (A is always an activation).
 */
export function mappingText(m: OpMapping, bufferB: string): string {
  return [
    orderText(m),
    waveText(m),
    operandText('A', m.bufferReadsA, m.mainMemoryPassesA, 'activation buffer'),
    operandText('B', m.bufferReadsB, m.mainMemoryPassesB, bufferB),
  ].join('; ');
}

/** Compact, for a table cell: "weights-stationary ×3 · wave 32×32". */
export function mappingShort(m: OpMapping): string {
  const order = m.order === 'fits' ? 'fits' : `${m.order} ×${fmt(m.blocks)}`;
  return `${order} · wave ${fmt(m.waveRows)}×${fmt(m.waveCols)}`;
}

/** Compact traffic, for a table cell: "A 2× buf · B 1× buf, 1× main mem". */
export function operandsShort(m: OpMapping): string {
  const one = (name: string, reads: number, passes: number) => `${name} ${fmt(reads)}× buf${passes > 0 ? `, ${fmt(passes)}× main mem` : ''}`;
  return `${one('A', m.bufferReadsA, m.mainMemoryPassesA)} · ${one('B', m.bufferReadsB, m.mainMemoryPassesB)}`;
}
