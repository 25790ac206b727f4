/**
 * The UI's handle on the co-design worker (searches, algorithm comparisons; tfjs
 * surrogates stay in the worker). The same guarantees as the DynaProp client:
 *
 * - **Newest wins.** A job asked for while another runs cancels it; only the newest of
 *   those waiting starts next, the others resolve as superseded.
 * - **Cancel** asks the worker to stop between queries; a worker busy in a long step
 *   (surrogate training) that has not stopped after `cancelGraceMs` is terminated.
 * - **Death is reported, never hangs.** A worker that fails to load, crashes, or sends
 *   nothing for `silenceMs` resolves the job as `crashed`; the next job gets a new worker.
 *
 * `inspectPredictor` (fit an imported dataset, describe a predictor) is a plain call
 * beside the queue: it never cancels a search.
 */
import { proxy, wrap } from 'comlink';
import type { CodesignReply, CodesignRequest, CodesignWorkerApi, PredictorInfo } from '../../workers/codesign.worker.ts';
import type { AlgorithmSummary } from '../core/codesign/compare.ts';
import type { SearchProgress } from '../core/codesign/types.ts';
import { guardWorker, type GuardedWorker, type WorkerLike } from './workerGuard.ts';

export type CompareRequest = Omit<CodesignRequest, 'algorithm' | 'seed'> & { seeds: number[]; algorithms: string[] };
export type CompareReply = { ok: true; summaries: AlgorithmSummary[] } | Extract<CodesignReply, { ok: false }>;

type Stopped =
  /** The worker failed to load, died or went silent; the next job starts a new one. */
  | { ok: false; cancelled: false; crashed: true; message: string }
  /** A newer job replaced this one before it finished (or before it started). */
  | { ok: false; cancelled: true; superseded: true; message: string };

export type SearchOutcome = CodesignReply | Stopped;
export type CompareOutcome = CompareReply | Stopped;

/** What the client needs of the worker's API (comlink's Remote of it, or a fake in tests). */
export interface CodesignRemote {
  search(req: CodesignRequest, onProgress: (p: SearchProgress) => void): Promise<CodesignReply>;
  compare(req: CompareRequest, onRun: (algorithm: string, seed: number, done: number, total: number) => void, onQuery?: (query: number) => void): Promise<CompareReply>;
  inspectPredictor(p: CodesignRequest['predictor']): Promise<PredictorInfo> | PredictorInfo;
  cancel(): unknown;
}

export interface CodesignClientOptions {
  create: () => { worker: WorkerLike; remote: CodesignRemote };
  silenceMs?: number;
  cancelGraceMs?: number;
  /** Makes callbacks callable from the worker (comlink's `proxy`; identity in tests). */
  callback?: <F extends (...args: never[]) => void>(f: F) => F;
}

export interface CodesignClient {
  search(req: CodesignRequest, onProgress: (p: SearchProgress) => void): Promise<SearchOutcome>;
  /** `onQuery` hears the running search's query number (at most every 250 ms). */
  compare(req: CompareRequest, onRun: (algorithm: string, seed: number, done: number, total: number) => void, onQuery?: (query: number) => void): Promise<CompareOutcome>;
  inspectPredictor(p: CodesignRequest['predictor']): Promise<PredictorInfo>;
  /** Cancels the running job and any waiting one. */
  cancel(): void;
  readonly created: number;
  terminate(): void;
}

/** A first search loads tfjs and the wasm binary, and BOSHCODE trains three networks before its first step. */
export const CODESIGN_SILENCE_MS = 120_000;
export const CODESIGN_CANCEL_GRACE_MS = 4_000;

interface Job {
  /** Starts the job on the remote; `beat` must be called on every sign of life. */
  start: (remote: CodesignRemote, beat: () => void) => Promise<SearchOutcome | CompareOutcome>;
  resolve: (o: SearchOutcome | CompareOutcome) => void;
  cancelRequested: boolean;
  superseded: boolean;
  stopped: 'cancel' | 'silent' | null;
}

