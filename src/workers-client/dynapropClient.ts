/**
 * The UI's handle on the DynaProp worker (tfjs training). One run at a time:
 *
 * - **Newest wins.** A run asked for while another is going cancels it; only the
 *   newest of those waiting starts next, and the others resolve as superseded.
 * - **Cancel** asks the worker to stop between steps; a worker busy in a long step
 *   that has not stopped after `cancelGraceMs` is terminated (hard cancel), and the
 *   next run starts a fresh one.
 * - **Death is reported, never hangs.** A worker that fails to load, crashes, or
 *   sends no progress for `silenceMs` resolves the run as `crashed` with the reason;
 *   the next run starts on a new worker. Runs are not retried: a run that killed its
 *   worker would most likely kill the next one too.
 *
 * The worker is kept between runs: its tfjs backend and parsed datasets are reused.
 */
import { proxy, wrap } from 'comlink';
import type { DynaPropReply, DynaPropWorkerApi } from '../../workers/dynaprop.worker.ts';
import type { BackendName, DynaPropRunConfig } from '../core/dynaprop/config.ts';
import type { DynaPropProgress } from '../core/dynaprop/run.ts';
import { guardWorker, type GuardedWorker, type WorkerLike } from './workerGuard.ts';

export type DynaPropOutcome =
  | DynaPropReply
  /** The worker failed to load, died or went silent; the next run starts a new one. */
  | { ok: false; cancelled: false; crashed: true; message: string }
  /** A newer run replaced this one before it finished (or before it started). */
  | { ok: false; cancelled: true; superseded: true; message: string };

/** What the client needs of the worker's API (comlink's Remote of it, or a fake in tests). */
export interface DynaPropRemote {
  run(config: DynaPropRunConfig, datasetUrl: string, backend: BackendName | 'auto', onProgress: (p: DynaPropProgress) => void, options?: DynaPropRunOptions): Promise<DynaPropReply>;
  cancel(): unknown;
}

export interface DynaPropClientOptions {
  create: () => { worker: WorkerLike; remote: DynaPropRemote };
  /** No progress (nor an answer) for this long: the worker is taken for dead. */
  silenceMs?: number;
  /** How long a cancelled run may take to stop between steps before its worker is terminated. */
  cancelGraceMs?: number;
  /** Makes the progress callback callable from the worker (comlink's `proxy`; identity in tests). */
  callback?: (f: (p: DynaPropProgress) => void) => (p: DynaPropProgress) => void;
}

/** How a run is carried out, beyond its configuration (nothing here changes what it learns). */
export interface DynaPropRunOptions {
  /** Validation batches per evaluation during training (all when unset); the test split is always whole. */
  evalBatches?: number;
}

export interface DynaPropClient {
  run(config: DynaPropRunConfig, datasetUrl: string, backend: BackendName | 'auto', onProgress: (p: DynaPropProgress) => void, options?: DynaPropRunOptions): Promise<DynaPropOutcome>;
  /** Cancels the running run and any waiting one. */
  cancel(): void;
  /** Workers created so far (tests, diagnostics). */
  readonly created: number;
  /** Stops the worker now (a dead worker is replaced on the next run). */
  terminate(): void;
}

/** A first run loads tfjs, the wasm binary and the dataset before its first step: be generous. */
export const DYNAPROP_SILENCE_MS = 120_000;
export const DYNAPROP_CANCEL_GRACE_MS = 4_000;

interface Job {
  args: Parameters<DynaPropClient['run']>;
  resolve: (o: DynaPropOutcome) => void;
  cancelRequested: boolean;
  /** A newer run asked for the worker. */
  superseded: boolean;
  /** Why the worker was terminated under this run, when it was. */
  stopped: 'cancel' | 'silent' | null;
}

