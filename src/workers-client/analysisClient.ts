/**
 * Many-objective analyses off the main thread, newest request wins: a new
 * request terminates the worker still busy with the previous one (an analysis
 * of 10⁶ rows holds a worker for seconds, and its answer would be stale), and
 * the superseded caller gets `{ superseded: true }` instead of an error.
 * The objective columns are copied by the caller and transferred, so the
 * worker never sees a column the run store is still filling.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { AnalysisWorkerApi } from '../../workers/analysis.worker.ts';
import type { AnalysisRequest, AnalysisResult } from '../ui/analysis/objectives/analyse.ts';
import { guardWorker, type GuardedWorker, type WorkerLike } from './workerGuard.ts';
import type { LatestWinsOutcome } from './latestWins.ts';

/** Longest an analysis may take before the worker counts as stuck (10⁶ rows take a few seconds). */
const ANALYSIS_TIMEOUT_MS = 180_000;

export interface AnalysisClient {
  analyse(req: AnalysisRequest): Promise<LatestWinsOutcome<AnalysisResult>>;
  /** Stops any analysis in flight (the view closed). */
  dispose(): void;
}

/** What the client needs of a worker: its events and the remote `analyse` (a fake in tests). */
export type AnalysisRemote = Pick<Remote<AnalysisWorkerApi>, 'analyse'>;
export type AnalysisWorkerFactory = () => { worker: WorkerLike; remote: AnalysisRemote };

/** The app's analysis worker (the `new URL(…)` stays inline here for Vite to bundle it). */
const createAnalysisWorker: AnalysisWorkerFactory = () => {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  return { worker, remote: wrap<AnalysisWorkerApi>(worker) };
};

export function createAnalysisClient(create: AnalysisWorkerFactory = createAnalysisWorker): AnalysisClient {
  let latest = 0;
  let busy: GuardedWorker<AnalysisRemote> | null = null;

  return {
    async analyse(req) {
      const id = ++latest;
      busy?.terminate();
      const { worker, remote } = create();
      const guarded = guardWorker<AnalysisRemote>(worker, remote, 'analysis');
      busy = guarded;
      const buffers = [...req.columns, ...req.params.map((p) => p.values), ...(req.rows ? [req.rows] : [])]
        .filter((a): a is Float64Array | Float32Array | Int32Array => ArrayBuffer.isView(a))
        .map((a) => a.buffer as ArrayBuffer);
      try {
        const value = await guarded.call((remote) => remote.analyse(transfer(req, [...new Set(buffers)])), ANALYSIS_TIMEOUT_MS);
        return id === latest ? { superseded: false, value } : { superseded: true };
      } catch (e) {
        // A worker terminated for a newer request rejects: that is not a failure.
        if (id !== latest) return { superseded: true };
        throw e;
      } finally {
        guarded.terminate();
        if (busy === guarded) busy = null;
      }
    },
    dispose() {
      latest++;
      busy?.terminate();
      busy = null;
    },
  };
}
