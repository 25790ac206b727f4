/**
 * Energy by module in one shape for both cost models. The reference model keeps
 * the published output keys, where `buffer` and `mainMemory` are plain numbers
 * (dynamic only: it charges them no leakage); the elector model gives every
 * module a [dynamic, leakage] pair.
 */
import type { DynLeakNJ, ElectorEnergyNJ, ReferenceEnergyNJ } from '../core/elector/types.ts';
import { moduleLabel } from './moduleLabels.ts';

export interface EnergyRow {
  module: string;
  label: string;
  dynamicNJ: number;
  leakageNJ: number;
}

function isPair(v: unknown): v is DynLeakNJ {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

/** Rows sorted by total energy, largest first; modules with no energy at all are left out. */
export function energyParts(energy: ReferenceEnergyNJ | ElectorEnergyNJ): EnergyRow[] {
  const rows: EnergyRow[] = [];
  for (const [module, v] of Object.entries(energy) as [string, unknown][]) {
    let dynamicNJ: number, leakageNJ: number;
    if (typeof v === 'number') [dynamicNJ, leakageNJ] = [v, 0];
    else if (isPair(v)) [dynamicNJ, leakageNJ] = v;
    else continue; // an unknown shape is skipped rather than drawn wrong
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
