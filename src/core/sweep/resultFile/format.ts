/**
 * The sweep result file (`*.sweep.jsonl`), version 1: what a CLI shard, a merge
 * or an unsharded run writes, and what the app imports. JSON Lines because a
 * sweep is produced and consumed row by row: a writer appends each pair as it is
 * computed, a reader streams it with bounded memory, a file cut short is told by
 * its missing trailer while every line before it stays usable, `grep` and `jq`
 * work on it, and merging shards is validating headers and interleaving lines.
 * The full description is docs/sweep-files.md.
 *
 *   line 1        header   {"kind":"transcode-sweep-result","version":1,…}
 *   lines 2…      rows     [index, v1, …, vK]   or, for a failed pair, [index, null, "message"]
 *   last line     trailer  {"end":true,"rows":R,"failed":F,"checksum":"fnv1a32:xxxxxxxx"}
 */
import type { Design } from '../../share/session.ts';
import type { RunSettings, SweepSettings } from '../../share/schema.ts';

export const RESULT_KIND = 'transcode-sweep-result';
/** The newest version this code reads and the one it writes; a reader refuses newer files by name. */
export const RESULT_VERSION = 1;
/** The customary file suffix (any name works; the header says what a file is). */
export const RESULT_SUFFIX = '.sweep.jsonl';

/** Which rows a file holds: the sample indices with index % count === index. */
export interface ShardId {
  index: number;
  count: number;
}

export interface ResultHeader {
  kind: typeof RESULT_KIND;
  version: number;
  /** The app's sweep spec, the design it varies around and the run settings: together they regenerate every pair. */
  spec: SweepSettings;
  base: Design;
  settings: RunSettings;
  /** The spec's seed, repeated at the top level for people reading the file. */
  seed: number;
  shard: ShardId;
  /** Pairs of the whole sweep (all shards), i.e. sweepSize(spec). */
  total: number;
  /** Objective ids of the value cells, in row order. */
  columns: string[];
  /** Who wrote it ("transcode-explorer 0.1.0"), so a result can be traced to the simulator that made it. */
  tool: string;
}

export interface ResultTrailer {
  end: true;
  /** Row lines in the file (computed and failed). */
  rows: number;
  /** Of those, failed pairs. */
  failed: number;
  /** FNV-1a (32-bit) over the UTF-8 bytes of every row line with its newline, as "fnv1a32:" + 8 hex digits. */
  checksum: string;
}

/** A decoded row: values in header.columns order (NaN for null), or the failure message. */
export type ResultRow =
  | { index: number; values: number[]; error: null }
  | { index: number; values: null; error: string };

/** Rows of shard `shard` of a sweep of `total` pairs: the indices shard.index, shard.index + count, … below total. */
export function shardRowCount(total: number, shard: ShardId): number {
  return shard.index >= total ? 0 : Math.floor((total - 1 - shard.index) / shard.count) + 1;
}

/** The fields two shards of one sweep must share (everything but the shard index), in the order they are compared. */
export const SWEEP_IDENTITY_FIELDS = ['version', 'tool', 'seed', 'total', 'columns', 'spec', 'base', 'settings', 'shard.count'] as const;
