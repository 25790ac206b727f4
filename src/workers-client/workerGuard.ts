/**
 * A worker that fails to load or dies must not leave a call pending forever.
 *
 * `guardWorker` watches one worker: its `error` and `messageerror` events, and a
 * per-call time limit (a worker that is terminated, or that closes itself, sends
 * no event at all). When any of these fires, every call in flight rejects with a
 * `WorkerFailure` and the worker is terminated.
 *
 * `createWorkerClient` keeps one guarded worker: a call that rejects (a failure
 * above, or a rejected call) gets a fresh worker and is retried once; if the
 * retry fails too, the call rejects and the next call starts on a new worker.
 * Both events are reported (`onRestart`, `onFailure`) so the app can say so.
 */

export type WorkerFailureKind = 'load' | 'crash' | 'timeout' | 'rejected';

export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** What the guard needs of a `Worker` (a fake in tests). */
export interface WorkerLike {
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface GuardedWorker<R> {
  readonly remote: R;
  /** Runs `f` on the worker; rejects with `WorkerFailure` if the worker fails first or the call outlasts `timeoutMs`. */
  call<T>(f: (remote: R) => Promise<T>, timeoutMs?: number): Promise<T>;
  readonly dead: boolean;
  terminate(): void;
}

export function guardWorker<R>(worker: WorkerLike, remote: R, name = 'worker'): GuardedWorker<R> {
  let failure: WorkerFailure | null = null;
  let answered = false;
  const waiting = new Set<(f: WorkerFailure) => void>();

  const die = (f: WorkerFailure) => {
    if (failure) return;
    failure = f;
    worker.terminate();
    for (const reject of waiting) reject(f);
    waiting.clear();
  };

  worker.addEventListener('error', (event) => {
    const detail = (event as ErrorEvent).message;
    // An error before any reply is (almost always) the script failing to load or to start.
    die(
      answered
        ? new WorkerFailure('crash', `the ${name} worker stopped with an error${detail ? `: ${detail}` : ''}`)
        : new WorkerFailure('load', `the ${name} worker failed to load${detail ? `: ${detail}` : ''}`),
    );
  });
  worker.addEventListener('messageerror', () => die(new WorkerFailure('crash', `the ${name} worker sent a message that could not be read`)));

  return {
    remote,
    get dead() {
      return failure !== null;
    },
    call<T>(f: (remote: R) => Promise<T>, timeoutMs?: number): Promise<T> {
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | null = null;
        const onDeath = (e: WorkerFailure) => settle(() => reject(e));
        const settle = (then: () => void) => {
          if (!waiting.delete(onDeath)) return;
          if (timer !== null) clearTimeout(timer);
          then();
        };
        waiting.add(onDeath);
        if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
          timer = setTimeout(() => die(new WorkerFailure('timeout', `the ${name} worker did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
        }
        let pending: Promise<T>;
        try {
          pending = f(remote);
        } catch (e) {
          pending = Promise.reject(e);
        }
        pending.then(
          (value) => {
            answered = true;
            settle(() => resolve(value));
          },
          (e: unknown) => settle(() => reject(e)),
        );
      });
    },
    terminate() {
      die(new WorkerFailure('crash', `the ${name} worker was stopped`));
    },
  };
}

export interface WorkerClientOptions<R> {
  /** Creates a worker and its remote handle (the `new URL(…)` must stay inline at the caller for Vite). */
  create: () => { worker: WorkerLike; remote: R };
  name: string;
  /** Longest a call may take before its worker counts as dead. */
  timeoutMs?: number;
  /** A call failed and is being retried on a new worker. */
  onRestart?: (error: unknown) => void;
  /** The retry on the new worker answered. */
  onRecovered?: (error: unknown) => void;
  /** The retry failed too: the call rejects. */
  onFailure?: (error: unknown) => void;
}

export interface WorkerClient<R> {
  call<T>(f: (remote: R) => Promise<T>): Promise<T>;
  /** Workers created so far (for tests and diagnostics). */
  readonly created: number;
  /** Stops the current worker (tests; a dead worker is replaced on the next call). */
  terminate(): void;
}

/** A message for people: "the simulation worker failed to load (retried once)". */
export function describeWorkerError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createWorkerClient<R>(options: WorkerClientOptions<R>): WorkerClient<R> {
  let current: GuardedWorker<R> | null = null;
  let created = 0;

  const worker = (): GuardedWorker<R> => {
    if (!current || current.dead) {
      const { worker: w, remote } = options.create();
      created++;
      current = guardWorker(w, remote, options.name);
    }
    return current;
  };

  const restart = (used: GuardedWorker<R>) => {
    // Another call may already have replaced it.
    if (current === used) {
      used.terminate();
      current = null;
    }
  };

  return {
    get created() {
      return created;
    },
    async call<T>(f: (remote: R) => Promise<T>): Promise<T> {
      const first = worker();
      let firstError: unknown;
      try {
        return await first.call(f, options.timeoutMs);
      } catch (e) {
        options.onRestart?.(e);
        restart(first);
        firstError = e;
      }
      const second = worker();
      try {
        const value = await second.call(f, options.timeoutMs);
        options.onRecovered?.(firstError);
        return value;
      } catch (e) {
        restart(second);
        const failure =
          e instanceof WorkerFailure
            ? new WorkerFailure(e.kind, `${e.message} (restarted and retried once)`)
            : new WorkerFailure('rejected', `the ${options.name} worker failed: ${describeWorkerError(e)} (restarted and retried once)`);
        options.onFailure?.(failure);
        throw failure;
      }
    },
    terminate() {
      current?.terminate();
    },
  };
}
