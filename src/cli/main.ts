/** The `transcode` command-line tool: ELECTOR simulations and sweeps over the same core as the app. */
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { simulateCommand } from './simulateCommand.ts';
import { sweepCommand } from './sweepCommand.ts';

export const MAIN_HELP = `usage: transcode <command> [options]      (npm run cli -- <command> …)

Commands:
  simulate   simulate one (model, accelerator) pair, or a JSONL batch of pairs
  sweep      run the app's sweep from its spec file, or sample accelerators × models (shardable)
  merge      join the shards of a sweep into one result file the app imports
  dynaprop   train a model on a bundled dataset with DynaProp pruning (tfjs)
  codesign   search transformer–accelerator pairs for the best accuracy, latency, energy and area

Run 'transcode <command> --help' for a command's options.
Exit status: 0 success, 1 some simulations failed, 2 usage error.
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => number | Promise<number>> = {
  simulate: simulateCommand,
  sweep: sweepCommand,
  merge: async (argv, io) => (await import('./mergeCommand.ts')).mergeCommand(argv, io),
  // Loaded on demand: TensorFlow.js takes a second to load and only this command needs it.
  dynaprop: async (argv, io) => (await import('./dynapropCommand.ts')).dynapropCommand(argv, io),
  codesign: async (argv, io) => (await import('./codesignCommand.ts')).codesignCommand(argv, io),
};

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    openRead: (p) => (p === '-' ? process.stdin : createReadStream(p)),
    // Node queues what a pipe cannot take yet: wait for 'drain' so a batch's output does not pile up in memory.
    stdoutReady: async () => {
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    },
  };
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(MAIN_HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`transcode: unknown command "${command}"\n\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    const message = (e as Error).message;
    // node:util parseArgs throws TypeErrors with a code for unknown or malformed flags.
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`transcode ${command}: ${message}\nTry 'transcode ${command} --help'.\n`);
      return EXIT.usage;
    }
    io.stderr(`transcode ${command}: ${message}\n`);
    return EXIT.failed;
  }
}

/** EPIPE (e.g. `| head`) is not an error for a CLI: the reader has all it wants. Installed by both entry points. */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
}

// Run when executed directly (npm run cli), not when imported by tests or bin.mjs.
if (import.meta.url === `file://${process.argv[1]}`) {
  exitQuietlyOnEpipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
