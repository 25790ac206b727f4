/**
 * The numbers of the Compare panel: each metric of each design, and how it
 * compares with the baseline in the words people use ("14× faster",
 * "2.1× more energy"), so the meaning never rests on colour or on reading a
 * ratio below 1 the right way round.
 */
import { perSequenceJ } from '../../core/metrics/perSequence.ts';
import type { SimResult } from '../../core/elector/types.ts';
import type { Design } from '../../core/share/session.ts';
import { modelCounts } from '../../core/space/transformer/counts.ts';
import { energyParts } from '../../charts/energyParts.ts';
import { moduleLabel } from '../../charts/moduleLabels.ts';
import { formatCount, formatSI } from '../common/format.ts';
import { computeHeadline, formatArea, formatMetric, HEADLINE_FIELDS, type HeadlineKey, type HeadlineMetrics } from './headline.ts';

/** Ratios within this fraction of 1 are reported as "same". */
export const SAME_TOLERANCE = 0.005;

export type Verdict = 'better' | 'worse' | 'same';

/** The metrics of a design that do not need a simulation. */
export interface DesignFigures {
  parameters: number;
  macs: number;
}

export type CompareKey = Exclude<HeadlineKey, 'cycles'> | keyof DesignFigures;

export interface CompareField {
  key: CompareKey;
  label: string;
  /** Null: neither direction is better (a bigger model is not a worse one). */
  better: 'lower' | 'higher' | null;
  /** The words for a value above and below the baseline: ["slower", "faster"]. */
  words: readonly [more: string, less: string];
}

const WORDS: Record<CompareKey, readonly [string, string]> = {
  latencyS: ['slower', 'faster'],
  throughputSeqPerS: ['more throughput', 'less throughput'],
  energyPerSeqJ: ['more energy', 'less energy'],
  dynamicPerSeqJ: ['more dynamic energy', 'less dynamic energy'],
  leakagePerSeqJ: ['more leakage', 'less leakage'],
  areaMm2: ['larger', 'smaller'],
  edpJs: ['higher EDP', 'lower EDP'],
  parameters: ['more parameters', 'fewer parameters'],
  macs: ['more MACs', 'fewer MACs'],
};

/** Cycles are left out: at different clocks they do not compare. Parameters and MACs come from the model alone. */
export const COMPARE_FIELDS: readonly CompareField[] = [
  ...HEADLINE_FIELDS.filter((f) => f.key !== 'cycles').map((f) => ({ ...f, key: f.key as CompareKey, words: WORDS[f.key as CompareKey] })),
  { key: 'parameters', label: 'Parameters', better: null, words: WORDS.parameters },
  { key: 'macs', label: 'MACs / sequence', better: null, words: WORDS.macs },
];

export interface CompareCell {
  text: string;
  ratio: number | null;
  /** "14× faster", "2.1× more energy", "same"; empty when there is no ratio. */
  ratioText: string;
  verdict: Verdict | null;
}

export function verdictFor(ratio: number, better: 'lower' | 'higher'): Verdict {
  if (Math.abs(ratio - 1) <= SAME_TOLERANCE) return 'same';
  return (ratio < 1) === (better === 'lower') ? 'better' : 'worse';
}

/** A factor of at least 1 as people say it: "14×", "2.1×", "1.05×", "12,300×". */
export function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return '–';
  if (f >= 1000) return `${formatCount(f)}×`;
  if (f >= 10) return `${Math.round(f)}×`;
  const s = f.toPrecision(f < 1.1 ? 3 : 2);
  return `${s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}×`;
}

/** `value / baseline` in words: 0.071 with ["slower", "faster"] reads "14× faster". */
export function ratioWords(ratio: number, words: readonly [more: string, less: string]): string {
  if (!Number.isFinite(ratio) || !(ratio > 0)) return '';
  if (Math.abs(ratio - 1) <= SAME_TOLERANCE) return 'same';
  return ratio > 1 ? `${formatFactor(ratio)} ${words[0]}` : `${formatFactor(1 / ratio)} ${words[1]}`;
}

function makeCell(text: string, v: number | undefined, b: number | undefined, words: readonly [string, string], better: 'lower' | 'higher' | null): CompareCell {
  // Ratios of non-positive numbers (the reference model's negative-conv quirk) mean nothing.
  if (v === undefined || b === undefined || !(b > 0) || !(v >= 0) || !Number.isFinite(v)) return { text, ratio: null, ratioText: '', verdict: null };
  const ratio = v / b;
  if (ratio === 0) return { text, ratio, ratioText: '', verdict: null };
  return { text, ratio, ratioText: ratioWords(ratio, words), verdict: better ? verdictFor(ratio, better) : null };
}

