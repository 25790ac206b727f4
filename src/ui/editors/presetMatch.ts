/** Which named preset (if any) a design equals, so the preset picker shows it or "Custom". */

/** Structural equality of plain JSON data (numbers, strings, arrays, plain objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The key of the first preset whose value equals `value`, or null. */
export function matchPreset<T>(value: unknown, presets: Readonly<Record<string, T>>, valueOf: (preset: T) => unknown): string | null {
  for (const [key, preset] of Object.entries(presets)) if (sameData(value, valueOf(preset))) return key;
  return null;
}
