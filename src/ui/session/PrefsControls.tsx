/** Theme (system / light / dark) and the explanations layer for students. */
import { useExplorer } from '../../state/useExplorer.ts';
import type { Theme } from '../../state/store.ts';

const THEME_OPTIONS: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function PrefsControls() {
  const theme = useExplorer((s) => s.theme);
  const setTheme = useExplorer((s) => s.setTheme);
  const explain = useExplorer((s) => s.explain);
  const setExplain = useExplorer((s) => s.setExplain);
  return (
    <>
      <label className="pref">
        Theme
        <select data-testid="theme-select" value={theme} onChange={(e) => setTheme(e.currentTarget.value as Theme)}>
          {THEME_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label className="pref" title="Show short “What is this?” notes beside parameters and metrics">
        <input type="checkbox" data-testid="explain-toggle" checked={explain} onChange={(e) => setExplain(e.currentTarget.checked)} />
        Explain
      </label>
    </>
  );
}
