/**
 * The elector model responds to each knob as physics says, on 2,000 random valid pairs
 * (AccelTran variant: the superset). Knobs are doubled outside the design space where
 * needed: the model must hold its properties everywhere, not only on the grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../rng.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { MappingObjective, SimMode, SimResult, Sparsity } from '../types.ts';
import { runElector, TIME_FOR_ENERGY } from './simulate.ts';

const PAIRS = 2000;
const constants = { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS };

interface Pair {
  model: ModelDict;
  acc: AcceleratorConfig;
  mode: SimMode;
  sparsity: Sparsity;
  clockMHz: number;
  mappingObjective?: MappingObjective;
}

const sim = (p: Pair, over: Partial<Pair> = {}): SimResult => {
  const q = { ...p, ...over };
  return runElector(q.model, q.acc, {
    mode: q.mode, clockMHz: q.clockMHz, sparsity: q.sparsity, constants, timeline: false, mappingObjective: q.mappingObjective,
  }).result;
};

/** Knobs whose doubling adds hardware (compute, buffer capacity, bandwidth). */
const DOUBLINGS: Record<string, (a: AcceleratorConfig) => AcceleratorConfig> = {
  pe: (a) => ({ ...a, pe: 2 * a.pe }),
  lanesPerPe: (a) => ({ ...a, lanesPerPe: 2 * a.lanesPerPe }),
  activationBufferMB: (a) => ({ ...a, activationBufferMB: 2 * a.activationBufferMB }),
  weightBufferMB: (a) => ({ ...a, weightBufferMB: 2 * a.weightBufferMB }),
  maskBufferMB: (a) => ({ ...a, maskBufferMB: 2 * a.maskBufferMB }),
  channels: (a) => ({ ...a, mainMemory: { ...a.mainMemory, channels: 2 * a.mainMemory.channels } }),
};
const KNOBS = Object.keys(DOUBLINGS);
/** Rounding of fractional cycle counts (optimizer share, bus fractions) allows this much. */
const SLACK = 1 + 1e-9;

/** A random pair as every block here draws it (so a pair found on another seed can be drawn again), at 700 MHz. */
function randomPair(rng: Rng, over: Partial<Pair> = {}): Pair {
  return {
    model: randomModel(rng),
    acc: randomAccelerator(rng, 'acceltran'),
    mode: rng.next() < 0.5 ? 'inference' : 'training',
    sparsity: { activation: 0.9 * rng.next(), weight: 0.9 * rng.next(), gradient: 0.95 * rng.next() },
    clockMHz: 700,
    ...over,
  };
}

/** Pair `index` of seed `seed`, drawn as `randomPair` draws them. */
function pairAt(seed: string, index: number, over: Partial<Pair> = {}): Pair {
  const rng = createRng(seed);
  for (let i = 0; i < index; i++) randomPair(rng);
  return randomPair(rng, over);
}

