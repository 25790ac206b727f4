/**
 * Sweep points as CSV or JSON text, produced in chunks so a worker can stream
 * 100,000 rows with progress. Pure: no DOM, no workers.
 *
 * Rows are compact: numbers with at most 7 significant digits, one row per
 * point, the design in readable columns (the varied parameters' values; for
 * sweeps that draw whole models, layers, hidden sizes, heads, attention ops and
 * feed-forward stacks, per layer). The model as a JSON blob is an opt-in extra
 * column. CSV is read by people (a spreadsheet): its headers and cells use the
 * editors' names ("Latency (s)", "Weight buffer (MB)", "2× DCT + Attn SDP").
 * JSON is read by programs: its columns keep the stable ids (`latency_s`, `pe`). Whole models are regenerated from the seed (about 0.2 ms each), which
 * is why exports run on a worker.
 *
 * CSV follows RFC 4180 (quote cells holding a comma, quote, CR or LF; double
 * inner quotes) and neutralises spreadsheet formulas: a text cell starting with
 * = + - @ (or tab/CR) is prefixed with ', so opening the file can never run a
 * formula from a crafted design string.
 */
import type { Design } from '../share/session.ts';
import type { RunSettings, SweepSettings } from '../share/schema.ts';
import type { ModelDict } from '../space/transformer/types.ts';
import { OBJECTIVES, OBJECTIVE_INFO, type Objective, type ObjectiveColumns } from './objectives.ts';
import { compileSweep, type SweepPlan } from './plan.ts';
import { pairFromLevels, sampleLevels } from './sample.ts';
import type { SweepParam } from './params.ts';
import { headTypeName } from '../space/designNames.ts';

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

/** A CSV header: the name a person reads, with its unit: `Latency (s)`, `Parameters`. */
export function objectiveCsvHeader(o: Objective): string {
  // Exported as fractions (0.772), as computed; the screen shows percent.
  if (o === 'accuracy' || o === 'accuracyStd') return `${OBJECTIVE_INFO[o].label} (GLUE fraction)`;
  const { label, unit } = OBJECTIVE_INFO[o];
  return unit ? `${label} (${unit})` : label;
}

const paramCsvHeader = (p: SweepParam): string => (p.unit ? `${p.label} (${p.unit})` : p.label);

/** A parameter's value in CSV: numbers as they are, choices by their display names ("DCT", "GELU", "HBM 32/1/4"). */
function paramCsvCell(p: SweepParam, level: number): string | number {
  const v = p.values[level];
  if (typeof v === 'number') return v;
  return p.id === 'headType' ? headTypeName(v) : p.valueLabel(level);
}

/** At most 7 significant digits; integers as they are; NaN and infinities as null. */
export function compactNumber(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  return Number.isInteger(v) ? v : Number(v.toPrecision(7));
}

/** Readable model columns of whole-model sweeps (JSON ids, and CSV names). */
export const MODEL_COLUMNS = ['layers', 'hidden', 'heads', 'attention', 'ffn'] as const;
export const MODEL_CSV_COLUMNS = ['Layers', 'Hidden size per layer', 'Heads per layer', 'Heads by type per layer', 'Feed-forward per layer'] as const;

/**
 * One layer's ops: "2×sa_sdp + 2×l_dft" (ids), or "2× Attn SDP + 2× DFT" (names).
 * The head width, hidden / heads, is left out.
 */
function opsText(ops: readonly string[], names: boolean): string {
  const counts = new Map<string, number>();
  for (const full of ops) {
    const op = full.replace(/_\d+$/, '');
    counts.set(op, (counts.get(op) ?? 0) + 1);
  }
  const name = names ? headTypeName : (op: string) => op;
  return [...counts].map(([op, n]) => (n > 1 ? `${n}×${names ? ' ' : ''}${name(op)}` : name(op))).join(' + ');
}

/** A model in the readable columns `MODEL_COLUMNS`: per-layer values separated by " / "; `names`: head types by display name. */
export function modelCells(model: ModelDict, names = false): (string | number)[] {
  return [
    model.l,
    model.h.join(' / '),
    model.o.map((ops) => ops.length).join(' / '),
    model.o.map((ops) => opsText(ops, names)).join(' / '),
    model.f.map((stack) => stack.join('+')).join(' / '),
  ];
}

export type ExportFormat = 'csv' | 'json';

