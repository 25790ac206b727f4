/**
 * The reference's multi-head event simulation (docs/elector.md §6), for blocks
 * the closed form does not cover. Two resources, the MAC array and the softmax
 * array; in each pass every head in order tries its next op once; time then
 * advances to the first resource to free up. The loop ends after the pass that
 * assigns the last op, adding only that pass's step (a reference quirk the closed
 * form reproduces too).
 */
import type { HeadProgram } from './headProgram.ts';
import { LOG_SOFTMAX_CYCLES, type LayerLog } from './layerLog.ts';
import { chargeSchedule, logMacOp, macSchedule } from './macSchedule.ts';
import type { ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

/**
 * The simulation with heads as bits. In one pass each head tries its next op
 * once, so the MAC array goes to the lowest head whose next op (at the start of
 * the pass) is a MAC op, and the softmax array to the lowest head whose next op is
 * a softmax. O(ops), not O(ops·heads). At most 32 heads.
 */
export function runBlockBitset(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], heads: number, pos: Int32Array): void {
  const order = macSchedule;
  order.clear();
  let softmaxOps = 0;
  let macWaiting = 0;
  let softmaxWaiting = 0;
  for (let h = 0; h < heads; h++) {
    pos[h] = 0;
    const p = progs[h];
    if (p.computeOps === 0) continue;
    if (p.isSoftmax[0] === 1) softmaxWaiting |= 1 << h;
    else macWaiting |= 1 << h;
  }
  let busyMac = Infinity;
  let busySoftmax = Infinity;
  let cycles = 0;
  while ((macWaiting | softmaxWaiting) !== 0) {
    if (busyMac === Infinity && busySoftmax === Infinity && softmaxWaiting === 0) {
      // Nothing on the softmax side: every pass gives the MAC array to the same
      // lowest head and advances by its op's cycles, up to that head's softmax.
      const bit = macWaiting & -macWaiting;
      const h = 31 - Math.clz32(bit);
      const p = progs[h];
      const from = pos[h];
      let j = from;
      while (j < p.computeOps && p.isSoftmax[j] === 0) cycles += p.cycles[j++];
      order.push(h, from, j);
      pos[h] = j;
      macWaiting ^= bit;
      if (j < p.computeOps) softmaxWaiting |= bit;
      continue;
    }
    const softmaxAtPassStart = softmaxWaiting;
    if (busyMac === Infinity && macWaiting !== 0) {
      const bit = macWaiting & -macWaiting;
      const h = 31 - Math.clz32(bit);
      const p = progs[h];
      const j = pos[h];
      order.push(h, j, j + 1);
      busyMac = p.cycles[j];
      macWaiting ^= bit;
      pos[h] = j + 1;
      if (j + 1 < p.computeOps) {
        if (p.isSoftmax[j + 1] === 1) softmaxWaiting |= bit;
        else macWaiting |= bit;
      }
    }
    if (busySoftmax === Infinity && softmaxAtPassStart !== 0) {
      const bit = softmaxAtPassStart & -softmaxAtPassStart;
      const h = 31 - Math.clz32(bit);
      const p = progs[h];
      const j = pos[h];
      busySoftmax = p.cycles[j];
      softmaxOps++;
      softmaxWaiting ^= bit;
      pos[h] = j + 1;
      if (j + 1 < p.computeOps) {
        if (p.isSoftmax[j + 1] === 1) softmaxWaiting |= bit;
        else macWaiting |= bit;
      }
    }
    const step = busyMac < busySoftmax ? busyMac : busySoftmax;
    cycles += step;
    busyMac = busyMac === step ? Infinity : busyMac - step;
    busySoftmax = busySoftmax === step ? Infinity : busySoftmax - step;
  }
  chargeSchedule(m, s, progs, order);
  // Every softmax op costs the same (b,S,S) tiling.
  for (let k = 0; k < softmaxOps; k++) {
    s.softmaxDyn += m.softmaxDyn * m.softmaxCycles;
    s.softmaxLeak += m.softmaxLeak * m.softmaxCycles;
  }
  if (s.log !== null) logSoftmaxes(s.log, m.softmaxCycles, softmaxOps);
  if (softmaxOps > 0) s.lastTiles = m.softmaxTiles;
  s.cycles += cycles;
}

/**
 * The same simulation written as the spec's pseudo-code, charging energy op by
 * op: passes over every head in order. Used for blocks wider than a bit set, and
 * as the tests' oracle.
 */
export function runBlockLiteral(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], heads: number): void {
  const pos = new Array<number>(heads).fill(0);
  const busy = [Infinity, Infinity];
  const owner = [-1, -1];
  let cycles = 0;
  const hasOpsLeft = (): boolean => progs.slice(0, heads).some((p, h) => pos[h] < p.computeOps);
  while (hasOpsLeft()) {
    for (let h = 0; h < heads; h++) {
      const p = progs[h];
      const j = pos[h];
      if (j >= p.computeOps) continue;
      const resource = p.isSoftmax[j] === 1 ? 1 : 0;
      if (owner[resource] !== -1) continue;
      if (resource === 0) chargeMac(m, s, p.cycles[j], p.tiles[j]);
      else chargeSoftmax(m, s, p.cycles[j], p.tiles[j]);
      busy[resource] = p.cycles[j];
      owner[resource] = h;
      pos[h]++;
    }
    const step = Math.min(busy[0], busy[1]);
    cycles += step;
    for (let r = 0; r < 2; r++) {
      if (busy[r] === step) {
        busy[r] = Infinity;
        owner[r] = -1;
      } else busy[r] -= step;
    }
  }
  s.cycles += cycles;
}

function chargeMac(m: ReferenceMachine, s: RunState, c: number, tiles: number): void {
  s.macDyn += m.laneDyn * c;
  s.macLeak += m.laneLeak * c;
  s.sparsityDyn += m.sparsityDyn * tiles;
  s.sparsityLeak += m.sparsityLeak * tiles;
  s.othersDyn += m.othersDyn * tiles;
  s.othersLeak += m.othersLeak * tiles;
  if (s.log !== null) logMacOp(s.log, c, tiles);
}

function chargeSoftmax(m: ReferenceMachine, s: RunState, c: number, tiles: number): void {
  s.softmaxDyn += m.softmaxDyn * c;
  s.softmaxLeak += m.softmaxLeak * c;
  s.lastTiles = tiles;
  if (s.log !== null) logSoftmaxes(s.log, c, 1);
}

/** The terms of `count` softmax ops of `c` cycles each. */
export function logSoftmaxes(log: LayerLog, c: number, count: number): void {
  for (let k = 0; k < count; k++) log.add(LOG_SOFTMAX_CYCLES, c);
}
