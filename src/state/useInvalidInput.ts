/**
 * Inputs report an invalid, uncommitted value here, so the results can say
 * they belong to the last valid design (SimStatus) wherever the field is, and
 * the field is brought into view when it turns invalid.
 */
import { useContext, useEffect, useRef } from 'react';
import { ExplorerContext } from './useExplorer.ts';

/** Scrolls the first element matching `selector` into view (no-op if already visible or absent). */
export function revealField(selector: string, focus = false): void {
  if (typeof document === 'undefined') return;
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (focus) el.focus({ preventScroll: true });
}

/**
 * Reports `message` (null: the value is valid) for the input `key`, found on the
 * page by `selector`. Cleared when the component unmounts.
 */
export function useReportInvalid(key: string, message: string | null, selector: string): void {
  const api = useContext(ExplorerContext);
  const wasInvalid = useRef(false);
  useEffect(() => {
    if (!api) return;
    api.getState().setInvalid(key, message === null ? null : { message, selector });
    const invalid = message !== null;
    // Newly invalid: make sure the field (and its rule) is on screen.
    if (invalid && !wasInvalid.current) revealField(selector);
    wasInvalid.current = invalid;
  }, [api, key, message, selector]);
  useEffect(() => () => api?.getState().setInvalid(key, null), [api, key]);
}
