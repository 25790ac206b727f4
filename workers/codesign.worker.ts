/**
 * Thin comlink shell over the co-design core: backend set-up for the surrogates,
 * the search or the algorithm comparison, progress, and cancellation. Failures come
 * back as values, so field-named messages survive the structured clone.
 */
import { expose } from 'comlink';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend } from '../src/core/dynaprop/backend.ts';
import { boshcodeSearch, makeBoshcode } from '../src/core/codesign/boshcode/boshcode.ts';
import { randomSearch } from '../src/core/codesign/baselines/randomSearch.ts';
import { evolutionSearch } from '../src/core/codesign/baselines/evolution.ts';
import { compareAlgorithms, type AlgorithmSummary } from '../src/core/codesign/compare.ts';
import { validateObjective } from '../src/core/codesign/objective.ts';
import { publishedPredictor } from '../src/core/codesign/predictors/published.ts';
import { importedPredictor } from '../src/core/codesign/predictors/imported.ts';
import type { MeasuredRun } from '../src/core/codesign/predictors/measured.ts';
import { bundledMeasuredPredictor } from '../src/state/codesign/measuredRuns.ts';
import type { Predictor } from '../src/core/codesign/predictors/predictor.ts';
import { evaluateBaseline, ratiosAgainst, type Ratios } from '../src/core/codesign/baseline.ts';
import { SearchCancelled, type SearchFunction } from '../src/core/codesign/search.ts';
import { ValidationError } from '../src/core/space/issues.ts';
import type { Evaluation, SearchProgress, SearchResult } from '../src/core/codesign/types.ts';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export const CODESIGN_ALGORITHMS: Record<string, SearchFunction> = { boshcode: boshcodeSearch, evolution: evolutionSearch, random: randomSearch };

export interface CodesignRequest {
  algorithm: string;
  /** ObjectiveSettings (weights, mode, cost model, sparsity); validated here. */
  objective: unknown;
  /**
   * `published`; `measured`: the shipped lab runs plus the user's own (`runs`, from the lab's
   * IndexedDB); or an imported dataset's text (FlexiBERT 2.0 format or CSV/JSON rows).
   */
  predictor: { kind: 'published' } | { kind: 'measured'; runs?: MeasuredRun[] } | { kind: 'imported'; text: string; name: string };
  budget: number;
  seed: number;
  fixedModel?: unknown;
  fixedAccelerator?: unknown;
  /** BOSHCODE's patience in iterations (default 10); Infinity runs the whole budget (bench/codesignBrowser.ts). */
  patience?: number;
  /** Resume: the evaluations saved before the search stopped (taken, not simulated again). */
  saved?: Evaluation[];
}

export type CodesignReply =
  | { ok: true; result: SearchResult; baseline: Evaluation; ratios: Ratios; predictor: string; backend: string }
  | { ok: false; cancelled: boolean; partial?: SearchResult; message: string; issues?: { path: string; message: string }[] };

let control = { cancelled: false };

function predictorFor(p: CodesignRequest['predictor']): Predictor {
  if (p.kind === 'published') return publishedPredictor();
  if (p.kind === 'measured') return bundledMeasuredPredictor(p.runs);
  return importedPredictor(p.text, p.name).predictor;
}

function failure(e: unknown): CodesignReply {
  if (e instanceof SearchCancelled) return { ok: false, cancelled: true, partial: e.partial, message: e.message };
  if (e instanceof ValidationError) return { ok: false, cancelled: false, message: e.message, issues: e.issues };
  return { ok: false, cancelled: false, message: (e as Error).message };
}

/** What the panel shows of a predictor before a search: its paragraph and, for an imported one, the fit's quality. */
export type PredictorInfo =
  | { ok: true; description: string; looSpearman?: number; entries?: number; skipped?: number; skippedIds?: string[] }
  | { ok: false; message: string; issues?: { path: string; message: string }[] };

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  async search(req: CodesignRequest, onProgress: (p: SearchProgress) => void): Promise<CodesignReply> {
    control = { cancelled: false };
    try {
      const { backend } = await selectBackend('auto');
      const search = req.algorithm === 'boshcode' && req.patience !== undefined ? makeBoshcode({ patience: req.patience }) : CODESIGN_ALGORITHMS[req.algorithm];
      if (!search) throw new Error(`algorithm: "${req.algorithm}" must be one of ${Object.keys(CODESIGN_ALGORITHMS).join(', ')}`);
      const objective = validateObjective(req.objective);
      const predictor = predictorFor(req.predictor);
      const result = await search(objective, predictor, { budget: req.budget, seed: req.seed, fixedModel: req.fixedModel, fixedAccelerator: req.fixedAccelerator, control, onProgress, pause, ...(req.saved ? { saved: req.saved } : {}) });
      const baseline = evaluateBaseline(objective, predictor);
      return { ok: true, result, baseline, ratios: ratiosAgainst(result.best, baseline), predictor: predictor.describe(), backend };
    } catch (e) {
      return failure(e);
    }
  },
  /** `onQuery` (optional) hears every query of every run, at most every 250 ms: the client's sign of life. */
  async compare(req: Omit<CodesignRequest, 'algorithm' | 'seed'> & { seeds: number[]; algorithms: string[] }, onRun: (algorithm: string, seed: number, done: number, total: number) => void, onQuery?: (query: number) => void): Promise<{ ok: true; summaries: AlgorithmSummary[] } | CodesignReply> {
    control = { cancelled: false };
    let last = 0;
    const onProgress = onQuery && ((p: SearchProgress) => {
      const now = Date.now();
      if (now - last >= 250) { last = now; onQuery(p.query); }
    });
    try {
      await selectBackend('auto');
      const chosen = Object.fromEntries(req.algorithms.map((a) => [a, CODESIGN_ALGORITHMS[a]]).filter(([, f]) => f));
      const summaries = await compareAlgorithms(chosen, validateObjective(req.objective), predictorFor(req.predictor), { budget: req.budget, seeds: req.seeds, control, pause, onRun, fixedModel: req.fixedModel, fixedAccelerator: req.fixedAccelerator, ...(onProgress ? { onProgress } : {}) });
      return { ok: true, summaries };
    } catch (e) {
      return failure(e);
    }
  },
  inspectPredictor(p: CodesignRequest['predictor']): PredictorInfo {
    try {
      if (p.kind !== 'imported') return { ok: true, description: predictorFor(p).describe() };
      const fit = importedPredictor(p.text, p.name);
      return { ok: true, description: fit.predictor.describe(), looSpearman: fit.looSpearman, entries: fit.dataset.points.length, skipped: fit.dataset.skipped.length, skippedIds: fit.dataset.skipped.slice(0, 5) };
    } catch (e) {
      const f = failure(e);
      return f.ok ? { ok: false, message: 'unexpected' } : { ok: false, message: f.message, issues: f.issues };
    }
  },
  cancel(): void {
    control.cancelled = true;
  },
};

export type CodesignWorkerApi = typeof api;
expose(api);
