/**
 * Physical constants of the `elector` cost model (docs/elector-physical.md §6).
 * Every figure carries its source key [S#] (listed at the end of that spec) or
 * **[est]** when it is an engineering estimate. Module area and power stay in
 * `reference.ts` (docs/elector.md §11); this table replaces the reference's memory
 * figures: main-memory bandwidth, latency, energy and background power, SRAM
 * access energy, bandwidth and cell type, and the training data formats.
 *
 * Units: GB/s = 1e9 B/s, ns, pJ/bit, mW, nJ per 64-byte SRAM access, MB = 2^20 B
 * (the buffer sizes of the design space are in the reference's MB).
 */
import type { MemoryType } from '../../space/accelerator/types.ts';

export type SramCell = 'hp' | 'lstp';

export interface MainMemoryTypeConstants {
  /** Peak bandwidth of one channel, GB/s. */
  channelBandwidthGBps: number;
  /** Controller efficiency η on streaming transfers (refresh, turnarounds, scheduling). */
  efficiency: number;
  /** First-word latency, charged once per op that touches main memory, ns. */
  firstWordLatencyNs: number;
  /** Dynamic access energy, pJ per bit read. */
  readEnergyPJPerBit: number;
  /** Dynamic access energy, pJ per bit written. */
  writeEnergyPJPerBit: number;
  /** Background power per `backgroundUnit`, mW (active standby + averaged refresh). */
  backgroundMW: number;
  /** What `backgroundMW` counts: a device (× devicesPerRank × ranks × channels), a channel, or a rank (× channels). */
  backgroundUnit: 'device' | 'channel' | 'rank';
  /** Devices per rank, used when `backgroundUnit` is `device`. */
  devicesPerRank: number;
}

export interface ElectorConstants {
  data: {
    /** Bits per stored tensor element: IL 4 + FL 16. */
    elementBits: number;
    /** Bits of the binary sparsity mask per element of a compressed tensor. */
    maskBitsPerElement: number;
    /** Bits of each AdamW state (m, v) and of the master weights. */
    optimizerStateBits: number;
  };
  mainMemory: Record<MemoryType, MainMemoryTypeConstants> & {
    /**
     * `perChannel` (default): every channel adds BW_ch, so channels multiply bandwidth and
     * background power alike. `isoPin`: one fixed RRAM interface split across the channels
     * (total = one channel's BW_ch). Applies to RRAM only (docs/elector-physical.md §1.3).
     */
    rramBandwidth: 'perChannel' | 'isoPin';
    /** RRAM is non-volatile: when true, background power is charged only while it transfers. */
    rramPowerGated: boolean;
  };
  sram: {
    /** c in E(64 B) = max(c·√MB, E_min), nJ. */
    energyNJPer64BPerSqrtMB: number;
    /** E_min, nJ per 64-byte access. */
    minEnergyNJPer64B: number;
    /** Bytes per bank access (the CACTI port width). */
    bankBytes: number;
    /**
     * Largest SRAM bank (macro group behind one port), MB. A buffer has at least
     * ⌈MB / maxBankMB⌉ banks, and at least one port per `lanesPerBankPort` MAC lanes, rounded
     * up to a power of two (see buffers.ts).
     */
    maxBankMB: number;
    lanesPerBankPort: number;
    /** Periphery (decoders, sense amplifiers, port) of each bank beyond ⌈MB / maxBankMB⌉: area, mm². */
    extraBankAreaMm2: number;
    /** …and its leakage, mW per extra bank (HP cells; LSTP periphery leaks `lstpLeakageMWPerMB / hpLeakage` as much). */
    extraBankLeakageMW: number;
    /** Access latency of a 4 MB buffer, ns; scales as (MB/4)^exponent. Charged once per op. */
    accessLatencyNsAt4MB: number;
    accessLatencyExponent: number;
    /** Cell type: `hp` takes the reference's per-buffer leakage; `lstp` uses `lstpLeakageMWPerMB`. */
    cell: SramCell;
    lstpLeakageMWPerMB: number;
    /** LSTP access time relative to HP (CACTI 7: 2–3×); only the per-op latency grows. */
    lstpLatencyFactor: number;
    /** Training: fraction of the weight buffer kept free (dW staging) when weights are resident. Inference keeps none. */
    weightBufferReserveFraction: number;
  };
  optimizer: {
    /** AdamW elementwise operations per parameter, run on the MAC lanes. */
    laneOpsPerParam: number;
    /** Bits of a weight-gradient accumulator element in main memory (summed over micro-batches). */
    gradientAccumulatorBits: number;
  };
  energy: {
    /**
     * The clock at which the modules' dynamic power was characterised: energy per action
     * = P_dyn / f_nominal. The run's clock changes time and leakage, not energy per action.
     */
    nominalClockMHz: number;
    /** Leakage an idle power-gated unit keeps (sleep-transistor leakage, state retention). */
    gatedLeakageFraction: number;
  };
}