export type CompareValues = HeadlineMetrics & DesignFigures;

function formatValue(key: CompareKey, v: number): string {
  if (key === 'parameters') return Number.isFinite(v) ? `${formatSI(v, '')}`.trim() : String(v);
  if (key === 'macs') return formatSI(v, 'MAC');
  return formatMetric(key, v);
}

export function compareCell(key: CompareKey, value: Partial<CompareValues> | null, baseline: Partial<CompareValues> | null): CompareCell {
  const v = value?.[key];
  if (!value || v === undefined) return { text: '—', ratio: null, ratioText: '', verdict: null };
  const field = COMPARE_FIELDS.find((f) => f.key === key);
  return makeCell(formatValue(key, v), v, baseline?.[key], field?.words ?? WORDS[key], field?.better ?? null);
}

export interface CompareColumnInput {
  id: string;
  label: string;
  result: SimResult | null;
  /** The design, for parameters and MACs (which need no simulation). */
  design?: Design;
  seqLen?: number;
}

export interface CompareColumn extends CompareColumnInput {
  isBaseline: boolean;
  cells: Record<CompareKey, CompareCell>;
}

function valuesOf(c: CompareColumnInput): Partial<CompareValues> | null {
  const out: Partial<CompareValues> = c.result ? computeHeadline(c.result) : {};
  if (c.design) {
    const counts = modelCounts(c.design.model, c.seqLen);
    out.parameters = counts.parameters;
    out.macs = counts.macs;
  }
  return Object.keys(out).length ? out : null;
}

export function compareColumns(inputs: readonly CompareColumnInput[], baselineId: string): CompareColumn[] {
  const values = inputs.map(valuesOf);
  const baseIndex = inputs.findIndex((c) => c.id === baselineId);
  const base = baseIndex >= 0 ? values[baseIndex] : null;
  return inputs.map((c, i) => {
    const cells = {} as Record<CompareKey, CompareCell>;
    for (const f of COMPARE_FIELDS) cells[f.key] = compareCell(f.key, values[i], base);
    return { ...c, isBaseline: i === baseIndex, cells };
  });
}

export interface ModuleRow {
  key: string;
  label: string;
  /** Cells by column id; a module a design does not have shows "—". */
  cells: Record<string, CompareCell>;
}

export interface ModuleSection {
  title: string;
  rows: ModuleRow[];
}

/**
 * Energy per sequence and area by module, side by side: one row per module any
 * design has (largest in the baseline first), each cell with its ratio against the baseline's.
 */
export function moduleSections(inputs: readonly CompareColumnInput[], baselineId: string): ModuleSection[] {
  const energy = inputs.map((c) => {
    if (!c.result || !(c.result.batchSize > 0)) return null;
    const per = new Map<string, number>();
    for (const r of energyParts(c.result)) per.set(r.module, perSequenceJ(r.dynamicNJ + r.leakageNJ, c.result.batchSize));
    return per;
  });
  const area = inputs.map((c) => (c.result ? new Map(Object.entries(c.result.areaByModuleMm2).filter(([, v]) => Number.isFinite(v) && v !== 0)) : null));
  const baseIndex = inputs.findIndex((c) => c.id === baselineId);
  const section = (title: string, maps: (Map<string, number> | null)[], format: (v: number) => string, words: readonly [string, string], prefix: string): ModuleSection => {
    const keys: string[] = [];
    const base = baseIndex >= 0 ? maps[baseIndex] : null;
    const order = [...(base ? [base] : []), ...maps.filter((m): m is Map<string, number> => m !== null)];
    for (const m of order) for (const [k] of [...m].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))) if (!keys.includes(k)) keys.push(k);
    const rows = keys.map((k) => {
      const cells: Record<string, CompareCell> = {};
      inputs.forEach((c, i) => {
        const v = maps[i]?.get(k);
        cells[c.id] = maps[i] === null ? { text: '', ratio: null, ratioText: '', verdict: null } : v === undefined ? { text: '—', ratio: null, ratioText: '', verdict: null } : makeCell(format(v), v, base?.get(k), words, 'lower');
      });
      return { key: `${prefix}-${k}`, label: moduleLabel(k), cells };
    });
    return { title, rows };
  };
  return [
    section('Energy / sequence by module', energy, (v) => formatSI(v, 'J'), WORDS.energyPerSeqJ, 'energy'),
    section('Area by module', area, formatArea, WORDS.areaMm2, 'area'),
  ];
}
