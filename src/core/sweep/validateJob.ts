/**
 * A sweep job from outside the running app (a history record, a result file's
 * header): the spec, the design it was built around and the run settings,
 * shape- and rule-checked with the path to the first bad fields. These three
 * regenerate every point, so they are all a stored or imported sweep needs to
 * be trusted as "this sweep".
 */
import { settingsSchema, sweepSchema, type RunSettings, type SweepSettings } from '../share/schema.ts';
import { checkDesign, zodIssues, type Design } from '../share/session.ts';
import type { ValidationIssue, Validated } from '../space/issues.ts';
import { sweepSize } from './plan.ts';

export interface SweepJobSpec {
  spec: SweepSettings;
  base: Design;
  settings: RunSettings;
  /** Pairs the spec enumerates. */
  total: number;
}

const at = (prefix: string, issues: ValidationIssue[]) => issues.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));

/** Checks `{spec, base, settings}` found at `path` (e.g. "job", "header"). */
export function validateSweepJob(x: unknown, path = 'job'): Validated<SweepJobSpec> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, issues: [{ path, message: 'expected an object with spec, base and settings' }] };
  const o = x as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const spec = sweepSchema.safeParse(o.spec);
  if (!spec.success) issues.push(...at(`${path}.spec`, zodIssues(spec.error)));
  const settings = settingsSchema.safeParse(o.settings);
  if (!settings.success) issues.push(...at(`${path}.settings`, zodIssues(settings.error)));
  const baseRaw = o.base;
  const base = typeof baseRaw === 'object' && baseRaw !== null
    ? checkDesign(baseRaw as { model: unknown; accelerator: unknown }, `${path}.base`, issues)
    : (issues.push({ path: `${path}.base`, message: 'expected a design {model, accelerator}' }), null);
  if (!spec.success || !settings.success || !base || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { spec: spec.data, base, settings: settings.data, total: sweepSize(spec.data) } };
}
