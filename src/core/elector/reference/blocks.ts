/**
 * Multi-head blocks of the reference fast path (docs/elector.md §6). Memory ops
 * in a block cost energy but no time. Compute ops share two resources, the whole
 * MAC array and the whole softmax array, in a small event simulation where head 0
 * always has priority: MAC work is serialised, and a head's softmax overlaps
 * another head's MatMuls.
 *
 * Three ways to cost the compute side, all bit-identical: blocks without softmax
 * run back to back (backward blocks always); attention-first blocks whose softmax
 * never has to wait follow a closed form (attentionBlock.ts); anything else runs
 * the event simulation (eventSim.ts).
 */
import { attentionBlockClosedForm } from './attentionBlock.ts';
import { runBlockBitset, runBlockLiteral } from './eventSim.ts';
import type { HeadProgram } from './headProgram.ts';
import { LOG_BUFFER, LOG_MAIN_MEMORY, type LayerLog } from './layerLog.ts';
import type { ReferenceMachine } from './machine.ts';
import { chargeSchedule, macSchedule } from './macSchedule.ts';
import { headKey, programFor } from './programPool.ts';
import type { RunState } from './state.ts';

/** Heads of the block being simulated, and their op positions. Grown on demand. */
let blockPrograms: HeadProgram[] = [];
let positions = new Int32Array(32);

/** Bit-set heads fit an int32. */
const MAX_BITSET_HEADS = 32;

export function forwardHeadBlock(m: ReferenceMachine, s: RunState, ops: readonly string[], h: number): void {
  const heads = ops.length;
  const anySoftmax = collectPrograms(m, s, ops, h, false);
  replayMemory(s, blockPrograms, heads);
  const before = s.cycles;
  if (!anySoftmax) replaySerial(m, s, blockPrograms, heads);
  else if (!attentionBlockClosedForm(m, s, blockPrograms, heads)) runEventSimulation(m, s, blockPrograms, heads);
  s.headBlockCycles += s.cycles - before;
}

function runEventSimulation(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], heads: number): void {
  if (heads > MAX_BITSET_HEADS) return runBlockLiteral(m, s, progs, heads);
  if (positions.length < heads) positions = new Int32Array(heads);
  runBlockBitset(m, s, progs, heads, positions);
}

/** Backward blocks hold MAC ops only, so the event simulation is a plain serial sum in head order. */
export function backwardHeadBlock(m: ReferenceMachine, s: RunState, ops: readonly string[], h: number): void {
  const heads = ops.length;
  collectPrograms(m, s, ops, h, true);
  replayMemory(s, blockPrograms, heads);
  const before = s.cycles;
  replaySerial(m, s, blockPrograms, heads);
  s.headBlockCycles += s.cycles - before;
}

/** Looks up every head's program; returns whether any head has a softmax. */
function collectPrograms(m: ReferenceMachine, s: RunState, ops: readonly string[], h: number, backward: boolean): boolean {
  if (blockPrograms.length < ops.length) blockPrograms = new Array<HeadProgram>(ops.length);
  let anySoftmax = false;
  let p: HeadProgram | undefined;
  let previousKey = -1;
  for (let j = 0; j < ops.length; j++) {
    // Heads repeat within a layer: the same string has the same key. Otherwise reading a
    // few characters beats comparing whole strings that are equal but not identical.
    const key = j > 0 && ops[j] === ops[j - 1] ? previousKey : headKey(ops[j], h, backward);
    if (key !== previousKey || p === undefined) p = programFor(m, s, ops[j], h, backward, key);
    else s.negativeConvOps += p.negativeConvOps;
    previousKey = key;
    blockPrograms[j] = p;
    if (p.hasSoftmax) anySoftmax = true;
  }
  return anySoftmax;
}

/** Memory ops of a block cost energy only: loads from main memory, stores into buffers, head by head. */
function replayMemory(s: RunState, progs: readonly HeadProgram[], heads: number): void {
  let main = s.mainMemoryNJ;
  let buffer = s.bufferNJ;
  let loadElements = 0;
  let activationElements = 0;
  let weightElements = 0;
  for (let j = 0; j < heads; j++) {
    const p = progs[j];
    const loads = p.loadNJ;
    const stores = p.storeNJ;
    for (let i = 0; i < p.loads; i++) main += loads[i];
    for (let i = 0; i < p.stores; i++) buffer += stores[i];
    loadElements += p.loadElements;
    activationElements += p.activationStoreElements;
    weightElements += p.weightStoreElements;
  }
  s.mainMemoryNJ = main;
  s.bufferNJ = buffer;
  if (s.log !== null) logMemory(s.log, progs, heads);
  s.loadElements += loadElements;
  s.activationStoreElements += activationElements;
  s.weightStoreElements += weightElements;
}

function logMemory(log: LayerLog, progs: readonly HeadProgram[], heads: number): void {
  for (let j = 0; j < heads; j++) {
    const p = progs[j];
    for (let i = 0; i < p.loads; i++) log.add(LOG_MAIN_MEMORY, p.loadNJ[i]);
    for (let i = 0; i < p.stores; i++) log.add(LOG_BUFFER, p.storeNJ[i]);
  }
}

/** Heads one after another, every op on the MAC array (blocks without softmax). */
function replaySerial(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], heads: number): void {
  const order = macSchedule;
  order.clear();
  let cycles = 0;
  for (let j = 0; j < heads; j++) {
    order.push(j, 0, progs[j].computeOps);
    cycles += progs[j].macCycles;
  }
  chargeSchedule(m, s, progs, order);
  s.cycles += cycles;
}
