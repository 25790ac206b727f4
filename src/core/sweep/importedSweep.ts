/**
 * What the app receives when it imports a sweep result file (`*.sweep.jsonl`,
 * docs/sweep-files.md) in its import worker: the job that labels and regenerates
 * every point, the objective columns, and how complete the file was. Plain data,
 * so it crosses postMessage with its typed arrays transferred.
 */
import type { SweepResultColumns } from './resultFile/columns.ts';
import type { ShardId } from './resultFile/format.ts';

/** The reader's result as plain data: the issue as its message (errors do not cross postMessage as classes), and the shard read. */
export type ImportedSweep = Omit<SweepResultColumns, 'header' | 'issue'> & {
  /** Why reading stopped early (file, line, field), or null when the file was complete. */
  issue: string | null;
  shard: ShardId;
};

export interface ImportProgress {
  rows: number;
  expectedRows: number;
  bytes: number;
  totalBytes: number;
}

/**
 * Files above this are refused before reading: a million-pair sweep is about
 * 130 MB, so 1 GiB leaves room for several while keeping the tab's memory bounded.
 */
export const MAX_IMPORT_BYTES = 1024 ** 3;

export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1024 ** 3).toFixed(2)} GB; the app imports sweep files up to ${MAX_IMPORT_BYTES / 1024 ** 3} GB `
    + '(a million pairs take about 130 MB). Merge fewer shards, or split the sweep into several imports.';
}

/** Says how an import went, for the status line. */
export function describeImport(name: string, s: Pick<ImportedSweep, 'rows' | 'errorCount' | 'complete' | 'issue' | 'job' | 'shard'>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const part = s.shard.count > 1 ? ` (shard ${s.shard.index} of ${s.shard.count}: the other shards' points are missing)` : '';
  const failed = s.errorCount > 0 ? `, ${n(s.errorCount)} failed` : '';
  const head = `Imported ${n(s.rows)} of ${n(s.job.total)} pairs from ${name}${failed}${part}.`;
  return s.complete ? head : `${head} The file stopped early, so only the rows before the problem are shown: ${s.issue}`;
}
