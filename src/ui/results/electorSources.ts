/**
 * "Where this comes from" for the elector model, with this design's own numbers
 * put into the formulas: the MAC lanes' and main memory's dynamic energy, the
 * share of cycles each resource bound, the passes and the optimizer's share.
 * A figure is only spelled out when it reproduces the result (the accelerator in
 * the editors may already differ from the one a shown result was simulated with).
 */
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import type { ElectorEnergyNJ, SimResult } from '../../core/elector/types.ts';
import { ELECTOR_CONSTANTS } from '../../core/elector/constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../../core/elector/constants/reference.ts';
import { laneConstant } from '../../core/elector/area.ts';
import { cyclesByLimiter, limiterSharesText } from '../../charts/limiters.ts';
import { optimizerNote, passesNote } from '../../charts/runNotes.ts';
import { formatSI } from '../common/format.ts';

export const ELECTOR_DOC = 'docs/elector-model.md';

const J = (nJ: number) => formatSI(nJ * 1e-9, 'J');
const B = (bytes: number) => formatSI(bytes, 'B');
const BITS_PER_BYTE = 8;

function agrees(a: number, b: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

function electorEnergy(r: SimResult): ElectorEnergyNJ | null {
  return r.costModel === 'elector' ? r.energyNJ : null;
}

/** MAC lanes, dynamic = lane-busy cycles × P_dyn / f_nominal, with the numbers. */
export function macLaneEnergyLine(r: SimResult, acc?: AcceleratorConfig): string | null {
  const e = electorEnergy(r);
  const utilisation = r.utilisation?.macLanes;
  if (!e || !acc || utilisation === undefined) return null;
  let pDynMW: number;
  try {
    pDynMW = laneConstant(REFERENCE_CONSTANTS, acc).dynamicMW;
  } catch {
    return null;
  }
  const f = ELECTOR_CONSTANTS.energy.nominalClockMHz;
  const laneBusy = utilisation * acc.pe * acc.lanesPerPe * r.cycles;
  if (!agrees((laneBusy * pDynMW) / f, e.macLanes[0])) return null;
  return (
    `MAC lanes, dynamic = lane-busy cycles × P_dyn / ${f} MHz = ${formatSI(laneBusy, '').trim()} × ${formatSI(pDynMW * 1e-3, 'W')} / ${f} MHz ` +
    `= ${J(e.macLanes[0])} (P_dyn of one lane at ${acc.macsPerLane} MAC${acc.macsPerLane === 1 ? '' : 's'} with ${acc.nonLinearity}, docs/elector.md §11; ` +
    `energy per action is fixed at the ${f} MHz where it was measured).`
  );
}

/** Main memory, dynamic = bytes × 8 × pJ/bit, read and write, with the numbers. */
export function mainMemoryEnergyLine(r: SimResult, acc?: AcceleratorConfig): string | null {
  const e = electorEnergy(r);
  if (!e || !acc) return null;
  const type = acc.mainMemory.type;
  const m = ELECTOR_CONSTANTS.mainMemory[type];
  const { mainMemoryReadBytes: read, mainMemoryWriteBytes: write } = r.traffic;
  const nJ = (read * m.readEnergyPJPerBit + write * m.writeEnergyPJPerBit) * BITS_PER_BYTE * 1e-3;
  if (!agrees(nJ, e.mainMemory[0])) return null;
  return (
    `Main memory (${type.toUpperCase()}), dynamic = bytes × 8 × pJ/bit = ${B(read)} read × 8 × ${m.readEnergyPJPerBit} pJ/bit ` +
    `+ ${B(write)} written × 8 × ${m.writeEnergyPJPerBit} pJ/bit = ${J(e.mainMemory[0])} (constants in src/core/elector/constants/elector.ts).`
  );
}

/** "Cycles by what bound them (the timeline, one pass): main memory 99.6 %, …", or null without a timeline. */
export function limiterSharesLine(r: SimResult): string | null {
  if (!r.timeline?.length || !r.timeline.some((e) => e.limiter)) return null;
  return `Cycles by what bound each op (the timeline${passesNote(r) ? ', one pass' : ''}): ${limiterSharesText(cyclesByLimiter(r.timeline))}.`;
}

/** Extra lines for the elector model, per headline; empty for the reference model. */
export function electorSourceLines(r: SimResult, acc?: AcceleratorConfig) {
  if (r.costModel !== 'elector') return { latency: [], energy: [], cycles: [] };
  const doc = (sections: string) => `How the model works: ${ELECTOR_DOC} ${sections}.`;
  const run = [passesNote(r), r.run?.optimizer ? `Training: this batch is one micro-batch; it includes the ${optimizerNote(r)}.` : '']
    .filter(Boolean);
  const energy = [macLaneEnergyLine(r, acc), mainMemoryEnergyLine(r, acc)].filter((s): s is string => s !== null);
  if (energy.length) energy.unshift(`For this run's batch of ${r.batchSize}:`);
  return {
    latency: [...run, doc(r.run?.optimizer ? '§4 (the schedule), §5 (training)' : '§4 (the schedule)')],
    energy: [...energy, doc('§6 (energy)')],
    cycles: [limiterSharesLine(r), ...run, doc('§2 (one op and its mapping), §4 (the schedule)')].filter((s): s is string => !!s),
  };
}
