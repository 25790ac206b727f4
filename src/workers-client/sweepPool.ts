/**
 * Runs sweeps on a pool of workers: `max(1, hardwareConcurrency − 1)` of them,
 * created lazily and reused. A sweep is cut into chunks sized to take about a
 * quarter of a second each (so cancel is quick and results stream), each worker
 * holds at most two chunks (so it never idles between them), and results come
 * back as chunks finish. The newest sweep wins: starting one cancels the last.
 *
 * Cancel stops scheduling and drops late results; a worker still busy with a
 * cancelled chunk after `stuckMs` is terminated and replaced, so a slow chunk
 * cannot delay the next sweep.
 *
 * The transport is injected (`SweepWorkerFactory`): the app uses comlink workers,
 * tests use in-process fakes.
 */
import { wrap, type Remote } from 'comlink';
import type { SweepWorkerApi } from '../../workers/sweep.worker.ts';
import type { Design } from '../core/share/session.ts';
import type { RunSettings, SweepSettings } from '../core/share/schema.ts';
import type { SweepChunkResult } from '../core/sweep/run.ts';
import { guardWorker } from './workerGuard.ts';

export interface SweepJob {
  spec: SweepSettings;
  base: Design;
  settings: RunSettings;
  /** Number of samples (`sweepSize(spec)`). */
  total: number;
}

export interface SweepWorker {
  runChunk(spec: SweepSettings, base: Design, settings: RunSettings, start: number, end: number): Promise<SweepChunkResult>;
  terminate(): void;
}
export type SweepWorkerFactory = () => SweepWorker;

export interface SweepProgress {
  done: number;
  total: number;
  /** Pairs per second since the sweep started. */
  ratePerS: number;
  /** Seconds left at the current rate; null before the first chunk. */
  etaS: number | null;
  errors: number;
}

export interface SweepCallbacks {
  /** Every chunk, as it arrives (never after cancel). */
  onChunk(chunk: SweepChunkResult): void;
  /** At most every `progressIntervalMs`, plus once at the end. */
  onProgress(progress: SweepProgress): void;
}

export type SweepOutcome = 'done' | 'cancelled';

export interface SweepHandle {
  cancel(): void;
  /** Resolves when the sweep finishes or is cancelled; rejects if a worker fails. */
  done: Promise<SweepOutcome>;
}

export interface SweepPoolOptions {
  factory: SweepWorkerFactory;
  /** Default max(1, hardwareConcurrency − 1). */
  size?: number;
  /** Target wall time per chunk, ms. Default 250. */
  chunkTargetMs?: number;
  /** Chunk size bounds, pairs. Defaults 50 and 2000; the first chunk has `firstChunk` (250). */
  minChunk?: number;
  maxChunk?: number;
  firstChunk?: number;
  /** Chunks queued per worker. Default 2. */
  depth?: number;
  /** Default 100 (10 Hz). */
  progressIntervalMs?: number;
  /** A cancelled chunk running longer than this gets its worker replaced. Default 300. */
  stuckMs?: number;
  now?: () => number;
  /** A worker failed; its chunks are being retried on a new one. */
  onRestart?: (error: unknown) => void;
}

interface Task {
  jobId: number;
  /** 0 first time; 1 when retried on a new worker after its worker failed. */
  attempt: number;
  start: number;
  end: number;
  sentAt: number;
}

interface Slot {
  worker: SweepWorker | null;
  tasks: Set<Task>;
  lastDoneAt: number;
}

