/**
 * True only once `flag` has stayed true for `delayMs`. A simulation that
 * answers within the delay never shows the "running" indicator, so fast edits
 * do not make it flash.
 */
import { useEffect, useState } from 'react';

export function useDelayedFlag(flag: boolean, delayMs = 250): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(t);
  }, [flag, delayMs]);
  return flag && shown;
}
