/**
 * "Copy link": the whole view goes into the address bar as `#s=…` and onto the
 * clipboard. The URL is also shown in a read-only field, selected for a manual
 * copy when the clipboard is refused (headless browsers, denied permission).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import type { SessionState } from '../../core/share/session.ts';
import { publishLink } from '../../state/linkController.ts';
import { copyToClipboard, describeLink } from './shareLink.ts';

interface Shared {
  url: string;
  copied: boolean | null;
  /** The view the link describes: once the user edits, the link is stale and hidden. */
  session: SessionState;
}

export function CopyLinkButton() {
  const api = useExplorerApi();
  const [published, setShared] = useState<Shared | null>(null);
  const session = useExplorer((s) => s.session);
  const shared = published && published.session === session ? published : null;
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const copy = async () => {
    const current = api.getState().session;
    const url = publishLink(current);
    setShared({ url, copied: null, session: current });
    const copied = await copyToClipboard(url);
    setShared((s) => (s && s.url === url ? { ...s, copied } : s));
  };

  useEffect(() => {
    if (shared?.copied === false) {
      field.current?.focus();
      field.current?.select();
    }
  }, [shared?.copied]);

  // On the wrapper, not the popover: after a successful copy focus stays on the button, outside it.
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !shared) return;
    if (panel.current?.contains(document.activeElement)) button.current?.focus();
    setShared(null);
  };

  const report = shared && describeLink(shared.url.length, shared.copied);
  return (
    <div className="copy-link" onKeyDown={closeOnEscape}>
      <button type="button" ref={button} className="primary" data-testid="copy-link" onClick={copy} aria-expanded={shared !== null} aria-controls={shared ? 'share-link-panel' : undefined}>
        Copy link
      </button>
      {shared && report && (
        <div
          id="share-link-panel"
          className="link-popover"
          role="group"
          aria-label="Share link"
          ref={panel}
        >
          <p role="status" className="link-status" data-testid="link-status">{report.status}</p>
          <input
            ref={field}
            type="text"
            readOnly
            value={shared.url}
            aria-label="Link to this view"
            data-testid="link-output"
            data-length={shared.url.length}
            onFocus={(e) => e.currentTarget.select()}
          />
          {report.warning && <p className="link-warning" data-testid="link-warning">{report.warning}</p>}
          <button type="button" onClick={() => setShared(null)}>Close</button>
        </div>
      )}
    </div>
  );
}
