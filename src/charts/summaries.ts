/** One-sentence text alternatives for the bar charts (their aria-labels). */
import type { EnergyRow, ValueRow } from './energyParts.ts';

function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}

export function energySummary(rows: readonly EnergyRow[], format: (nJ: number) => string): string {
  if (rows.length === 0) return 'No energy was charged.';
  const total = rows.reduce((s, r) => s + r.dynamicNJ + r.leakageNJ, 0);
  const leak = rows.reduce((s, r) => s + r.leakageNJ, 0);
  const top = rows[0];
  const topTotal = top.dynamicNJ + top.leakageNJ;
  return (
    `${rows.length} modules, ${format(total)} in all. ${top.label} uses the most: ${format(topTotal)} (${pct(topTotal, total)}). ` +
    `Leakage is ${pct(leak, total)} of the total.`
  );
}

export function valueSummary(rows: readonly ValueRow[], what: string, format: (v: number) => string): string {
  if (rows.length === 0) return `No ${what} reported.`;
  const total = rows.reduce((s, r) => s + r.value, 0);
  const top = rows.slice(0, 3).map((r) => `${r.label} ${format(r.value)} (${pct(r.value, total)})`);
  return `${rows.length} modules, ${format(total)} in all. Largest: ${top.join(', ')}.`;
}

export function utilisationSummary(rows: readonly ValueRow[]): string {
  if (rows.length === 0) return 'No utilisation reported.';
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const hi = sorted[0], lo = sorted[sorted.length - 1];
  return `${rows.length} module types. Busiest: ${hi.label} at ${pct(hi.value, 1)}; least busy: ${lo.label} at ${pct(lo.value, 1)}.`;
}
