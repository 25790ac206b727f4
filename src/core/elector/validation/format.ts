/**
 * Number formatting and Markdown tables for the validation report (`npm run validate`).
 * Deterministic (no locale): thousands separated by commas, fixed decimals.
 */

/** `n` with `decimals` places and comma-grouped thousands, e.g. 29857 → "29,857". */
export function num(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + grouped + (frac ? '.' + frac : '');
}

/** A ratio with two decimals, e.g. "1.04". */
export function ratio(n: number, decimals = 2): string {
  return num(n, decimals);
}

/** A fraction as a percentage, e.g. 0.137 → "13.7 %". */
export function pct(fraction: number, decimals = 1): string {
  return `${num(fraction * 100, decimals)} %`;
}

/** A signed percentage difference, e.g. −0.12 → "−12.0 %", 0.05 → "+5.0 %". */
export function signedPct(fraction: number, decimals = 1): string {
  return (fraction > 0 ? '+' : '') + pct(fraction, decimals);
}

/** A Markdown table. Cells are strings; `align` per column: 'l' or 'r' (default: right for all but the first). */
export function table(headers: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const a = align ?? headers.map((_, i) => (i === 0 ? 'l' : 'r'));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const rule = `|${a.map((x) => (x === 'r' ? '---:' : ':---')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