export function createCodesignClient(options: CodesignClientOptions): CodesignClient {
  const silenceMs = options.silenceMs ?? CODESIGN_SILENCE_MS;
  const graceMs = options.cancelGraceMs ?? CODESIGN_CANCEL_GRACE_MS;
  const callback = options.callback ?? (<F,>(f: F) => proxy(f as object) as F);
  let current: GuardedWorker<CodesignRemote> | null = null;
  let created = 0;
  let active: Job | null = null;
  let waiting: Job | null = null;

  const worker = (): GuardedWorker<CodesignRemote> => {
    if (!current || current.dead) {
      const { worker: w, remote } = options.create();
      created++;
      current = guardWorker(w, remote, 'co-design');
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
    const beat = () => { lastBeat = Date.now(); };
    const watchdog = setInterval(() => {
      if (Date.now() - lastBeat > silenceMs && active === job && !w.dead) {
        job.stopped = 'silent';
        w.terminate();
      }
    }, Math.min(1000, silenceMs / 4));
    w.call((remote) => job.start(remote, beat))
      .then(
        (reply) => reply,
        (e: unknown): Stopped | { ok: false; cancelled: true; message: string } => {
          if (job.stopped === 'cancel') return { ok: false, cancelled: true, message: 'cancelled (the worker was stopped mid-step)' };
          const why = job.stopped === 'silent' ? `it sent nothing for ${Math.round(silenceMs / 1000)} s and was stopped` : e instanceof Error ? e.message : String(e);
          const message = w.dead ? `The co-design worker stopped: ${why}. Run again to start a new worker.` : `The co-design job failed: ${why}`;
          return { ok: false, cancelled: false, crashed: true, message };
        },
      )
      .then((result) => {
        const outcome = job.superseded && !result.ok && result.cancelled
          ? { ok: false as const, cancelled: true as const, superseded: true as const, message: 'replaced by a newer run' }
          : result;
        clearInterval(watchdog);
        active = null;
        job.resolve(outcome as SearchOutcome | CompareOutcome);
        const next = waiting;
        waiting = null;
        if (next) start(next);
      });
  };

  const enqueue = (startJob: Job['start']) =>
    new Promise<SearchOutcome | CompareOutcome>((resolve) => {
      const job: Job = { start: startJob, resolve, cancelRequested: false, superseded: false, stopped: null };
      if (!active) return start(job);
      waiting?.resolve({ ok: false, cancelled: true, superseded: true, message: 'replaced by a newer run before it started' });
      waiting = job;
      active.superseded = true;
      cancelActive();
    });

  return {
    get created() {
      return created;
    },
    search(req, onProgress) {
      let live = true;
      return enqueue((remote, beat) =>
        remote.search(req, callback((p: SearchProgress) => {
          beat();
          if (live) onProgress(p);
        })).finally(() => { live = false; }),
      ) as Promise<SearchOutcome>;
    },
    compare(req, onRun, onQuery) {
      return enqueue((remote, beat) =>
        remote.compare(
          req,
          callback((algorithm: string, seed: number, done: number, total: number) => {
            beat();
            onRun(algorithm, seed, done, total);
          }),
          callback((query: number) => {
            beat();
            onQuery?.(query);
          }),
        ),
      ) as Promise<CompareOutcome>;
    },
    async inspectPredictor(p) {
      try {
        // No time limit here: the guard would kill the worker (and a search on it) when one ran out.
        return await worker().call(async (remote) => remote.inspectPredictor(p));
      } catch (e) {
        return { ok: false, message: `The co-design worker could not read the predictor: ${e instanceof Error ? e.message : String(e)}` };
      }
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

let appClient: CodesignClient | null = null;

/** The app's client, created on first use (the co-design chunk only), so tfjs never loads before a search. */
export function codesignClient(): CodesignClient {
  appClient ??= createCodesignClient({
    create: () => {
      const worker = new Worker(new URL('../../workers/codesign.worker.ts', import.meta.url), { type: 'module', name: 'codesign' });
      return { worker, remote: wrap<CodesignWorkerApi>(worker) as unknown as CodesignRemote };
    },
  });
  return appClient;
}
