/**
 * A result file streamed into the app's columnar form: one Float64Array per
 * objective and a Uint8Array of flags, indexed by sample index over the whole
 * sweep, exactly what a sweep run in the app fills (so the app can show an
 * imported file like a sweep it ran). Runs in the browser's import worker on
 * File.stream() decoded to text, and in Node on a file stream.
 *
 * A bad header throws: nothing in the file can be trusted. A bad line, a
 * checksum mismatch or a missing trailer stop the read and come back as `issue`
 * with every row read before it kept, so a truncated file still shows its rows.
 */
import { emptyColumns, type ObjectiveColumns } from '../objectives.ts';
import type { SweepJobSpec } from '../validateJob.ts';
import { ResultFileError } from './errors.ts';
import type { ResultHeader } from './format.ts';
import { LineSplitter } from './lines.ts';
import { ResultReader } from './reader.ts';

/** Flags per sample index. */
export const ROW_FLAG = { computed: 0, failed: 1, absent: 2 } as const;

export interface SweepResultColumns {
  header: ResultHeader;
  /** What the app needs to regenerate and label every point. */
  job: SweepJobSpec;
  /** Length header.total; NaN where a pair failed or is absent from the file. */
  columns: ObjectiveColumns;
  /** Length header.total: ROW_FLAG.computed, .failed, or .absent (another shard's row, or one after a truncation). */
  errors: Uint8Array;
  rows: number;
  errorCount: number;
  /** Distinct failure messages with counts, most frequent first (at most 5). */
  errorKinds: { message: string; count: number }[];
  /** True when the trailer was read and matched: every row of the file's shard is here. */
  complete: boolean;
  /** Why reading stopped early (bad line, truncation, checksum), or null. */
  issue: ResultFileError | null;
}

export interface ResultReadProgress {
  rows: number;
  /** Rows the file holds when complete. */
  expectedRows: number;
  /** Characters read so far (≈ bytes for these ASCII files), against the file's size for a progress bar. */
  chars: number;
}

const MAX_ERROR_KINDS = 5;

export async function readSweepResultStream(
  chunks: AsyncIterable<string> | Iterable<string>,
  onProgress?: (p: ResultReadProgress) => void,
  file = 'the sweep file',
): Promise<SweepResultColumns> {
  const reader = new ResultReader(file);
  const splitter = new LineSplitter();
  // A holder, not a `let`: it is filled inside `take`, where flow analysis does not follow.
  const state: { out: ReturnType<typeof start> | null } = { out: null };
  const kinds = new Map<string, number>();
  let issue: ResultFileError | null = null;

  const take = (line: { text: string; line: number }): void => {
    const row = reader.line(line);
    if (!state.out && reader.header) state.out = start(reader.header);
    const out = state.out;
    if (!row || !out) return;
    if (row.error !== null) {
      out.errors[row.index] = ROW_FLAG.failed;
      if (kinds.has(row.error) || kinds.size < MAX_ERROR_KINDS) kinds.set(row.error, (kinds.get(row.error) ?? 0) + 1);
      return;
    }
    out.errors[row.index] = ROW_FLAG.computed;
    const cols = out.columns as Record<string, Float64Array>;
    for (let k = 0; k < row.values.length; k++) cols[out.header.columns[k]][row.index] = row.values[k];
  };

  try {
    for await (const chunk of chunks) {
      for (const line of splitter.push(chunk)) take(line);
      onProgress?.({ rows: reader.rows, expectedRows: reader.expectedRows, chars: splitter.chars });
    }
    const last = splitter.end();
    if (last) take(last);
    reader.finish();
  } catch (e) {
    // Only problems of the file are kept as an issue (a cancelled stream is not one);
    // before the header is read there is nothing to keep, and the error is the answer.
    const fileProblem = e instanceof ResultFileError || e instanceof RangeError;
    if (!fileProblem || !state.out) throw fileProblem ? toFileError(e, file, reader.lastLine + 1) : e;
    issue = toFileError(e, file, reader.lastLine + 1);
  }
  const done = state.out;
  if (!done) throw new ResultFileError({ file, line: 0 }, 'the file is empty: expected a sweep result header on line 1');
  return {
    ...done,
    rows: reader.rows,
    errorCount: reader.failed,
    errorKinds: [...kinds].sort((a, b) => b[1] - a[1]).map(([message, count]) => ({ message, count })),
    complete: issue === null,
    issue,
  };
}

function start(header: ResultHeader) {
  const errors = new Uint8Array(header.total).fill(ROW_FLAG.absent);
  const { spec, base, settings, total } = header;
  return { header, job: { spec, base, settings, total }, columns: emptyColumns(header.total), errors };
}

/** Errors from below (a line too long, a decoder failure) still name the file and line. */
function toFileError(e: unknown, file: string, line: number): ResultFileError {
  if (e instanceof ResultFileError) return e;
  return new ResultFileError({ file, line }, (e as Error).message);
}
