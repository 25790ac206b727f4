/**
 * What a sweep records per point: the session's OBJECTIVES, all minimised but predicted
 * accuracy. Energies are per sequence and EDP is energy per sequence × batch latency: the
 * definitions of core/metrics/perSequence.ts, shared with the headline figures.
 */
import type { SimResult } from '../elector/types.ts';
import { OBJECTIVES, type Objective } from '../share/limits.ts';
import { perSequenceMetrics } from '../metrics/perSequence.ts';
import { SWEEP_ACCURACY_SOURCE, type ModelFigures } from './modelFigures.ts';

export { OBJECTIVES, type Objective };

export interface ObjectiveInfo {
  label: string;
  /** Unit for formatting (SI prefixes are added by the UI). */
  unit: string;
  /** Where the number comes from, for "where this comes from" notes. */
  source: string;
  /** Better when smaller (`min`) or larger (`max`): fronts and rankings follow it. */
  sense: 'min' | 'max';
  /** The objective holding this one's one-sigma uncertainty, drawn as error bars on the front. */
  uncertainty?: Objective;
}

export const OBJECTIVE_INFO: Readonly<Record<Objective, ObjectiveInfo>> = {
  latency: { label: 'Latency', unit: 's', source: 'ELECTOR: cycles / clock for one batch (SimResult.latencyS).', sense: 'min' },
  energy: { label: 'Energy / sequence', unit: 'J', source: 'ELECTOR: total (dynamic + leakage) energy of the batch / batch size.', sense: 'min' },
  dynamicEnergy: { label: 'Dynamic energy / sequence', unit: 'J', source: 'ELECTOR: dynamic energy of the batch / batch size.', sense: 'min' },
  leakageEnergy: { label: 'Leakage energy / sequence', unit: 'J', source: 'ELECTOR: leakage energy of the batch / batch size.', sense: 'min' },
  area: { label: 'Area', unit: 'mm²', source: 'ELECTOR: sum of module areas from the reference constants (SimResult.areaMm2).', sense: 'min' },
  edp: { label: 'Energy-delay product', unit: 'J·s', source: 'Energy per sequence × batch latency.', sense: 'min' },
  parameters: { label: 'Parameters', unit: '', source: 'Trainable parameters of the FlexiBERT 2.0 model (parameterCount).', sense: 'min' },
  macs: { label: 'MACs / sequence', unit: 'MAC', source: 'Forward multiply–accumulates for one sequence of the run settings’ length in tokens (macsPerSequence).', sense: 'min' },
  accuracy: { label: 'Predicted accuracy', unit: '', source: `Predicted GLUE score of the model, higher is better; ${SWEEP_ACCURACY_SOURCE}.`, sense: 'max', uncertainty: 'accuracyStd' },
  accuracyStd: { label: 'Accuracy uncertainty (1σ)', unit: '', source: `One standard deviation of the predicted GLUE score: it grows away from the five published models and with head types they never used; ${SWEEP_ACCURACY_SOURCE}.`, sense: 'min' },
};


/** 1 for an objective to minimise, −1 for one to maximise: multiply by it to compare as "smaller is better". */
export const objectiveSign = (o: Objective): 1 | -1 => (OBJECTIVE_INFO[o].sense === 'max' ? -1 : 1);

/** True for an objective's key (a sweep column key is an objective or a parameter id). */
export const isObjective = (key: string): key is Objective => (OBJECTIVES as readonly string[]).includes(key);

/** One Float64Array per objective, index = sample index. */
export type ObjectiveColumns = Record<Objective, Float64Array>;

/** Columns of length n, filled with NaN (a point not computed yet, or failed). */
export function emptyColumns(n: number): ObjectiveColumns {
  return Object.fromEntries(OBJECTIVES.map((o) => [o, new Float64Array(n).fill(Number.NaN)])) as ObjectiveColumns;
}

/** The column of `o`'s one-sigma uncertainty, or null for an objective without one. */
export function uncertaintyColumn(cols: ObjectiveColumns, o: Objective): Float64Array | null {
  const u = OBJECTIVE_INFO[o].uncertainty;
  return u ? cols[u] : null;
}

/** Writes the point's objectives at row `row`; the model's figures are passed in (they are cached per model). */
export function writeObjectives(cols: ObjectiveColumns, row: number, r: SimResult, model: ModelFigures): void {
  const m = perSequenceMetrics(r);
  cols.latency[row] = m.latencyS;
  cols.energy[row] = m.energyPerSeqJ;
  cols.dynamicEnergy[row] = m.dynamicPerSeqJ;
  cols.leakageEnergy[row] = m.leakagePerSeqJ;
  cols.area[row] = m.areaMm2;
  cols.edp[row] = m.edpJs;
  cols.parameters[row] = model.parameters;
  cols.macs[row] = model.macs;
  cols.accuracy[row] = model.accuracy;
  cols.accuracyStd[row] = model.accuracyStd;
}

/** One design's objectives (the current design, a pinned one), by the same definitions as a sweep point's. */
export function objectiveValues(r: SimResult, model: ModelFigures): Record<Objective, number> {
  const cols = emptyColumns(1);
  writeObjectives(cols, 0, r, model);
  return Object.fromEntries(OBJECTIVES.map((o) => [o, cols[o][0]])) as Record<Objective, number>;
}
