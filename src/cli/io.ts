/** Where the CLI reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  /**
   * A file (or `-`, standard input) as a stream of chunks, for inputs too large to
   * hold as one string (`simulate --batch`). Without it (in-memory test io) the
   * text of `readFile` arrives as a single chunk.
   */
  openRead?: (path: string) => AsyncIterable<Buffer | string>;
  /** Resolves once standard output can take more (a slow pipe reader); absent: never waits. */
  stdoutReady?: () => Promise<void>;
}

/** Exit codes: 0 ok, 1 some work failed, 2 usage error (as most Unix tools). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A usage error: bad flags or arguments. Printed with a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
