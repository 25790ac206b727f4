import { describe, expect, it } from 'vitest';
import { createCodesignClient, type CodesignRemote } from './codesignClient.ts';
import type { WorkerLike } from './workerGuard.ts';
import type { CodesignRequest } from '../../workers/codesign.worker.ts';
import type { SearchProgress, SearchResult } from '../core/codesign/types.ts';

/**
 * A stand-in co-design worker: a search takes `budget` queries of `tickMs`, reports each, and
 * checks for cancellation between queries (as the real search does). `stuck` searches never
 * reach a query boundary; `dieAt` fires `error` at that query; `silent` reports nothing.
 */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  terminate() { this.terminated = true; }
  fire(message: string) {
    const event = new Event('error') as Event & { message?: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

interface Plan { tickMs?: number; stuck?: boolean; dieAt?: number; silent?: boolean }

function harness(plan: Plan = {}, opts: { silenceMs?: number; cancelGraceMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const started: number[] = [];
  const client = createCodesignClient({
    ...opts,
    callback: (f) => f,
    create: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      let control = { cancelled: false };
      const loop = (budget: number, each: (q: number) => void, done: () => unknown) =>
        new Promise<never>((resolve) => {
          if (plan.stuck) return;
          const mine = control;
          let q = 0;
          const tick = () => {
            if (worker.terminated) return;
            if (mine.cancelled) return resolve({ ok: false, cancelled: true, message: `search cancelled after ${q} queries` } as never);
            if (plan.dieAt === q) return worker.fire('out of memory');
            q++;
            if (!plan.silent) each(q);
            if (q === budget) return resolve(done() as never);
            setTimeout(tick, plan.tickMs ?? 2);
          };
          setTimeout(tick, plan.tickMs ?? 2);
        });
      const remote: CodesignRemote = {
        search: (req, onProgress) => {
          control = { cancelled: false };
          started.push(req.seed);
          return loop(req.budget, (q) => onProgress({ query: q, budget: req.budget, step: 'random' } as SearchProgress),
            () => ({ ok: true, result: { seed: req.seed } as SearchResult, baseline: {}, ratios: {}, predictor: 'p', backend: 'cpu' }));
        },
        compare: (req, onRun, onQuery) => {
          control = { cancelled: false };
          return loop(req.budget, (q) => { onQuery?.(q); if (q === req.budget) onRun('random', 1, 1, 1); },
            () => ({ ok: true, summaries: [{ algorithm: 'random', median: 0.5 }] }));
        },
        inspectPredictor: (p) => (p.kind === 'published' ? { ok: true, description: 'published: …' } : { ok: false, message: '"d4".glue: "high" is not a number' }),
        cancel: () => { control.cancelled = true; },
      };
      return { worker, remote };
    },
  });
  return { client, workers, started };
}

const req = (seed: number, budget = 5): CodesignRequest => ({ algorithm: 'random', objective: {}, predictor: { kind: 'published' }, budget, seed });

describe('co-design worker client', () => {
  it('streams every query, answers, and keeps the worker for the next search', async () => {
    const { client, workers } = harness();
    const seen: number[] = [];
    expect(await client.search(req(1), (p) => seen.push(p.query))).toMatchObject({ ok: true, result: { seed: 1 } });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await client.search(req(2), () => {});
    expect(workers).toHaveLength(1);
  });

  it('cancels between queries', async () => {
    const { client } = harness({ tickMs: 5 });
    const run = client.search(req(1, 1000), () => {});
    setTimeout(() => client.cancel(), 20);
    expect(await run).toMatchObject({ ok: false, cancelled: true });
  });

  it('newest wins: a waiting search is replaced, the running one cancelled, only the newest runs next', async () => {
    const { client, started } = harness({ tickMs: 5 });
    const a = client.search(req(1, 1000), () => {});
    await new Promise((r) => setTimeout(r, 10));
    const b = client.search(req(2, 1000), () => {});
    const c = client.search(req(3, 3), () => {});
    expect(await a).toMatchObject({ ok: false, superseded: true });
    expect(await b).toMatchObject({ ok: false, superseded: true });
    expect(await c).toMatchObject({ ok: true, result: { seed: 3 } });
    expect(started).toEqual([1, 3]);
  });

  it('terminates a worker stuck in a step after the grace period, and starts a fresh one next time', async () => {
    const { client, workers } = harness({ stuck: true }, { cancelGraceMs: 20 });
    const run = client.search(req(1), () => {});
    setTimeout(() => client.cancel(), 5);
    expect(await run).toMatchObject({ ok: false, cancelled: true, message: expect.stringContaining('stopped mid-step') });
    expect(workers[0].terminated).toBe(true);
    client.search(req(2), () => {});
    expect(workers).toHaveLength(2);
  });

  it('reports a worker that dies or goes silent, never hangs', async () => {
    const died = harness({ dieAt: 2 });
    expect(await died.client.search(req(1), () => {})).toMatchObject({ ok: false, crashed: true, message: expect.stringContaining('out of memory') });
    const silent = harness({ silent: true, tickMs: 20 }, { silenceMs: 40 });
    expect(await silent.client.search(req(1, 1000), () => {})).toMatchObject({ ok: false, crashed: true, message: expect.stringContaining('sent nothing') });
  });

  it('compares algorithms with a heartbeat, and inspects predictors beside a running search', async () => {
    const { client } = harness({ tickMs: 2 }, { silenceMs: 200 });
    const runs: string[] = [];
    const search = client.search(req(1, 30), () => {});
    expect(await client.inspectPredictor({ kind: 'published' })).toMatchObject({ ok: true });
    expect(await client.inspectPredictor({ kind: 'imported', text: '{}', name: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('"d4".glue') });
    expect(await search).toMatchObject({ ok: true });
    const cmp = await client.compare({ objective: {}, predictor: { kind: 'published' }, budget: 4, seeds: [1], algorithms: ['random'] }, (a) => runs.push(a));
    expect(cmp).toMatchObject({ ok: true, summaries: [{ algorithm: 'random' }] });
    expect(runs).toEqual(['random']);
  });
});