export const ELECTOR_CONSTANTS: ElectorConstants = {
  data: {
    elementBits: 20, // [S2] IL 4 + FL 16
    maskBitsPerElement: 1, // §1.2: one binary mask bit per element travels with compressed data
    optimizerStateBits: 32, // §5.1 [inference, not sourced]: m, v underflow in 20-bit IL4/FL16; fp32 master as in [S12]
  },
  mainMemory: {
    dram: {
      channelBandwidthGBps: 25.6, // DDR4-3200 x64 [S16][S4]
      efficiency: 0.75, // STREAM on DDR4/LPDDR4 [S6]
      firstWordLatencyNs: 50, // tRCD+CL 27.5 ns [S4] + controller/PHY [est]
      readEnergyPJPerBit: 20, // Horowitz 640 pJ per 32 b [S9]
      writeEnergyPJPerBit: 20, // read ≈ write [S9]
      backgroundMW: 73, // per 1 GB x8 DDR4 device: IDD3N 62 + refresh 11 [S4]
      backgroundUnit: 'device',
      devicesPerRank: 8, // a x64 rank of x8 devices [S4]
    },
    hbm: {
      channelBandwidthGBps: 51.2, // HBM2E 128-bit at 3.2 Gb/s [S5][S14]
      efficiency: 0.88, // A100 read kernel, 88 % of peak [S7]
      firstWordLatencyNs: 50, // 28 ns closed row [S4] + controller [est]
      readEnergyPJPerBit: 4, // 3.97 pJ/bit [S8]
      writeEnergyPJPerBit: 4, // [S8]
      backgroundMW: 82, // per HBM2 channel: IDD3N 66 + refresh 16 [S4]
      backgroundUnit: 'channel',
      devicesPerRank: 1,
    },
    rram: {
      channelBandwidthGBps: 256, // [est]: reproduces the reference `hb` [S1]; half the SPRING-config channel [S15]
      efficiency: 0.9, // [est]: no refresh, no precharge; write pulses remain
      firstWordLatencyNs: 20, // tRCD 8.5 + tCAS 3 + burst 2 [S1] + controller [est]
      readEnergyPJPerBit: 13.5, // = reference rram_32_2_1 per bit [S2] [est]
      writeEnergyPJPerBit: 27, // 2 × read [est] (NVMain cfg ≈ 21× per access [S3])
      backgroundMW: 180, // NVMain "backgroundPower" per rank [S1] [est]
      backgroundUnit: 'rank',
      devicesPerRank: 1,
    },
    rramBandwidth: 'perChannel', // §1.3 decision
    rramPowerGated: false, // §3: exposed as a switch; off for continuity
  },
  sram: {
    energyNJPer64BPerSqrtMB: 0.082, // CACTI-P 14 nm fit, exponent 0.52 [S1]; checked with CACTI 7 [S10]
    minEnergyNJPer64B: 0.03, // [est]: fixed per-access cost below ~0.15 MB
    bankBytes: 64, // 64-B line / 512-bit port [S1]
    maxBankMB: 0.5, // the reference's CACTI runs organise 4 MB as 8 banks [S1]; CACTI 7 8-bank runs [S10]
    lanesPerBankPort: 64, // [est]: one 64-B port per 64 lanes (4 PEs of 16): a cluster's slice of a banked global buffer
    extraBankAreaMm2: 0.02, // [est]: ≈ 13 % of a 0.5 MB bank (0.15 mm² at the reference's 0.30 mm²/MB [S2])
    extraBankLeakageMW: 1, // [est]: periphery of one bank, HP
    accessLatencyNsAt4MB: 2, // CACTI 7: 2–9 ns for 4–128 MB [S10]
    accessLatencyExponent: 0.43, // fits 2 ns at 4 MB and 9 ns at 128 MB [S10] [est]
    cell: 'lstp', // ITRS-LSTP: ≈ 10³ less leakage at similar access energy [S10]; buffers hold data between ops
    lstpLeakageMWPerMB: 0.25, // CACTI 7 itrs-lstp [S10]
    lstpLatencyFactor: 2.5, // CACTI 7: LSTP access time 2–3× HP [S10]
    weightBufferReserveFraction: 0.25, // [est]
  },
  optimizer: {
    laneOpsPerParam: 10, // [est]: two EMAs (4), sqrt, divide, decay, update, rounding
    gradientAccumulatorBits: 32, // fp32 accumulation across micro-batches, as mixed-precision training keeps it [S12]
  },
  energy: {
    nominalClockMHz: 700, // the reference characterised every module at 700 MHz [S2]
    gatedLeakageFraction: 0.05, // [est]: header-switch gating cuts leakage 10–50×
  },
};

