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
import type { CodesignSettings } from '../../core/share/schema.ts';
import { DATASET_STORED_LEN } from '../../core/share/limits.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import type { SearchProgress } from '../../core/codesign/types.ts';
import type { CodesignStoreApi } from './codesignStore.ts';
import type { SearchStore } from './searchDb.ts';
import type { ProgressStore, SavedProgress } from './searchProgress.ts';
import type { Evaluation } from '../../core/codesign/types.ts';
import type { MeasuredRun } from '../../core/codesign/predictors/measured.ts';
import { labRunsLabel } from './userLabRuns.ts';
import { pairSummary, queryPoint, SEARCH_RECORD_FORMAT, SEARCH_RECORD_VERSION, type QueryPoint, type SearchRecord } from './searchRecord.ts';

/** Largest dataset file read (the core refuses beyond this too). */
export const MAX_DATASET_FILE_BYTES = 20 * 1024 * 1024;
export const COMPARE_ALGORITHMS = ['boshcode', 'evolution', 'random'] as const;

export interface CodesignController {
  load(): Promise<void>;
  describePredictor(): Promise<void>;
  importDataset(name: string, text: string): Promise<void>;
  /** `resume`: continue the saved stopped search (its settings must be the panel's). */
  run(resume?: boolean): Promise<void>;
  compare(seeds: number): Promise<void>;
  cancel(): void;
  /** Checks a pair against the editors' rules, then puts it into them. */
  loadIntoEditors(pair: Design, label: string): boolean;
  /**
   * Puts a pair's model into the editors and opens the DynaProp lab set to train it as the
   * shipped measurements were (names, unpruned, MEASURE_STEPS): the user starts the run, and
   * once saved it joins the measured predictor. Nothing trains without the user's click.
   */
  measureInLab(pair: Design): boolean;
}

/** Steps of the shipped measurements (bench/labMeasurements.ts): a run comparable with them. */
export const MEASURE_STEPS = 150;

export interface CodesignDeps {
  explorer: ExplorerStoreApi;
  store: CodesignStoreApi;
  client: CodesignClient;
  db: SearchStore;
  /** Where the search in progress is saved as it runs (none: no resume). */
  progress?: ProgressStore;
  /** How often the search in progress is written to `progress`, ms. */
  saveEveryMs?: number;
  now?: () => number;
  flushMs?: number;
  /** The user's finished lab runs, for the measured predictor beside the shipped ones (none: the shipped ones only). */
  labRuns?: () => Promise<MeasuredRun[]>;
}

