/**
 * A validated session: the shape (zod), then the design-space rules (core
 * validators), with every issue's path starting at the session root.
 */
import type { core } from 'zod/mini';
import { validateModel } from '../space/transformer/validate.ts';
import { validateAccelerator } from '../space/accelerator/validate.ts';
import type { ValidationIssue, Validated } from '../space/issues.ts';
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import { sessionSchema, type AnalysisSettings, type CodesignSettings, type LabSettings, type ParallelSettings, type PlotSettings, type RunSettings, type SweepSettings, type ViewSettings } from './schema.ts';
import { migrateSession, V5_ANALYSIS, V5_PARALLEL, V6_CODESIGN } from './migrations.ts';
import { normalizePinIds, type PinRename } from './pinIds.ts';

export interface Design {
  model: ModelDict;
  accelerator: AcceleratorConfig;
}

export interface PinnedDesign extends Design {
  id: string;
  label: string;
  settings: RunSettings;
}

export interface SessionState {
  version: number;
  design: Design;
  settings: RunSettings;
  pinned: PinnedDesign[];
  baseline: string | null;
  sweep: SweepSettings;
  sweepRan: boolean;
  sweepBase: Design | null;
  plot: PlotSettings;
  view: ViewSettings;
  /** The DynaProp lab's settings (v5). */
  dynaprop: LabSettings;
  /** The co-design panel's settings (v5). */
  codesign: CodesignSettings;
  /** The sweep's parallel coordinates: open or not, layout and axis brushes (v5). */
  parallel: ParallelSettings;
  /** The sweep's many-objective analysis: open or not, and its objectives (v5). */
  analysis: AnalysisSettings;
}

/** Migrates, shape-checks and rule-checks an untrusted session object. */
export function validateSession(x: unknown): Validated<SessionState> & { migratedFrom?: number | null; renamedPins?: PinRename[] } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return { ok: false, issues: [{ path: '', message: 'expected a session object' }] };
  }
  const migrated = migrateSession(x as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, issues: [{ path: 'version', message: migrated.message }] };
  const shaped = sessionSchema.safeParse(migrated.value);
  if (!shaped.success) return { ok: false, issues: zodIssues(shaped.error) };
  const s = shaped.data;
  const issues: ValidationIssue[] = [];
  const design = checkDesign(s.design, 'design', issues);
  const pinned = s.pinned.map((p, i) => {
    const d = checkDesign(p, `pinned[${i}]`, issues);
    return d && { ...p, ...d };
  });
  const sweepBase = s.sweepBase && checkDesign(s.sweepBase, 'sweepBase', issues);
  if (!design || issues.length) return { ok: false, issues };
  // Pin ids are the app's: reserved, repeated or foreign ones are renamed (and reported).
  // A v5 view saved before the co-design panel existed opens it on its defaults.
  const codesign = s.codesign ?? (structuredClone(V6_CODESIGN) as CodesignSettings);
  const parallel = s.parallel ?? structuredClone(V5_PARALLEL);
  const analysis = s.analysis ?? (structuredClone(V5_ANALYSIS) as AnalysisSettings);
  const named = normalizePinIds({ ...s, design, pinned: pinned as PinnedDesign[], sweepBase: sweepBase ?? null, codesign, parallel, analysis });
  return { ok: true, migratedFrom: migrated.migratedFrom, renamedPins: named.renamed, value: named.session };
}

export function checkDesign(d: { model: unknown; accelerator: unknown }, at: string, issues: ValidationIssue[]): Design | null {
  const model = validateModel(d.model);
  const accelerator = validateAccelerator(d.accelerator, 'acceltran');
  if (!model.ok) issues.push(...model.issues.map((i) => ({ path: join(`${at}.model`, i.path), message: i.message })));
  if (!accelerator.ok) issues.push(...accelerator.issues.map((i) => ({ path: join(`${at}.accelerator`, i.path), message: i.message })));
  return model.ok && accelerator.ok ? { model: model.value, accelerator: accelerator.value } : null;
}

function join(base: string, path: string): string {
  if (!path) return base;
  return path.startsWith('[') ? base + path : `${base}.${path}`;
}

export function zodIssues(error: core.$ZodError): ValidationIssue[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join(''),
    message: i.message,
  }));
}
