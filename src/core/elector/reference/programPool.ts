/**
 * Costed head programs of one simulation, looked up by (direction, kind, hidden,
 * width) so identical heads and layers share one costing. Everything here lives
 * for the process and is reset per call by bumping a generation number, so a
 * sweep of thousands of pairs allocates nothing after warm-up. Not reentrant;
 * simulations are synchronous.
 */
import { HEAD_KIND_COUNT, HEAD_SDP, HEAD_WMA, headKind, headWidth } from './headKind.ts';
import { compileBackwardHead, compileForwardHead, HeadProgram } from './headProgram.ts';
import type { ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

const pool: HeadProgram[] = [];
let used = 0;

/** Open-addressing hash table from program key to pool index; a slot counts only in its generation. */
const TABLE_BITS = 10;
const TABLE_SIZE = 1 << TABLE_BITS;
const tableKeys = new Float64Array(TABLE_SIZE);
const tableIndex = new Int32Array(TABLE_SIZE);
const tableGeneration = new Int32Array(TABLE_SIZE);
let generation = 1;

/** Forgets every program: the next simulation has another machine. */
export function resetProgramPool(): void {
  used = 0;
  generation = (generation + 1) | 0;
  if (generation === 0) {
    tableGeneration.fill(0);
    generation = 1;
  }
}

/** Hidden sizes below this make `headKey` one-to-one (the design space stops at 768). */
const MAX_KEYED_HIDDEN = 65536;

/**
 * One number naming (kind, width, hidden, direction): heads with equal keys cost
 * the same. Width is 0 where the reference ignores it (linear transforms, convs).
 */
export function headKey(op: string, h: number, backward: boolean): number {
  const kind = headKind(op);
  const width = kind === HEAD_SDP || kind === HEAD_WMA ? headWidth(op) : 0;
  return ((width * MAX_KEYED_HIDDEN + h) * 2 + (backward ? 1 : 0)) * HEAD_KIND_COUNT + kind;
}

/**
 * The program of head `op` (whose `headKey` is `key`) in a layer of hidden size
 * `h`, compiled on first use in this simulation. Adds the program's negative-conv
 * count so warnings count every op.
 */
export function programFor(m: ReferenceMachine, s: RunState, op: string, h: number, backward: boolean, key: number): HeadProgram {
  let p = h < MAX_KEYED_HIDDEN ? lookup(key) : undefined;
  if (p === undefined) {
    const kind = headKind(op);
    p = compile(m, s, kind, h, kind === HEAD_SDP || kind === HEAD_WMA ? headWidth(op) : 0, backward);
    if (h < MAX_KEYED_HIDDEN) remember(key, used - 1);
  }
  s.negativeConvOps += p.negativeConvOps;
  return p;
}

function slotOf(key: number): number {
  return Math.imul(key | 0, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

function lookup(key: number): HeadProgram | undefined {
  for (let slot = slotOf(key), probes = 0; probes < TABLE_SIZE; probes++, slot = (slot + 1) & (TABLE_SIZE - 1)) {
    if (tableGeneration[slot] !== generation) return undefined;
    if (tableKeys[slot] === key) return pool[tableIndex[slot]];
  }
  return undefined;
}

function remember(key: number, index: number): void {
  for (let slot = slotOf(key), probes = 0; probes < TABLE_SIZE; probes++, slot = (slot + 1) & (TABLE_SIZE - 1)) {
    if (tableGeneration[slot] === generation) continue;
    tableGeneration[slot] = generation;
    tableKeys[slot] = key;
    tableIndex[slot] = index;
    return;
  }
  // A full table (only absurd inputs get here) just stops caching.
}

function compile(m: ReferenceMachine, s: RunState, kind: number, h: number, width: number, backward: boolean): HeadProgram {
  if (used === pool.length) pool.push(new HeadProgram());
  const p = pool[used++];
  // Compiling records quirks itself; the caller adds the program's count on every use.
  const before = s.negativeConvOps;
  if (backward) compileBackwardHead(m, s, p, kind, h, width);
  else compileForwardHead(m, s, p, kind, h, width);
  s.negativeConvOps = before;
  return p;
}
