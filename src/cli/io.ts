/** Where the CLI reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
}

/** Exit codes: 0 ok, 1 some work failed, 2 usage error (as most Unix tools). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A usage error: bad flags or arguments. Printed with a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
