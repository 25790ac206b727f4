/**
 * Energy by module in one shape for both cost models. The reference model keeps
 * the published output keys, where `buffer` and `mainMemory` are plain numbers
 * (dynamic only: it charges them no leakage); the elector model gives every
 * module a [dynamic, leakage] pair.
 */
import type { ElectorSimResult, ReferenceSimResult } from '../core/elector/types.ts';
import { moduleLabel } from './moduleLabels.ts';

export interface EnergyRow {
  module: string;
  label: string;
  dynamicNJ: number;
  leakageNJ: number;
}

type Tagged = Pick<ReferenceSimResult, 'costModel' | 'energyNJ'> | Pick<ElectorSimResult, 'costModel' | 'energyNJ'>;

/** [module, dynamic, leakage] per module, by the result's cost model. */
function entries(r: Tagged): [string, number, number][] {
  if (r.costModel === 'elector') return Object.entries(r.energyNJ).map(([m, [d, l]]) => [m, d, l]);
  const { buffer, mainMemory, ...pairs } = r.energyNJ;
  return [['buffer', buffer, 0], ['mainMemory', mainMemory, 0], ...Object.entries(pairs).map(([m, [d, l]]): [string, number, number] => [m, d, l])];
}

/** Rows sorted by total energy, largest first; modules with no energy at all are left out. */
export function energyParts(result: Tagged): EnergyRow[] {
  const rows: EnergyRow[] = [];
  for (const [module, dynamicNJ, leakageNJ] of entries(result)) {
    if (dynamicNJ === 0 && leakageNJ === 0) continue;
    rows.push({ module, label: moduleLabel(module), dynamicNJ, leakageNJ });
  }
  // Magnitude, because the reference's negative-conv quirk can make a module's energy negative.
  return rows.sort((a, b) => Math.abs(b.dynamicNJ + b.leakageNJ) - Math.abs(a.dynamicNJ + a.leakageNJ));
}

export interface ValueRow {
  module: string;
  label: string;
  value: number;
}

/** A `Record<module, number>` (area, utilisation) as labelled rows, largest first, zeros dropped. */
export function recordRows(record: Record<string, number>, keepZeros = false): ValueRow[] {
  return Object.entries(record)
    .filter(([, v]) => Number.isFinite(v) && (keepZeros || v !== 0))
    .map(([module, value]) => ({ module, label: moduleLabel(module), value }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}
