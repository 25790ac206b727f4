/**
 * The UI's typed handle on the ELECTOR worker. Editing calls go through
 * `simulateLatest` (newest wins); the worker is created once at module scope so
 * React StrictMode's double effects do not spawn two.
 */
import { wrap, type Remote } from 'comlink';
import type { ElectorWorkerApi } from '../../workers/elector.worker.ts';
import type { SimOptions } from '../core/elector/types.ts';
import type { SimulationReply } from '../core/elector/run.ts';
import { latestWins } from './latestWins.ts';

let remote: Remote<ElectorWorkerApi> | null = null;

function electorWorker(): Remote<ElectorWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../workers/elector.worker.ts', import.meta.url), { type: 'module', name: 'elector' });
    remote = wrap<ElectorWorkerApi>(worker);
  }
  return remote;
}

export function simulateInWorker(model: unknown, accelerator: unknown, options: SimOptions): Promise<SimulationReply> {
  return electorWorker().simulate(model, accelerator, options);
}

export const simulateLatest = latestWins(simulateInWorker);