interface ActiveJob extends SweepJob {
  id: number;
  callbacks: SweepCallbacks;
  next: number;
  done: number;
  errors: number;
  startedAt: number;
  msPerPair: number | null;
  lastProgressAt: number;
  progressTimer: ReturnType<typeof setTimeout> | null;
  settle: (outcome: SweepOutcome) => void;
  fail: (e: unknown) => void;
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

export function createSweepPool(options: SweepPoolOptions) {
  const o = {
    size: options.size ?? defaultPoolSize(),
    chunkTargetMs: options.chunkTargetMs ?? 250,
    minChunk: options.minChunk ?? 50,
    maxChunk: options.maxChunk ?? 2000,
    firstChunk: options.firstChunk ?? 250,
    depth: options.depth ?? 2,
    progressIntervalMs: options.progressIntervalMs ?? 100,
    stuckMs: options.stuckMs ?? 300,
    now: options.now ?? (() => performance.now()),
  };
  const slots: Slot[] = Array.from({ length: o.size }, () => ({ worker: null, tasks: new Set(), lastDoneAt: 0 }));
  let job: ActiveJob | null = null;
  let jobIds = 0;

  const isStale = (t: Task) => !job || t.jobId !== job.id;

  function chunkSize(j: ActiveJob): number {
    const remaining = j.total - j.next;
    const measured = j.msPerPair === null ? o.firstChunk : Math.round(o.chunkTargetMs / Math.max(j.msPerPair, 1e-6));
    const target = Math.min(o.maxChunk, Math.max(o.minChunk, measured));
    // Share the tail between workers instead of leaving one to finish a big last chunk.
    const fair = Math.ceil(remaining / o.size);
    return Math.min(remaining, Math.max(o.minChunk, Math.min(target, fair)));
  }

  function pump(): void {
    const j = job;
    if (!j) return;
    for (const slot of slots) {
      // Never queue behind a cancelled sweep's chunk: wait for it, or for the stuck timer.
      if ([...slot.tasks].some(isStale)) continue;
      while (slot.tasks.size < o.depth && j.next < j.total) {
        const start = j.next;
        const end = start + chunkSize(j);
        j.next = end;
        send(slot, { jobId: j.id, attempt: 0, start, end, sentAt: o.now() });
      }
    }
  }

  function send(slot: Slot, task: Task): void {
    const j = job!;
    slot.worker ??= options.factory();
    const worker = slot.worker;
    slot.tasks.add(task);
    worker.runChunk(j.spec, j.base, j.settings, task.start, task.end).then(
      (chunk) => {
        if (slot.worker !== worker || !slot.tasks.delete(task)) return;
        const now = o.now();
        const serviceMs = now - Math.max(task.sentAt, slot.lastDoneAt);
        slot.lastDoneAt = now;
        if (!isStale(task)) received(job!, chunk, serviceMs / Math.max(1, task.end - task.start));
        pump();
      },
      (e: unknown) => {
        if (slot.worker !== worker || !slot.tasks.has(task)) return;
        // The worker failed (did not load, died, timed out, or rejected a call): replace it, and
        // retry its chunks once on the new one. A chunk failing twice fails the sweep.
        const tasks = [...slot.tasks].filter((t) => !isStale(t));
        slot.tasks.clear();
        worker.terminate();
        slot.worker = null;
        if (tasks.some((t) => t.attempt >= 1)) {
          const why = e instanceof Error ? e.message : String(e);
          job!.fail(new Error(`${why} (the worker was restarted and the chunk retried once)`));
        } else if (tasks.length > 0) {
          options.onRestart?.(e);
          for (const t of tasks) send(slot, { ...t, attempt: t.attempt + 1, sentAt: o.now() });
        }
        pump();
      },
    );
  }

  function received(j: ActiveJob, chunk: SweepChunkResult, msPerPair: number): void {
    j.msPerPair = j.msPerPair === null ? msPerPair : 0.5 * j.msPerPair + 0.5 * msPerPair;
    j.done += chunk.end - chunk.start;
    for (const k of chunk.errorKinds) j.errors += k.count;
    j.callbacks.onChunk(chunk);
    if (j.done >= j.total) {
      emitProgress(j);
      j.settle('done');
    } else {
      throttledProgress(j);
    }
  }

  function progressOf(j: ActiveJob): SweepProgress {
    const elapsedS = (o.now() - j.startedAt) / 1000;
    const ratePerS = elapsedS > 0 ? j.done / elapsedS : 0;
    return { done: j.done, total: j.total, ratePerS, etaS: ratePerS > 0 ? (j.total - j.done) / ratePerS : null, errors: j.errors };
  }

  function emitProgress(j: ActiveJob): void {
    if (j.progressTimer) clearTimeout(j.progressTimer);
    j.progressTimer = null;
    j.lastProgressAt = o.now();
    j.callbacks.onProgress(progressOf(j));
  }

  function throttledProgress(j: ActiveJob): void {
    const wait = j.lastProgressAt + o.progressIntervalMs - o.now();
    if (wait <= 0) emitProgress(j);
    else j.progressTimer ??= setTimeout(() => job === j && emitProgress(j), wait);
  }

  /** Replaces workers still busy with a cancelled sweep's chunks after `stuckMs`. */
  function reapLater(): void {
    setTimeout(() => {
      for (const slot of slots) {
        if (slot.worker && slot.tasks.size > 0 && [...slot.tasks].every(isStale)) {
          slot.worker.terminate();
          slot.worker = null;
          slot.tasks.clear();
        }
      }
      pump();
    }, o.stuckMs);
  }

  function finish(j: ActiveJob): void {
    if (j.progressTimer) clearTimeout(j.progressTimer);
    j.progressTimer = null;
    if (job === j) job = null;
    if (slots.some((s) => s.tasks.size > 0)) reapLater();
  }

  return {
    /** Starts a sweep, cancelling the one running. */
    run(spec: SweepJob, callbacks: SweepCallbacks): SweepHandle {
      if (job) job.settle('cancelled');
      let settle!: (outcome: SweepOutcome) => void;
      let fail!: (e: unknown) => void;
      const done = new Promise<SweepOutcome>((resolve, reject) => {
        settle = (outcome) => {
          finish(j);
          resolve(outcome);
        };
        fail = (e) => {
          finish(j);
          reject(e);
        };
      });
      const now = o.now();
      const j: ActiveJob = {
        ...spec, id: ++jobIds, callbacks, next: 0, done: 0, errors: 0, startedAt: now, msPerPair: null,
        lastProgressAt: now, progressTimer: null, settle, fail,
      };
      job = j;
      if (j.total <= 0) settle('done');
      else pump();
      return { cancel: () => job === j && settle('cancelled'), done };
    },
    /** Workers currently alive (for tests and diagnostics). */
    liveWorkers: () => slots.filter((s) => s.worker).length,
    dispose(): void {
      if (job) job.settle('cancelled');
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
        slot.tasks.clear();
      }
    },
  };
}

export type SweepPool = ReturnType<typeof createSweepPool>;

/** A comlink-wrapped module worker (the `new URL` must stay inline for Vite to bundle it). */
export function createComlinkSweepWorker(): SweepWorker {
  const worker = new Worker(new URL('../../workers/sweep.worker.ts', import.meta.url), { type: 'module', name: 'sweep' });
  // Guarded: a worker that fails to load, dies or goes silent rejects its chunks instead of leaving them pending.
  const guarded = guardWorker<Remote<SweepWorkerApi>>(worker, wrap<SweepWorkerApi>(worker), 'sweep');
  return {
    runChunk: (spec, base, settings, start, end) => guarded.call((r) => r.runChunk(spec, base, settings, start, end), CHUNK_TIMEOUT_MS),
    terminate: () => guarded.terminate(),
  };
}

/** Chunks aim at a quarter of a second; one silent for this long has a dead worker. */
export const CHUNK_TIMEOUT_MS = 60_000;

let appPool: SweepPool | null = null;

/** The app's pool, created on first use (module scope: StrictMode's double effects must not create two). */
export function sweepPool(): SweepPool {
  appPool ??= createSweepPool({ factory: createComlinkSweepWorker });
  return appPool;
}
