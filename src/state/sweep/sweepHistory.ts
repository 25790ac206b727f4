/**
 * The session's sweep history: every sweep that finishes is kept (IndexedDB, the
 * newest MAX_HISTORY), named, and can be reopened, renamed, deleted, exported or
 * overlaid under the current sweep. It reacts to one event of its own accord, a
 * run finishing; everything else is a user action, each with one `set`.
 */
import { createStore } from 'zustand/vanilla';
import type { ExplorerStoreApi } from '../store.ts';
import type { SweepController } from './sweepController.ts';
import type { SweepRunStore } from './sweepRunStore.ts';
import type { SweepHistoryStore, UnreadableEntry } from './historyDb.ts';
import { describeJob, SWEEP_RECORD_FORMAT, SWEEP_RECORD_VERSION, type SweepRecordData, type SweepRecordMeta } from './historyRecord.ts';
import { sameRunSettings } from '../../core/share/runSettings.ts';

export const MAX_HISTORY = 20;

export interface SweepHistoryState {
  status: 'loading' | 'ready' | 'unavailable';
  entries: SweepRecordMeta[];
  unreadable: UnreadableEntry[];
  /** The last thing worth telling (a failure, or what was dropped). */
  message: string | null;
}

export interface SweepHistoryDeps {
  explorer: ExplorerStoreApi;
  runs: SweepRunStore;
  controller: Pick<SweepController, 'show'>;
  db: SweepHistoryStore;
  now?: () => Date;
  newId?: () => string;
}

/** Two sweep jobs are the same sweep: the same spec, base and run settings (a missing objective reads as the default). */
export const sameJob = (a: SweepRecordMeta['job'], b: SweepRecordMeta['job']): boolean =>
  JSON.stringify([a.spec, a.base]) === JSON.stringify([b.spec, b.base]) && sameRunSettings(a.settings, b.settings);

export function createSweepHistory(d: SweepHistoryDeps) {
  const now = d.now ?? (() => new Date());
  const newId = d.newId ?? (() => (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`));
  const store = createStore<SweepHistoryState>()(() => ({ status: 'loading', entries: [], unreadable: [], message: null }));
  const fail = (what: string) => (e: unknown) => store.setState({ message: `${what}: ${e instanceof Error ? e.message : String(e)}` });

  let loaded: Promise<void> | null = null;
  /** Reads the list (once; later calls wait for the same read). */
  function load(): Promise<void> {
    return (loaded ??= read());
  }
  async function read(): Promise<void> {
    try {
      const { entries, unreadable } = await d.db.list();
      store.setState({ status: 'ready', entries, unreadable });
    } catch (e) {
      store.setState({ status: 'unavailable', message: `The sweep history is not available: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /** Keeps the run that just finished (the same job again replaces its earlier entry). */
  async function keepFinished(source: SweepRecordMeta['source'] = 'run'): Promise<void> {
    const r = d.runs.getState();
    await load();
    if (!r.job || !r.columns || !r.errors || store.getState().status !== 'ready') return;
    const job = { spec: r.job.spec, base: r.job.base, settings: r.job.settings, total: r.job.total };
    const earlier = store.getState().entries.find((e) => sameJob(e.job, job));
    const meta: SweepRecordMeta = {
      format: SWEEP_RECORD_FORMAT, version: SWEEP_RECORD_VERSION, id: earlier?.id ?? newId(), name: earlier?.name ?? describeJob(job),
      createdAt: now().toISOString(), job, points: r.done - r.errorCount, errorCount: r.errorCount, elapsedMs: r.elapsedMs, source,
    };
    const data: SweepRecordData = { columns: r.columns, errors: r.errors };
    try {
      await d.db.save(meta, data);
      const rest = store.getState().entries.filter((e) => e.id !== meta.id);
      const dropped = rest.slice(MAX_HISTORY - 1);
      for (const old of dropped) await d.db.remove(old.id);
      store.setState({
        entries: [meta, ...rest.slice(0, MAX_HISTORY - 1)],
        message: dropped.length ? `The history keeps the newest ${MAX_HISTORY} sweeps; “${dropped.map((x) => x.name).join('”, “')}” was removed.` : null,
      });
    } catch (e) {
      fail('This sweep could not be kept in the history (browser storage may be full)')(e);
    }
  }

  async function withData(id: string): Promise<{ meta: SweepRecordMeta; data: SweepRecordData } | null> {
    const meta = store.getState().entries.find((e) => e.id === id);
    if (!meta) return null;
    const got = await d.db.load(meta);
    if (!got.ok) {
      store.setState({ message: `“${meta.name}” cannot be read (${got.field}: ${got.message}); it was left as it is.` });
      return null;
    }
    return { meta, data: got.value };
  }

  async function open(id: string): Promise<void> {
    const got = await withData(id).catch((e) => (fail('Could not open the sweep')(e), null));
    if (!got) return;
    d.controller.show(got.meta.job, got.data, got.meta);
    store.setState({ message: null });
  }

  /**
   * Start-up: when the opened view's sweep had run and the history holds it, show
   * it from there (no simulation, brush kept). False when it must be re-run.
   */
  async function restoreView(): Promise<boolean> {
    await load();
    const session = d.explorer.getState().session;
    if (!session.sweepRan || d.runs.getState().status !== 'idle') return false;
    const job = { spec: session.sweep, base: session.sweepBase ?? session.design, settings: session.settings, total: 0 };
    const meta = store.getState().entries.find((e) => sameJob(e.job, job));
    const got = meta ? await withData(meta.id).catch(() => null) : null;
    if (!got) return false;
    d.controller.show(got.meta.job, got.data, got.meta, { keepView: true });
    return true;
  }

  /** Draws sweep `id` under the current one (null: no overlay). */
  async function overlay(id: string | null): Promise<void> {
    if (id === null) return void d.runs.setState({ overlay: null, version: d.runs.getState().version + 1 });
    const got = await withData(id).catch((e) => (fail('Could not overlay the sweep')(e), null));
    if (!got) return;
    d.runs.setState({ overlay: { id, name: got.meta.name, columns: got.data.columns }, version: d.runs.getState().version + 1 });
  }

  async function rename(id: string, name: string): Promise<void> {
    const meta = store.getState().entries.find((e) => e.id === id);
    const trimmed = name.trim().slice(0, 120);
    if (!meta || !trimmed || trimmed === meta.name) return;
    const next = { ...meta, name: trimmed };
    try {
      await d.db.update(next);
      store.setState({ entries: store.getState().entries.map((e) => (e.id === id ? next : e)) });
      const o = d.runs.getState().overlay;
      if (o?.id === id) d.runs.setState({ overlay: { ...o, name: trimmed }, version: d.runs.getState().version + 1 });
    } catch (e) {
      fail('Could not rename the sweep')(e);
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      await d.db.remove(id);
      store.setState({ entries: store.getState().entries.filter((e) => e.id !== id) });
      if (d.runs.getState().overlay?.id === id) await overlay(null);
    } catch (e) {
      fail('Could not delete the sweep')(e);
    }
  }

  // The one event it follows by itself: a run of this page finishing.
  const unsubscribe = d.runs.subscribe((s, prev) => {
    if (s.status === 'done' && prev.status === 'running' && s.origin === 'run') void keepFinished('run');
  });

  return { store, load, keepFinished, restoreView, open, overlay, rename, remove, withData, dispose: unsubscribe };
}

export type SweepHistory = ReturnType<typeof createSweepHistory>;
