/**
 * Thin comlink shell over the sweep core: one call simulates one chunk and
 * hands its typed arrays back by transfer (no copy). Chunks are small, so the
 * pool can stop scheduling between them; a chunk itself is not interruptible.
 */
import { expose, transfer } from 'comlink';
import { runSweepChunk, type SweepChunkResult } from '../src/core/sweep/run.ts';
import type { Design } from '../src/core/share/session.ts';
import type { RunSettings, SweepSettings } from '../src/core/share/schema.ts';

const api = {
  runChunk(spec: SweepSettings, base: Design, settings: RunSettings, start: number, end: number): SweepChunkResult {
    const result = runSweepChunk(spec, base, settings, start, end);
    const buffers = [...Object.values(result.columns).map((c) => c.buffer), result.errors.buffer];
    return transfer(result, buffers as ArrayBuffer[]);
  },
};

export type SweepWorkerApi = typeof api;
expose(api);
