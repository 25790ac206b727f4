/**
 * Newest request wins (after Perfetto's async limiter): while one call is in
 * flight, later calls replace each other, and only the newest runs next. Callers of
 * superseded requests get `{ superseded: true }`, so a slider drag never queues up
 * hundreds of simulations and never shows a stale result after a fresh one.
 */
export type LatestWinsOutcome<R> = { superseded: false; value: R } | { superseded: true };

export function latestWins<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  let inFlight = false;
  let pending: { args: A; resolve: (o: LatestWinsOutcome<R>) => void; reject: (e: unknown) => void } | null = null;

  const start = (args: A, resolve: (o: LatestWinsOutcome<R>) => void, reject: (e: unknown) => void) => {
    inFlight = true;
    run(...args)
      .then((value) => resolve({ superseded: false, value }), reject)
      .finally(() => {
        inFlight = false;
        const next = pending;
        pending = null;
        if (next) start(next.args, next.resolve, next.reject);
      });
  };

  return (...args: A): Promise<LatestWinsOutcome<R>> =>
    new Promise((resolve, reject) => {
      if (!inFlight) return start(args, resolve, reject);
      pending?.resolve({ superseded: true });
      pending = { args, resolve, reject };
    });
}
