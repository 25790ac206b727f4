/**
 * Thin comlink shell over the DynaProp core: backend set-up (the wasm binaries are
 * served by the app itself), dataset fetch, progress and cancellation. Failures
 * come back as values so field-named messages survive the structured clone.
 */
import { expose, releaseProxy, type Remote } from 'comlink';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend } from '../src/core/dynaprop/backend.ts';
import type { BackendName, DynaPropRunConfig } from '../src/core/dynaprop/config.ts';
import { runDynaProp, RunCancelled, type DynaPropProgress, type DynaPropResult } from '../src/core/dynaprop/run.ts';
import { parseDatasetFile, type DatasetFile } from '../src/core/dynaprop/data/datasetFile.ts';
import { ConfigError } from '../src/core/dynaprop/validateConfig.ts';
import { ModelBuildError } from '../src/core/dynaprop/model/layerPlan.ts';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export type DynaPropReply =
  | { ok: true; result: DynaPropResult }
  | { ok: false; cancelled: boolean; field?: string; message: string };

const datasets = new Map<string, DatasetFile>();
let control = { cancelled: false };

async function dataset(url: string): Promise<DatasetFile> {
  let d = datasets.get(url);
  if (!d) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`dataset ${url}: HTTP ${response.status}`);
    d = parseDatasetFile(await response.json());
    datasets.set(url, d);
  }
  return d;
}

const api = {
  /** `evalBatches`: validation batches per evaluation during training (all when unset). */
  async run(config: DynaPropRunConfig, datasetUrl: string, backend: BackendName | 'auto', onProgress: (p: DynaPropProgress) => void, options: { evalBatches?: number } = {}): Promise<DynaPropReply> {
    control = { cancelled: false };
    const mine = control;
    try {
      await selectBackend(backend);
      const data = await dataset(datasetUrl);
      const result = await runDynaProp(config, data, {
        control: mine,
        onProgress: (p) => onProgress(p),
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        evalBatches: options.evalBatches,
      });
      return { ok: true, result };
    } catch (e) {
      if (e instanceof RunCancelled) return { ok: false, cancelled: true, message: e.message };
      const field = e instanceof ConfigError ? e.field : e instanceof ModelBuildError ? `model.${e.path}` : undefined;
      return { ok: false, cancelled: false, field, message: (e as Error).message };
    } finally {
      // The progress callback is a comlink proxy: release its message channel with the run.
      (onProgress as unknown as Partial<Remote<unknown>>)[releaseProxy]?.();
    }
  },
  cancel(): void {
    control.cancelled = true;
  },
};

export type DynaPropWorkerApi = typeof api;
expose(api);
