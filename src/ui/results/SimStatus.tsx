/**
 * The simulation's state in one line. The live region announces only changes
 * of meaning (running → up to date → failed), not every fast re-simulation,
 * and "Simulating…" appears only when a run takes longer than a blink.
 *
 * While an input holds an invalid value (never committed), the results are not
 * "up to date": they belong to the last valid design, and the line says so and
 * offers to show the field.
 */
import { useExplorer } from '../../state/useExplorer.ts';
import { revealField } from '../../state/useInvalidInput.ts';
import { useDelayedFlag } from './useDelayedFlag.ts';

export function SimStatus() {
  const status = useExplorer((s) => s.sim.status);
  const elapsedMs = useExplorer((s) => s.sim.elapsedMs);
  const hasResult = useExplorer((s) => s.sim.result !== null);
  const invalid = useExplorer((s) => s.invalid);
  const slow = useDelayedFlag(status === 'running');
  const running = slow || (status === 'running' && !hasResult);
  const invalidList = Object.values(invalid);
  const stale = invalidList.length > 0 && !running && status !== 'error';
  const label = running
    ? 'Simulating…'
    : status === 'error'
      ? 'Simulation failed'
      : stale
        ? `Results are for the last valid design; not simulated: ${invalidList[0].message}${invalidList.length > 1 ? ` (and ${invalidList.length - 1} more)` : ''}`
        : status === 'idle' && !hasResult
          ? 'Waiting for the first simulation'
          : 'Results up to date';
  const dot = running ? 'running' : status === 'error' ? 'error' : stale ? 'stale' : 'done';
  return (
    <div className="sim-status" data-testid="sim-status" data-status={status} data-stale={stale || undefined}>
      <span className={`status-dot status-${dot}`} aria-hidden="true" />
      <span role="status">{label}</span>
      {stale && (
        <button type="button" data-testid="show-invalid" onClick={() => revealField(invalidList[0].selector, true)}>
          Show the field
        </button>
      )}
      {!running && !stale && status === 'done' && elapsedMs !== null && (
        <span className="muted" title="Time from the request to the worker's reply">({Math.round(elapsedMs)} ms)</span>
      )}
    </div>
  );
}

/** Whether the shown results are stale long enough to dim them. */
export function useSlowRun(): boolean {
  return useDelayedFlag(useExplorer((s) => s.sim.status === 'running'));
}
