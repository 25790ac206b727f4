import { describe, expect, it } from 'vitest';
import { createWorkerClient, guardWorker, WorkerFailure, type WorkerLike } from './workerGuard.ts';

/** A stand-in worker: `fire('error')` plays a failed load or a crash; `answer` decides each call. */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  terminate() {
    this.terminated = true;
  }
  fire(type: 'error' | 'messageerror', message = '') {
    const event = new Event(type) as Event & { message?: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

type Behaviour = 'throws-on-load' | 'answers' | 'silent' | 'rejects' | 'dies-mid-call';

/** Creates workers that behave as `plan[i]` (the last entry repeats). */
function harness(plan: Behaviour[], timeoutMs = 50) {
  const workers: FakeWorker[] = [];
  const events: string[] = [];
  const client = createWorkerClient<{ run(x: number): Promise<number> }>({
    name: 'simulation',
    timeoutMs,
    create: () => {
      const worker = new FakeWorker();
      const behaviour = plan[Math.min(workers.length, plan.length - 1)];
      workers.push(worker);
      // A script that 404s or throws at top level fires `error` soon after creation, and never answers.
      if (behaviour === 'throws-on-load') setTimeout(() => worker.fire('error', 'Uncaught SyntaxError'), 1);
      const remote = {
        run: (x: number) =>
          new Promise<number>((resolve, reject) => {
            if (behaviour === 'answers') setTimeout(() => !worker.terminated && resolve(x * 2), 1);
            if (behaviour === 'rejects') setTimeout(() => reject(new Error('boom')), 1);
            if (behaviour === 'dies-mid-call') setTimeout(() => worker.fire('error', 'out of memory'), 1);
          }),
      };
      return { worker, remote };
    },
    onRestart: (e) => events.push(`restart: ${(e as Error).message}`),
    onRecovered: (e) => events.push(`recovered: ${(e as Error).message}`),
    onFailure: (e) => events.push(`failure: ${(e as Error).message}`),
  });
  return { client, workers, events };
}

describe('worker guard', () => {
  it('rejects calls in flight when the worker fires `error`, and terminates it', async () => {
    const worker = new FakeWorker();
    const guarded = guardWorker(worker, { never: () => new Promise<number>(() => {}) }, 'sweep');
    const call = guarded.call((r) => r.never());
    worker.fire('error');
    await expect(call).rejects.toBeInstanceOf(WorkerFailure);
    await expect(call).rejects.toThrow('the sweep worker failed to load');
    expect(worker.terminated).toBe(true);
    expect(guarded.dead).toBe(true);
    await expect(guarded.call((r) => r.never())).rejects.toThrow('failed to load');
  });

  it('takes a worker silent past the time limit for dead (a terminated worker sends no event)', async () => {
    const worker = new FakeWorker();
    const guarded = guardWorker(worker, { never: () => new Promise<number>(() => {}) }, 'simulation');
    await expect(guarded.call((r) => r.never(), 20)).rejects.toMatchObject({ kind: 'timeout' });
    expect(worker.terminated).toBe(true);
  });
});

describe('worker client', () => {
  it('reports a worker that throws on load, restarts it and retries the request once', async () => {
    const { client, workers, events } = harness(['throws-on-load', 'answers']);
    await expect(client.call((r) => r.run(21))).resolves.toBe(42);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(events).toEqual([
      'restart: the simulation worker failed to load: Uncaught SyntaxError',
      'recovered: the simulation worker failed to load: Uncaught SyntaxError',
    ]);
  });

  it('restarts a terminated (silent) worker and retries once', async () => {
    const { client, workers, events } = harness(['silent', 'answers'], 20);
    await expect(client.call((r) => r.run(2))).resolves.toBe(4);
    expect(workers).toHaveLength(2);
    expect(events[0]).toMatch(/did not answer/);
  });

  it('restarts after a rejected call or a crash mid-call', async () => {
    for (const first of ['rejects', 'dies-mid-call'] as const) {
      const { client, workers } = harness([first, 'answers']);
      await expect(client.call((r) => r.run(5))).resolves.toBe(10);
      expect(workers).toHaveLength(2);
    }
  });

  it('rejects after one failed retry (the status cannot stay running), and the next call starts on a new worker', async () => {
    const { client, workers, events } = harness(['throws-on-load', 'throws-on-load', 'answers']);
    const failed = client.call((r) => r.run(1));
    await expect(failed).rejects.toBeInstanceOf(WorkerFailure);
    await expect(failed).rejects.toThrow('the simulation worker failed to load: Uncaught SyntaxError (restarted and retried once)');
    expect(workers).toHaveLength(2);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatch(/^failure: /);
    await expect(client.call((r) => r.run(3))).resolves.toBe(6);
    expect(workers).toHaveLength(3);
  });

  it('keeps one healthy worker for many calls', async () => {
    const { client, workers } = harness(['answers']);
    await Promise.all([1, 2, 3].map((x) => client.call((r) => r.run(x))));
    await client.call((r) => r.run(4));
    expect(workers).toHaveLength(1);
  });
});
