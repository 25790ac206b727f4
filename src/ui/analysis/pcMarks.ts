/**
 * The current and pinned designs on the parallel coordinates, as on the Pareto
 * plot (designMarks.ts): their own simulated objectives, only when simulated
 * under the sweep's run settings; plus their numeric accelerator parameters
 * (tile.x, pe, …), read from the design, so the line reaches those axes too.
 */
import { useMemo } from 'react';
import { OBJECTIVES, objectiveValues } from '../../core/sweep/objectives.ts';
import { modelFigures } from '../../core/sweep/modelFigures.ts';
import type { SimResult } from '../../core/elector/types.ts';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import type { RunSettings } from '../../core/share/schema.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { useSweepRun } from '../../state/sweep/appSweep.ts';
import { sameRunSettings } from '../../core/share/runSettings.ts';

export interface PcMark { id: string; label: string; kind: 'current' | 'pinned'; values: Record<string, number> }

/** A numeric accelerator field by sweep parameter id (`tile.x` is a path); choices and transformer fields are left out. */
function acceleratorValue(acc: unknown, id: string): number {
  let v: unknown = acc;
  for (const part of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : Number.NaN;
}

function markOf(id: string, label: string, kind: PcMark['kind'], model: ModelDict, accelerator: unknown, result: SimResult, seqLen: number, paramIds: readonly string[]): PcMark {
  const values: Record<string, number> = { ...objectiveValues(result, modelFigures(model, seqLen)) };
  for (const p of paramIds) values[p] = acceleratorValue(accelerator, p);
  return { id, label, kind, values };
}

export function usePcMarks(paramIds: readonly string[]): PcMark[] {
  const sim = useExplorer((s) => s.sim.result);
  const design = useExplorer((s) => s.session.design);
  const settings = useExplorer((s) => s.session.settings);
  const pinned = useExplorer((s) => s.session.pinned);
  const compare = useExplorer((s) => s.compare);
  const sweepSettings = useSweepRun((s) => s.job?.settings ?? null);
  return useMemo(() => {
    if (!sweepSettings) return [];
    const same = (r: RunSettings) => sameRunSettings(r, sweepSettings);
    const out: PcMark[] = [];
    if (sim && same(settings)) out.push(markOf('current', 'Current design', 'current', design.model, design.accelerator, sim, settings.seqLen, paramIds));
    for (const p of pinned) {
      const r = compare[p.id]?.result;
      if (r && same(p.settings)) out.push(markOf(p.id, p.label || p.id, 'pinned', p.model as ModelDict, p.accelerator, r, p.settings.seqLen, paramIds));
    }
    return out.filter((m) => OBJECTIVES.some((o) => Number.isFinite(m.values[o])));
  }, [sim, design, settings, pinned, compare, sweepSettings, paramIds]);
}
