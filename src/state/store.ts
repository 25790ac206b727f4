/**
 * The explorer's one store: a vanilla zustand core (usable from tests and
 * controllers without React) with a thin React binding in `useExplorer.ts`.
 *
 * `session` is user intent — what links, files and localStorage hold. Everything
 * else is derived at run time (results, sweep points) and never persisted.
 */
import { createStore } from 'zustand/vanilla';
import type { SimResult } from '../core/elector/types.ts';
import type { ValidationIssue } from '../core/space/issues.ts';
import type { ModelDict } from '../core/space/transformer/types.ts';
import type { AcceleratorConfig } from '../core/space/accelerator/types.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { freshPinId, normalizePinIds } from '../core/share/pinIds.ts';
import type { Design, PinnedDesign, SessionState } from '../core/share/session.ts';
import type { AnalysisSettings, CodesignSettings, LabSettings, ParallelSettings, PlotSettings, RunSettings, SweepSettings, ViewSettings } from '../core/share/schema.ts';

export type SimStatus = 'idle' | 'running' | 'done' | 'error';

export interface SimSlot {
  status: SimStatus;
  result: SimResult | null;
  error: string | null;
  issues: ValidationIssue[];
  /** ms from request to reply of the last finished simulation. */
  elapsedMs: number | null;
}

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** Monotonic, so the same message twice still re-announces. */
  id: number;
}

export type Theme = 'system' | 'light' | 'dark';

/** An input whose value breaks a rule and is not committed: the results belong to the last valid design. */
export interface InvalidInput {
  /** What is wrong, e.g. "Clock: must be at least 100". */
  message: string;
  /** Finds the field on the page (to bring it into view). */
  selector: string;
}

export interface ExplorerState {
  session: SessionState;
  sim: SimSlot;
  /** Results for pinned designs and the baseline, keyed by pinned id (`baseline` for the default). */
  compare: Record<string, SimSlot>;
  notice: Notice | null;
  theme: Theme;
  /** Show the "what is this" explanations for students. */
  explain: boolean;
  /** Inputs that hold an invalid, uncommitted value, by field key (run time only, never persisted). */
  invalid: Record<string, InvalidInput>;
  /**
   * Bumps each time the whole view is replaced (a link opened or pasted, a file
   * imported, the previous view restored): controllers that recompute run-time
   * state from the session (the sweep) react to it.
   */
  replacedCount: number;
}

export interface ExplorerActions {
  setModel(model: ModelDict): void;
  setAccelerator(accelerator: AcceleratorConfig): void;
  setSettings(patch: Partial<RunSettings>): void;
  setSweep(patch: Partial<SweepSettings>): void;
  setPlot(patch: Partial<PlotSettings>): void;
  /** What is on screen (the tab, the timeline's rows): part of the view that links and files keep. */
  setView(patch: Partial<ViewSettings>): void;
  setSweepRan(ran: boolean): void;
  /** The DynaProp lab's settings (part of the view: links and files keep them). */
  setLab(patch: Partial<LabSettings>): void;
  /** The co-design panel's settings (part of the view: links and files keep them; results are not). */
  setCodesign(patch: Partial<CodesignSettings>): void;
  /** The sweep's parallel coordinates: open, layout and axis brushes (part of the view). */
  setParallel(patch: Partial<ParallelSettings>): void;
  /** The sweep's many-objective analysis: open, and its objectives (part of the view). */
  setAnalysis(patch: Partial<AnalysisSettings>): void;
  /** A new sweep's points are other points: the plot's brush, selection and focus, and the axis brushes, go. */
  clearSweepSelection(): void;
  /** The design a sweep is built around (recorded when it starts). */
  setSweepBase(base: Design): void;
  /** Makes a stored or imported sweep the view's: its spec, base design and run settings, marked as run, plot selection cleared. */
  openSweep(job: { spec: SweepSettings; base: Design; settings: RunSettings }): void;
  pinCurrent(label: string): void;
  unpin(id: string): void;
  setBaseline(id: string | null): void;
  /** Puts a design (a pinned one, the baseline) back into the editors, with its run settings when given. */
  loadDesign(design: Design, settings?: RunSettings): void;
  /** Replaces the whole view (a link, an imported file, a restored session). */
  replaceSession(session: SessionState): void;
  setSim(slot: Partial<SimSlot>): void;
  setCompare(id: string, slot: SimSlot): void;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(): void;
  setTheme(theme: Theme): void;
  setExplain(explain: boolean): void;
  /** Registers (or, with null, clears) an input's invalid value. */
  setInvalid(key: string, input: InvalidInput | null): void;
}

export type ExplorerStore = ExplorerState & ExplorerActions;

