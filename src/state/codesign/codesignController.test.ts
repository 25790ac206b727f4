import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../store.ts';
import { createCodesignStore } from './codesignStore.ts';
import { createCodesignController } from './codesignController.ts';
import { memorySearchStore } from './searchDb.ts';
import { parseSearchRecord } from './searchRecord.ts';
import type { CodesignClient, SearchOutcome } from '../../workers-client/codesignClient.ts';
import type { CodesignRequest } from '../../../workers/codesign.worker.ts';
import type { Evaluation, SearchProgress } from '../../core/codesign/types.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { defaultRunConfig } from '../../core/dynaprop/config.ts';
import type { MeasuredRun } from '../../core/codesign/predictors/measured.ts';
import { memoryLabStore } from '../dynaprop/labDb.ts';
import { labRunsLabel, userLabRuns } from './userLabRuns.ts';
import { memoryProgressStore } from './searchProgress.ts';

const pair = (preset: 'bert-tiny' | 'bert-base', acc: 'acceltran-edge' | 'acceltran-server') => ({ model: structuredClone(MODEL_PRESETS[preset].model), accelerator: structuredClone(ACCELERATOR_PRESETS[acc].config) });
const evaluation = (performance: number, p = pair('bert-tiny', 'acceltran-edge')): Evaluation => ({
  candidate: p, embedding: { model: [], accelerator: [] }, performance,
  metrics: { latencyS: 1e-3 / performance, dynamicEnergyJ: 1e-3, leakageEnergyJ: 1e-4, areaMm2: 100 },
  accuracy: { mean: 0.7, std: 0.01, source: 'published: test' },
});

/** A client whose search answers `budget` queries at once (or what `reply` says). */
function fakeClient(reply?: (req: CodesignRequest) => SearchOutcome) {
  const requests: CodesignRequest[] = [];
  const inspected: CodesignRequest['predictor'][] = [];
  const client: CodesignClient = {
    created: 1,
    async search(req, onProgress) {
      requests.push(req);
      if (reply) return reply(req);
      const evals = Array.from({ length: req.budget }, (_, i) => evaluation(0.5 + i / 100));
      evals.forEach((e, i) => onProgress({ query: i + 1, budget: req.budget, evaluation: e, bestSoFar: e, step: 'random' } as SearchProgress));
      const history = evals.map((e, i) => ({ query: i + 1, performance: e.performance, bestSoFar: e.performance, step: 'random' }));
      const baseline = evaluation(0.4, pair('bert-base', 'acceltran-server'));
      return { ok: true, result: { best: evals[evals.length - 1], history, evaluations: evals, seed: req.seed, seconds: 0.1 }, baseline, ratios: { latency: 2, energy: 1, area: 1, accuracyDelta: 0 }, predictor: 'published: test', backend: 'cpu' };
    },
    async compare() { return { ok: true, summaries: [] }; },
    async inspectPredictor(p) {
      inspected.push(p);
      return p.kind !== 'imported' ? { ok: true, description: p.kind } : { ok: true, description: 'imported', looSpearman: 0.8, entries: 17, skipped: 3 };
    },
    cancel() {},
    terminate() {},
  };
  return { client, requests, inspected };
}

function setup(opts: { reply?: (req: CodesignRequest) => SearchOutcome; stored?: unknown; labRuns?: () => Promise<MeasuredRun[]> } = {}) {
  const explorer = createExplorerStore();
  const store = createCodesignStore();
  const db = memorySearchStore(opts.stored);
  const { client, requests, inspected } = fakeClient(opts.reply);
  const controller = createCodesignController({ explorer, store, client, db, flushMs: 1, ...(opts.labRuns ? { labRuns: opts.labRuns } : {}) });
  return { explorer, store, db, controller, requests, inspected };
}

