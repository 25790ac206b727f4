/**
 * Main memory of the elector model (docs/elector-physical.md §1–§3).
 *
 * Bandwidth: BW_eff = channels × BW_ch(type) × η(type) × η_bank with η_bank = 1 for bulk
 * transfers (every configuration of the space has ≥ 2 banks per channel, §1.2), so banks
 * and ranks do not set bandwidth. Time of an op's transfers = first-word latency (once
 * per op) + bytes / BW_eff; double buffering overlaps the transfer with compute (schedule).
 * Energy: bits × e_bit(type), independent of banks, ranks and channels (§1.4); the channel
 * dependence lives in the background power P_bg, charged over the whole run (§3).
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ElectorConstants, MainMemoryTypeConstants } from '../constants/elector.ts';

export interface MainMemoryModel {
  /** Effective streaming bandwidth, bytes per accelerator cycle. */
  bytesPerCycle: number;
  /** Peak (wire-rate, η = 1) bandwidth, bytes per cycle: the lower bound of any transfer. */
  peakBytesPerCycle: number;
  latencyCycles: number;
  readNJPerBit: number;
  writeNJPerBit: number;
  /** Background power, mW (leakage of the main memory). */
  backgroundMW: number;
  /** RRAM power gating: background power only while transferring. */
  powerGated: boolean;
}

export function mainMemoryModel(acc: AcceleratorConfig, c: ElectorConstants, clockMHz: number): MainMemoryModel {
  const mm = acc.mainMemory;
  const t: MainMemoryTypeConstants = c.mainMemory[mm.type];
  // The iso-pin reading splits one fixed RRAM interface across the channels (§1.3).
  const isoPin = mm.type === 'rram' && c.mainMemory.rramBandwidth === 'isoPin';
  const peakGBps = (isoPin ? 1 : mm.channels) * t.channelBandwidthGBps;
  const cyclesPerSecond = clockMHz * 1e6;
  return {
    bytesPerCycle: (peakGBps * 1e9 * t.efficiency) / cyclesPerSecond,
    peakBytesPerCycle: (peakGBps * 1e9) / cyclesPerSecond,
    latencyCycles: Math.ceil(t.firstWordLatencyNs * 1e-3 * clockMHz),
    readNJPerBit: t.readEnergyPJPerBit * 1e-3,
    writeNJPerBit: t.writeEnergyPJPerBit * 1e-3,
    backgroundMW: backgroundPowerMW(acc, t),
    powerGated: mm.type === 'rram' && c.mainMemory.rramPowerGated,
  };
}

/**
 * P_bg (§3): DDR4 = channels × ranks × devices/rank × P_dev (a x64 rank is 8 x8 devices);
 * HBM = channels × P_ch; RRAM = channels × ranks × P_rank. More channels and ranks cost
 * more energy here, not in the per-bit access energy.
 */
export function backgroundPowerMW(acc: AcceleratorConfig, t: MainMemoryTypeConstants): number {
  const { channels, ranks } = acc.mainMemory;
  switch (t.backgroundUnit) {
    case 'device':
      return channels * ranks * t.devicesPerRank * t.backgroundMW;
    case 'channel':
      return channels * t.backgroundMW;
    default:
      return channels * ranks * t.backgroundMW;
  }
}
