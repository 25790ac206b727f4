/**
 * "What is this" notes for students, and "where this comes from" for every
 * number: a disclosure that is keyboard-operable (a native <details>).
 * Shown when the explanations layer is on, or always when `always` is set.
 */
import type { ReactNode } from 'react';
import { useExplorer } from '../../state/useExplorer.ts';

export function Explain({ children, label = 'What is this?', always = false }: { children: ReactNode; label?: string; always?: boolean }) {
  const explain = useExplorer((s) => s.explain);
  if (!explain && !always) return null;
  return (
    <details className="explain">
      <summary>{label}</summary>
      <div className="explain-body">{children}</div>
    </details>
  );
}
