/**
 * Overrides a typed constants table with a partial one (user-edited constants).
 * Arrays and primitives replace; plain objects merge key by key. Keys the base
 * does not have are refused, so a typo in an override file is an error, not a no-op.
 */
export function deepMerge<T>(base: T, override: unknown, path = ''): T {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    const here = path ? `${path}.${key}` : key;
    if (!(key in out)) throw new Error(`${here}: unknown constant`);
    const current = out[key];
    if (isPlainObject(current) !== isPlainObject(value)) throw new Error(`${here}: expected ${isPlainObject(current) ? 'an object' : 'a value'}`);
    if (typeof current === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new Error(`${here}: expected a finite number`);
    }
    out[key] = deepMerge(current, value, here);
  }
  return out as T;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
