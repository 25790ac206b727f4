/**
 * User-timing measures around the sweep view's main-thread work (chunk merge,
 * front update, projection, draw, hover, table render), so a benchmark can
 * attribute long tasks. Only the latest measure of each name is kept in the
 * buffer (PerformanceObservers still see every one), so nothing accumulates.
 */
export function measureSince(name: string, start: number): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
