/**
 * The simulation's state in one line. The live region announces only changes
 * of meaning (running → up to date → failed), not every fast re-simulation,
 * and "Simulating…" appears only when a run takes longer than a blink.
 */
import { useExplorer } from '../../state/useExplorer.ts';
import { useDelayedFlag } from './useDelayedFlag.ts';

export function SimStatus() {
  const status = useExplorer((s) => s.sim.status);
  const elapsedMs = useExplorer((s) => s.sim.elapsedMs);
  const hasResult = useExplorer((s) => s.sim.result !== null);
  const slow = useDelayedFlag(status === 'running');
  const running = slow || (status === 'running' && !hasResult);
  const label = running
    ? 'Simulating…'
    : status === 'error'
      ? 'Simulation failed'
      : status === 'idle' && !hasResult
        ? 'Waiting for the first simulation'
        : 'Results up to date';
  return (
    <div className="sim-status" data-testid="sim-status" data-status={status}>
      <span className={`status-dot status-${running ? 'running' : status === 'error' ? 'error' : 'done'}`} aria-hidden="true" />
      <span role="status">{label}</span>
      {!running && status === 'done' && elapsedMs !== null && (
        <span className="muted" title="Time from the request to the worker's reply">({Math.round(elapsedMs)} ms)</span>
      )}
    </div>
  );
}

/** Whether the shown results are stale long enough to dim them. */
export function useSlowRun(): boolean {
  return useDelayedFlag(useExplorer((s) => s.sim.status === 'running'));
}
