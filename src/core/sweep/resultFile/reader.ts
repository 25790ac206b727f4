/**
 * Checks a result file line by line as it streams: the header first, then each
 * row at exactly the next index of its shard (so nothing is missing, repeated or
 * out of order), then the trailer, whose counts and checksum must match what was
 * read. Holds one line at a time; both the CLI's merge and the app's import run it.
 */
import { Fnv1a32 } from './checksum.ts';
import { ResultFileError } from './errors.ts';
import { shardRowCount, type ResultHeader, type ResultRow, type ResultTrailer } from './format.ts';
import type { NumberedLine } from './lines.ts';
import { parseHeader, parseRow, parseTrailer } from './parse.ts';

export class ResultReader {
  readonly file: string;
  header: ResultHeader | null = null;
  trailer: ResultTrailer | null = null;
  rows = 0;
  failed = 0;
  /** Line number of the last line read. */
  lastLine = 0;
  private nextIndex = 0;
  private readonly hash = new Fnv1a32();

  constructor(file: string) {
    this.file = file;
  }

  /** Rows this file must hold once complete (its shard's share of the sweep). */
  get expectedRows(): number {
    return this.header ? shardRowCount(this.header.total, this.header.shard) : 0;
  }

  /** Reads one line: a row comes back, the header and the trailer give null. */
  line(l: NumberedLine): ResultRow | null {
    try {
      return this.read(l);
    } catch (e) {
      // A last line without its newline that does not parse was cut mid-write: say so, not "bad JSON".
      if (!l.unterminated || !this.header || !(e instanceof ResultFileError)) throw e;
      throw this.truncated(l.line, ` (line ${l.line} stops mid-line)`);
    }
  }

  private read({ text, line }: NumberedLine): ResultRow | null {
    const where = { file: this.file, line };
    this.lastLine = line;
    if (this.trailer) throw new ResultFileError(where, 'a line after the trailer: the trailer must be the last line');
    if (text.trim() === '') throw new ResultFileError(where, 'an empty line: every line is the header, a row or the trailer');
    if (!this.header) {
      this.header = parseHeader(text, this.file);
      this.nextIndex = this.header.shard.index;
      return null;
    }
    if (text.trimStart().startsWith('{')) {
      this.trailer = this.checkTrailer(parseTrailer(text, this.file, line), line);
      return null;
    }
    const row = parseRow(text, this.header, this.file, line);
    this.checkIndex(row.index, line);
    this.hash.update(`${text}\n`);
    this.nextIndex += this.header.shard.count;
    this.rows++;
    if (row.error !== null) this.failed++;
    return row;
  }

  /**
   * At the end of the input: the file must have had its trailer. A file without
   * one was cut short (a job killed, a disk full); the rows read are intact and
   * the error says how many.
   */
  finish(): ResultHeader {
    if (!this.header) throw new ResultFileError({ file: this.file, line: 0 }, 'the file is empty: expected a sweep result header on line 1');
    if (!this.trailer) throw this.truncated(this.lastLine, '');
    return this.header;
  }

  private truncated(line: number, detail: string): ResultFileError {
    const { index, count } = this.header!.shard;
    return new ResultFileError(
      { file: this.file, line, field: 'trailer' },
      `the file ends without its trailer${detail}: truncated after ${this.rows} of ${this.expectedRows} rows (the rows read are intact; re-run shard ${index}/${count} to complete it)`,
    );
  }

  private checkIndex(index: number, line: number): void {
    const h = this.header!;
    const where = { file: this.file, line, field: 'row[0]' };
    const { index: shard, count } = h.shard;
    if (index === this.nextIndex && index < h.total) return;
    if (index >= h.total) throw new ResultFileError(where, `index ${index} is outside the sweep's 0..${h.total - 1}`);
    if (index % count !== shard) throw new ResultFileError(where, `index ${index} belongs to shard ${index % count}/${count}, not to this file's shard ${shard}/${count}`);
    if (index < this.nextIndex) throw new ResultFileError(where, `index ${index} is repeated or out of order (expected ${this.nextIndex} next)`);
    throw new ResultFileError(where, `index ${index} skips rows ${this.nextIndex}…${index - count}: they are missing`);
  }

  private checkTrailer(t: ResultTrailer, line: number): ResultTrailer {
    const where = (field: string) => ({ file: this.file, line, field });
    if (t.rows !== this.rows) throw new ResultFileError(where('trailer.rows'), `says ${t.rows} rows but the file holds ${this.rows}`);
    if (t.failed !== this.failed) throw new ResultFileError(where('trailer.failed'), `says ${t.failed} failed rows but the file holds ${this.failed}`);
    const sum = this.hash.digest();
    if (t.checksum !== sum) throw new ResultFileError(where('trailer.checksum'), `${t.checksum} does not match the rows read (${sum}): the file was altered or damaged`);
    if (t.rows !== this.expectedRows) {
      throw new ResultFileError(where('trailer.rows'), `the shard ${this.header!.shard.index}/${this.header!.shard.count} of ${this.header!.total} pairs has ${this.expectedRows} rows, not ${t.rows}`);
    }
    return t;
  }
}
