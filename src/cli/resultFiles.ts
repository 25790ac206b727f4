/**
 * Node glue for sweep result files: reading a file as numbered lines in chunks,
 * and writing lines as they are computed. Reads use positioned readSync and
 * reopen the file for every chunk, so a merge of thousands of shards (one Slurm
 * array task each) holds no file descriptors between reads and never meets the
 * open-files limit; memory is one chunk per shard.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { LineSplitter, type NumberedLine } from '../core/sweep/resultFile/lines.ts';
import { ResultFileError } from '../core/sweep/resultFile/errors.ts';
import type { ShardSource } from '../core/sweep/resultFile/merge.ts';

/** Bytes read at a time per file: small when many shards are open at once, never below 16 kB. */
export function chunkBytesFor(files: number): number {
  return Math.max(16 << 10, Math.min(1 << 20, Math.floor((64 << 20) / Math.max(1, files))));
}

/** A file's lines, pulled one at a time (ShardSource for the merge). */
export class FileLineSource implements ShardSource {
  readonly file: string;
  private readonly chunkBytes: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly splitter = new LineSplitter();
  private readonly buffer: Buffer;
  private positionBytes = 0;
  private queue: NumberedLine[] = [];
  private head = 0;
  private ended = false;

  constructor(file: string, chunkBytes = 1 << 20) {
    this.file = file;
    this.chunkBytes = chunkBytes;
    this.buffer = Buffer.alloc(chunkBytes);
  }

  nextLine(): NumberedLine | null {
    while (this.head >= this.queue.length) {
      if (this.ended) return null;
      this.queue = this.readChunk();
      this.head = 0;
    }
    return this.queue[this.head++];
  }

  /** The next chunk's complete lines; problems of the text (not UTF-8, a line without end) name the file and line. */
  private readChunk(): NumberedLine[] {
    try {
      return this.readChunkUnchecked();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code && !(e instanceof TypeError)) throw e;
      const what = e instanceof TypeError ? 'not UTF-8 text: not a sweep result file' : (e as Error).message;
      throw new ResultFileError({ file: this.file, line: this.splitter.lineCount + 1 }, what);
    }
  }

  private readChunkUnchecked(): NumberedLine[] {
    const fd = openSync(this.file, 'r');
    let bytes: number;
    try {
      bytes = readSync(fd, this.buffer, 0, this.chunkBytes, this.positionBytes);
    } finally {
      closeSync(fd);
    }
    this.positionBytes += bytes;
    if (bytes === 0) {
      this.ended = true;
      const last = this.splitter.end();
      this.decoder.decode(); // throws if the file ends inside a UTF-8 sequence
      return last ? [last] : [];
    }
    return this.splitter.push(this.decoder.decode(this.buffer.subarray(0, bytes), { stream: true }));
  }
}

/**
 * Writes text to a file or standard output, gathering small writes into blocks
 * but never holding any longer than `flushEveryMs`: a killed job leaves at most
 * that much unwritten, and everything before it on disk.
 */
export class LineSink {
  private pending: string[] = [];
  private pendingChars = 0;
  private lastFlushMs = Date.now();
  private readonly fd: number | null;

  constructor(
    private readonly path: string | null,
    private readonly stdout: (text: string) => void,
    private readonly flushEveryMs = 1000,
    private readonly blockChars = 64 << 10,
  ) {
    this.fd = path === null ? null : openSync(path, 'w');
  }

  readonly write = (text: string): void => {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= this.blockChars || Date.now() - this.lastFlushMs >= this.flushEveryMs) this.flush();
  };

  flush(): void {
    if (this.pending.length > 0) {
      const text = this.pending.join('');
      if (this.fd === null) this.stdout(text);
      else writeSync(this.fd, text);
    }
    this.pending = [];
    this.pendingChars = 0;
    this.lastFlushMs = Date.now();
  }

  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
  }

  get target(): string {
    return this.path ?? 'standard output';
  }
}

/** Writes to `<path>.partial`, renamed to `path` on success and removed on failure: a failed merge leaves no file that looks whole. */
export function withPartialFile<T>(path: string, stdout: (text: string) => void, body: (sink: LineSink) => T): T {
  const partial = `${path}.partial`;
  const sink = new LineSink(partial, stdout);
  try {
    const result = body(sink);
    sink.close();
    renameSync(partial, path);
    return result;
  } catch (e) {
    try {
      sink.close();
    } finally {
      rmSync(partial, { force: true });
    }
    throw e;
  }
}

let toolName: string | null = null;

/** "transcode-explorer 0.1.0", from package.json: recorded in every result header. */
export function toolVersion(): string {
  if (!toolName) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    toolName = `${pkg.name} ${pkg.version}`;
  }
  return toolName;
}