describe(`elector model physics on ${PAIRS} random pairs`, () => {
  const failures: Record<string, string[]> = {
    doubling: [], doublingSameSubBatch: [], batch: [], clock: [], computeBound: [], doublingTime: [], timeVsBalanced: [], batchEnergy: [], doublingDominated: [],
  };
  /** Violations of the near-exact properties: how many, and the worst relative excess. */
  const counts: Record<string, { n: number; worst: number }> = {
    doubling: { n: 0, worst: 0 }, doublingSameSubBatch: { n: 0, worst: 0 }, batch: { n: 0, worst: 0 },
  };
  let computeBoundPairs = 0;
  const note = (what: string, i: number, detail: string, excess = 0) => {
    if (counts[what]) {
      counts[what].n++;
      counts[what].worst = Math.max(counts[what].worst, excess);
    }
    if (failures[what].length < 5) failures[what].push(`pair ${i}: ${detail}`);
  };

  beforeAll(() => {
    const rng = createRng('elector-physics');
    for (let i = 0; i < PAIRS; i++) checkPair(rng, i);
  }, 300_000);

  function checkPair(rng: Rng, i: number): void {
    const p = randomPair(rng);
    const x = sim(p);

    // Doubling a knob that adds hardware never costs cycles (one knob per pair, cycled).
    const knob = KNOBS[i % KNOBS.length];
    const doubled = sim(p, { acc: DOUBLINGS[knob](p.acc) });
    if (doubled.cycles > x.cycles * SLACK) {
      const detail = `${knob} ×2: ${x.cycles} → ${doubled.cycles} cycles, ${x.totalEnergyNJ} → ${doubled.totalEnergyNJ} nJ, sub-batch ${x.run?.subBatch} → ${doubled.run?.subBatch}`;
      note('doubling', i, detail, doubled.cycles / x.cycles - 1);
      if (doubled.totalEnergyNJ > x.totalEnergyNJ * SLACK) note('doublingDominated', i, detail);
      if (doubled.run?.subBatch === x.run?.subBatch) note('doublingSameSubBatch', i, detail, doubled.cycles / x.cycles - 1);
    }

    // The `time` objective: doubling never costs a cycle, and no mapping is faster than its choice.
    const fastest = sim(p, { mappingObjective: 'time' });
    const fastestDoubled = sim(p, { acc: DOUBLINGS[knob](p.acc), mappingObjective: 'time' });
    if (fastestDoubled.cycles > fastest.cycles * SLACK) {
      note('doublingTime', i, `${knob} ×2: ${fastest.cycles} → ${fastestDoubled.cycles} cycles, sub-batch ${fastest.run?.subBatch} → ${fastestDoubled.run?.subBatch}`);
    }
    if (fastest.cycles > x.cycles * SLACK) note('timeVsBalanced', i, `time ${fastest.cycles} > balanced ${x.cycles} cycles`);

    // Per-sequence cycles and energy never grow with the batch.
    const doubleBatch = { ...p.acc, batchSize: 2 * p.acc.batchSize };
    const bigger = sim(p, { acc: doubleBatch });
    const perSeq = (r: SimResult) => [r.cycles / r.batchSize, r.totalEnergyNJ / r.batchSize];
    const [c1, e1] = perSeq(x), [c2, e2] = perSeq(bigger);
    // Energy may grow only in exchange for time, by at most (T1 / T2)^α per sequence.
    if (c2 > c1 * SLACK + 1 || e2 > e1 * SLACK * Math.pow(c1 / c2, TIME_FOR_ENERGY)) {
      note('batch', i, `batch ${p.acc.batchSize} → ×2: ${c1} → ${c2} cycles/seq, ${e1} → ${e2} nJ/seq`, Math.max(c2 / c1, e2 / e1) - 1);
    }

    // The `energy` objective: not even that allowance.
    const lean = sim(p, { mappingObjective: 'energy' });
    const leanBigger = sim(p, { acc: doubleBatch, mappingObjective: 'energy' });
    const [lc1, le1] = perSeq(lean), [lc2, le2] = perSeq(leanBigger);
    if (lc2 > lc1 * SLACK + 1 || le2 > le1 * SLACK) note('batchEnergy', i, `batch ${p.acc.batchSize} → ×2: ${lc1} → ${lc2} cycles/seq, ${le1} → ${le2} nJ/seq`);

    // Dynamic energy is per action: the clock changes time and leakage only.
    if (i % 4 === 0) {
      const fast = sim(p, { clockMHz: 1400 });
      if (Math.abs(fast.dynamicNJ - x.dynamicNJ) > 1e-9 * x.dynamicNJ) note('clock', i, `${x.dynamicNJ} vs ${fast.dynamicNJ} nJ`);
    }

    // Compute-bound by hand (busy lane time over 3× the main-memory busy time): twice the PEs
    // must be faster.
    const macCycles = x.utilisation!.macLanes * x.cycles * p.acc.pe * p.acc.lanesPerPe;
    const memoryCycles = x.utilisation!.mainMemory * x.cycles;
    if (x.boundCycles!.compute > 0.6 * x.cycles && macCycles / (p.acc.pe * p.acc.lanesPerPe) > 3 * memoryCycles) {
      computeBoundPairs++;
      const more = knob === 'pe' ? doubled : sim(p, { acc: DOUBLINGS.pe(p.acc) });
      if (!(more.cycles < 0.9 * x.cycles)) note('computeBound', i, `pe ×2: ${x.cycles} → ${more.cycles}`);
    }
  }

  // Every op-level mechanism is monotone: the mapper's candidates on the bigger machine
  // include the smaller one's (wave shapes, blockings, mask-buffer bandwidth among them),
  // the mask split is scheduled both ways in training and the faster kept, the stash leaves
  // the largest working set its room exactly (no rounding cliff), and reads that do not wait
  // for the previous op (weights, spilled stash) start early alike. So every mapping of the
  // batch onto passes is at least as fast on the bigger machine, and the `time` objective,
  // which tries every sub-batch and keeps the fastest, is never slower there.
  it('never costs cycles when PEs, lanes, any buffer or memory channels double, under the time objective', () => {
    expect(failures.doublingTime).toEqual([]);
  });
  it('is never slower under the time objective than under the default', () => expect(failures.timeVsBalanced).toEqual([]));

  // Under the default (`balanced`), the sub-batch choice may spend time for energy: a faster
  // mapping may cost at most (T_half / T)^α more energy than the half-size choice, so that
  // per-sequence energy does not grow with the batch (beyond that allowance; the test below).
  // The allowance is relative to that machine's own half-size choice, so a bigger machine
  // whose smaller passes got cheaper may keep them where the smaller machine ran one faster
  // pass. All 8 such pairs here are trades, slower by 0.1–26 % for 3–26 % less energy; none is
  // both slower and costlier. (On other seeds about 1 pair in 1,600 is, by < 0.2 %: the search
  // stops trying smaller passes once a pass neither spills nor leaves 2 % of its time exposed,
  // or the wave-shape search's estimate and the schedule disagree by a few cycles.) Measured 8
  // of 2,000 pairs, worst +26 %: the bounds are that measurement. With the same sub-batch,
  // doubling never costs a cycle.
  it('never costs cycles when PEs, lanes, any buffer or memory channels double, but for the balanced policy\'s trades (≤ 8 pairs, < 30 % worse, less energy)', () => {
    console.log('doubling violations', counts.doubling, failures.doubling);
    expect(failures.doublingSameSubBatch).toEqual([]);
    expect(failures.doublingDominated).toEqual([]);
    expect(counts.doubling.n).toBeLessThanOrEqual(8);
    expect(counts.doubling.worst).toBeLessThan(0.3);
  });
  it('never raises per-sequence cycles when the batch doubles, nor energy except for time, by ≤ (T1/T2)^0.1', () => {
    console.log('batch violations', counts.batch, failures.batch);
    expect(counts.batch.n).toBe(0);
  });
  it('never raises per-sequence cycles or energy when the batch doubles, under the energy objective', () => {
    expect(failures.batchEnergy).toEqual([]);
  });
  it('keeps dynamic energy independent of the clock', () => expect(failures.clock).toEqual([]));
  it('is faster with twice the PEs on designs that are compute-bound by hand', () => {
    expect(computeBoundPairs).toBeGreaterThan(20);
    expect(failures.computeBound).toEqual([]);
  });
});

