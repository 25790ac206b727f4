/**
 * Pure helpers of the lab panel: the experiment grid as text, the heat map's
 * matrix, and number formats. No React here (labView.test.ts covers them).
 */
import type { SiteSparsity } from '../../core/dynaprop/summary.ts';
import { LAB_GRID_MAX } from '../../core/share/limits.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "none, 0.3, 0.5" → [null, 0.3, 0.5]; the message names the field and the bad item. */
export function parseTargetList(text: string, what: string): Parsed<(number | null)[]> {
  const items = text.split(/[,;\s]+/).map((t) => t.trim()).filter(Boolean);
  if (items.length === 0) return { ok: false, message: `${what}: give at least one target (a number in [0, 1), or "none")` };
  if (items.length > LAB_GRID_MAX) return { ok: false, message: `${what}: at most ${LAB_GRID_MAX} targets (got ${items.length})` };
  const out: (number | null)[] = [];
  for (const [i, item] of items.entries()) {
    if (/^(none|-|—)$/i.test(item)) {
      out.push(null);
      continue;
    }
    const v = /^(\d+\.?\d*|\.\d+)$/.test(item) ? Number(item) : NaN;
    if (!(v >= 0 && v < 1)) return { ok: false, message: `${what}: item ${i + 1} (“${item.slice(0, 12)}”) is not a sparsity in [0, 1) or "none"` };
    if (out.includes(v)) return { ok: false, message: `${what}: ${v} is listed twice` };
    out.push(v);
  }
  if (out.filter((v) => v === null).length > 1) return { ok: false, message: `${what}: "none" is listed twice` };
  return { ok: true, value: out };
}

export function formatTargetList(values: readonly (number | null)[]): string {
  return values.map((v) => (v === null ? 'none' : String(v))).join(', ');
}

/** Runs a grid makes: the baseline, and every pair except (none, none). */
export function gridRunCount(grid: { activation: readonly (number | null)[]; gradient: readonly (number | null)[] }): number {
  const pairs = grid.activation.length * grid.gradient.length;
  return 1 + pairs - (grid.activation.includes(null) && grid.gradient.includes(null) ? 1 : 0);
}

export interface Heatmap {
  rows: { key: string; direction: SiteSparsity['direction']; label: string }[];
  /** Layer indices, the pooler (−1) last. */
  cols: number[];
  /** value[row][col]: sparsity, or null where the site does not exist in that layer. */
  value: (number | null)[][];
}

const OP_ORDER = ['sa_sdp', 'sa_wma', 'l_dft', 'l_dct', 'c_k', 'attn', 'ff', 'proj', 'pooler'];
const SITE_ORDER = ['q', 'k', 'v', 'scores', 'probs', 'context', 'wma', 'transform', 'convKernel', 'convOut', 'attnOut', 'ff1', 'ff2', 'ff3', 'ffOut', 'proj', 'pooler'];
const DIR_ORDER = ['fwd', 'bwd', 'param'];
const rank = (list: string[], x: string) => (list.includes(x) ? list.indexOf(x) : list.length);

/** Sites × layers, forward (activations) rows before backward (gradient) rows. */
export function heatmapOf(sites: readonly SiteSparsity[], real = false): Heatmap {
  const rowMap = new Map<string, Heatmap['rows'][number]>();
  const colSet = new Set<number>();
  for (const s of sites) {
    const key = `${s.direction}|${s.opType}|${s.site}`;
    if (!rowMap.has(key)) rowMap.set(key, { key, direction: s.direction, label: s.opType === s.site ? s.site : `${s.opType} · ${s.site}` });
    colSet.add(s.layer);
  }
  const rows = [...rowMap.values()].sort((a, b) => {
    const [da, oa, sa] = a.key.split('|'), [db, ob, sb] = b.key.split('|');
    return rank(DIR_ORDER, da) - rank(DIR_ORDER, db) || rank(OP_ORDER, oa) - rank(OP_ORDER, ob) || rank(SITE_ORDER, sa) - rank(SITE_ORDER, sb);
  });
  const cols = [...colSet].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  const value = rows.map(() => cols.map((): number | null => null));
  for (const s of sites) {
    const r = rows.findIndex((row) => row.key === `${s.direction}|${s.opType}|${s.site}`);
    value[r][cols.indexOf(s.layer)] = real ? s.sparsityReal : s.sparsity;
  }
  return { rows, cols, value };
}

export const layerName = (layer: number) => (layer < 0 ? 'pooler' : `L${layer + 1}`);

/** A fraction as the lab shows it: 0.518 → "0.518"; null → "–". */
export function frac(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)} %`;
}

export function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : s < 120 ? `${Math.round(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** τ values span decades: 3 significant digits. */
export function tau(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** Viridis at nine stops (d3-scale-chromatic's values), linearly interpolated: perceptually even, readable in both themes and in grey. */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'].map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));

export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x)), f = x - i;
  const [r, g, b] = VIRIDIS[i].map((c, k) => Math.round(c + f * (VIRIDIS[i + 1][k] - c)));
  return `rgb(${r}, ${g}, ${b})`;
}

/** A ratio against a baseline: 0.871× (three significant digits). */
export function ratio(x: number): string {
  return Number.isFinite(x) ? `${Number(x.toPrecision(3))}×` : '–';
}
