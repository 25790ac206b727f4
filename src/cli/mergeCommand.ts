/**
 * `merge`: joins the shards of one sweep into one result file in index order,
 * checking on the way that they belong together, that none is missing, repeated
 * or truncated, and that every line is sound (core/sweep/resultFile/merge.ts).
 * Memory stays bounded: one chunk and one line per shard.
 */
import { parseArgs } from 'node:util';
import { mergeShards } from '../core/sweep/resultFile/merge.ts';
import { ResultFileError } from '../core/sweep/resultFile/errors.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { ProgressLine } from './progress.ts';
import { chunkBytesFor, FileLineSource, LineSink, withPartialFile } from './resultFiles.ts';

export const MERGE_HELP = `usage: transcode merge SHARD-FILES… --out FILE

Merges the shards written by 'transcode sweep --spec … --shard I/N --out …' into one sweep result
file, rows in index order, the same bytes an unsharded run writes. The files may be given in any
order (a shell glob will do). Refused, with the file, line and field to blame: files from different
sweeps (spec, base design, settings, seed, tool version or shard count differ), a shard missing or
given twice, a file cut short (no trailer), a bad line, a checksum mismatch, a newer format version.

  --out FILE      where to write (required; written as FILE.partial and renamed when complete,
                  so a failed merge leaves nothing that looks like a result)

Exit status: 0 merged, 1 the shards are not one complete, sound sweep, 2 usage error.
`;

export function mergeCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(MERGE_HELP);
    return EXIT.ok;
  }
  if (!values.out) throw new UsageError('--out FILE is required');
  if (positionals.length === 0) throw new UsageError('give the shard files to merge');
  if (positionals.includes(values.out)) throw new UsageError(`--out ${values.out} is also an input`);
  const chunkBytes = chunkBytesFor(positionals.length);
  const sources = positionals.map((file) => new FileLineSource(file, chunkBytes));
  let progress: ProgressLine | null = null;
  try {
    const { header, trailer } = withPartialFile(values.out, io.stdout, (sink: LineSink) => mergeShards(sources, sink.write, ({ rows, total }) => {
      progress ??= new ProgressLine('merge', total, io.stderr);
      progress.tick(rows);
    }));
    io.stderr(`merge: ${positionals.length} shard${positionals.length > 1 ? 's' : ''} → ${values.out}: ${header.total.toLocaleString('en-US')} rows`
      + `${trailer.failed ? ` (${trailer.failed} failed pairs)` : ''}, seed ${header.seed}, ${trailer.checksum}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ResultFileError) {
      io.stderr(`transcode merge: ${e.message}\n`);
      return EXIT.failed;
    }
    // A file that cannot be opened or read is named by Node's message (ENOENT: …, open 'x').
    if ((e as NodeJS.ErrnoException).code) {
      io.stderr(`transcode merge: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
    throw e;
  }
}
