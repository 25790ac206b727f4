import { describe, expect, it } from 'vitest';
import { createDynaPropClient, type DynaPropRemote } from './dynapropClient.ts';
import type { WorkerLike } from './workerGuard.ts';
import { defaultRunConfig, type DynaPropRunConfig } from '../core/dynaprop/config.ts';
import type { DynaPropProgress, DynaPropResult } from '../core/dynaprop/run.ts';

/**
 * A stand-in DynaProp worker: each run takes `steps` ticks of `tickMs`, reports progress
 * every tick and checks for cancellation between ticks (as the real run does between steps).
 * `stuck` runs never reach a tick boundary; `die` fires `error` at the given tick.
 */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  terminate() { this.terminated = true; }
  fire(type: 'error', message = '') {
    const event = new Event(type) as Event & { message?: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

interface Plan { tickMs?: number; stuck?: boolean; dieAt?: number; silent?: boolean }

function harness(plan: Plan = {}, opts: { silenceMs?: number; cancelGraceMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const started: number[] = [];
  const client = createDynaPropClient({
    ...opts,
    callback: (f) => f,
    create: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      let control = { cancelled: false };
      const remote: DynaPropRemote = {
        run: (config: DynaPropRunConfig, _url, _backend, onProgress) => {
          control = { cancelled: false };
          const mine = control;
          started.push(config.seed);
          return new Promise((resolve) => {
            if (plan.stuck) return;
            let step = 0;
            const tick = () => {
              if (worker.terminated) return;
              if (mine.cancelled) return resolve({ ok: false, cancelled: true, message: `cancelled at step ${step}` });
              if (plan.dieAt === step) return worker.fire('error', 'out of memory');
              step++;
              if (!plan.silent) onProgress({ step, steps: config.steps, loss: 1 / step } as DynaPropProgress);
              if (step === config.steps) return resolve({ ok: true, result: { steps: step, config } as unknown as DynaPropResult });
              setTimeout(tick, plan.tickMs ?? 2);
            };
            setTimeout(tick, plan.tickMs ?? 2);
          });
        },
        cancel: () => { control.cancelled = true; },
      };
      return { worker, remote };
    },
  });
  return { client, workers, started };
}

const config = (seed: number, steps = 5): DynaPropRunConfig => ({ ...defaultRunConfig('names'), seed, steps });

describe('DynaProp worker client', () => {
  it('runs with progress and keeps the worker for the next run', async () => {
    const { client, workers } = harness();
    const seen: number[] = [];
    const a = await client.run(config(1), 'data/names.v1.json', 'cpu', (p) => seen.push(p.step));
    expect(a).toMatchObject({ ok: true, result: { steps: 5 } });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await client.run(config(2), 'data/names.v1.json', 'cpu', () => {});
    expect(workers).toHaveLength(1);
  });

  it('cancels between steps', async () => {
    const { client } = harness({ tickMs: 5 });
    const run = client.run(config(1, 1000), 'u', 'cpu', () => {});
    setTimeout(() => client.cancel(), 20);
    expect(await run).toMatchObject({ ok: false, cancelled: true });
  });

  it('terminates a worker that does not stop within the grace period, and starts a new one next', async () => {
    const { client, workers } = harness({ stuck: true }, { cancelGraceMs: 20 });
    const run = client.run(config(1), 'u', 'cpu', () => {});
    setTimeout(() => client.cancel(), 5);
    expect(await run).toMatchObject({ ok: false, cancelled: true, message: expect.stringMatching(/stopped mid-step/) });
    expect(workers[0].terminated).toBe(true);
    void client.run(config(2), 'u', 'cpu', () => {});
    expect(workers).toHaveLength(2);
  });

  it('lets the newest run win: the running one is cancelled, the waiting ones superseded', async () => {
    const { client, started } = harness({ tickMs: 3 });
    const progress: string[] = [];
    const first = client.run(config(1, 1000), 'u', 'cpu', () => progress.push('first'));
    await new Promise((r) => setTimeout(r, 10));
    const second = client.run(config(2, 1000), 'u', 'cpu', () => progress.push('second'));
    const third = client.run(config(3, 4), 'u', 'cpu', () => progress.push('third'));
    expect(await second).toMatchObject({ ok: false, cancelled: true, superseded: true });
    expect(await first).toMatchObject({ ok: false, cancelled: true, superseded: true });
    expect(await third).toMatchObject({ ok: true });
    expect(started).toEqual([1, 3]);
    expect(progress).not.toContain('second');
    expect(progress.filter((p) => p === 'third')).toHaveLength(4);
  });

  it('reports a worker that dies mid-run, and the next run starts on a new worker', async () => {
    const { client, workers } = harness({ dieAt: 2 });
    const r = await client.run(config(1), 'u', 'cpu', () => {});
    expect(r).toMatchObject({ ok: false, cancelled: false, crashed: true });
    if (!r.ok) expect(r.message).toMatch(/DynaProp worker stopped.*out of memory.*Run again/);
    expect(workers[0].terminated).toBe(true);
    const again = client.run(config(2), 'u', 'cpu', () => {});
    expect(workers).toHaveLength(2);
    expect(await again).toMatchObject({ ok: false, crashed: true }); // the plan dies every time
  });

  it('takes a worker silent for too long for dead', async () => {
    const { client, workers } = harness({ silent: true, tickMs: 5 }, { silenceMs: 40 });
    const r = await client.run(config(1, 10_000), 'u', 'cpu', () => {});
    expect(r).toMatchObject({ ok: false, crashed: true, message: expect.stringMatching(/sent nothing for 0 s|sent nothing/) });
    expect(workers[0].terminated).toBe(true);
  });
});
