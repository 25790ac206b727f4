/**
 * The current and pinned designs as marks on the Pareto plot, at the objectives
 * of their own simulations (the live result, the compared results). A design is
 * marked only when it was simulated under the sweep's run settings: a training
 * figure among inference points would mislead.
 */
import { useMemo } from 'react';
import type { Objective, RunSettings } from '../../core/share/schema.ts';
import type { SimResult } from '../../core/elector/types.ts';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import { objectiveValues } from '../../core/sweep/objectives.ts';
import { modelFigures } from '../../core/sweep/modelFigures.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { useSweepRun } from '../../state/sweep/appSweep.ts';
import type { PlotDesignMark } from './plotTypes.ts';
import { sameRunSettings } from '../../core/share/runSettings.ts';

interface Simulated {
  id: string;
  label: string;
  kind: PlotDesignMark['kind'];
  model: ModelDict;
  settings: RunSettings;
  result: SimResult | null;
}

/** Marks for `x` and `y`, and how many designs were left out because their run settings differ from the sweep's. */
export function designMarks(designs: readonly Simulated[], sweepSettings: RunSettings | null, x: Objective, y: Objective): { marks: PlotDesignMark[]; otherSettings: number } {
  const marks: PlotDesignMark[] = [];
  let otherSettings = 0;
  if (!sweepSettings) return { marks, otherSettings };
  for (const d of designs) {
    if (!d.result) continue;
    if (!sameRunSettings(d.settings, sweepSettings)) {
      otherSettings++;
      continue;
    }
    const v = objectiveValues(d.result, modelFigures(d.model, d.settings.seqLen));
    marks.push({ id: d.id, label: d.label, kind: d.kind, x: v[x], y: v[y] });
  }
  return { marks, otherSettings };
}

/** The current and pinned designs with their simulations, and the sweep's run settings (to check they match). */
export function useSimulatedDesigns(): { all: readonly Simulated[]; sweepSettings: RunSettings | null } {
  const sim = useExplorer((s) => s.sim.result);
  const design = useExplorer((s) => s.session.design);
  const settings = useExplorer((s) => s.session.settings);
  const pinned = useExplorer((s) => s.session.pinned);
  const compare = useExplorer((s) => s.compare);
  const sweepSettings = useSweepRun((s) => s.job?.settings ?? null);
  return useMemo(() => ({
    all: [
      { id: 'current', label: 'Current design', kind: 'current', model: design.model, settings, result: sim },
      ...pinned.map((p): Simulated => ({ id: p.id, label: p.label || p.id, kind: 'pinned', model: p.model, settings: p.settings, result: compare[p.id]?.result ?? null })),
    ],
    sweepSettings,
  }), [sim, design, settings, pinned, compare, sweepSettings]);
}

export function useDesignMarks(x: Objective, y: Objective) {
  const { all, sweepSettings } = useSimulatedDesigns();
  return useMemo(() => designMarks(all, sweepSettings, x, y), [all, sweepSettings, x, y]);
}
