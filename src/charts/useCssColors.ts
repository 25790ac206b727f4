/**
 * Reads CSS custom properties (theme colours) for canvas drawing, and reads
 * them again when the theme changes: the system scheme or the app's
 * `data-theme` override. SVG marks use `var(--x)` directly and need none of this.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useCssColors<K extends string>(ref: RefObject<HTMLElement | null>, names: readonly K[]): Record<K, string> {
  const read = (): Record<K, string> => {
    const style = ref.current ? getComputedStyle(ref.current) : null;
    return Object.fromEntries(names.map((n) => [n, style?.getPropertyValue(`--${n}`).trim() || '#888'])) as Record<K, string>;
  };
  const [colors, setColors] = useState<Record<K, string>>(read);
  const key = names.join(',');
  useEffect(() => {
    const update = () => setColors(read());
    update();
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const app = ref.current?.closest('.app');
    const mo = new MutationObserver(update);
    if (app) mo.observe(app, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      mo.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return colors;
}
