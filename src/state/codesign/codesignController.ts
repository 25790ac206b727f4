/**
 * The co-design panel's controller: turns the session's settings (and the editors' design,
 * for one-sided searches) into worker requests, streams the queries into the run store
 * (flushed at most every 100 ms), keeps the last finished search in IndexedDB, and loads a
 * queried pair into the editors. It reacts to user intent only.
 */
import type { CodesignRequest } from '../../../workers/codesign.worker.ts';
import type { CodesignClient } from '../../workers-client/codesignClient.ts';
import type { ExplorerStoreApi } from '../store.ts';
import type { Design } from '../../core/share/session.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import type { SearchProgress } from '../../core/codesign/types.ts';
import type { CodesignStoreApi } from './codesignStore.ts';
import type { SearchStore } from './searchDb.ts';
import { pairSummary, queryPoint, SEARCH_RECORD_FORMAT, SEARCH_RECORD_VERSION, type QueryPoint, type SearchRecord } from './searchRecord.ts';

/** Largest dataset file read (the core refuses beyond this too). */
export const MAX_DATASET_FILE_BYTES = 20 * 1024 * 1024;
export const COMPARE_ALGORITHMS = ['boshcode', 'evolution', 'random'] as const;

export interface CodesignController {
  load(): Promise<void>;
  describePredictor(): Promise<void>;
  importDataset(name: string, text: string): Promise<void>;
  run(): Promise<void>;
  compare(seeds: number): Promise<void>;
  cancel(): void;
  /** Checks a pair against the editors' rules, then puts it into them. */
  loadIntoEditors(pair: Design, label: string): boolean;
}

export interface CodesignDeps {
  explorer: ExplorerStoreApi;
  store: CodesignStoreApi;
  client: CodesignClient;
  db: SearchStore;
  now?: () => number;
  flushMs?: number;
}

