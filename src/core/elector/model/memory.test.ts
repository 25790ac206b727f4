import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import type { AcceleratorConfig, MemoryType } from '../../space/accelerator/types.ts';
import { ELECTOR_CONSTANTS, type ElectorConstants } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import { bufferModel } from './buffers.ts';
import { mainMemoryModel } from './memory.ts';

function withMemory(type: MemoryType, banks: number, ranks: number, channels: number): AcceleratorConfig {
  const base = ACCELERATOR_PRESETS['acceltran-edge'].config;
  return { ...base, mainMemory: { type, banks, ranks, channels, mode: type === 'dram' ? 'lb' : 'hb' } };
}

describe('mainMemoryModel (elector-physical.md §1–§3)', () => {
  it('streams at channels × BW_ch × η: DDR4-3200 at 75 % is 19.2 GB/s per channel', () => {
    const m = mainMemoryModel(withMemory('dram', 32, 2, 1), ELECTOR_CONSTANTS, 700);
    expect(m.bytesPerCycle * 700e6).toBeCloseTo(19.2e9, -3);
    expect(m.peakBytesPerCycle * 700e6).toBeCloseTo(25.6e9, -3);
  });

  it('gives hbm_32_1_4 204.8 GB/s at wire rate, and channels (not banks or ranks) set bandwidth', () => {
    expect(mainMemoryModel(withMemory('hbm', 32, 1, 4), ELECTOR_CONSTANTS, 700).peakBytesPerCycle * 700e6).toBeCloseTo(204.8e9, -3);
    const a = mainMemoryModel(withMemory('dram', 16, 2, 2), ELECTOR_CONSTANTS, 700);
    const b = mainMemoryModel(withMemory('dram', 8, 2, 4), ELECTOR_CONSTANTS, 700);
    expect(b.bytesPerCycle).toBeCloseTo(2 * a.bytesPerCycle);
    const c = mainMemoryModel(withMemory('dram', 16, 4, 1), ELECTOR_CONSTANTS, 700);
    const d = mainMemoryModel(withMemory('dram', 32, 2, 1), ELECTOR_CONSTANTS, 700);
    expect(c.bytesPerCycle).toBe(d.bytesPerCycle);
  });

  it('offers the iso-pin reading for RRAM: one interface split across the channels', () => {
    const iso: ElectorConstants = { ...ELECTOR_CONSTANTS, mainMemory: { ...ELECTOR_CONSTANTS.mainMemory, rramBandwidth: 'isoPin' } };
    const one = mainMemoryModel(withMemory('rram', 32, 2, 1), iso, 700);
    const many = mainMemoryModel(withMemory('rram', 1, 2, 32), iso, 700);
    expect(many.bytesPerCycle).toBe(one.bytesPerCycle);
    expect(mainMemoryModel(withMemory('rram', 1, 2, 32), ELECTOR_CONSTANTS, 700).bytesPerCycle).toBeCloseTo(32 * one.bytesPerCycle);
  });

  it.each([
    ['dram', 32, 2, 1, 1168],
    ['dram', 8, 2, 4, 4672],
    ['hbm', 32, 1, 4, 328],
    ['rram', 32, 2, 1, 360],
    ['rram', 1, 2, 32, 11520],
  ] as const)('background power of %s_%i_%i_%i is %i mW (§3 examples)', (type, banks, ranks, channels, mW) => {
    expect(mainMemoryModel(withMemory(type, banks, ranks, channels), ELECTOR_CONSTANTS, 700).backgroundMW).toBeCloseTo(mW);
  });

  it('charges per bit, independent of the configuration; RRAM writes cost twice its reads', () => {
    const a = mainMemoryModel(withMemory('rram', 32, 2, 1), ELECTOR_CONSTANTS, 700);
    const b = mainMemoryModel(withMemory('rram', 1, 2, 32), ELECTOR_CONSTANTS, 700);
    expect(a.readNJPerBit).toBe(b.readNJPerBit);
    expect(a.writeNJPerBit).toBeCloseTo(2 * a.readNJPerBit);
    expect(mainMemoryModel(withMemory('hbm', 32, 1, 4), ELECTOR_CONSTANTS, 700).readNJPerBit).toBeCloseTo(0.004);
  });

  it('converts the first-word latency to cycles: 50 ns DRAM = 35 cycles at 700 MHz', () => {
    expect(mainMemoryModel(withMemory('dram', 32, 2, 1), ELECTOR_CONSTANTS, 700).latencyCycles).toBe(35);
    expect(mainMemoryModel(withMemory('rram', 32, 2, 1), ELECTOR_CONSTANTS, 700).latencyCycles).toBe(14);
  });
});

describe('bufferModel (elector-physical.md §4)', () => {
  it('charges max(0.082·√MB, 0.03) nJ per 64 bytes: 0.32 pJ/bit at 4 MB, 0.78 at 24 MB, the floor for tiny buffers', () => {
    const b = (mb: number) => bufferModel(mb, 1024, REFERENCE_CONSTANTS.activationBuffer, ELECTOR_CONSTANTS, 700);
    expect(b(4).nJPerBit * 1e3).toBeCloseTo(0.32, 2);
    expect(b(24).nJPerBit * 1e3).toBeCloseTo(0.784, 2);
    expect(b(0.0625).nJPerBit).toBeCloseTo(0.03 / 512);
  });

  it('has a bank per 0.5 MB and a port per 64 lanes, rounded up to a power of two, 64 B per bank per cycle', () => {
    const b = (mb: number, lanes: number) => bufferModel(mb, lanes, REFERENCE_CONSTANTS.weightBuffer, ELECTOR_CONSTANTS, 700);
    // AccelTran-Edge (1,024 lanes): 16 ports; 4 MB alone needs 8 banks, so 8 are added for bandwidth.
    expect(b(4, 1024).banks).toBe(16);
    expect(b(4, 1024).extraBanks).toBe(8);
    expect(b(4, 1024).bitsPerCycle).toBe(16 * 64 * 8);
    // Capacity sets it when the array is small: 16 MB → 32 banks, none extra.
    expect(b(16, 512).banks).toBe(32);
    expect(b(16, 512).extraBanks).toBe(0);
    // Twice the lanes, twice the ports; the extra banks cost periphery area.
    expect(b(4, 2048).bitsPerCycle).toBe(2 * b(4, 1024).bitsPerCycle);
    expect(b(4, 2048).extraAreaMm2).toBeGreaterThan(b(4, 1024).extraAreaMm2);
    // A bigger buffer never has fewer banks.
    for (const lanes of [512, 1024, 4096, 16384]) for (const mb of [4, 8, 16, 32, 64]) expect(b(2 * mb, lanes).banks).toBeGreaterThanOrEqual(b(mb, lanes).banks);
  });

  it('leaks at the LSTP figure by default (0.25 mW/MB), and at the reference HP figure with HP cells', () => {
    // 32 MB with 512 lanes: 64 banks for capacity, none extra, so only the cells leak.
    expect(bufferModel(32, 512, REFERENCE_CONSTANTS.activationBuffer, ELECTOR_CONSTANTS, 700).leakageMW).toBeCloseTo(8);
    const hpCells: ElectorConstants = { ...ELECTOR_CONSTANTS, sram: { ...ELECTOR_CONSTANTS.sram, cell: 'hp' } };
    const hp = bufferModel(32, 512, REFERENCE_CONSTANTS.activationBuffer, hpCells, 700);
    expect(hp.leakageMW).toBeCloseTo(32 * REFERENCE_CONSTANTS.activationBuffer.leakageMWPerMB);
  });
});
