/**
 * The header toolbar: share the view as a link, save or load it as a file,
 * and the user's display prefs. Everything it writes goes through the store,
 * so persistence and the link controller see it like any other edit.
 */
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { SessionFileButtons } from './SessionFileButtons.tsx';
import { PrefsControls } from './PrefsControls.tsx';
import { SetAsideButtons } from './SetAsideButtons.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import './session.css';

export function SessionBar() {
  return (
    <div className="session-bar" role="group" aria-label="Session">
      <UpdatePrompt />
      <CopyLinkButton />
      <SessionFileButtons />
      <SetAsideButtons />
      <span className="session-bar-sep" aria-hidden="true" />
      <PrefsControls />
    </div>
  );
}
