/**
 * Brush update over 100,000 rows in the parallel-coordinates filter, in Node
 * (`npx tsx bench/axisFilter.ts`; writes bench/axis-filter-results.json).
 * A drag moves one brush while another axis stays brushed: each update rescans
 * the dragged axis only (src/core/sweep/axisFilter.ts). Target: p95 ≤ 50 ms.
 * This measures the filter, not the canvas redraw that follows it in the page.
 */
import { writeFileSync } from 'node:fs';
import { createAxisFilter, passingIndices, setAxisBrush } from '../src/core/sweep/axisFilter.ts';

const N = 100_000;
const UPDATES = 400;
let s = 1;
const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
const latency = Float64Array.from({ length: N }, () => Math.exp(rnd() * 8));
const pe = Float32Array.from({ length: N }, () => 2 ** Math.floor(rnd() * 8));

const f = createAxisFilter(N);
setAxisBrush(f, 'pe', pe, { lo: 4, hi: 64 });
const update: number[] = [];
const withIndices: number[] = [];
for (let k = 0; k < UPDATES; k++) {
  const hi = Math.exp(2 + 6 * (k / UPDATES)); // a drag sweeping the brush's top edge up the axis
  const t0 = performance.now();
  setAxisBrush(f, 'latency', latency, { lo: 1, hi });
  const t1 = performance.now();
  passingIndices(f); // what the table and export filter by
  const t2 = performance.now();
  update.push(t1 - t0);
  withIndices.push(t2 - t0);
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const result = {
  when: new Date().toISOString(),
  node: process.version,
  rows: N,
  updates: UPDATES,
  brushUpdateMs: { p50: r3(q(update, 0.5)), p95: r3(q(update, 0.95)) },
  brushUpdateWithIndicesMs: { p50: r3(q(withIndices, 0.5)), p95: r3(q(withIndices, 0.95)) },
  targetP95Ms: 50,
};
writeFileSync('bench/axis-filter-results.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(result);
