/**
 * The UI's typed handle on the ELECTOR worker. Editing calls go through
 * `simulateLatest` (newest wins); the worker is created once at module scope so
 * React StrictMode's double effects do not spawn two.
 *
 * The worker is guarded (workerGuard.ts): if it fails to load, dies, or does not
 * answer within `SIM_TIMEOUT_MS`, the call is retried once on a new worker, and
 * if that fails too it rejects, so the status never stays "running" and the
 * next edit starts on a fresh worker.
 */
import { wrap, type Remote } from 'comlink';
import type { ElectorWorkerApi } from '../../workers/elector.worker.ts';
import type { SimOptions } from '../core/elector/types.ts';
import type { SimulationReply } from '../core/elector/run.ts';
import { latestWins } from './latestWins.ts';
import { createWorkerClient, type WorkerClient } from './workerGuard.ts';

/** A simulation takes milliseconds to a second; a worker silent this long is taken for dead. */
export const SIM_TIMEOUT_MS = 20_000;

type Listener = (event: { kind: 'restart' | 'recovered' | 'failure'; error: unknown }) => void;
const listeners = new Set<Listener>();

/** Hears about restarts and failures of the simulation worker (boot.ts reports them). */
export function onElectorWorkerEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let client: WorkerClient<Remote<ElectorWorkerApi>> | null = null;

function electorClient(): WorkerClient<Remote<ElectorWorkerApi>> {
  client ??= createWorkerClient<Remote<ElectorWorkerApi>>({
    name: 'simulation',
    timeoutMs: SIM_TIMEOUT_MS,
    create: () => {
      const worker = new Worker(new URL('../../workers/elector.worker.ts', import.meta.url), { type: 'module', name: 'elector' });
      return { worker, remote: wrap<ElectorWorkerApi>(worker) };
    },
    onRestart: (error) => listeners.forEach((l) => l({ kind: 'restart', error })),
    onRecovered: (error) => listeners.forEach((l) => l({ kind: 'recovered', error })),
    onFailure: (error) => listeners.forEach((l) => l({ kind: 'failure', error })),
  });
  return client;
}

export function simulateInWorker(model: unknown, accelerator: unknown, options: SimOptions): Promise<SimulationReply> {
  return electorClient().call<SimulationReply>((remote) => remote.simulate(model, accelerator, options));
}

export const simulateLatest = latestWins(simulateInWorker);
