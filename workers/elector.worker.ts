/**
 * Thin comlink shell over the ELECTOR core: transport only, no logic of its own.
 * Failures come back as values (not thrown) so field-named validation issues
 * survive the structured clone.
 */
import { expose } from 'comlink';
import { runSimulation, type SimulationReply } from '../src/core/elector/run.ts';
import type { SimOptions } from '../src/core/elector/types.ts';

const api = {
  simulate(model: unknown, accelerator: unknown, options: SimOptions): SimulationReply {
    return runSimulation(model, accelerator, options);
  },
};

export type ElectorWorkerApi = typeof api;
expose(api);
