/** Run and Cancel, the progress bar, and what stopped the last search (naming the field at fault). */
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import { useExplorer } from '../../state/useExplorer.ts';

export function RunBar() {
  const { controller } = useCodesignApi();
  const status = useCodesign((s) => s.status);
  const query = useCodesign((s) => s.query);
  const budget = useCodesign((s) => s.budget);
  const step = useCodesign((s) => s.step);
  const error = useCodesign((s) => s.error);
  // Select the object (stable between updates), not a fresh array, or React re-renders forever.
  const invalid = Object.values(useCodesign((s) => s.invalid));
  const comparing = useCodesign((s) => s.compare.status === 'running');
  const resumable = useCodesign((s) => s.resumable);
  const algorithm = useExplorer((s) => s.session.codesign.algorithm);
  const running = status === 'running';
  return (
    <div className="cd-run">
      <div className="cd-run-buttons">
        <button type="button" className="primary" data-testid="cd-run" disabled={running || comparing || invalid.length > 0} onClick={() => void controller.run()}>
          Run search
        </button>
        {resumable && !running && resumable.query < resumable.budget && (
          <button type="button" data-testid="cd-resume" disabled={comparing || invalid.length > 0} onClick={() => void controller.run(true)}
            title="Continue the stopped search from its saved queries (same settings and seed; saved queries are not simulated again)">
            Resume {resumable.algorithm} at query {resumable.query + 1} / {resumable.budget}
          </button>
        )}
        <button type="button" data-testid="cd-cancel" disabled={!running && !comparing} onClick={() => controller.cancel()}>Cancel</button>
      </div>
      {running && (
        <div className="cd-progress" data-testid="cd-progress">
          <progress max={budget} value={query} aria-label="Search progress" />
          <span data-testid="cd-status">
            {query === 0 ? `Starting ${algorithm} (loading the worker)…` : `query ${query} / ${budget}${step ? ` · ${step}` : ''}`}
          </span>
        </div>
      )}
      {status === 'cancelled' && <p className="cd-caption" data-testid="cd-status">Cancelled after {query} queries; the plots show them. Its queries are saved: Resume continues it.</p>}
      {invalid.length > 0 && <p className="cd-error" role="alert">Fix {invalid.length === 1 ? 'this field' : 'these fields'} to run: {invalid.join('; ')}</p>}
      {status === 'error' && error && (
        <div className="cd-error" role="alert" data-testid="cd-error">
          The search did not run: {error.message}
          {error.issues && error.issues.length > 1 && <ul>{error.issues.slice(0, 5).map((i) => <li key={i.path}>{i.path}: {i.message}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