/**
 * The `time` objective on other pairs and other clocks: it maps at the run's clock, so it is
 * never slower than the default there, and more hardware never costs it more than a few
 * cycles. Not exactly none: the wave-shape search balances the buffers' reads by an estimate
 * that leaves out each op's fixed writes, and the schedule times them all (on 8,000 pairs of
 * two other seeds, 2 pairs lost 8 and 16 cycles).
 */
describe('elector model physics, time objective, on 1,000 more pairs at 350, 700 and 1,400 MHz', () => {
  const failures: { doubling: string[]; vsBalanced: string[] } = { doubling: [], vsBalanced: [] };
  beforeAll(() => {
    const rng = createRng('elector-physics-time');
    for (let i = 0; i < 1000; i++) {
      const p = randomPair(rng, { clockMHz: [350, 700, 1400][i % 3], mappingObjective: 'time' });
      const knob = KNOBS[Math.floor(i / 3) % KNOBS.length];
      const x = sim(p);
      const doubled = sim(p, { acc: DOUBLINGS[knob](p.acc) });
      if (doubled.cycles > x.cycles * (1 + 1e-5)) failures.doubling.push(`pair ${i} at ${p.clockMHz} MHz, ${knob} ×2: ${x.cycles} → ${doubled.cycles}`);
      const balanced = sim(p, { mappingObjective: 'balanced' });
      if (x.cycles > balanced.cycles * SLACK) failures.vsBalanced.push(`pair ${i} at ${p.clockMHz} MHz: ${x.cycles} > ${balanced.cycles}`);
    }
  }, 300_000);

  it('never costs more than 0.001 % of cycles when a knob doubles', () => expect(failures.doubling).toEqual([]));
  it('is never slower than the default at the run\'s clock', () => expect(failures.vsBalanced).toEqual([]));
});

