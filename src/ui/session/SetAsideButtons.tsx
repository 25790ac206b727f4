/**
 * Offers back a stored session that could not be read (state/setAsideSession.ts):
 * download it as a file (a newer version, or a person, may still read it), or
 * discard it on purpose. Shown only while there is one.
 */
import { useSyncExternalStore } from 'react';
import { setAsideFileName, setAsideSlot } from '../../state/setAsideSession.ts';

export function SetAsideButtons() {
  const slot = setAsideSlot();
  const available = useSyncExternalStore(slot.subscribe, slot.available);
  if (!available) return null;
  const onDownload = () => {
    const text = slot.get();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = setAsideFileName();
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const onDiscard = () => {
    if (confirm('Delete the saved session that could not be read? This cannot be undone.')) slot.discard();
  };
  return (
    <span className="set-aside" role="group" aria-label="Saved session that could not be read" data-testid="set-aside">
      <button type="button" onClick={onDownload} title="A saved session could not be read; it was kept. Download it as a file.">
        Download set-aside
      </button>
      <button type="button" onClick={onDiscard} aria-label="Discard set-aside session">
        Discard
      </button>
    </span>
  );
}
