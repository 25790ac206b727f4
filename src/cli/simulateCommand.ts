/** `simulate`: one pair (readable or --json), or --batch JSONL in, JSONL out. */
import { parseArgs } from 'node:util';
import { simulate } from '../core/elector/simulate.ts';
import { RUN_SETTING_LIMITS, type SimOptions } from '../core/elector/types.ts';
import { ValidationError } from '../core/space/issues.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadAcceleratorArg, loadModelArg, readJson } from './designs.ts';
import { RUN_SETTINGS_HELP, SIM_FLAGS, simOptionsFromFlags } from './options.ts';
import { formatSummary } from './summary.ts';
import { simulateBatchStream } from './batch.ts';

export const SIMULATE_HELP = `usage: transcode simulate --model <preset|file.json> --accelerator <preset|file.json|"[12 numbers]"> [options]
       transcode simulate --batch <pairs.jsonl> [options] > results.jsonl

Simulates a transformer on an accelerator with ELECTOR.

  --model NAME|FILE        bert-tiny, bert-mini, bert-small, bert-medium, bert-base, or a model dict {l,o,h,f} in JSON
  --accelerator NAME|FILE  acceltran-edge, acceltran-server, a config JSON file, or a 12-number embedding
  --mode MODE              inference (default) or training
  --cost-model MODEL       elector (default; physically consistent) or reference (bit-exact AccelTran simulate_fast)
  --sparsity A,W,G         activation, weight, gradient sparsity in [0,1) (default 0.5,0.5,0.9)
  --clock MHZ              clock frequency, ${RUN_SETTING_LIMITS.clockMHz.min}–${RUN_SETTING_LIMITS.clockMHz.max} (default ${RUN_SETTING_LIMITS.clockMHz.default})
${RUN_SETTINGS_HELP}
  --timeline               include the per-op timeline (elector model)
  --constants FILE         override constants: {"reference": {...}, "elector": {...}} with the keys of
                           src/core/elector/constants/reference.ts and elector.ts; unknown keys, values outside a
                           constant's physical range (constants/rules.ts) and entries the cost model ignores are refused
  --json                   print the result object as JSON instead of a summary
  --batch FILE             one pair per line: {"model": {...}, "accelerator": {...} or [12 numbers], "mode"?, "costModel"?, "name"?}
                           (any other key is refused); read as a stream, each result written as soon as it is computed;
                           one JSON result per line, in order; a bad line gives {"error": "..."} and the rest go on.
                           Exit status 1 if any line failed. Use - for standard input.
`;

export async function simulateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...SIM_FLAGS, model: { type: 'string' }, accelerator: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(SIMULATE_HELP);
    return EXIT.ok;
  }
  const options = simOptionsFromFlags(values, (path, flag) => readJson(path, io, flag));
  if (values.batch !== undefined) {
    if (values.model || values.accelerator) throw new UsageError('--batch reads the pairs from the file; drop --model and --accelerator');
    return runBatch(values.batch, options, io);
  }
  if (!values.model) throw new UsageError('simulate: --model is required (or --batch)');
  if (!values.accelerator) throw new UsageError('simulate: --accelerator is required (or --batch)');
  const model = loadModelArg(values.model, io);
  const accelerator = loadAcceleratorArg(values.accelerator, io);
  try {
    const result = simulate(model, accelerator, options);
    io.stdout(values.json ? JSON.stringify(result) + '\n' : formatSummary(result, `${values.model} on ${values.accelerator}`));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(e.message);
    io.stderr(`simulate: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
}

/** `--batch FILE|-`: streamed in, each result written as computed; exit 1 if any line failed. */
async function runBatch(path: string, options: SimOptions, io: CliIo): Promise<number> {
  let wrote = false;
  try {
    const input = io.openRead ? io.openRead(path) : [io.readFile(path === '-' ? '/dev/stdin' : path)];
    const { failed, total } = await simulateBatchStream(input, options, async (line) => {
      io.stdout(line);
      wrote = true;
      await io.stdoutReady?.();
    });
    if (failed) io.stderr(`simulate: ${failed} of ${total} lines failed\n`);
    return failed ? EXIT.failed : EXIT.ok;
  } catch (e) {
    // A file that cannot be opened is a usage error; a read failing midway (a lost mount) is not.
    if (!wrote && (e as NodeJS.ErrnoException).code) throw new UsageError(`--batch: cannot read ${path}: ${(e as Error).message}`);
    throw e;
  }
}