/** Where each constant comes from, for the "where does this number come from" view. */
export interface ConstantSource {
  /** Source keys of docs/elector-physical.md, e.g. `[S4]`, or `[est]`. */
  source: string;
  /** True when the figure is an engineering estimate rather than a sourced value. */
  estimate: boolean;
}

const src = (source: string, estimate = false): ConstantSource => ({ source, estimate });

export const ELECTOR_CONSTANT_SOURCES: Record<string, ConstantSource> = {
  'data.elementBits': src('[S2]'),
  'data.maskBitsPerElement': src('docs/elector-physical.md §1.2'),
  'data.optimizerStateBits': src('§5.1 [S12], inference', true),
  'mainMemory.dram.channelBandwidthGBps': src('[S16][S4]'),
  'mainMemory.dram.efficiency': src('[S6]'),
  'mainMemory.dram.firstWordLatencyNs': src('[S4] + controller', true),
  'mainMemory.dram.readEnergyPJPerBit': src('[S9]'),
  'mainMemory.dram.writeEnergyPJPerBit': src('[S9]'),
  'mainMemory.dram.backgroundMW': src('[S4]'),
  'mainMemory.hbm.channelBandwidthGBps': src('[S5][S14]'),
  'mainMemory.hbm.efficiency': src('[S7]'),
  'mainMemory.hbm.firstWordLatencyNs': src('[S4] + controller', true),
  'mainMemory.hbm.readEnergyPJPerBit': src('[S8]'),
  'mainMemory.hbm.writeEnergyPJPerBit': src('[S8]'),
  'mainMemory.hbm.backgroundMW': src('[S4]'),
  'mainMemory.rram.channelBandwidthGBps': src('[S1][S15]', true),
  'mainMemory.rram.efficiency': src('no refresh/precharge', true),
  'mainMemory.rram.firstWordLatencyNs': src('[S1] + controller', true),
  'mainMemory.rram.readEnergyPJPerBit': src('[S2]', true),
  'mainMemory.rram.writeEnergyPJPerBit': src('2 × read; [S3]', true),
  'mainMemory.rram.backgroundMW': src('[S1]', true),
  'sram.energyNJPer64BPerSqrtMB': src('[S1][S10]'),
  'sram.minEnergyNJPer64B': src('CACTI 7 small sizes', true),
  'sram.bankBytes': src('[S1]'),
  'sram.maxBankMB': src('[S1][S10]'),
  'sram.lanesPerBankPort': src('one port per 64-lane cluster', true),
  'sram.extraBankAreaMm2': src('≈ 13 % of a 0.5 MB bank [S2]', true),
  'sram.extraBankLeakageMW': src('bank periphery', true),
  'sram.lstpLatencyFactor': src('[S10]'),
  'sram.accessLatencyNsAt4MB': src('[S10]'),
  'sram.accessLatencyExponent': src('[S10] fit', true),
  'sram.lstpLeakageMWPerMB': src('[S10]'),
  'sram.weightBufferReserveFraction': src('design choice', true),
  'optimizer.laneOpsPerParam': src('AdamW [S13] op count', true),
  'optimizer.gradientAccumulatorBits': src('[S12]'),
  'energy.nominalClockMHz': src('[S2]'),
  'energy.gatedLeakageFraction': src('power-gating switches', true),
};
