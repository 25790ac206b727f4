/**
 * `sweep --spec FILE`: the app's own sweep (its spec, base design and run
 * settings), or the shard of it with index % N == I, written as a sweep result
 * file (docs/sweep-files.md) row by row as each pair is simulated. Every pair
 * goes through runSweepChunk, the function the app's sweep workers call, so a
 * merged set of shards holds the very numbers the app would compute.
 */
import { runSweepChunk } from '../core/sweep/run.ts';
import { validateSweepJob, type SweepJobSpec } from '../core/sweep/validateJob.ts';
import { makeHeader, ResultWriter } from '../core/sweep/resultFile/writer.ts';
import { shardRowCount, type ShardId } from '../core/sweep/resultFile/format.ts';
import { formatIssues } from '../core/space/issues.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { readJson } from './designs.ts';
import { ProgressLine } from './progress.ts';
import { LineSink, toolVersion } from './resultFiles.ts';

const SWEEP_POINTS_KIND = 'transcode-sweep-points';

/**
 * The job in a spec file: the app's sweep export (`kind: "transcode-sweep-points"`,
 * whose spec is under `sweep`; its rows are ignored) or a plain {spec, base, settings}.
 */
export function loadSweepJob(path: string, io: CliIo): SweepJobSpec {
  const x = readJson(path, io, '--spec');
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new UsageError(`--spec ${path}: expected the app's sweep export (JSON) or an object {"spec", "base", "settings"}`);
  }
  const o = x as Record<string, unknown>;
  if (o.kind !== undefined && o.kind !== SWEEP_POINTS_KIND) {
    throw new UsageError(`--spec ${path}: kind: expected "${SWEEP_POINTS_KIND}" (a sweep exported from the app as JSON), got ${JSON.stringify(o.kind)}`);
  }
  const specKey = o.kind === SWEEP_POINTS_KIND || (o.spec === undefined && o.sweep !== undefined) ? 'sweep' : 'spec';
  const job = validateSweepJob({ spec: o[specKey], base: o.base, settings: o.settings }, 'job');
  if (!job.ok) {
    // Name the fields as the file spells them ("sweep.samples" in an app export).
    const issues = job.issues.map((i) => ({ ...i, path: i.path.replace(/^job\./, '').replace(/^spec\b/, specKey) }));
    throw new UsageError(`--spec ${path}:\n${formatIssues(issues)}`);
  }
  return job.value;
}

export interface SpecRunOptions {
  specPath: string;
  shard: ShardId;
  out: string | null;
  /** Milliseconds between progress lines (tests pass 0 to see one per pair). */
  progressEveryMs?: number;
}

/** Runs the shard; exit 1 if any pair failed (its row records why), else 0. */
export function runSpecSweep(o: SpecRunOptions, io: CliIo): number {
  const job = loadSweepJob(o.specPath, io);
  const header = makeHeader(job, o.shard, toolVersion());
  const rows = shardRowCount(header.total, o.shard);
  const sink = new LineSink(o.out, io.stdout);
  const label = `sweep shard ${o.shard.index}/${o.shard.count}`;
  const progress = new ProgressLine(label, rows, io.stderr, o.progressEveryMs);
  io.stderr(`${label}: ${rows.toLocaleString('en-US')} of ${header.total.toLocaleString('en-US')} pairs (seed ${header.seed}) → ${sink.target}\n`);
  let done = 0;
  try {
    const writer = new ResultWriter(header, sink.write);
    for (let index = o.shard.index; index < header.total; index += o.shard.count) {
      // One pair per call: each row then carries its own failure message.
      const r = runSweepChunk(job.spec, job.base, job.settings, index, index + 1);
      if (r.errors[0]) writer.failed(index, r.errorKinds[0]?.message ?? 'simulation failed');
      else writer.rowFromColumns(index, r.columns, 0);
      progress.tick(++done);
    }
    const { failed } = writer.end();
    progress.end(done, failed ? `, ${failed} failed (see the rows with a message)` : '');
    return failed ? EXIT.failed : EXIT.ok;
  } finally {
    sink.close();
  }
}
