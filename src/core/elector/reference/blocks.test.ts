import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { createRng, type Rng } from '../../rng.ts';
import { attentionBlockClosedForm } from './attentionBlock.ts';
import { runBlockBitset, runBlockLiteral } from './eventSim.ts';
import { referenceOptions } from './fixtures/vectors.ts';
import { HeadProgram } from './headProgram.ts';
import { buildMachine, type ReferenceMachine } from './machine.ts';
import { RunState } from './state.ts';

const baseMachine = buildMachine(ACCELERATOR_PRESETS['acceltran-edge'].config, referenceOptions('inference'));

function machineWithSoftmax(cycles: number): ReferenceMachine {
  return { ...baseMachine, softmaxCycles: cycles };
}

/** A state part-way through a run, so the order of additions shows in the doubles. */
function startedState(): RunState {
  const s = new RunState();
  s.cycles = 1000;
  s.macDyn = 12345.678;
  s.macLeak = 0.1;
  s.sparsityDyn = 987.6543;
  s.sparsityLeak = 3.3;
  s.othersDyn = 1e-3;
  s.othersLeak = 77.7;
  s.softmaxDyn = 5.5;
  s.softmaxLeak = 0.25;
  return s;
}

function snapshot(s: RunState): number[] {
  return [s.cycles, s.macDyn, s.macLeak, s.sparsityDyn, s.sparsityLeak, s.othersDyn, s.othersLeak, s.softmaxDyn, s.softmaxLeak, s.lastTiles];
}

/** Longest MAC op of the random blocks: small values make ties and near-ties with the softmax common. */
let maxMacCycles = 5000;

function attentionProgram(rng: Rng, m: ReferenceMachine): HeadProgram {
  const p = new HeadProgram();
  p.reset();
  const before = 1 + rng.int(5);
  const after = rng.int(4);
  for (let i = 0; i < before; i++) p.mac(1 + rng.int(5000), 1 + rng.int(maxMacCycles));
  p.softmax(m.softmaxTiles, m.softmaxCycles);
  for (let i = 0; i < after; i++) p.mac(1 + rng.int(5000), 1 + rng.int(maxMacCycles));
  return p;
}

function singleOpProgram(rng: Rng, negative: boolean): HeadProgram {
  const p = new HeadProgram();
  p.reset();
  const cycles = 1 + rng.int(maxMacCycles);
  p.mac(1 + rng.int(1 << 16), negative ? -cycles : cycles);
  return p;
}

/** A block like the simulator builds: runs of identical heads, attention first unless `shuffled`. */
function randomBlock(rng: Rng, m: ReferenceMachine, shuffled: boolean): HeadProgram[] {
  const heads = 1 + rng.int(14);
  const attention = rng.int(heads + 1);
  const block: HeadProgram[] = [];
  while (block.length < heads) {
    const p = block.length < attention ? attentionProgram(rng, m) : singleOpProgram(rng, rng.next() < 0.15);
    const run = 1 + rng.int(4);
    for (let k = 0; k < run && block.length < heads; k++) block.push(p);
  }
  if (shuffled) {
    for (let i = block.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [block[i], block[j]] = [block[j], block[i]];
    }
  }
  return block;
}

describe('multi-head block costing', () => {
  it('the bit-set event simulation equals the literal pseudo-code on random blocks', () => {
    const rng = createRng(7);
    const mismatches: number[] = [];
    for (let trial = 0; trial < 1500; trial++) {
      const m = machineWithSoftmax(1 + rng.int(rng.next() < 0.5 ? 50 : 20_000));
      const block = randomBlock(rng, m, trial % 2 === 0);
      const a = startedState();
      const b = startedState();
      runBlockLiteral(m, a, block, block.length);
      runBlockBitset(m, b, block, block.length, new Int32Array(32));
      if (!snapshot(a).every((x, i) => Object.is(x, snapshot(b)[i]))) mismatches.push(trial);
    }
    expect(mismatches).toEqual([]);
  });

  it('the attention closed form, where it applies, equals the event simulation bit for bit', () => {
    const rng = createRng(11);
    const mismatches: number[] = [];
    let applied = 0;
    let declined = 0;
    for (let trial = 0; trial < 6000; trial++) {
      // Short softmaxes (the usual case), long ones that must make it decline, and
      // small numbers everywhere so that equal and off-by-one timings come up.
      const small = trial % 2 === 1;
      maxMacCycles = small ? 12 : 5000;
      const m = machineWithSoftmax(1 + (small ? rng.int(40) : rng.int(rng.next() < 0.7 ? 64 : 30_000)));
      const block = randomBlock(rng, m, trial % 5 === 0);
      const oracle = startedState();
      runBlockLiteral(m, oracle, block, block.length);
      const s = startedState();
      const untouched = snapshot(s);
      if (attentionBlockClosedForm(m, s, block, block.length)) {
        applied++;
        if (!snapshot(oracle).every((x, i) => Object.is(x, snapshot(s)[i]))) mismatches.push(trial);
      } else {
        declined++;
        expect(snapshot(s)).toEqual(untouched);
      }
    }
    expect(mismatches).toEqual([]);
    // Both branches were exercised in earnest.
    maxMacCycles = 5000;
    expect(applied).toBeGreaterThan(1500);
    expect(declined).toBeGreaterThan(600);
  });

  it('applies the closed form to a block of identical attention heads (BERT)', () => {
    const rng = createRng(3);
    const m = baseMachine;
    const head = attentionProgram(rng, m);
    const block = Array<HeadProgram>(12).fill(head);
    expect(attentionBlockClosedForm(m, new RunState(), block, 12)).toBe(true);
  });

  it('serialises MAC work and overlaps a softmax with the next head (two BERT-Tiny heads on Edge)', () => {
    // q, k, v 1024; sdp-qk 512; softmax 16; sdp-v 1024; o 512 (docs/elector.md §6 worked example).
    const m = machineWithSoftmax(16);
    const p = new HeadProgram();
    p.reset();
    for (const c of [1024, 1024, 1024, 512]) p.mac(1, c);
    p.softmax(m.softmaxTiles, 16);
    for (const c of [1024, 512]) p.mac(1, c);
    const s = new RunState();
    runBlockLiteral(m, s, [p, p], 2);
    // Head 1's softmax runs alone at the end; head 0's overlaps head 1's q.
    expect(s.cycles).toBe(2 * 5120 + 16);
  });
});
