/**
 * Pinned designs carry ids the app assigns (`p1`, `p2`, …) and checks: the
 * compare results are keyed by them beside the reserved `baseline` (the default
 * baseline) and `current` (the live column). A link or file could hold any
 * string, so on import an id that is reserved, repeated or not of the app's
 * form is renamed, and the caller says which.
 */
import type { PinnedDesign, SessionState } from './session.ts';

/** Keys the compare view uses for its own columns. */
export const RESERVED_PIN_IDS: readonly string[] = ['baseline', 'current'];

const APP_PIN_ID = /^p[1-9]\d{0,5}$/;

export interface PinRename {
  from: string;
  to: string;
}

/** The smallest `p<n>` not in `used`. */
export function freshPinId(used: ReadonlySet<string>): string {
  let n = 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

/** Renames reserved, repeated and foreign pin ids; returns the same session object when none needed it. */
export function normalizePinIds(session: SessionState): { session: SessionState; renamed: PinRename[] } {
  const seen = new Set<string>();
  const bad: number[] = [];
  session.pinned.forEach((p, i) => {
    if (!APP_PIN_ID.test(p.id) || seen.has(p.id)) bad.push(i);
    else seen.add(p.id);
  });
  if (bad.length === 0) return { session, renamed: [] };
  const kept = new Set(seen);
  const renamed: PinRename[] = [];
  const pinned: PinnedDesign[] = session.pinned.map((p, i) => {
    if (!bad.includes(i)) return p;
    const to = freshPinId(seen);
    seen.add(to);
    renamed.push({ from: p.id, to });
    return { ...p, id: to };
  });
  // The ratio baseline follows its pin; a reserved or vanished one falls back to the default baseline.
  let baseline = session.baseline;
  if (baseline !== null && !kept.has(baseline)) {
    const moved = renamed.find((r) => r.from === baseline);
    baseline = moved && !RESERVED_PIN_IDS.includes(moved.from) ? moved.to : null;
  }
  return { session: { ...session, pinned, baseline }, renamed };
}

/** For a notice: `Pinned designs with reserved or repeated ids were renamed: “baseline” → “p2”.` */
export function describePinRenames(renamed: readonly PinRename[]): string {
  if (renamed.length === 0) return '';
  const list = renamed.map((r) => `“${r.from}” → “${r.to}”`).join(', ');
  return `Pinned design ids that are reserved, repeated or not the app's own were renamed: ${list}.`;
}