export function createCodesignController({ explorer, store, client, db, now = Date.now, flushMs = 100 }: CodesignDeps): CodesignController {
  const settings = () => explorer.getState().session.codesign;

  /** The request for the current settings, or the field that stops it. */
  const request = (): { req: Omit<CodesignRequest, 'algorithm' | 'seed'> & { algorithm: string; seed: number } } | { issue: { path: string; message: string } } => {
    const s = settings();
    const { dataset } = store.getState();
    if (s.predictor === 'imported' && !dataset) return { issue: { path: 'predictor', message: 'choose a dataset file for the imported predictor (files are not kept in links or across reloads)' } };
    const design = explorer.getState().session.design;
    return {
      req: {
        algorithm: s.algorithm, seed: s.seed, budget: s.budget,
        objective: { weights: { ...s.weights }, mode: s.mode, trainingShare: 0.5, costModel: 'elector' },
        predictor: s.predictor === 'imported' && dataset ? { kind: 'imported', text: dataset.text, name: dataset.name } : { kind: 'published' },
        ...(s.fixed === 'accelerator' ? { fixedAccelerator: structuredClone(design.accelerator) } : {}),
        ...(s.fixed === 'transformer' ? { fixedModel: structuredClone(design.model) } : {}),
      },
    };
  };

  const fail = (message: string, issues?: { path: string; message: string }[]) => store.setState({ status: 'error', error: { message, issues } });

  return {
    async load() {
      try {
        const { record, unreadable } = await db.last();
        if (record && store.getState().status === 'idle') store.setState({ record, points: record.points });
        if (unreadable) store.setState({ storageMessage: `The saved search could not be read (${unreadable.field}: ${unreadable.message}); it is left in storage and the panel starts empty.` });
      } catch (e) {
        store.setState({ storageMessage: `Searches will not survive a reload: ${(e as Error).message}.` });
      }
    },

    async describePredictor() {
      const s = settings();
      const { dataset } = store.getState();
      if (s.predictor === 'imported' && !dataset) return store.setState({ predictorInfo: { status: 'idle', description: null } });
      store.setState({ predictorInfo: { status: 'loading', description: null } });
      const info = await client.inspectPredictor(s.predictor === 'imported' && dataset ? { kind: 'imported', text: dataset.text, name: dataset.name } : { kind: 'published' });
      store.setState({ predictorInfo: info.ok ? { status: 'ok', ...info } : { status: 'error', description: null, message: info.message } });
    },

    async importDataset(name, text) {
      if (text.length > MAX_DATASET_FILE_BYTES) {
        store.setState({ predictorInfo: { status: 'error', description: null, message: `${name}: the file is over ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB` } });
        return;
      }
      store.setState({ predictorInfo: { status: 'loading', description: null } });
      const info = await client.inspectPredictor({ kind: 'imported', text, name });
      if (!info.ok) {
        // The previous dataset (if any) stays in use; the message names the entry and field.
        store.setState({ predictorInfo: { status: 'error', description: null, message: `${name}: ${info.message}` } });
        return;
      }
      store.setState({ dataset: { name, text }, predictorInfo: { status: 'ok', ...info } });
      explorer.getState().setCodesign({ predictor: 'imported' });
    },

    async run() {
      const r = request();
      if ('issue' in r) return fail(`${r.issue.path}: ${r.issue.message}`, [r.issue]);
      const s = structuredClone(settings());
      const datasetName = store.getState().dataset?.name ?? null;
      store.setState({ status: 'running', query: 0, budget: s.budget, step: '', startedAt: now(), points: [], error: null });
      let buffer: QueryPoint[] = [];
      let last: SearchProgress | null = null;
      const flush = () => {
        if (!last) return;
        store.setState({ points: [...store.getState().points, ...buffer], query: last.query, step: last.step });
        buffer = [];
      };
      const timer = setInterval(flush, flushMs);
      const outcome = await client.search(r.req, (p) => {
        last = p;
        buffer.push(queryPoint(p.evaluation, p.query, p.bestSoFar.performance, p.step));
      });
      clearInterval(timer);
      flush();
      if (outcome.ok) {
        const { result } = outcome;
        const record: SearchRecord = {
          format: SEARCH_RECORD_FORMAT, version: SEARCH_RECORD_VERSION, savedAt: new Date(now()).toISOString(), settings: s,
          datasetName: s.predictor === 'imported' ? datasetName : null, predictor: outcome.predictor, backend: outcome.backend, seconds: result.seconds,
          points: result.evaluations.map((e, i) => queryPoint(e, result.history[i].query, result.history[i].bestSoFar, result.history[i].step)),
          best: pairSummary(result.best), baseline: pairSummary(outcome.baseline), ratios: outcome.ratios,
        };
        store.setState({ status: 'done', record, points: record.points, query: result.history.length });
        try {
          await db.save(record);
        } catch (e) {
          store.setState({ storageMessage: `This search could not be saved for the next visit: ${(e as Error).message}.` });
        }
        return;
      }
      if (outcome.cancelled) {
        // The queries so far stay on show; the last finished search stays the one saved.
        store.setState({ status: 'cancelled', error: 'superseded' in outcome ? null : { message: outcome.message } });
        return;
      }
      fail(outcome.message, 'issues' in outcome ? outcome.issues : undefined);
    },

    async compare(seedCount) {
      const r = request();
      if ('issue' in r) return store.setState({ compare: { ...store.getState().compare, status: 'error', message: `${r.issue.path}: ${r.issue.message}` } });
      const { algorithm: _a, seed, ...rest } = r.req;
      const seeds = Array.from({ length: Math.max(1, Math.min(10, Math.round(seedCount))) }, (_, i) => seed + i);
      const total = seeds.length * COMPARE_ALGORITHMS.length;
      store.setState({ compare: { status: 'running', done: 0, total, budget: rest.budget, seeds, summaries: [], message: null } });
      const outcome = await client.compare({ ...rest, seeds, algorithms: [...COMPARE_ALGORITHMS] }, (_alg, _seed, done) => {
        store.setState({ compare: { ...store.getState().compare, done } });
      });
      const c = store.getState().compare;
      if (outcome.ok) store.setState({ compare: { ...c, status: 'done', summaries: outcome.summaries } });
      else store.setState({ compare: { ...c, status: outcome.cancelled ? 'cancelled' : 'error', message: outcome.message } });
    },

    cancel() {
      client.cancel();
    },

    loadIntoEditors(pair, label) {
      const model = validateModel(pair.model);
      const accelerator = validateAccelerator(pair.accelerator, 'acceltran');
      const ex = explorer.getState();
      if (!model.ok || !accelerator.ok) {
        const issue = !model.ok ? `model.${model.issues[0].path}: ${model.issues[0].message}` : !accelerator.ok ? `accelerator.${accelerator.issues[0].path}: ${accelerator.issues[0].message}` : '';
        ex.notify('error', `${label} cannot be loaded into the editors (${issue}).`);
        return false;
      }
      ex.loadDesign({ model: model.value, accelerator: accelerator.value });
      ex.notify('info', `${label} is now in the transformer and accelerator editors.`);
      return true;
    },
  };
}