export function createCodesignController({ explorer, store, client, db, progress, saveEveryMs = 1000, now = Date.now, flushMs = 100, labRuns }: CodesignDeps): CodesignController {
  const resumableOf = (p: SavedProgress | null) => (p ? { query: p.evaluations.length, budget: p.settings.budget, algorithm: p.settings.algorithm, seed: p.settings.seed } : null);
  const settings = () => explorer.getState().session.codesign;

  /** The worker's predictor for the settings; null when the imported one has no file yet. */
  const predictorSpec = async (): Promise<CodesignRequest['predictor'] | null> => {
    const kind = settings().predictor;
    const { dataset } = store.getState();
    if (kind === 'imported') return dataset ? { kind: 'imported', text: dataset.text, name: dataset.name } : null;
    if (kind === 'measured') {
      // The lab's storage may be unavailable (private mode): the shipped runs still fit.
      const runs = labRuns ? await labRuns().catch(() => []) : [];
      return runs.length ? { kind: 'measured', runs } : { kind: 'measured' };
    }
    return { kind: 'published' };
  };

  /** The request for the current settings, or the field that stops it. */
  const request = async (): Promise<{ req: Omit<CodesignRequest, 'algorithm' | 'seed'> & { algorithm: string; seed: number } } | { issue: { path: string; message: string } }> => {
    const s = settings();
    const predictor = await predictorSpec();
    if (!predictor) return { issue: { path: 'predictor', message: 'choose a dataset file for the imported predictor (files are not kept in links or across reloads)' } };
    const design = explorer.getState().session.design;
    return {
      req: {
        algorithm: s.algorithm, seed: s.seed, budget: s.budget,
        objective: { weights: { ...s.weights }, mode: s.mode, trainingShare: 0.5, costModel: 'elector', ...(s.accuracyFloor === 'baseline' ? { accuracyFloor: 'baseline' } : {}) },
        predictor,
        ...(s.fixed === 'accelerator' ? { fixedAccelerator: structuredClone(design.accelerator) } : {}),
        ...(s.fixed === 'transformer' ? { fixedModel: structuredClone(design.model) } : {}),
      },
    };
  };

  const fail = (message: string, issues?: { path: string; message: string }[]) => store.setState({ status: 'error', error: { message, issues } });

  /** Counts describePredictor calls, so only the newest one's answer is shown. */
  let describing = 0;
  const controller: CodesignController = {
    async load() {
      try {
        const { record, unreadable } = await db.last();
        if (record && store.getState().status === 'idle') store.setState({ record, points: record.points });
        if (progress) store.setState({ resumable: resumableOf(await progress.get()) });
        if (unreadable) store.setState({ storageMessage: `The saved search could not be read (${unreadable.field}: ${unreadable.message}); it is left in storage and the panel starts empty.` });
      } catch (e) {
        store.setState({ storageMessage: `Searches will not survive a reload: ${(e as Error).message}.` });
      }
    },

    async describePredictor() {
      // The newest request wins: switching predictors quickly must not leave an older paragraph on screen.
      const mine = ++describing;
      const predictor = await predictorSpec();
      if (mine !== describing) return;
      if (!predictor) return store.setState({ predictorInfo: { status: 'idle', description: null } });
      store.setState({ predictorInfo: { status: 'loading', description: null } });
      const info = await client.inspectPredictor(predictor);
      if (mine !== describing) return;
      store.setState({ predictorInfo: info.ok ? { status: 'ok', ...info } : { status: 'error', description: null, message: info.message } });
    },

    async importDataset(name, text) {
      if (text.length > MAX_DATASET_FILE_BYTES) {
        store.setState({ predictorInfo: { ...store.getState().predictorInfo, importMessage: `${name} was not imported: the file is over ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB.` } });
        return;
      }
      const before = store.getState().predictorInfo;
      store.setState({ predictorInfo: { ...before, importMessage: `Reading ${name}…` } });
      const info = await client.inspectPredictor({ kind: 'imported', text, name });
      if (!info.ok) {
        // The previous predictor (and dataset, if any) stays in use; the message names the entry and field.
        const kept = store.getState().dataset?.name;
        // The issues name the entry and field; the error's own message would repeat "invalid dataset".
        const why = info.issues?.length ? info.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ') : info.message;
        store.setState({ predictorInfo: { ...before, importMessage: `${name} was not imported: ${why}. ${kept ? `The predictor stays fitted to ${kept}.` : 'No dataset is in use.'}` } });
        return;
      }
      store.setState({ dataset: { name, text }, predictorInfo: { status: 'ok', ...info } });
      explorer.getState().setCodesign({ predictor: 'imported' });
    },

    async run(resume = false) {
      const r = await request();
      if ('issue' in r) return fail(`${r.issue.path}: ${r.issue.message}`, [r.issue]);
      // Views from before the accuracy floor lack it: the same search as `none`.
      const s = withFloor(structuredClone(settings()));
      // What the predictor was fitted to, beyond the settings: the imported file's name, or which
      // of the user's lab runs joined the shipped ones (a resume must fit the same predictor).
      const predictorData = r.req.predictor.kind === 'imported' ? r.req.predictor.name
        : r.req.predictor.kind === 'measured' ? labRunsLabel(r.req.predictor.runs ?? []) : null;
      let saved: Evaluation[] = [];
      if (resume) {
        const p = await progress?.get();
        if (!p) return fail('resume: no stopped search is saved');
        // A resumed search must be the same search: it replays the saved one from its seed.
        if (JSON.stringify(withFloor(p.settings)) !== JSON.stringify(s)) return fail('resume: the settings have changed since the search stopped; set them back or run a new search');
        if (p.datasetName !== predictorData) {
          return fail(s.predictor === 'measured'
            ? `resume: the search was fitted to ${p.datasetName ?? 'the shipped lab runs'}, and your lab runs have changed since; run a new search`
            : `resume: the search used dataset ${p.datasetName ?? '(none)'}; import that file again`);
        }
        saved = p.evaluations;
      }
      const evaluations: Evaluation[] = [];
      let lastSaved = 0;
      const saveProgress = () => {
        if (!progress || evaluations.length === lastSaved) return;
        lastSaved = evaluations.length;
        const state: SavedProgress = { format: 'transcode-codesign-progress', version: 1, savedAt: new Date(now()).toISOString(), settings: s, datasetName: predictorData, evaluations: [...evaluations] };
        store.setState({ resumable: resumableOf(state) });
        progress.put(state).catch((e: Error) => store.setState({ storageMessage: `The search in progress could not be saved: ${e.message}.` }));
      };
      const saver = setInterval(saveProgress, saveEveryMs);
      store.setState({ status: 'running', query: 0, budget: s.budget, step: '', startedAt: now(), points: [], error: null });
      let buffer: QueryPoint[] = [];
      let last: SearchProgress | null = null;
      const flush = () => {
        if (!last) return;
        store.setState({ points: [...store.getState().points, ...buffer], query: last.query, step: last.step });
        buffer = [];
      };
      const timer = setInterval(flush, flushMs);
      const outcome = await client.search(saved.length ? { ...r.req, saved } : r.req, (p) => {
        last = p;
        evaluations.push(p.evaluation);
        buffer.push(queryPoint(p.evaluation, p.query, p.bestSoFar.performance, p.step));
      });
      clearInterval(timer);
      clearInterval(saver);
      flush();
      if (outcome.ok) {
        await progress?.clear().catch(() => undefined);
        store.setState({ resumable: null });
      } else saveProgress();
      if (outcome.ok) {
        const { result } = outcome;
        const record: SearchRecord = {
          format: SEARCH_RECORD_FORMAT, version: SEARCH_RECORD_VERSION, savedAt: new Date(now()).toISOString(), settings: s,
          datasetName: predictorData, predictor: outcome.predictor, backend: outcome.backend, seconds: result.seconds,
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
      const r = await request();
      if ('issue' in r) return store.setState({ compare: { ...store.getState().compare, status: 'error', message: `${r.issue.path}: ${r.issue.message}` } });
      const { algorithm: _a, seed, ...rest } = r.req;
      const seeds = Array.from({ length: Math.max(1, Math.min(10, Math.round(seedCount))) }, (_, i) => seed + i);
      const total = seeds.length * COMPARE_ALGORITHMS.length;
      store.setState({ compare: { status: 'running', done: 0, total, budget: rest.budget, seeds, summaries: [], message: null } });
      // Runs go algorithm by algorithm, seed by seed (core/codesign/compare.ts), so `done` names the next one.
      const next = (done: number) => (done < total ? `${COMPARE_ALGORITHMS[Math.floor(done / seeds.length)]}, seed ${seeds[done % seeds.length]}` : '');
      store.setState({ compare: { ...store.getState().compare, current: next(0) } });
      const outcome = await client.compare({ ...rest, seeds, algorithms: [...COMPARE_ALGORITHMS] }, (_alg, _seed, done) => {
        store.setState({ compare: { ...store.getState().compare, done, current: next(done) } });
      }, (query) => {
        const cmp = store.getState().compare;
        store.setState({ compare: { ...cmp, current: `${next(cmp.done)}, query ${query}` } });
      });
      const c = { ...store.getState().compare, current: '' };
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

    measureInLab(pair) {
      if (!controller.loadIntoEditors(pair, 'The pair to measure')) return false;
      const ex = explorer.getState();
      ex.setLab({
        dataset: 'names', model: 'editor', steps: MEASURE_STEPS, seqLen: DATASET_STORED_LEN.names,
        targetActivationSparsity: null, targetGradientSparsity: null,
      });
      ex.setView({ tab: 'dynaprop' });
      ex.notify('info', `The DynaProp lab is set to train this model on names for ${MEASURE_STEPS} steps, unpruned, like the shipped measurements. Run it: saved runs join the measured predictor.`);
      return true;
    },
  };
  return controller;
}

function withFloor(s: CodesignSettings): CodesignSettings {
  return { ...s, accuracyFloor: s.accuracyFloor ?? 'none' };
}
