/**
 * "A new version is available — Reload": shown when a new build was deployed
 * while this tab was open (state/serviceWorker.ts decides when).
 */
import { useSyncExternalStore } from 'react';
import { updateStatus } from '../../state/serviceWorker.ts';

export function UpdatePrompt() {
  const { available } = useSyncExternalStore(updateStatus.subscribe, updateStatus.get);
  if (!available) return null;
  return (
    <span className="update-prompt" role="status" data-testid="update-prompt">
      A new version is available.
      <button type="button" onClick={updateStatus.apply}>
        Reload
      </button>
    </span>
  );
}
