/**
 * The store's one notice: errors are announced assertively (role="alert"),
 * information politely (role="status"). Text only, never markup: messages can
 * quote a link or a file name.
 */
import { useExplorer } from '../../state/useExplorer.ts';
import './session.css';

export function NoticeBanner() {
  const notice = useExplorer((s) => s.notice);
  const dismiss = useExplorer((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" data-kind={notice.kind} data-testid="notice" role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.id}>
      <span className="notice-text">
        <strong>{notice.kind === 'error' ? 'Error: ' : 'Note: '}</strong>
        {notice.message}
      </span>
      <button type="button" className="notice-dismiss" onClick={dismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