/**
 * With BERT's MLM head, whose decoder is tied to the word embeddings: where the layers' weights
 * stay resident, the decoder streams through what they leave, and a pass of the whole batch
 * may let them go instead (passes.ts). Before that candidate, just past residency a bigger
 * weight buffer ran up to 72 % slower (7 of these pairs slower). Passes of a sub-batch keep
 * resident weights (their later passes find them on chip), and a few doublings still cost a
 * little: none of these pairs, but on 7,000 pairs of three other seeds 12 did, worst +3.1 %. The
 * bounds allow that.
 */
describe('elector model physics with the MLM head, time objective, weight buffer ×2 on 600 pairs', () => {
  let slower = 0, worst = 0, letGo = 0, letGoWarned = 0;
  const examples: string[] = [], clockDependent: string[] = [];
  beforeAll(() => {
    const rng = createRng('elector-physics-mlm');
    for (let i = 0; i < 600; i++) {
      const { model, acc, mode, sparsity } = randomPair(rng);
      const run = (a: AcceleratorConfig) => runElector(model, a, { mode, clockMHz: 700, sparsity, constants, timeline: false, mlmHead: true, mappingObjective: 'time' });
      const x = run(acc), doubled = run(DOUBLINGS.weightBufferMB(acc));
      const excess = doubled.result.cycles / x.result.cycles - 1;
      if (excess > 1e-9) {
        slower++;
        worst = Math.max(worst, excess);
        if (examples.length < 5) examples.push(`pair ${i} (${mode}): ${x.result.cycles} → ${doubled.result.cycles}, resident ${x.plan.weightsResident} → ${doubled.plan.weightsResident}`);
      }
      for (const r of [x, doubled]) {
        if (!r.plan.weightsLetGo) continue;
        letGo++;
        if (r.result.warnings.some((w) => w.startsWith('Layer weights fit')) && !r.result.warnings.some((w) => w.includes('do not fit the'))) letGoWarned++;
      }
      // Under the default objective the mapping is chosen at 700 MHz whatever the clock, the
      // choice to let resident weights go included: dynamic energy is per action.
      if (i % 3 === 0) {
        const at = (clockMHz: number) => runElector(model, DOUBLINGS.weightBufferMB(acc), { mode, clockMHz, sparsity, constants, timeline: false, mlmHead: true }).result.dynamicNJ;
        const nominal = at(700), slow = at(350);
        if (Math.abs(slow - nominal) > 1e-9 * nominal) clockDependent.push(`pair ${i} (${mode}): ${nominal} nJ at 700 MHz, ${slow} at 350`);
      }
    }
  }, 300_000);

  it('lets resident weights go on some pairs, and then says they fit but stream', () => {
    expect(letGo).toBeGreaterThan(10);
    expect(letGoWarned).toBe(letGo);
  });
  it('keeps dynamic energy independent of the clock under the default objective', () => expect(clockDependent).toEqual([]));

  it('costs cycles in at most 3 pairs, by < 5 %', () => {
    console.log('MLM head, weight buffer ×2:', slower, 'slower, worst', worst, examples);
    expect(slower).toBeLessThanOrEqual(3);
    expect(worst).toBeLessThan(0.05);
  });
});