export function createDynaPropClient(options: DynaPropClientOptions): DynaPropClient {
  const silenceMs = options.silenceMs ?? DYNAPROP_SILENCE_MS;
  const graceMs = options.cancelGraceMs ?? DYNAPROP_CANCEL_GRACE_MS;
  const callback = options.callback ?? ((f) => proxy(f));
  let current: GuardedWorker<DynaPropRemote> | null = null;
  let created = 0;
  let active: Job | null = null;
  let waiting: Job | null = null;

  const worker = (): GuardedWorker<DynaPropRemote> => {
    if (!current || current.dead) {
      const { worker: w, remote } = options.create();
      created++;
      current = guardWorker(w, remote, 'DynaProp');
    }
    return current;
  };

  const cancelActive = () => {
    const job = active;
    if (!job || job.cancelRequested) return;
    job.cancelRequested = true;
    const used = current;
    Promise.resolve().then(() => used?.remote.cancel()).catch(() => { /* a dead worker cannot be asked; the guard reports it */ });
    setTimeout(() => {
      // Still in a step after the grace period: stop the worker itself.
      if (active === job && current === used && used) {
        job.stopped = 'cancel';
        used.terminate();
      }
    }, graceMs);
  };

  const start = (job: Job) => {
    active = job;
    const w = worker();
    let lastBeat = Date.now();
    const onProgress = job.args[3];
    const beat = callback((p) => {
      lastBeat = Date.now();
      if (active === job) onProgress(p);
    });
    const watchdog = setInterval(() => {
      if (Date.now() - lastBeat > silenceMs && active === job && !w.dead) {
        job.stopped = 'silent';
        w.terminate();
      }
    }, Math.min(1000, silenceMs / 4));
    w.call((remote) => remote.run(job.args[0], job.args[1], job.args[2], beat, job.args[4]))
      .then(
        (reply): DynaPropOutcome => reply,
        (e: unknown): DynaPropOutcome => {
          if (job.stopped === 'cancel') return { ok: false, cancelled: true, message: 'cancelled (the worker was stopped mid-step)' };
          const why = job.stopped === 'silent' ? `it sent nothing for ${Math.round(silenceMs / 1000)} s and was stopped` : e instanceof Error ? e.message : String(e);
          const message = w.dead ? `The DynaProp worker stopped: ${why}. Run again to start a new worker.` : `The DynaProp run failed: ${why}`;
          return { ok: false, cancelled: false, crashed: true, message };
        },
      )
      .then((result) => {
        // A run cancelled to make way for a newer one says so (one that finished first keeps its result).
        const outcome: DynaPropOutcome = job.superseded && !result.ok && result.cancelled
          ? { ok: false, cancelled: true, superseded: true, message: 'replaced by a newer run' }
          : result;
        clearInterval(watchdog);
        active = null;
        job.resolve(outcome);
        const next = waiting;
        waiting = null;
        if (next) start(next);
      });
  };

  return {
    get created() {
      return created;
    },
    run(...args) {
      return new Promise((resolve) => {
        const job: Job = { args, resolve, cancelRequested: false, superseded: false, stopped: null };
        if (!active) return start(job);
        waiting?.resolve({ ok: false, cancelled: true, superseded: true, message: 'replaced by a newer run before it started' });
        waiting = job;
        active.superseded = true;
        cancelActive();
      });
    },
    cancel() {
      waiting?.resolve({ ok: false, cancelled: true, superseded: true, message: 'cancelled before it started' });
      waiting = null;
      cancelActive();
    },
    terminate() {
      current?.terminate();
    },
  };
}

let appClient: DynaPropClient | null = null;

/** The app's client, created on first use (the lab's chunk only), so tfjs never loads before the lab runs. */
export function dynapropClient(): DynaPropClient {
  appClient ??= createDynaPropClient({
    create: () => {
      const worker = new Worker(new URL('../../workers/dynaprop.worker.ts', import.meta.url), { type: 'module', name: 'dynaprop' });
      return { worker, remote: wrap<DynaPropWorkerApi>(worker) };
    },
  });
  return appClient;
}