export const MAX_PINNED = 4;

export const EMPTY_SIM: SimSlot = { status: 'idle', result: null, error: null, issues: [], elapsedMs: null };

let noticeId = 0;

export function createExplorerStore(initial: SessionState = defaultSession()) {
  return createStore<ExplorerStore>()((set, get) => {
    const patchSession = (patch: Partial<SessionState>) => set({ session: { ...get().session, ...patch } });
    return {
      session: normalizePinIds(initial).session,
      sim: EMPTY_SIM,
      compare: {},
      notice: null,
      theme: 'system',
      explain: false,
      invalid: {},
      replacedCount: 0,
      setModel: (model) => patchSession({ design: { ...get().session.design, model } }),
      setAccelerator: (accelerator) => patchSession({ design: { ...get().session.design, accelerator } }),
      setSettings: (patch) => patchSession({ settings: { ...get().session.settings, ...patch } }),
      setSweep: (patch) => patchSession({ sweep: { ...get().session.sweep, ...patch } }),
      setPlot: (patch) => patchSession({ plot: { ...get().session.plot, ...patch } }),
      setView: (patch) => {
        const view = get().session.view;
        if (Object.entries(patch).every(([k, v]) => view[k as keyof ViewSettings] === v)) return;
        patchSession({ view: { ...view, ...patch } });
      },
      setSweepRan: (sweepRan) => patchSession({ sweepRan }),
      setLab: (patch) => patchSession({ dynaprop: { ...get().session.dynaprop, ...patch } }),
      setCodesign: (patch) => patchSession({ codesign: { ...get().session.codesign, ...patch } }),
      setParallel: (patch) => patchSession({ parallel: { ...get().session.parallel, ...patch } }),
      setAnalysis: (patch) => patchSession({ analysis: { ...get().session.analysis, ...patch } }),
      setSweepBase: (sweepBase) => patchSession({ sweepBase }),
      openSweep: ({ spec, base, settings }) => patchSession({
        sweep: structuredClone(spec), sweepBase: structuredClone(base), settings: { ...settings }, sweepRan: true,
        plot: { ...get().session.plot, brush: null, selection: undefined, focus: null },
        parallel: { ...get().session.parallel, brushes: {} },
      }),
      clearSweepSelection: () => patchSession({
        plot: { ...get().session.plot, brush: null, selection: undefined, focus: null },
        parallel: { ...get().session.parallel, brushes: {} },
      }),
      pinCurrent: (label) => {
        const { session } = get();
        if (session.pinned.length >= MAX_PINNED) {
          get().notify('error', `At most ${MAX_PINNED} designs can be pinned; unpin one first.`);
          return;
        }
        const id = freshPinId(new Set(session.pinned.map((p) => p.id)));
        const pinned: PinnedDesign = { id, label: label.slice(0, 80), ...structuredClone(session.design), settings: { ...session.settings } };
        patchSession({ pinned: [...session.pinned, pinned] });
      },
      // One set: the pin and its compared result go together, so no listener sees one without the other.
      unpin: (id) => {
        const { session, compare } = get();
        const rest = { ...compare };
        delete rest[id];
        set({
          compare: rest,
          session: { ...session, pinned: session.pinned.filter((p) => p.id !== id), baseline: session.baseline === id ? null : session.baseline },
        });
      },
      setBaseline: (baseline) => patchSession({ baseline }),
      loadDesign: (design, settings) => {
        const { model, accelerator } = structuredClone({ model: design.model, accelerator: design.accelerator });
        patchSession({ design: { model, accelerator }, ...(settings ? { settings: { ...settings } } : {}) });
      },
      // Ids checked again whatever the source (links and files are checked and reported on decode).
      replaceSession: (session) => set({
        session: normalizePinIds(session).session, compare: {}, sim: { ...get().sim, status: 'idle' }, replacedCount: get().replacedCount + 1,
      }),
      setSim: (slot) => set({ sim: { ...get().sim, ...slot } }),
      setCompare: (id, slot) => set({ compare: { ...get().compare, [id]: slot } }),
      notify: (kind, message) => set({ notice: { kind, message, id: ++noticeId } }),
      dismissNotice: () => set({ notice: null }),
      setTheme: (theme) => set({ theme }),
      setExplain: (explain) => set({ explain }),
      setInvalid: (key, input) => {
        const current = get().invalid;
        if (input === null ? !(key in current) : current[key]?.message === input.message && current[key]?.selector === input.selector) return;
        const next = { ...current };
        if (input === null) delete next[key];
        else next[key] = input;
        set({ invalid: next });
      },
    };
  });
}

export type ExplorerStoreApi = ReturnType<typeof createExplorerStore>;
