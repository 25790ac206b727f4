/**
 * On-chip SRAM buffers of the elector model (specs/elector-physical.md §4).
 *
 * Energy: E(64 B) = max(c·√MB, E_min), charged per bit read and per bit written at the
 * stored width (CACTI read and write energies differ by ≲ 12 % at ≥ 1 MB). The reference
 * charges the same figure per 64 *elements* (§0), 20× too little at 20 bits.
 * Bandwidth: banks × 64 B per cycle (8 banks up to 8 MB, 16 above [est]); one access per
 * bank per accelerator cycle (CACTI cycle times 0.44–0.84 ns at ≤ 8 MB fit the 1.43 ns clock).
 * Access latency pipelines away; it is charged once per op.
 * Leakage: mW/MB × MB over the whole run; HP cells take the reference's per-buffer
 * figures [S2], LSTP cells ≈ 0.25 mW/MB [S10].
 */
import type { ElectorConstants } from '../constants/elector.ts';
import type { BufferConstant } from '../constants/reference.ts';

export interface BufferModel {
  sizeMB: number;
  /** Capacity, bits (MB = 2^20 bytes, as in the design space). */
  capacityBits: number;
  nJPerBit: number;
  bitsPerCycle: number;
  latencyCycles: number;
  leakageMW: number;
}

export function bufferModel(sizeMB: number, reference: BufferConstant, c: ElectorConstants, clockMHz: number): BufferModel {
  const s = c.sram;
  const per64BNJ = Math.max(s.energyNJPer64BPerSqrtMB * Math.sqrt(sizeMB), s.minEnergyNJPer64B);
  const banks = sizeMB <= s.bankThresholdMB ? s.banksSmall : s.banksLarge;
  const latencyNs = s.accessLatencyNsAt4MB * Math.pow(sizeMB / 4, s.accessLatencyExponent);
  const leakPerMB = s.cell === 'hp' ? reference.leakageMWPerMB : s.lstpLeakageMWPerMB;
  return {
    sizeMB,
    capacityBits: sizeMB * 1024 * 1024 * 8,
    nJPerBit: per64BNJ / (64 * 8),
    bitsPerCycle: banks * s.bankBytes * 8,
    latencyCycles: Math.ceil(latencyNs * 1e-3 * clockMHz),
    leakageMW: leakPerMB * sizeMB,
  };
}
