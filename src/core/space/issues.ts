/**
 * Validation results shared by every boundary (model dicts, accelerator configs,
 * share links, imported files). A path names the offending field the way a user
 * would type it: `o[3][1]`, `mainMemory.banks`.
 */
export interface ValidationIssue {
  /** Path to the bad field, e.g. `o[3][1]` or `tile.x`; empty for the whole value. */
  path: string;
  /** Human-readable rule that was broken, naming allowed values where useful. */
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Formats issues as `path: message` lines, the form the CLI and UI both show. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}

/** Thrown where a caller asked for a value and validation failed (CLI, simulate). */
export class ValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(what: string, issues: ValidationIssue[]) {
    super(`invalid ${what}: ${formatIssues(issues)}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
