/**
 * Keyboard movement through the plot: along the front (ordered by x) with the
 * arrow keys, or, from a point off the front, to the front point nearest it.
 * Returns the point index to focus, or null when the key does nothing.
 */
export function navigateFront(
  key: string,
  front: ArrayLike<number>,
  current: number | null,
  distance: (a: number, b: number) => number,
): number | null {
  const n = front.length;
  if (n === 0) return null;
  const pos = current === null ? -1 : Array.prototype.indexOf.call(front, current);
  if (key === 'Home') return front[0];
  if (key === 'End') return front[n - 1];
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  const backward = key === 'ArrowLeft' || key === 'ArrowUp';
  if (!forward && !backward) return null;
  if (pos < 0) {
    if (current === null) return forward ? front[0] : front[n - 1];
    // Off the front (a clicked point): jump to the nearest front point first.
    let best = front[0];
    for (let k = 1; k < n; k++) if (distance(front[k], current) < distance(best, current)) best = front[k];
    return best;
  }
  return front[Math.max(0, Math.min(n - 1, pos + (forward ? 1 : -1)))];
}
