/** Sweep result files (JSONL): format, writer, streaming reader, shard merge. See docs/sweep-files.md. */
export { RESULT_KIND, RESULT_VERSION, RESULT_SUFFIX, shardRowCount, type ResultHeader, type ResultTrailer, type ResultRow, type ShardId } from './format.ts';
export { ResultFileError, describeWhere, type ResultFileWhere } from './errors.ts';
export { Fnv1a32 } from './checksum.ts';
export { makeHeader, encodeHeader, encodeRow, encodeFailedRow, encodeTrailer, ResultWriter } from './writer.ts';
export { LineSplitter, MAX_LINE_CHARS, type NumberedLine } from './lines.ts';
export { parseHeader, parseRow, parseTrailer } from './parse.ts';
export { ResultReader } from './reader.ts';
export { readSweepResultStream, ROW_FLAG, type SweepResultColumns, type ResultReadProgress } from './columns.ts';
export { checkShardSet, firstDifference, type NamedHeader } from './shardSet.ts';
export { mergeShards, type ShardSource, type MergeProgress } from './merge.ts';
export { readableChunks } from './streamChunks.ts';