export interface ExportRequest {
  format: ExportFormat;
  /** Which points ("front", "selection", "all"); recorded in the JSON. */
  which: string;
  job: { spec: SweepSettings; base: Design; settings: RunSettings; total: number };
  columns: ObjectiveColumns;
  errors: Uint8Array;
  /** The points to export, in order; null: every simulated point (failed and missing ones left out). */
  indices: Int32Array | null;
  /** Add the model as a JSON blob (whole-model sweeps only). */
  includeModel: boolean;
}

export interface ExportChunk {
  text: string;
  /** Rows written so far, and in all. */
  done: number;
  total: number;
}

/** The points an export writes. */
export function exportIndices(req: Pick<ExportRequest, 'indices' | 'columns' | 'errors' | 'job'>): Int32Array {
  if (req.indices) return req.indices;
  const out = new Int32Array(req.job.total);
  let n = 0;
  for (let i = 0; i < req.job.total; i++) if (!req.errors[i] && !Number.isNaN(req.columns.latency[i])) out[n++] = i;
  return out.subarray(0, n);
}

/** The header of an export of `plan`: stable ids (JSON), or names with units for people (`csv`). */
export function exportHeader(plan: SweepPlan, includeModel: boolean, csv = false): string[] {
  return [
    'index',
    ...OBJECTIVES.map(csv ? objectiveCsvHeader : objectiveHeader),
    ...plan.params.map(csv ? paramCsvHeader : (p) => p.id),
    ...(plan.randomModel ? (csv ? MODEL_CSV_COLUMNS : MODEL_COLUMNS) : []),
    ...(plan.randomModel && includeModel ? [csv ? 'Model (JSON)' : 'model_json'] : []),
  ];
}

/** Cells of point `index` (numbers compact, NaN as null); `csv`: choices by their display names. */
export function exportRow(plan: SweepPlan, base: Design, columns: ObjectiveColumns, index: number, includeModel: boolean, levels: Int32Array, csv = false): (string | number | null)[] {
  sampleLevels(plan, index, levels);
  const row: (string | number | null)[] = [index];
  for (const o of OBJECTIVES) row.push(compactNumber(columns[o][index]));
  for (let d = 0; d < plan.params.length; d++) row.push(csv ? paramCsvCell(plan.params[d], levels[d]) : plan.params[d].values[levels[d]]);
  if (plan.randomModel) {
    const { model } = pairFromLevels(plan, base, index, levels);
    row.push(...modelCells(model, csv));
    if (includeModel) row.push(JSON.stringify(model));
  }
  return row;
}

/**
 * The export as text chunks of `rowsPerChunk` rows (the first chunk also holds
 * the header); joined, they are the file.
 */
export function* exportChunks(req: ExportRequest, rowsPerChunk = 2000): Generator<ExportChunk> {
  const plan = compileSweep(req.job.spec);
  const includeModel = req.includeModel && plan.randomModel;
  const csv = req.format === 'csv';
  const header = exportHeader(plan, includeModel, csv);
  const indices = exportIndices(req);
  const total = indices.length;
  const levels = new Int32Array(plan.params.length);
  let text = csv
    ? `${header.map(csvCell).join(',')}\r\n`
    : `{"kind":"transcode-sweep-points","format":2,"which":${JSON.stringify(req.which)},"sweep":${JSON.stringify(req.job.spec)},`
      + `"base":${JSON.stringify(req.job.base)},"settings":${JSON.stringify(req.job.settings)},`
      + `"units":${JSON.stringify(Object.fromEntries(OBJECTIVES.map((o) => [o, OBJECTIVE_INFO[o].unit])))},`
      + `"columns":${JSON.stringify(header)},"rows":[`;
  for (let start = 0; start < total || start === 0; start += rowsPerChunk) {
    const end = Math.min(total, start + rowsPerChunk);
    const lines: string[] = [];
    for (let k = start; k < end; k++) {
      const row = exportRow(plan, req.job.base, req.columns, indices[k], includeModel, levels, csv);
      lines.push(csv ? row.map(csvCell).join(',') : JSON.stringify(row));
    }
    if (lines.length > 0) text += csv ? `${lines.join('\r\n')}\r\n` : `${start > 0 ? ',' : ''}\n${lines.join(',\n')}`;
    if (end >= total && !csv) text += '\n]}\n';
    yield { text, done: end, total };
    text = '';
    if (end >= total) return;
  }
}

/** The whole export as one string (tests, small exports). */
export function exportText(req: ExportRequest): string {
  let out = '';
  for (const chunk of exportChunks(req)) out += chunk.text;
  return out;
}

/** A file name for an export. */
export function exportName(spec: SweepSettings, which: string, format: ExportFormat): string {
  return `sweep-seed${spec.seed}-${which}.${format}`;
}
