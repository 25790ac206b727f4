/**
 * Times a function in batches long enough for the clock to resolve (≥ ~5 ms),
 * and reports the median and p90 of per-call time over the batches. A warm-up of at
 * least `warmUpMs` first lets the JIT optimise what it times.
 */
export interface Timing {
  medianUs: number;
  p90Us: number;
  batches: number;
  perBatch: number;
}


export function timeMedian(fn: () => unknown, batches = 31, warmUpMs = 100): Timing {
  const warmUpStart = performance.now();
  for (let i = 0; i < 20 || performance.now() - warmUpStart < warmUpMs; i++) fn();
  let perBatch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    if (performance.now() - t0 >= 5 || perBatch >= 1 << 20) break;
    perBatch *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / perBatch);
  }
  samples.sort((a, b) => a - b);
  return { medianUs: samples[Math.floor(batches / 2)], p90Us: samples[Math.floor(batches * 0.9)], batches, perBatch };
}
