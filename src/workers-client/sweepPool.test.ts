import { describe, expect, it } from 'vitest';
import { defaultSession } from '../core/share/defaults.ts';
import { emptyColumns } from '../core/sweep/objectives.ts';
import type { SweepChunkResult } from '../core/sweep/run.ts';
import { createSweepPool, type SweepJob, type SweepProgress, type SweepWorker } from './sweepPool.ts';

const session = defaultSession();
const job = (total: number): SweepJob => ({ spec: session.sweep, base: session.design, settings: session.settings, total });

function chunk(start: number, end: number): SweepChunkResult {
  const columns = emptyColumns(end - start);
  for (let r = 0; r < end - start; r++) columns.latency[r] = start + r;
  return { start, end, columns, errors: new Uint8Array(end - start), errorKinds: [] };
}

/** Workers that answer after `delayMs` (Infinity: never), recording what they were asked. */
function fakeFactory(delayMs: number | ((start: number) => number)) {
  const log = { created: 0, terminated: 0, calls: [] as [number, number][] };
  const factory = (): SweepWorker => {
    log.created++;
    let alive = true;
    return {
      runChunk: (_s, _b, _o, start, end) => {
        log.calls.push([start, end]);
        const wait = typeof delayMs === 'function' ? delayMs(start) : delayMs;
        return new Promise((resolve) => {
          if (Number.isFinite(wait)) setTimeout(() => alive && resolve(chunk(start, end)), wait);
        });
      },
      terminate: () => {
        alive = false;
        log.terminated++;
      },
    };
  };
  return { factory, log };
}

describe('sweep pool', () => {
  it('covers every sample exactly once, with chunk sizes inside the bounds, on lazily created workers', async () => {
    const { factory, log } = fakeFactory(1);
    const pool = createSweepPool({ factory, size: 3, minChunk: 50, maxChunk: 400, firstChunk: 100 });
    expect(pool.liveWorkers()).toBe(0);
    const seen = new Uint8Array(5000);
    let last: SweepProgress | null = null;
    const handle = pool.run(job(5000), {
      onChunk: (c) => c.columns.latency.forEach((v, r) => { expect(v).toBe(c.start + r); seen[c.start + r]++; }),
      onProgress: (p) => { last = p; },
    });
    await expect(handle.done).resolves.toBe('done');
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(last).toMatchObject({ done: 5000, total: 5000, etaS: 0 });
    expect(log.created).toBe(3);
    for (const [s, e] of log.calls) expect(e - s).toBeLessThanOrEqual(400);
    expect(log.calls.filter(([s, e]) => e - s < 50 && e !== 5000)).toEqual([]);
  });

  it('reports progress at most ~10 times a second', async () => {
    const { factory } = fakeFactory(0);
    const pool = createSweepPool({ factory, size: 2, minChunk: 5, maxChunk: 5, firstChunk: 5 });
    const started = performance.now();
    let reports = 0;
    await pool.run(job(3000), { onChunk: () => {}, onProgress: () => reports++ }).done;
    const elapsed = performance.now() - started;
    expect(reports).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(reports).toBeGreaterThanOrEqual(1);
  });

  it('stops delivering chunks after cancel and replaces a worker stuck in a cancelled chunk', async () => {
    const { factory, log } = fakeFactory((start) => (start === 0 ? 1 : Infinity));
    const pool = createSweepPool({ factory, size: 1, firstChunk: 100, minChunk: 100, maxChunk: 100, stuckMs: 20 });
    let chunks = 0;
    const first = pool.run(job(1000), { onChunk: () => chunks++, onProgress: () => {} });
    await new Promise((r) => setTimeout(r, 15));
    expect(chunks).toBe(1);
    first.cancel();
    await expect(first.done).resolves.toBe('cancelled');
    await new Promise((r) => setTimeout(r, 60));
    expect(log.terminated).toBe(1);
    expect(chunks).toBe(1);
    expect(pool.liveWorkers()).toBe(0);
  });

  it('lets the newest sweep win', async () => {
    const { factory } = fakeFactory(2);
    const pool = createSweepPool({ factory, size: 2, stuckMs: 10 });
    const older: number[] = [];
    const a = pool.run(job(4000), { onChunk: (c) => older.push(c.start), onProgress: () => {} });
    const b = pool.run(job(600), { onChunk: () => {}, onProgress: () => {} });
    await expect(a.done).resolves.toBe('cancelled');
    await expect(b.done).resolves.toBe('done');
    expect(older).toEqual([]);
  });

  it('replaces a worker that dies mid-sweep and retries its chunks once, so the sweep finishes', async () => {
    let created = 0;
    const seen = new Uint8Array(1000);
    const factory = (): SweepWorker => {
      const n = created++;
      let calls = 0;
      return {
        // The first worker answers one chunk, then dies (every call in flight rejects).
        runChunk: (_s, _b, _o, start, end) =>
          n === 0 && calls++ >= 1 ? Promise.reject(new Error('the sweep worker stopped')) : new Promise((r) => setTimeout(() => r(chunk(start, end)), 1)),
        terminate: () => {},
      };
    };
    const restarts: unknown[] = [];
    const pool = createSweepPool({ factory, size: 1, firstChunk: 100, minChunk: 100, maxChunk: 100, onRestart: (e) => restarts.push(e) });
    const handle = pool.run(job(1000), { onChunk: (c) => { for (let i = c.start; i < c.end; i++) seen[i]++; }, onProgress: () => {} });
    await expect(handle.done).resolves.toBe('done');
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(created).toBe(2);
    expect(restarts).toHaveLength(1);
  });

  it('rejects when a worker fails, and finishes an empty sweep at once', async () => {
    const failing = (): SweepWorker => ({ runChunk: () => Promise.reject(new Error('boom')), terminate: () => {} });
    const pool = createSweepPool({ factory: failing, size: 1 });
    await expect(pool.run(job(10), { onChunk: () => {}, onProgress: () => {} }).done).rejects.toThrow('boom');
    await expect(pool.run(job(0), { onChunk: () => {}, onProgress: () => {} }).done).resolves.toBe('done');
  });
});
