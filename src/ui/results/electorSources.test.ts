import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/elector/simulate.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { electorSourceLines, limiterSharesLine, macLaneEnergyLine, mainMemoryEnergyLine } from './electorSources.ts';
import { headlineSources } from './headlineSources.ts';
import { fakeResult } from './testResult.ts';

const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;
const training = simulate(MODEL_PRESETS['bert-tiny'].model, edge, { mode: 'training' });

describe("elector sources with the design's own figures", () => {
  it('spells out the MAC lanes and main-memory energy, and they reproduce the result', () => {
    const lanes = macLaneEnergyLine(training, edge);
    expect(lanes).toMatch(/^MAC lanes, dynamic = lane-busy cycles × P_dyn \/ 700 MHz = [\d.]+ [kMG]? ?× [\d.]+ mW \/ 700 MHz = [\d.]+ [µm]J/);
    expect(mainMemoryEnergyLine(training, edge)).toMatch(/^Main memory \(DRAM\), dynamic = bytes × 8 × pJ\/bit = [\d.]+ [kMG]B read × 8 × 20 pJ\/bit \+ /);
  });
  it('leaves the numbers out when the editors hold another accelerator than the result', () => {
    expect(macLaneEnergyLine(training, server)).toBeNull();
    expect(mainMemoryEnergyLine(training, server)).toBeNull();
    expect(macLaneEnergyLine(training)).toBeNull();
  });
  it('sums the cycles by limiter, names the optimizer share and cites the model document', () => {
    expect(limiterSharesLine(training)).toMatch(/^Cycles by what bound each op \(the timeline\): main memory \d+ %/);
    const s = headlineSources(training, edge);
    expect(s.cycles.join(' ')).toContain('docs/elector-model.md');
    expect(s.latencyS.join(' ')).toContain('1/8 per micro-batch; full step:');
    expect(s.latencyS[0]).toMatch(/= [\d.]+ ms \(clock/);
    expect(s.energyPerSeqJ.join(' ')).toContain('MAC lanes, dynamic = lane-busy cycles');
  });
  it('adds nothing for the reference model, which has no limiter or mapping', () => {
    expect(electorSourceLines(fakeResult(), edge)).toEqual({ latency: [], energy: [], cycles: [] });
    expect(headlineSources(fakeResult(), edge).cycles.join(' ')).not.toContain('elector-model.md');
  });
});
