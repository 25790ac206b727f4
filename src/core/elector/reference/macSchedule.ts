/**
 * The order in which a block's MAC ops reach the MAC array, as op ranges of its
 * heads, and the energy they charge. Building the order
 * first and charging it in one loop keeps the six accumulators in registers; the
 * additions happen in the reference's order, so the doubles are the same.
 */
import type { HeadProgram } from './headProgram.ts';
import type { ReferenceMachine } from './machine.ts';
import { LOG_CYCLES, LOG_TILES, type LayerLog } from './layerLog.ts';
import type { RunState } from './state.ts';

export class MacSchedule {
  head = new Int32Array(64);
  from = new Int32Array(64);
  to = new Int32Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  /** Ops [from, to) of head `head`, next in line. */
  push(head: number, from: number, to: number): void {
    if (from >= to) return;
    if (this.length === this.head.length) this.grow();
    this.head[this.length] = head;
    this.from[this.length] = from;
    this.to[this.length++] = to;
  }

  private grow(): void {
    const size = this.head.length * 2;
    for (const key of ['head', 'from', 'to'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}

/** One schedule reused by every block: simulations are synchronous. */
export const macSchedule = new MacSchedule();

/** Charges the MAC ops in schedule order: lane energy per cycle, sparsity and "others" energy per tile (§9 item 5). */
export function chargeSchedule(m: ReferenceMachine, s: RunState, progs: readonly HeadProgram[], sched: MacSchedule): void {
  const { laneDyn, laneLeak, sparsityDyn, sparsityLeak, othersDyn, othersLeak } = m;
  let macDyn = s.macDyn;
  let macLeak = s.macLeak;
  let spDyn = s.sparsityDyn;
  let spLeak = s.sparsityLeak;
  let othDyn = s.othersDyn;
  let othLeak = s.othersLeak;
  for (let r = 0; r < sched.length; r++) {
    const p = progs[sched.head[r]];
    const cycles = p.cycles;
    const tiles = p.tiles;
    for (let j = sched.from[r], to = sched.to[r]; j < to; j++) {
      const c = cycles[j];
      const t = tiles[j];
      macDyn += laneDyn * c;
      macLeak += laneLeak * c;
      spDyn += sparsityDyn * t;
      spLeak += sparsityLeak * t;
      othDyn += othersDyn * t;
      othLeak += othersLeak * t;
    }
  }
  s.macDyn = macDyn;
  s.macLeak = macLeak;
  s.sparsityDyn = spDyn;
  s.sparsityLeak = spLeak;
  s.othersDyn = othDyn;
  s.othersLeak = othLeak;
  if (s.log !== null) logSchedule(s.log, progs, sched);
}

function logSchedule(log: LayerLog, progs: readonly HeadProgram[], sched: MacSchedule): void {
  for (let r = 0; r < sched.length; r++) {
    const p = progs[sched.head[r]];
    for (let j = sched.from[r], to = sched.to[r]; j < to; j++) logMacOp(log, p.cycles[j], p.tiles[j]);
  }
}

/** A MAC op's terms: its cycles (lane energy) and tiles (sparsity and "others" energy). */
export function logMacOp(log: LayerLog, c: number, t: number): void {
  log.add(LOG_CYCLES, c);
  log.add(LOG_TILES, t);
}
