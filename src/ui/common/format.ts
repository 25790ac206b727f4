/** Number formatting for the explorer: SI prefixes, fixed significant digits, units always shown. */
const PREFIXES: [number, string][] = [
  [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'],
];

/** `formatSI(0.00123, 's')` → `1.23 ms`. */
export function formatSI(x: number, unit: string, digits = 3): string {
  if (!Number.isFinite(x)) return `${x} ${unit}`;
  if (x === 0) return `0 ${unit}`;
  const abs = Math.abs(x);
  for (const [scale, prefix] of PREFIXES) {
    if (abs >= scale * 0.9995) return `${trim((x / scale).toPrecision(digits))} ${prefix}${unit}`;
  }
  return `${x.toExponential(digits - 1)} ${unit}`;
}

export function formatCount(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/**
 * Area, the one formatter every view uses: whole mm² with thousands separators
 * from 1,000 up (`2,149 mm²`), else three significant digits (`54.1 mm²`).
 * No SI prefix: "kmm²" reads as nonsense.
 */
export function formatAreaMm2(mm2: number): string {
  if (!Number.isFinite(mm2)) return `${mm2} mm²`;
  if (Math.abs(mm2) >= 1000) return `${formatCount(mm2)} mm²`;
  return `${Number(mm2.toPrecision(3))} mm²`;
}

/** A ratio against a baseline: `2.31×`, `0.042×`. */
export function formatRatio(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return `${trim(x.toPrecision(3))}×`;
}

function trim(s: string): string {
  return s.includes('e') ? s : s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
