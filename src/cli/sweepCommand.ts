/**
 * `sweep`: sample accelerators × models and simulate every pair, as JSONL.
 * Pair p = a·M + m uses accelerator a and model m, each drawn from its own
 * seeded stream, so any shard can rebuild its pairs without the others and the
 * union of all shards equals the unsharded sweep, line for line.
 */
import { parseArgs } from 'node:util';
import { createRng } from '../core/rng.ts';
import { randomAccelerator } from '../core/space/accelerator/sample.ts';
import { acceleratorToEmbedding } from '../core/space/accelerator/embedding.ts';
import { randomModel } from '../core/space/transformer/sample.ts';
import { validateModel } from '../core/space/transformer/validate.ts';
import { formatIssues } from '../core/space/issues.ts';
import { resolveSimOptions, simulateResolved } from '../core/elector/simulate.ts';
import type { ModelDict } from '../core/space/transformer/types.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelArg, readJson } from './designs.ts';
import { RUN_SETTINGS_HELP, SIM_FLAGS, simOptionsFromFlags } from './options.ts';

export const SWEEP_HELP = `usage: transcode sweep --accelerators N --models <preset|file|random:N> [--seed S] [--shard I/N] [options] > out.jsonl

Samples N random accelerators (TransCODE design space) and simulates each with every model.
Writes one JSON line per pair: {"index", "seed", "model", "accelerator" (12-number embedding), "mode", "costModel", "seqLen", "result"}.

  --accelerators N         how many random accelerators
  --models SPEC            a preset (bert-tiny …), a model JSON file (one dict, or an array of dicts), or random:N
  --seed S                 seed for every random draw (default 0); the same seed gives the same lines
  --shard I/N              only pairs with index % N == I (0 ≤ I < N), for job arrays and GNU parallel;
                           the shards' lines together are exactly the unsharded sweep
  --mode, --cost-model, --sparsity, --clock, --constants   as for simulate (default: inference, elector)
${RUN_SETTINGS_HELP}
`;

export function sweepCommand(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    options: { ...SIM_FLAGS, accelerators: { type: 'string' }, models: { type: 'string' }, seed: { type: 'string' }, shard: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(SWEEP_HELP);
    return EXIT.ok;
  }
  const accelerators = positiveInt(values.accelerators, '--accelerators');
  if (!values.models) throw new UsageError('sweep: --models is required (a preset, a file, or random:N)');
  const seed = values.seed ?? '0';
  const { index: shard, count: shards } = parseShard(values.shard);
  const models = sweepModels(values.models, seed, io);
  const options = resolveSimOptions({ ...simOptionsFromFlags(values, (path, flag) => readJson(path, io, flag)), timeline: false });

  const accStream = createRng(`${seed}/accelerators`);
  const total = accelerators * models.length;
  let failed = 0;
  for (let a = 0; a < accelerators; a++) {
    // Drawn for every a, in order, so shards agree on each accelerator.
    const accelerator = randomAccelerator(accStream, 'transcode');
    for (let m = 0; m < models.length; m++) {
      const index = a * models.length + m;
      if (index % shards !== shard) continue;
      const head = { index, seed, model: models[m], accelerator: acceleratorToEmbedding(accelerator), mode: options.mode, costModel: options.costModel, seqLen: options.seqLen };
      try {
        io.stdout(JSON.stringify({ ...head, result: simulateResolved(models[m], accelerator, options) }) + '\n');
      } catch (e) {
        failed++;
        io.stdout(JSON.stringify({ ...head, error: (e as Error).message }) + '\n');
      }
    }
  }
  if (failed) io.stderr(`sweep: ${failed} of ${total} pairs could not be simulated (see their "error" fields)\n`);
  return EXIT.ok;
}

function sweepModels(spec: string, seed: string, io: CliIo): ModelDict[] {
  const random = /^random:(\d+)$/.exec(spec);
  if (random) {
    const rng = createRng(`${seed}/models`);
    const n = positiveInt(random[1], '--models random:N');
    return Array.from({ length: n }, () => randomModel(rng));
  }
  const loaded = loadModelArg(spec, io);
  const list = Array.isArray(loaded) ? loaded : [loaded];
  return list.map((m, i) => {
    const v = validateModel(m);
    if (!v.ok) throw new UsageError(`--models${list.length > 1 ? `[${i}]` : ''}: ${formatIssues(v.issues)}`);
    return v.value;
  });
}

function positiveInt(text: string | undefined, flag: string): number {
  const n = Number(text);
  if (!text || !Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: "${text ?? ''}" must be a positive integer`);
  return n;
}

export function parseShard(text: string | undefined): { index: number; count: number } {
  if (text === undefined) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard: "${text}" must be I/N with 0 ≤ I < N, e.g. 0/4`);
  return { index, count };
}
