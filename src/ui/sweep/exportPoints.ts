/**
 * Sweep points as CSV and JSON. Pure: builds text from rows; the view turns it
 * into a download. CSV follows RFC 4180 (quote cells holding a comma, quote,
 * CR or LF; double inner quotes) and neutralises spreadsheet formulas: a text
 * cell starting with = + - @ (or tab/CR) is prefixed with ', so opening the file
 * can never run a formula from a crafted design string.
 */
import { OBJECTIVES, OBJECTIVE_INFO, type Objective, type ObjectiveColumns } from '../../core/sweep/objectives.ts';
import type { SweepPlan } from '../../core/sweep/plan.ts';
import { pairFromLevels, sampleLevels } from '../../core/sweep/sample.ts';
import type { SweepRunJob } from './sweepRunStore.ts';

export type CsvValue = string | number | null | undefined;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Column names with units, e.g. `latency_s`, `area_mm2`. */
export function objectiveHeader(o: Objective): string {
  const unit = OBJECTIVE_INFO[o].unit.replace('²', '2').replace('·', '').replace(/[^A-Za-z0-9]/g, '');
  return unit ? `${o}_${unit}` : o;
}

/** One exported point: its index, objectives and the values of the varied parameters. */
export interface ExportPoint {
  index: number;
  objectives: Record<Objective, number>;
  /** Varied parameter id → value as the design stores it. */
  params: Record<string, number | string>;
  /** The whole model, when the sweep draws models whole (random-model sweeps). */
  model?: unknown;
}

export function exportPoint(plan: SweepPlan, job: SweepRunJob, columns: ObjectiveColumns, index: number, levels: Int32Array): ExportPoint {
  sampleLevels(plan, index, levels);
  const params: Record<string, number | string> = {};
  plan.params.forEach((p, d) => { params[p.id] = p.values[levels[d]]; });
  const objectives = Object.fromEntries(OBJECTIVES.map((o) => [o, columns[o][index]])) as Record<Objective, number>;
  const point: ExportPoint = { index, objectives, params };
  if (plan.randomModel) point.model = pairFromLevels(plan, job.base, index, levels).model;
  return point;
}

export function pointsToCsv(plan: SweepPlan, points: readonly ExportPoint[]): string {
  const paramIds = plan.params.map((p) => p.id);
  const header = ['index', ...OBJECTIVES.map(objectiveHeader), ...paramIds, ...(plan.randomModel ? ['model'] : [])];
  const rows = points.map((p) => [
    p.index,
    ...OBJECTIVES.map((o) => p.objectives[o]),
    ...paramIds.map((id) => p.params[id]),
    ...(plan.randomModel ? [JSON.stringify(p.model)] : []),
  ]);
  return toCsv(header, rows);
}

/** JSON with everything needed to regenerate the points: spec, base design, run settings. */
export function pointsToJson(job: SweepRunJob, which: string, points: readonly ExportPoint[]): string {
  const units = Object.fromEntries(OBJECTIVES.map((o) => [o, OBJECTIVE_INFO[o].unit]));
  const clean = points.map((p) => ({
    ...p,
    // JSON has no NaN: failed points export null objectives.
    objectives: Object.fromEntries(OBJECTIVES.map((o) => [o, Number.isFinite(p.objectives[o]) ? p.objectives[o] : null])),
  }));
  return JSON.stringify({ kind: 'transcode-sweep-points', which, sweep: job.spec, base: job.base, settings: job.settings, units, points: clean }, null, 1);
}
