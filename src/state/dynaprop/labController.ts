/**
 * The DynaProp lab's controller: turns the user's intent (run, run the experiment,
 * cancel, use measured sparsity, import, delete) into worker runs, stored records and
 * session changes. Transport, storage and simulator are injected, so the tests drive
 * it with fakes; `appLab.ts` connects the real ones.
 *
 * One job at a time, newest wins: starting a run while another goes cancels the old
 * one (the client does) and the old job's loop stops at its next await. Progress
 * reaches the store at most every `throttleMs` (10 Hz): the worker may report faster.
 */
import type { SimOptions } from '../../core/elector/types.ts';
import type { SimulationReply } from '../../core/elector/run.ts';
import type { DynaPropProgress } from '../../core/dynaprop/run.ts';
import type { DynaPropRunConfig } from '../../core/dynaprop/config.ts';
import { measuredSparsityForElector } from '../../core/dynaprop/toElector.ts';
import { DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import { simOptionsOf } from '../../core/share/runSettings.ts';
import type { DynaPropClient, DynaPropOutcome } from '../../workers-client/dynapropClient.ts';
import type { ExplorerStoreApi } from '../store.ts';
import { checkLabExperiment, checkLabRun, LAB_EVAL_BATCHES, labDatasetUrl, targetsLabel } from './labConfig.ts';
import type { LabRecordStore } from './labDb.ts';
import { labFileJson, labRunOf, newRecord, parseLabFile, type LabRecord } from './labRecord.ts';
import { EMPTY_COMPARE, type LabStoreApi, type LivePoint } from './labStore.ts';

export interface LabDeps {
  explorer: ExplorerStoreApi;
  lab: LabStoreApi;
  client: Pick<DynaPropClient, 'run' | 'cancel'>;
  db: LabRecordStore;
  simulate: (model: unknown, accelerator: unknown, options: SimOptions) => Promise<SimulationReply>;
  /** The app's base URL (`document.baseURI`): dataset files are found relative to it. */
  base: string;
  throttleMs?: number;
}

export interface LabController {
  /** Reads the stored records (again). */
  load(): Promise<void>;
  run(): Promise<void>;
  runExperiment(): Promise<void>;
  cancel(): void;
  /** Shows a record's results, and one of its runs (its last when not given). */
  show(id: string, run?: number): void;
  remove(id: string): Promise<void>;
  /** Imports an export file; a bad file changes nothing and the notice names the field. */
  importFile(text: string, name: string): Promise<void>;
  /** The export file of the given records (all when none are given). */
  exportJson(ids?: readonly string[]): string;
  /** Writes a run's measured sparsity into the session's run settings (sparsity and sparsityByOp). */
  useMeasured(recordId: string, run: number): void;
  /** Back to the simulator's default sparsity, nothing per op. */
  clearMeasured(): void;
  stop(): void;
}

export function createLabController(deps: LabDeps): LabController {
  const { explorer, lab, client, db } = deps;
  const throttleMs = deps.throttleMs ?? 100;
  let jobSeq = 0;
  let cancelled = false;

  // ---- progress, at most every throttleMs --------------------------------------------------
  let pending: { progress: DynaPropProgress; points: LivePoint[] } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { progress, points } = pending;
    pending = null;
    lab.setState({ progress, live: [...lab.getState().live, ...points] });
  };
  const onProgress = (job: number) => (p: DynaPropProgress) => {
    if (job !== jobSeq) return;
    const point: LivePoint = { step: p.step, loss: p.loss, ...(p.validation ? { validationAccuracy: p.validation.accuracy } : {}) };
    pending = { progress: p, points: [...(pending?.points ?? []), point] };
    if (throttleMs <= 0) flush();
    else timer ??= setTimeout(flush, throttleMs);
  };
  const dropProgress = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };

  // ---- records ------------------------------------------------------------------------------
  const save = async (record: LabRecord) => {
    const copy = structuredClone(record);
    lab.setState({ records: [copy, ...lab.getState().records.filter((r) => r.id !== copy.id)], shownId: copy.id, shownRun: null });
    try {
      await db.put(copy);
    } catch (e) {
      lab.setState({ storage: 'failed', storageMessage: `results are not being saved: ${(e as Error).message}. Export them to keep them` });
    }
  };

  const load = async () => {
    try {
      const { records, unreadable } = await db.list();
      // Records made in this tab before storage answered stay (storage may have failed to take them).
      const mine = lab.getState().records.filter((r) => !records.some((s) => s.id === r.id));
      lab.setState({ records: [...mine, ...records], unreadable, storage: 'ready', storageMessage: null });
    } catch (e) {
      lab.setState({ storage: 'failed', storageMessage: `saved results cannot be read: ${(e as Error).message}` });
    }
  };

  // ---- jobs -----------------------------------------------------------------------------------
  const begin = (kind: LabRecord['kind'], total: number, first: DynaPropRunConfig, recordId: string) => {
    dropProgress();
    cancelled = false;
    lab.setState({
      status: 'running', error: null, progress: null, live: [], startedAt: Date.now(),
      job: { kind, index: 0, total, label: targetsLabel(first), recordId },
    });
    return ++jobSeq;
  };

  const refuse = (field: string, message: string) => {
    // A run already going goes on: only the notice says the new one was not started.
    if (lab.getState().status !== 'running') lab.setState({ status: 'error', error: { field, message }, job: null });
    explorer.getState().notify('error', `The DynaProp run was not started: ${message}`);
  };

  /** Runs one configuration; false when the job should stop (cancelled, superseded, failed). */
  const runOne = async (job: number, config: DynaPropRunConfig, record: LabRecord): Promise<boolean> => {
    const { dynaprop } = explorer.getState().session;
    const outcome: DynaPropOutcome = await client.run(config, labDatasetUrl(config.dataset, deps.base), dynaprop.backend, onProgress(job), { evalBatches: LAB_EVAL_BATCHES });
    if (job !== jobSeq) return false;
    flush();
    if (outcome.ok) {
      record.runs.push(labRunOf(outcome.result));
      record.complete = record.runs.length === record.planned;
      await save(record);
      return true;
    }
    if (record.runs.length > 0) await save(record);
    if (outcome.cancelled) {
      lab.setState({ status: 'cancelled', job: null });
    } else {
      const field = 'field' in outcome ? outcome.field : undefined;
      lab.setState({ status: 'error', job: null, error: { message: outcome.message, ...(field ? { field } : {}) } });
      explorer.getState().notify('error', `The DynaProp run stopped: ${outcome.message}`);
    }
    return false;
  };

  const run = async () => {
    const { dynaprop, design } = explorer.getState().session;
    const check = checkLabRun(dynaprop, design.model);
    if (!check.ok) return refuse(check.field, check.message);
    const record = newRecord('run', 1);
    const job = begin('run', 1, check.value, record.id);
    if (await runOne(job, check.value, record)) lab.setState({ status: 'done', job: null });
  };

  const runExperiment = async () => {
    const { dynaprop, design } = explorer.getState().session;
    const check = checkLabExperiment(dynaprop, design.model);
    if (!check.ok) return refuse(check.field, check.message);
    const configs = check.value;
    const record = newRecord('experiment', configs.length);
    const job = begin('experiment', configs.length, configs[0], record.id);
    for (const [i, config] of configs.entries()) {
      if (job !== jobSeq) return;
      if (cancelled) {
        lab.setState({ status: 'cancelled', job: null });
        return;
      }
      if (i > 0) lab.setState({ job: { kind: 'experiment', index: i, total: configs.length, label: targetsLabel(config), recordId: record.id }, live: [], progress: null });
      if (!(await runOne(job, config, record))) return;
    }
    lab.setState({ status: 'done', job: null });
  };

  // ---- the simulator with default and with measured sparsity ---------------------------------
  let compareKey: string | null = null;
  const refreshCompare = () => {
    const { design, settings } = explorer.getState().session;
    if (!settings.sparsityByOp) {
      compareKey = null;
      if (lab.getState().compare !== EMPTY_COMPARE) lab.setState({ compare: EMPTY_COMPARE });
      return;
    }
    const key = JSON.stringify([design, settings]);
    if (key === compareKey) return;
    compareKey = key;
    const measured: SimOptions = { ...simOptionsOf(settings), timeline: false };
    const { sparsityByOp: _drop, ...plain } = measured;
    const defaults: SimOptions = { ...plain, sparsity: { ...DEFAULT_SETTINGS.sparsity } };
    lab.setState({ compare: { ...lab.getState().compare, status: 'running', error: null } });
    Promise.all([deps.simulate(design.model, design.accelerator, defaults), deps.simulate(design.model, design.accelerator, measured)]).then(
      ([a, b]) => {
        if (compareKey !== key) return;
        const error = !a.ok ? a.error : !b.ok ? b.error : null;
        lab.setState({ compare: { status: error ? 'error' : 'done', defaults: a.ok ? a.result : null, measured: b.ok ? b.result : null, error } });
      },
      (e: unknown) => {
        if (compareKey === key) lab.setState({ compare: { ...EMPTY_COMPARE, status: 'error', error: (e as Error).message ?? String(e) } });
      },
    );
  };
  refreshCompare();
  const unsubscribe = explorer.subscribe((s, prev) => {
    if (s.session.settings !== prev.session.settings || s.session.design !== prev.session.design) refreshCompare();
  });

  return {
    load,
    run,
    runExperiment,
    cancel() {
      cancelled = true;
      client.cancel();
    },
    show(id, run) {
      lab.setState({ shownId: id, shownRun: run ?? null });
    },
    async remove(id) {
      try {
        await db.remove(id);
      } catch (e) {
        explorer.getState().notify('error', `Could not delete the results: ${(e as Error).message}`);
        return;
      }
      const s = lab.getState();
      lab.setState({ records: s.records.filter((r) => r.id !== id), shownId: s.shownId === id ? null : s.shownId, applied: s.applied?.recordId === id ? null : s.applied });
    },
    async importFile(text, name) {
      const { notify } = explorer.getState();
      const parsed = parseLabFile(text);
      if (!parsed.ok) {
        notify('error', `Could not import “${name}”: ${parsed.field}: ${parsed.message}. Your saved results are unchanged.`);
        return;
      }
      // The same record again replaces itself; a different one under a stored id gets a new id, never overwrites.
      const stored = new Map(lab.getState().records.map((r) => [r.id, JSON.stringify(r)]));
      const incoming = parsed.value.map((r) => (stored.has(r.id) && stored.get(r.id) !== JSON.stringify(r) ? { ...r, id: `${r.id.slice(0, 60)}-import-${Math.random().toString(36).slice(2, 7)}` } : r));
      try {
        await db.put(...incoming);
      } catch (e) {
        notify('error', `Could not import “${name}”: ${(e as Error).message}. Your saved results are unchanged.`);
        return;
      }
      const ids = new Set(incoming.map((r) => r.id));
      const others = lab.getState().records.filter((r) => !ids.has(r.id));
      lab.setState({ records: [...incoming, ...others].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)), shownId: incoming[0]?.id ?? null, shownRun: null });
      const n = incoming.length;
      notify('info', `Imported ${n} DynaProp result${n === 1 ? '' : 's'} from “${name}”.`);
    },
    exportJson(ids) {
      const records = lab.getState().records.filter((r) => !ids || ids.includes(r.id));
      return labFileJson(records);
    },
    useMeasured(recordId, index) {
      const record = lab.getState().records.find((r) => r.id === recordId);
      const run = record?.runs[index];
      if (!run) return;
      const m = measuredSparsityForElector(run.heldOut, run.weightSparsity, DEFAULT_SETTINGS.sparsity);
      explorer.getState().setSettings({ sparsity: m.sparsity, sparsityByOp: m.sparsityByOp });
      lab.setState({ applied: { recordId, run: index } });
    },
    clearMeasured() {
      explorer.getState().setSettings({ sparsity: { ...DEFAULT_SETTINGS.sparsity }, sparsityByOp: undefined });
      lab.setState({ applied: null });
    },
    stop() {
      unsubscribe();
      dropProgress();
    },
  };
}
