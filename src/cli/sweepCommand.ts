/**
 * `sweep`, in two modes:
 * - `--spec FILE`: the app's sweep (spec, base design, run settings), written as
 *   a versioned result file that `merge` joins and the app imports (sweepSpec.ts);
 * - `--accelerators N --models …`: the older random sampler, one JSON object per
 *   pair. Pair p = a·M + m uses accelerator a and model m, each drawn from its
 *   own stream (seed/accelerators/a, seed/models/m), so a shard builds only its
 *   own pairs: `random:30000000` with `--shard 0/1000000` draws 30 models, not
 *   30 million, and the union of all shards equals the unsharded sweep, line for line.
 */
import { parseArgs } from 'node:util';
import { createRng } from '../core/rng.ts';
import { randomAccelerator } from '../core/space/accelerator/sample.ts';
import { acceleratorToEmbedding } from '../core/space/accelerator/embedding.ts';
import { randomModel } from '../core/space/transformer/sample.ts';
import { validateModel } from '../core/space/transformer/validate.ts';
import { formatIssues } from '../core/space/issues.ts';
import { resolveSimOptions, simulateResolved } from '../core/elector/simulate.ts';
import type { AcceleratorConfig } from '../core/space/accelerator/types.ts';
import type { ModelDict } from '../core/space/transformer/types.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelArg, readJson } from './designs.ts';
import { RUN_SETTINGS_HELP, SIM_FLAGS, simOptionsFromFlags } from './options.ts';
import { LineSink } from './resultFiles.ts';
import { runSpecSweep } from './sweepSpec.ts';

export const SWEEP_HELP = `usage: transcode sweep --spec FILE [--shard I/N] [--out FILE]
       transcode sweep --accelerators N --models <preset|file|random:N> [--seed S] [--shard I/N] [--out FILE] [options]

With --spec: runs the app's sweep. FILE is a sweep exported from the app as JSON, or an object
{"spec", "base", "settings"} (the app's sweep settings, the design it varies around, the run settings).
Writes a sweep result file (JSON Lines, docs/sweep-files.md): a header, one row per pair as it is
computed, and a trailer. 'transcode merge' joins the shards; the app imports the result.

  --spec FILE              the sweep to run (mode, cost model, sparsity … come from its settings)
  --shard I/N              only pairs with index % N == I (0 ≤ I < N), for job arrays and GNU parallel
  --out FILE               write here instead of standard output (a killed job leaves a file without
                           its trailer, which merge reports as truncated; the rows before it are intact)

Without --spec: samples N random accelerators (TransCODE design space) and simulates each with every
model. Writes one JSON line per pair: {"index", "seed", "model", "accelerator" (12-number embedding),
"mode", "costModel", "seqLen", "result"}, or "error" in place of "result".

  --accelerators N         how many random accelerators
  --models SPEC            a preset (bert-tiny …), a model JSON file (one dict, or an array of dicts), or
                           random:N (each shard draws only the models of its own pairs)
  --seed S                 seed for every random draw (default 0); the same seed gives the same lines
  --shard I/N              as above; the shards' lines together are exactly the unsharded sweep
  --out FILE               as above
  --mode, --cost-model, --sparsity, --clock, --constants   as for simulate (default: inference, elector)
${RUN_SETTINGS_HELP}

Progress goes to standard error. Exit status: 0 every pair simulated, 1 some pairs failed (their rows
say why; the output is still complete), 2 usage error.
`;

export function sweepCommand(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SIM_FLAGS, accelerators: { type: 'string' }, models: { type: 'string' }, seed: { type: 'string' }, shard: { type: 'string' },
      spec: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(SWEEP_HELP);
    return EXIT.ok;
  }
  const shard = parseShard(values.shard);
  if (values.out === '') throw new UsageError('--out: give a file name');
  if (values.spec !== undefined) {
    // The spec file fixes every setting: a flag that would change the pairs is refused, not silently ignored.
    const clash = Object.keys(values).filter((k) => !['spec', 'shard', 'out', 'help'].includes(k));
    if (clash.length > 0) throw new UsageError(`--spec takes its seed and run settings from the file; drop ${clash.map((k) => `--${k}`).join(', ')}`);
    return runSpecSweep({ specPath: values.spec, shard, out: values.out ?? null }, io);
  }
  return randomSweep(values, shard, io);
}

type SweepFlags = ReturnType<typeof parseArgs<{ options: typeof SIM_FLAGS & Record<'accelerators' | 'models' | 'seed' | 'out', { type: 'string' }> }>>['values'];

function randomSweep(values: SweepFlags, { index: shard, count: shards }: { index: number; count: number }, io: CliIo): number {
  const accelerators = positiveInt(values.accelerators, '--accelerators');
  if (!values.models) throw new UsageError('sweep: --models is required (a preset, a file, or random:N), or give --spec FILE');
  const seed = values.seed ?? '0';
  const models = sweepModels(values.models, seed, io);
  const total = accelerators * models.count;
  if (!Number.isSafeInteger(total)) throw new UsageError(`sweep: ${accelerators} accelerators × ${models.count} models is more pairs than can be numbered`);
  const options = resolveSimOptions({ ...simOptionsFromFlags(values, (path, flag) => readJson(path, io, flag)), timeline: false });
  const sink = new LineSink(values.out ?? null, io.stdout);
  let failed = 0;
  // Consecutive pairs of a shard usually share an accelerator: draw it once.
  const cached = { a: -1, accelerator: null as AcceleratorConfig | null };
  try {
    for (let index = shard; index < total; index += shards) {
      const a = Math.floor(index / models.count), m = index % models.count;
      if (cached.a !== a) Object.assign(cached, { a, accelerator: randomAccelerator(createRng(`${seed}/accelerators/${a}`), 'transcode') });
      const accelerator = cached.accelerator!;
      const model = models.at(m);
      const head = { index, seed, model, accelerator: acceleratorToEmbedding(accelerator), mode: options.mode, costModel: options.costModel, seqLen: options.seqLen };
      try {
        sink.write(JSON.stringify({ ...head, result: simulateResolved(model, accelerator, options) }) + '\n');
      } catch (e) {
        failed++;
        sink.write(JSON.stringify({ ...head, error: (e as Error).message }) + '\n');
      }
    }
  } finally {
    sink.close();
  }
  if (failed) io.stderr(`sweep: ${failed} of the shard's pairs could not be simulated (see their "error" fields)\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

/** The sweep's models, by number: random ones are drawn on demand from their own stream, never all at once. */
function sweepModels(spec: string, seed: string, io: CliIo): { count: number; at: (m: number) => ModelDict } {
  const random = /^random:(\d+)$/.exec(spec);
  if (random) {
    const count = positiveInt(random[1], '--models random:N');
    return { count, at: (m) => randomModel(createRng(`${seed}/models/${m}`)) };
  }
  const loaded = loadModelArg(spec, io);
  const list = Array.isArray(loaded) ? loaded : [loaded];
  const models = list.map((m, i) => {
    const v = validateModel(m);
    if (!v.ok) throw new UsageError(`--models${list.length > 1 ? `[${i}]` : ''}: ${formatIssues(v.issues)}`);
    return v.value;
  });
  return { count: models.length, at: (m) => models[m] };
}

function positiveInt(text: string | undefined, flag: string): number {
  const n = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag}: "${text ?? ''}" must be a positive integer`);
  return n;
}

export function parseShard(text: string | undefined): { index: number; count: number } {
  if (text === undefined) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count || !Number.isSafeInteger(count)) throw new UsageError(`--shard: "${text}" must be I/N with 0 ≤ I < N, e.g. 0/4`);
  return { index, count };
}