// Found on another seed: with twice the weight buffer (more banks, so cheaper B reads) a shape
// that balanced the two buffers' reads was picked, and the activation buffer, which also takes
// each op's output, became the slower: +2.7 % under `time`. Shapes are now judged by each
// buffer's whole traffic (opCost.ts).
it('picks wave shapes by each buffer\'s whole traffic: twice the weight buffer is not slower (seed seedD, pair 9)', () => {
  const p = pairAt('seedD', 9, { mappingObjective: 'time' });
  const x = sim(p), doubled = sim(p, { acc: DOUBLINGS.weightBufferMB(p.acc) });
  expect(doubled.cycles).toBeLessThanOrEqual(x.cycles);
});

// Found on another seed: training, where twice the activation buffer took the mask bits that
// kept the weights resident in each pass's faster split, so later passes reloaded them: 0.4 %
// slower for 12 % more energy. The run is now also mapped under either split throughout.
it('maps a training run under either mask split throughout: twice the activation buffer is not both slower and costlier (seed seedC, pair 3122)', () => {
  const p = pairAt('seedC', 3122);
  const x = sim(p), doubled = sim(p, { acc: DOUBLINGS.activationBufferMB(p.acc) });
  expect(doubled.cycles > x.cycles && doubled.totalEnergyNJ > x.totalEnergyNJ).toBe(false);
});

// Found on another seed: inference, where twice the activation buffer took the mask bits that
// kept each layer's weights on chip, so the later passes of a sub-batched run reloaded them:
// +88 % under `time`. The weights-first split is now noted in inference too, and the run also
// mapped under it.
it('maps an inference run under the weights-first split too: twice the activation buffer is not slower (seed seedE, pair 1514)', () => {
  const p = pairAt('seedE', 1514, { mappingObjective: 'time' });
  const x = sim(p), doubled = sim(p, { acc: DOUBLINGS.activationBufferMB(p.acc) });
  expect(doubled.cycles).toBeLessThanOrEqual(x.cycles);
});

// Found on another seed: training, where twice the weight buffer (pair 1443) or the mask buffer
// (pair 2350) made the weights resident, and what they left of the weight buffer blocked a
// weight gradient into panels, its input streamed once per panel: +0.16 % and +0.9 % under
// `time`. A training pass of the whole batch may now let resident weights go (passes.ts).
it('lets resident weights go in training when that is faster: twice the weight or mask buffer is not slower (seed seedE, pairs 1443 and 2350)', () => {
  for (const [index, knob] of [[1443, 'weightBufferMB'], [2350, 'maskBufferMB']] as const) {
    const p = pairAt('seedE', index, { mappingObjective: 'time' });
    expect(p.mode).toBe('training');
    const x = sim(p), doubled = sim(p, { acc: DOUBLINGS[knob](p.acc) });
    expect(doubled.cycles, `pair ${index}, ${knob} ×2`).toBeLessThanOrEqual(x.cycles);
    expect(doubled.warnings.some((w) => w.includes('fit the') && w.includes('but stream'))).toBe(true);
  }
});
