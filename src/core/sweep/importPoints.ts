/**
 * A sweep JSON exported by the app (`kind: "transcode-sweep-points"`) imported
 * back: it carries the sweep spec, the design the sweep was built around and the
 * run settings, which regenerate every point from the seed. The result is the
 * current session with that design, settings and sweep (marked as run, so the
 * sweep re-runs around its base), checked like any imported session.
 */
import type { Validated } from '../space/issues.ts';
import { validateSession, type SessionState } from '../share/session.ts';

export const SWEEP_POINTS_KIND = 'transcode-sweep-points';

export function sessionFromSweepExport(current: SessionState, x: unknown): Validated<SessionState> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, issues: [{ path: '', message: 'expected a sweep export (a JSON object)' }] };
  const file = x as Record<string, unknown>;
  if (file.kind !== SWEEP_POINTS_KIND) return { ok: false, issues: [{ path: 'kind', message: `expected "${SWEEP_POINTS_KIND}" (a sweep exported as JSON)` }] };
  const candidate = {
    ...current,
    design: file.base,
    settings: file.settings,
    sweep: file.sweep,
    sweepRan: true,
    sweepBase: file.base,
    plot: { ...current.plot, brush: null, selection: undefined, focus: null },
  };
  const checked = validateSession(candidate);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, issues: checked.issues };
}
