/**
 * Encodes a result file line by line, for writers that append each pair as it
 * is computed (a CLI shard, a merge): the header, compact rows, and a trailer
 * with the row count and checksum. Numbers are written by JSON.stringify, the
 * shortest text that reads back to the same double, so a file's values are the
 * simulator's bit for bit and two runs of one spec give identical bytes.
 */
import { OBJECTIVES, type ObjectiveColumns } from '../objectives.ts';
import { sweepSize } from '../plan.ts';
import type { SweepJobSpec } from '../validateJob.ts';
import { Fnv1a32 } from './checksum.ts';
import { RESULT_KIND, RESULT_VERSION, shardRowCount, type ResultHeader, type ResultTrailer, type ShardId } from './format.ts';

/** The header of shard `shard` of the sweep `job` (total and columns follow from the spec). */
export function makeHeader(job: Pick<SweepJobSpec, 'spec' | 'base' | 'settings'>, shard: ShardId, tool: string): ResultHeader {
  return {
    kind: RESULT_KIND, version: RESULT_VERSION, spec: job.spec, base: job.base, settings: job.settings,
    seed: job.spec.seed, shard, total: sweepSize(job.spec), columns: [...OBJECTIVES], tool,
  };
}

/** The header as one line, keys in the documented order (so equal headers are equal text). */
export function encodeHeader(h: ResultHeader): string {
  const { kind, version, spec, base, settings, seed, shard, total, columns, tool } = h;
  return JSON.stringify({ kind, version, tool, seed, shard: { index: shard.index, count: shard.count }, total, columns, spec, base, settings });
}

/** A value cell: the number, or null where it is not finite (JSON has no NaN or Infinity). */
const cell = (v: number): string => (Number.isFinite(v) ? JSON.stringify(v) : 'null');

export function encodeRow(index: number, values: ArrayLike<number>): string {
  let line = `[${index}`;
  for (let k = 0; k < values.length; k++) line += `,${cell(values[k])}`;
  return `${line}]`;
}

export function encodeFailedRow(index: number, message: string): string {
  return `[${index},null,${JSON.stringify(message)}]`;
}

export function encodeTrailer(t: ResultTrailer): string {
  return JSON.stringify({ end: true, rows: t.rows, failed: t.failed, checksum: t.checksum });
}

/**
 * Writes one file through `write` (called with whole lines, newline included).
 * Refuses rows out of order or outside its shard: a file that claims to be
 * shard i of N must hold exactly that shard's indices, ascending.
 */
export class ResultWriter {
  readonly header: ResultHeader;
  private readonly write: (text: string) => void;
  private readonly hash = new Fnv1a32();
  private readonly values: Float64Array;
  private nextIndex: number;
  private rows = 0;
  private failedRows = 0;

  constructor(header: ResultHeader, write: (text: string) => void) {
    this.header = header;
    this.write = write;
    this.values = new Float64Array(header.columns.length);
    this.nextIndex = header.shard.index;
    write(`${encodeHeader(header)}\n`);
  }

  get written(): { rows: number; failed: number } {
    return { rows: this.rows, failed: this.failedRows };
  }

  /** Row `index` from the app's columns (row `row` of them, which is `index` for whole-sweep columns). */
  rowFromColumns(index: number, columns: ObjectiveColumns, row = index): void {
    this.header.columns.forEach((id, k) => {
      this.values[k] = columns[id as keyof ObjectiveColumns][row];
    });
    this.row(index, this.values);
  }

  row(index: number, values: ArrayLike<number>): void {
    if (values.length !== this.header.columns.length) throw new RangeError(`row ${index}: ${values.length} values for ${this.header.columns.length} columns`);
    this.line(index, encodeRow(index, values));
  }

  failed(index: number, message: string): void {
    this.line(index, encodeFailedRow(index, message));
    this.failedRows++;
  }

  /** The trailer; the file is complete only once it is written. */
  end(): ResultTrailer {
    const expected = shardRowCount(this.header.total, this.header.shard);
    if (this.rows !== expected) throw new RangeError(`shard ${this.header.shard.index}/${this.header.shard.count} ends after ${this.rows} of its ${expected} rows`);
    const trailer: ResultTrailer = { end: true, rows: this.rows, failed: this.failedRows, checksum: this.hash.digest() };
    this.write(`${encodeTrailer(trailer)}\n`);
    return trailer;
  }

  private line(index: number, text: string): void {
    if (index !== this.nextIndex || index >= this.header.total) {
      throw new RangeError(`row ${index} out of order: shard ${this.header.shard.index}/${this.header.shard.count} expects ${this.nextIndex} next (of ${this.header.total})`);
    }
    this.nextIndex += this.header.shard.count;
    this.rows++;
    const line = `${text}\n`;
    this.hash.update(line);
    this.write(line);
  }
}
