/**
 * The text a number field shows while it is being typed (`draft`; null shows the value). A
 * rejected text stays in the field until it is fixed; but when the value changes from
 * elsewhere (a sweep reopened from history, an imported session, a preset), the field must
 * show the new value, not the old rejected text: the draft is then dropped, and `onDropped`
 * (after the render, as it may update a store) lets the caller clear the field's error.
 */
import { useEffect, useState } from 'react';

export function useFieldDraft(value: number, onDropped?: () => void): [string | null, (text: string | null) => void] {
  const [draft, setDraft] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  const [drops, setDrops] = useState(0);
  if (seen !== value) {
    // Adjusting state while rendering (React's pattern for a prop that changed): no extra paint.
    setSeen(value);
    // A draft that the new value came from (a valid text just committed) stays, so the caret does not jump.
    if (draft !== null && Number(draft) !== value) {
      setDraft(null);
      setDrops((n) => n + 1);
    }
  }
  useEffect(() => {
    if (drops > 0) onDropped?.();
    // Only a new drop calls it; the callback itself may be a fresh closure at every render.
  }, [drops]);
  return [draft, setDraft];
}