describe('co-design controller', () => {
  it('runs the session settings, keeps every query, saves a valid record, and a reload shows it', async () => {
    const { explorer, store, db, controller, requests } = setup();
    explorer.getState().setCodesign({ algorithm: 'random', budget: 12, seed: 7, fixed: 'accelerator', mode: 'both' });
    await controller.run();
    expect(requests[0]).toMatchObject({ algorithm: 'random', budget: 12, seed: 7, predictor: { kind: 'published' }, objective: { mode: 'both' } });
    expect(requests[0].fixedAccelerator).toEqual(explorer.getState().session.design.accelerator);
    expect(requests[0].fixedModel).toBeUndefined();
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.points).toHaveLength(12);
    expect(parseSearchRecord(db.raw.value)).toMatchObject({ ok: true });

    const again = setup({ stored: db.raw.value });
    await again.controller.load();
    expect(again.store.getState().record?.points).toHaveLength(12);
  });

  it('sends the accuracy floor only when the constraint is on', async () => {
    const { explorer, controller, requests } = setup();
    explorer.getState().setCodesign({ algorithm: 'random', budget: 2, accuracyFloor: 'baseline' });
    await controller.run();
    expect(requests[0].objective).toMatchObject({ accuracyFloor: 'baseline' });
    explorer.getState().setCodesign({ accuracyFloor: 'none' });
    await controller.run();
    expect(requests[1].objective).not.toHaveProperty('accuracyFloor');
  });

  it('names the field of a corrupt saved record and starts empty without failing', async () => {
    const { db, controller } = setup();
    await controller.run();
    const bad = structuredClone(db.raw.value) as { points: { performance: unknown }[] };
    bad.points[3].performance = 'high';
    const again = setup({ stored: bad });
    await again.controller.load();
    expect(again.store.getState().record).toBeNull();
    expect(again.store.getState().storageMessage).toContain('points[3].performance');
    const newer = setup({ stored: { ...(db.raw.value as object), version: 9 } });
    await newer.controller.load();
    expect(newer.store.getState().storageMessage).toContain('version');
  });

  it('refuses an imported predictor without a file, and reports the worker\'s field-named refusal', async () => {
    const { explorer, store, controller, requests } = setup({ reply: () => ({ ok: false, cancelled: false, message: 'budget: 0 must be a whole number ≥ 1', issues: [{ path: 'budget', message: '0 must be ≥ 1' }] }) });
    explorer.getState().setCodesign({ predictor: 'imported' });
    await controller.run();
    expect(requests).toHaveLength(0);
    expect(store.getState().error?.issues?.[0].path).toBe('predictor');
    await controller.importDataset('made-up.json', '{}');
    expect(store.getState().predictorInfo).toMatchObject({ status: 'ok', looSpearman: 0.8 });
    await controller.run();
    expect(requests[0].predictor).toEqual({ kind: 'imported', text: '{}', name: 'made-up.json' });
    expect(store.getState()).toMatchObject({ status: 'error', error: { message: expect.stringContaining('budget') } });
  });

  it('sends the user\'s own lab runs with the measured predictor, or none when the lab\'s storage fails', async () => {
    const own: MeasuredRun = { config: { ...defaultRunConfig('names'), steps: 300 }, accuracy: 0.76, backend: 'webgl', tfjsVersion: '4.22.0' };
    const { explorer, controller, requests, inspected } = setup({ labRuns: async () => [own] });
    explorer.getState().setCodesign({ predictor: 'measured', algorithm: 'random', budget: 3 });
    await controller.describePredictor();
    expect(inspected.at(-1)).toEqual({ kind: 'measured', runs: [own] });
    await controller.run();
    expect(requests[0].predictor).toEqual({ kind: 'measured', runs: [own] });
    const broken = setup({ labRuns: () => Promise.reject(new Error('IndexedDB unavailable')) });
    broken.explorer.getState().setCodesign({ predictor: 'measured', algorithm: 'random', budget: 3 });
    await broken.controller.run();
    expect(broken.requests[0].predictor).toEqual({ kind: 'measured' });
  });

  it('names the user\'s lab runs a measured search used, and refuses to resume it once they changed', async () => {
    const own: MeasuredRun = { config: { ...defaultRunConfig('names'), steps: 300 }, accuracy: 0.76, backend: 'webgl', tfjsVersion: '4.22.0' };
    expect(labRunsLabel([])).toBe('the shipped lab runs');
    expect(labRunsLabel([own])).toBe(labRunsLabel([structuredClone(own)]));
    expect(labRunsLabel([own])).not.toBe(labRunsLabel([{ ...own, accuracy: 0.75 }]));
    let runs = [own];
    const explorer = createExplorerStore();
    const store = createCodesignStore();
    const progress = memoryProgressStore();
    const { client } = fakeClient();
    const controller = createCodesignController({ explorer, store, client, db: memorySearchStore(), progress, flushMs: 1, labRuns: async () => runs });
    explorer.getState().setCodesign({ predictor: 'measured', algorithm: 'random', budget: 3 });
    await progress.put({ format: 'transcode-codesign-progress', version: 1, savedAt: new Date(0).toISOString(), settings: structuredClone(explorer.getState().session.codesign), datasetName: labRunsLabel([own]), evaluations: [] });
    runs = [own, { ...own, accuracy: 0.7 }];
    await controller.run(true);
    expect(store.getState().error?.message).toMatch(/^resume: the search was fitted to the shipped lab runs and 1 of yours \(#[0-9a-f]{8}\), and your lab runs have changed since/);
  });

  it('sets the DynaProp lab to measure a pair\'s model as the shipped runs were, and opens it; a pair outside the space is refused', () => {
    const { explorer, controller } = setup();
    explorer.getState().setLab({ dataset: 'spam', seqLen: 128, targetActivationSparsity: 0.5 });
    const pair = { model: MODEL_PRESETS['bert-mini'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config };
    expect(controller.measureInLab(pair)).toBe(true);
    const s = explorer.getState().session;
    expect(s.design.model).toEqual(pair.model);
    expect(s.dynaprop).toMatchObject({ dataset: 'names', model: 'editor', steps: 150, seqLen: 16, targetActivationSparsity: null, targetGradientSparsity: null });
    expect(s.view.tab).toBe('dynaprop');
    expect(controller.measureInLab({ ...pair, model: { ...pair.model, l: 99 } })).toBe(false);
  });

  it('shows the newest predictor\'s paragraph when the choice changes while an older one is still being fitted', async () => {
    let release: () => void = () => {};
    const slowLab = () => new Promise<MeasuredRun[]>((resolve) => { release = () => resolve([]); });
    const { explorer, store, controller } = setup({ labRuns: slowLab });
    explorer.getState().setCodesign({ predictor: 'measured' });
    const older = controller.describePredictor();
    explorer.getState().setCodesign({ predictor: 'published' });
    await controller.describePredictor();
    release();
    await older;
    expect(store.getState().predictorInfo).toMatchObject({ status: 'ok', description: 'published' });
  });

  it('reads the lab\'s records without their curves, leaving out the shipped runs imported into the lab', async () => {
    const run = { config: defaultRunConfig('names'), backend: 'wasm', tfjsVersion: '4.22.0', accuracy: 0.7, history: [{ step: 1, loss: 1 }] };
    const lab = memoryLabStore();
    lab.list = async () => ({ records: [{ id: 'run-1', runs: [run] }, { id: 'measure-lab-names-x-s1', runs: [run] }] as never, unreadable: [] });
    expect(await userLabRuns(lab)).toEqual([{ config: run.config, accuracy: 0.7, backend: 'wasm', tfjsVersion: '4.22.0' }]);
  });

  it('loads a pair into the editors, and refuses one outside the space by field', async () => {
    const { explorer, controller } = setup();
    expect(controller.loadIntoEditors(pair('bert-base', 'acceltran-server'), 'The best pair')).toBe(true);
    expect(explorer.getState().session.design.model.l).toBe(12);
    expect(explorer.getState().session.design.accelerator).toEqual(ACCELERATOR_PRESETS['acceltran-server'].config);
    const bad = { ...pair('bert-tiny', 'acceltran-edge'), model: { ...pair('bert-tiny', 'acceltran-edge').model, l: 5 } };
    expect(controller.loadIntoEditors(bad, 'Query 3')).toBe(false);
    expect(explorer.getState().notice?.message).toContain('model.');
    expect(explorer.getState().session.design.model.l).toBe(12);
  });
});
