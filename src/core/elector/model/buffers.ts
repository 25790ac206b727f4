/**
 * On-chip SRAM buffers of the elector model (docs/elector-physical.md §4).
 *
 * Banks. A buffer is built from banks, each a group of SRAM macros behind one 64-B port.
 * Two things set their number, as in a real floorplan:
 *   - capacity: a bank holds at most `maxBankMB` (the reference's CACTI runs build 4 MB
 *     from 8 banks [S1]); bigger banks would have longer bit- and word-lines and a slower
 *     cycle than the clock;
 *   - the array it feeds: one port per `lanesPerBankPort` MAC lanes (PEs × lanes per PE),
 *     so a wider array gets a wider buffer interface (the global buffer of a PE array is
 *     split into per-cluster slices, as in Eyeriss/Simba-style designs).
 *   banks = 2^⌈log2 max(⌈MB / maxBankMB⌉, ⌈lanes / lanesPerBankPort⌉)⌉.
 * Bandwidth = banks × 64 B per cycle (one access per bank per cycle).
 * Banks added for bandwidth beyond ⌈MB / maxBankMB⌉ cost periphery: area and leakage
 * per bank. The access energy stays E(64 B) = max(c·√MB, E_min): the wires from a bank
 * to the array still span the whole buffer, so a smaller bank does not make it cheaper.
 *
 * Energy is charged per bit read and written at the stored width (CACTI read and write
 * energies differ by ≲ 12 % at ≥ 1 MB). The reference charges the same figure per 64
 * *elements* (§0), 20× too little at 20 bits.
 * Access latency (one bank's, CACTI's figure scaled to the bank size) is charged once per
 * op (LSTP cells are slower).
 * Leakage: mW/MB × MB over the whole run (a buffer holding data cannot be gated);
 * HP cells take the reference's per-buffer figures [S2], LSTP cells ≈ 0.25 mW/MB [S10].
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { BufferConstant } from '../constants/reference.ts';

export interface BufferModel {
  sizeMB: number;
  /** Capacity, bits (MB = 2^20 bytes, as in the design space). */
  capacityBits: number;
  banks: number;
  /** Banks beyond the ones capacity alone needs (added for bandwidth). */
  extraBanks: number;
  nJPerBit: number;
  bitsPerCycle: number;
  latencyCycles: number;
  /** Cells and bank periphery, mW. */
  leakageMW: number;
  /** Periphery area of the extra banks, mm² (the cells' area is in area.ts). */
  extraAreaMm2: number;
}

export function bankCount(sizeMB: number, lanes: number, c: ElectorConstants): { banks: number; extraBanks: number } {
  const s = c.sram;
  const forCapacity = Math.max(1, Math.ceil(sizeMB / s.maxBankMB));
  const forPorts = Math.max(1, Math.ceil(lanes / s.lanesPerBankPort));
  const banks = 2 ** Math.ceil(Math.log2(Math.max(forCapacity, forPorts)));
  return { banks, extraBanks: Math.max(0, banks - forCapacity) };
}

export function bufferModel(sizeMB: number, lanes: number, reference: BufferConstant, c: ElectorConstants, clockMHz: number): BufferModel {
  const s = c.sram;
  const per64BNJ = Math.max(s.energyNJPer64BPerSqrtMB * Math.sqrt(sizeMB), s.minEnergyNJPer64B);
  const { banks, extraBanks } = bankCount(sizeMB, lanes, c);
  const lstp = s.cell === 'lstp';
  // One bank's access: the wires between banks and the array are pipelined, and their
  // cycles overlap the previous op's drain, so a bigger buffer adds banks, not latency.
  const bankMB = Math.min(sizeMB, s.maxBankMB);
  const latencyNs = s.accessLatencyNsAt4MB * Math.pow(bankMB / 4, s.accessLatencyExponent) * (lstp ? s.lstpLatencyFactor : 1);
  const cellLeakPerMB = lstp ? s.lstpLeakageMWPerMB : reference.leakageMWPerMB;
  const peripheryScale = lstp ? s.lstpLeakageMWPerMB / reference.leakageMWPerMB : 1;
  return {
    sizeMB,
    capacityBits: sizeMB * 1024 * 1024 * 8,
    banks,
    extraBanks,
    nJPerBit: per64BNJ / (64 * 8),
    bitsPerCycle: banks * s.bankBytes * 8,
    latencyCycles: Math.ceil(latencyNs * 1e-3 * clockMHz),
    leakageMW: cellLeakPerMB * sizeMB + extraBanks * s.extraBankLeakageMW * peripheryScale,
    extraAreaMm2: extraBanks * s.extraBankAreaMm2,
  };
}

/**
 * Periphery area of the banks the three buffers add for bandwidth, mm²: what the elector
 * model adds to the shared area of area.ts (the `bufferBanks` row of a result's area).
 */
export function bankAreaMm2(acc: AcceleratorConfig, c: ElectorConstants): number {
  const lanes = acc.pe * acc.lanesPerPe;
  // Buffer by buffer, as each `BufferModel.extraAreaMm2` is: the same sum to the last bit.
  return extraBankAreaMm2(acc.activationBufferMB, lanes, c) + extraBankAreaMm2(acc.weightBufferMB, lanes, c) + extraBankAreaMm2(acc.maskBufferMB, lanes, c);
}

function extraBankAreaMm2(sizeMB: number, lanes: number, c: ElectorConstants): number {
  return bankCount(sizeMB, lanes, c).extraBanks * c.sram.extraBankAreaMm2;
}
