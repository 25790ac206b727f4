/**
 * Closed form of the multi-head event simulation for the usual block shape:
 * attention heads first, then single-op heads (linear transforms, convolutions),
 * every MAC op taking time, and each softmax finished before the next head asks
 * for the softmax array. Then the MAC array never idles and takes the ops in a
 * fixed order:
 *
 *   A₀ ; for each next attention head h+1: A_{h+1}[0], B_h, A_{h+1}[1..] ;
 *   then the first single-op head, B_last, the other single-op heads
 *
 * where A_h are head h's ops before its softmax and B_h those after. (Head h's
 * softmax starts in the same pass as A_{h+1}[0]; head h, now ahead of h+1, takes
 * the MAC array next.) The result is bit-identical to the event simulation, which
 * the tests check on random blocks; blocks outside these conditions use it.
 */
import type { HeadProgram } from './headProgram.ts';
import type { ReferenceMachine } from './machine.ts';
import { chargeSchedule, macSchedule } from './macSchedule.ts';
import { logSoftmaxes } from './eventSim.ts';
import type { RunState } from './state.ts';

/** Costs the block and returns true, or returns false (having changed nothing) when the closed form does not apply. */
export function attentionBlockClosedForm(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], heads: number): boolean {
  const attention = attentionPrefix(m, progs, heads);
  if (attention === 0) return false;
  const X = m.softmaxCycles;

  // MAC energy, in the order the MAC array takes the ops.
  const order = macSchedule;
  order.clear();
  order.push(0, 0, progs[0].softmaxIndex);
  for (let h = 0; h + 1 < attention; h++) {
    // A_{h+1}[0], then head h's ops after its softmax, then the rest of A_{h+1}.
    order.push(h + 1, 0, 1);
    order.push(h, progs[h].softmaxIndex + 1, progs[h].computeOps);
    order.push(h + 1, 1, progs[h + 1].softmaxIndex);
  }
  const last = progs[attention - 1];
  if (attention < heads) order.push(attention, 0, 1);
  order.push(attention - 1, last.softmaxIndex + 1, last.computeOps);
  for (let j = attention + 1; j < heads; j++) order.push(j, 0, 1);
  chargeSchedule(m, s, progs, order);

  // One softmax per attention head, all alike.
  for (let k = 0; k < attention; k++) {
    s.softmaxDyn += m.softmaxDyn * X;
    s.softmaxLeak += m.softmaxLeak * X;
  }
  if (s.log !== null) logSoftmaxes(s.log, X, attention);
  s.lastTiles = m.softmaxTiles;

  s.cycles += blockCycles(progs, heads, attention, X);
  return true;
}

/**
 * Number of leading attention heads if the block has the closed form's shape and
 * timing, else 0. Timing: head h's softmax (X cycles, from the pass where head h+1
 * starts) must be over before the pass that gives the MAC array head h+1's last op
 * before its own softmax, or end exactly with that op; otherwise h+1 would find
 * the softmax array busy, or take it while the MAC array is busy.
 */
function attentionPrefix(m: ReferenceMachine, progs: readonly HeadProgram[], heads: number): number {
  const X = m.softmaxCycles;
  if (!(X > 0)) return 0;
  let attention = 0;
  while (attention < heads && progs[attention].hasSoftmax) attention++;
  if (attention === 0) return 0;
  for (let j = 0; j < heads; j++) {
    const p = progs[j];
    if (!(p.minMacCycles > 0)) return 0;
    // Attention heads have one softmax (compileForwardHead), here after two or more MAC ops.
    if (j < attention) {
      if (p.softmaxIndex < 2) return 0;
    } else if (p.hasSoftmax || p.computeOps !== 1) return 0;
  }
  for (let h = 0; h + 1 < attention; h++) {
    const p = progs[h];
    const q = progs[h + 1];
    const window = q.cyclesBeforeSoftmax - q.lastCyclesBeforeSoftmax + p.cyclesAfterSoftmax;
    if (!(X <= window || X === window + q.lastCyclesBeforeSoftmax)) return 0;
  }
  return attention;
}

/**
 * The MAC array never idles, so the block takes the sum of its MAC ops, except at
 * the end: with no single-op head, the last softmax runs alone; with some, the
 * event loop stops after the pass that assigns the last op, adding only
 * min(remaining op, remaining softmax), so a softmax still running then cuts it short.
 */
function blockCycles(progs: readonly HeadProgram[], heads: number, attention: number, X: number): number {
  let total = 0;
  for (let j = 0; j < heads; j++) total += progs[j].macCycles;
  if (attention === heads) return total + X;
  const last = progs[attention - 1];
  // The ops after the last attention head's softmax starts: its B ops and the single-op heads.
  let tail = last.cyclesAfterSoftmax;
  for (let j = attention; j < heads; j++) tail += progs[j].macCycles;
  const finalOp = heads - 1 > attention || last.cyclesAfterSoftmax === 0 ? progs[heads - 1].cycles[0] : last.cycles[last.computeOps - 1];
  if (X > tail - finalOp && X < tail) return total - tail + X;
  return total;
}
