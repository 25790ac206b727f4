/**
 * Merges the shards of one sweep into a single file in index order. Shard i
 * holds the indices ≡ i (mod N) in ascending order, so index k is the next row
 * of shard k mod N: the merge takes one line from each shard in turn, and holds
 * one line per shard whatever the sweep's size. Every line is checked as it
 * passes (ResultReader); the first problem stops the merge with the file, line
 * and field to blame.
 */
import { ResultFileError } from './errors.ts';
import type { ResultHeader, ResultTrailer } from './format.ts';
import type { NumberedLine } from './lines.ts';
import { ResultReader } from './reader.ts';
import { checkShardSet } from './shardSet.ts';
import { ResultWriter } from './writer.ts';

/** One shard file, read a line at a time (null at its end). */
export interface ShardSource {
  file: string;
  nextLine(): NumberedLine | null;
}

export interface MergeProgress {
  rows: number;
  total: number;
}

/** Reads every source's header, checks the set, then writes the merged file through `write`. */
export function mergeShards(
  sources: readonly ShardSource[],
  write: (text: string) => void,
  onProgress?: (p: MergeProgress) => void,
): { header: ResultHeader; trailer: ResultTrailer } {
  const readers = new Map<ShardSource, ResultReader>();
  const named = sources.map((source) => {
    const reader = new ResultReader(source.file);
    const first = source.nextLine();
    if (!first) reader.finish(); // throws: empty file
    else reader.line(first);
    readers.set(source, reader);
    return { file: source.file, header: reader.header!, source };
  });
  const ordered = checkShardSet(named) as typeof named;
  const h = ordered[0].header;
  const writer = new ResultWriter({ ...h, shard: { index: 0, count: 1 } }, write);
  const count = h.shard.count;
  const progressEvery = Math.max(1, Math.min(10_000, Math.ceil(h.total / 100)));

  for (let index = 0; index < h.total; index++) {
    const { source } = ordered[index % count];
    const reader = readers.get(source)!;
    const row = nextRow(source, reader);
    if (row.index !== index) throw new ResultFileError({ file: source.file, line: reader.lastLine, field: 'row[0]' }, `expected index ${index}, got ${row.index}`);
    if (row.error !== null) writer.failed(index, row.error);
    else writer.row(index, row.values);
    if ((index + 1) % progressEvery === 0) onProgress?.({ rows: index + 1, total: h.total });
  }
  // Each shard must now end with its trailer (checked against its rows) and nothing after it.
  for (const { source } of ordered) {
    const reader = readers.get(source)!;
    for (let line = source.nextLine(); line; line = source.nextLine()) {
      if (reader.line(line)) throw new ResultFileError({ file: source.file, line: line.line }, 'a row beyond the sweep\'s last index');
    }
    reader.finish();
  }
  onProgress?.({ rows: h.total, total: h.total });
  return { header: writer.header, trailer: writer.end() };
}

function nextRow(source: ShardSource, reader: ResultReader) {
  for (;;) {
    const line = source.nextLine();
    if (!line) {
      reader.finish(); // throws: truncated (no trailer)
      throw new ResultFileError({ file: source.file, line: reader.lastLine }, `ends after its trailer with ${reader.rows} rows, fewer than the sweep needs`);
    }
    const row = reader.line(line);
    if (row) return row;
    // A trailer before the last row: the reader has checked its counts already and thrown.
  }
}
