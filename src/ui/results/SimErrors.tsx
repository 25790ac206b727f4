/** Why the simulation failed: the error, and each validation issue at its field path. */
import { useExplorer } from '../../state/useExplorer.ts';

export function SimErrors() {
  const error = useExplorer((s) => s.sim.error);
  const issues = useExplorer((s) => s.sim.issues);
  const status = useExplorer((s) => s.sim.status);
  if (status !== 'error' || (!error && issues.length === 0)) return null;
  // With issues, the error text repeats them: show only its lead ("invalid model").
  const lead = issues.length > 0 && error ? error.split(':')[0] : error;
  return (
    <div className="sim-error" role="alert" data-testid="sim-error">
      <strong>The design could not be simulated{lead ? `: ${lead}` : ''}.</strong>
      {issues.length > 0 && (
        <ul data-testid="sim-issues">
          {issues.map((i, k) => (
            <li key={k}>
              {i.path ? <code>{i.path}</code> : <em>whole design</em>}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
