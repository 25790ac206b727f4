/** `simulate --batch` at cluster scale: streamed input, results as they are computed, strict line keys. */
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { simulateBatchStream } from './batch.ts';
import { main } from './main.ts';
import type { CliIo } from './io.ts';

const PAIR = { model: { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[512], [512]] }, accelerator: [1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 8] };
const GOOD = JSON.stringify(PAIR);

/** Lets the event loop run until `done()` holds (or fails after many turns). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('timed out waiting');
}

describe('simulate --batch reads a stream and writes as it goes', () => {
  it('writes line 1\'s result before the input has ended; a bad line names its number, the rest run', async () => {
    const input = new PassThrough();
    const out: string[] = [];
    let settled = false;
    const running = simulateBatchStream(input, {}, (l) => void out.push(l)).then((r) => ((settled = true), r));
    input.write(GOOD + '\n');
    await until(() => out.length === 1);
    expect(settled).toBe(false);
    expect(JSON.parse(out[0]).cycles).toBeGreaterThan(0);
    input.write('{"model": \n\n');
    input.end(GOOD);
    expect(await running).toEqual({ failed: 1, total: 3 });
    expect(JSON.parse(out[1]).error).toMatch(/^line 2: line: not valid JSON/);
    expect(out[2]).toBe(out[0]);
  });

  it('pulls the input only as it goes: a long generated stream is not read ahead', async () => {
    let produced = 0;
    async function* many() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield GOOD + '\n';
      }
    }
    let readWhenFirstWritten = -1;
    const stop = new Error('stop');
    await expect(simulateBatchStream(Readable.from(many()), {}, () => {
      readWhenFirstWritten = produced;
      throw stop;
    })).rejects.toBe(stop);
    // A Readable buffers up to its highWaterMark (16 objects), nowhere near the million lines.
    expect(readWhenFirstWritten).toBeGreaterThan(0);
    expect(readWhenFirstWritten).toBeLessThan(100);
  });

  it('reads standard input through the CLI (--batch -) and waits for it', async () => {
    const stdin = new PassThrough();
    let stdout = '', stderr = '';
    const io: CliIo = {
      stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t),
      readFile: () => { throw new Error('no files here'); },
      openRead: (p) => { expect(p).toBe('-'); return stdin; },
    };
    const exit = main(['simulate', '--batch', '-'], io);
    stdin.write(GOOD + '\n');
    await until(() => stdout.length > 0);
    stdin.end(JSON.stringify({ ...PAIR, accelerator: [1, 16, 16, 100, 16, 16, 4, 4, 4, 8, 1, 8] }) + '\n');
    expect(await exit).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].cycles).toBeGreaterThan(0);
    expect(lines[1].error).toMatch(/^line 2: .*embedding\[3\]/);
    expect(stderr).toMatch(/1 of 2 lines failed/);
  });

  it('refuses a file it cannot open as a usage error, naming the file', async () => {
    let stderr = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t), readFile: () => '', openRead: (p) => Readable.from((async function* () {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    })()) };
    expect(await main(['simulate', '--batch', 'missing.jsonl'], io)).toBe(2);
    expect(stderr).toMatch(/--batch: cannot read missing\.jsonl: ENOENT/);
  });
});

describe('batch line keys', () => {
  const one = async (line: object, options = {}) => {
    const out: string[] = [];
    await simulateBatchStream([JSON.stringify(line) + '\n'], options, (l) => void out.push(l));
    return JSON.parse(out[0]);
  };

  it('refuses an unknown key by name, suggesting the key meant', async () => {
    expect((await one({ ...PAIR, mdoe: 'training' })).error).toBe('line 1: mdoe: unknown key (did you mean "mode"?); a line has model, accelerator, mode, costModel, name');
    expect((await one({ ...PAIR, costmodel: 'reference', zzz: 1 })).error).toMatch(/^line 1: costmodel: unknown key \(did you mean "costModel"\?\).*; zzz: unknown key; a line has/);
    expect((await one({ ...PAIR, name: 'x', mode: 'training', costModel: 'elector' })).name).toBe('x');
  });

  it('checks --constants again for a line that switches to a cost model ignoring some of them', async () => {
    const options = { electorConstants: { sram: { cell: 'hp' as const } } };
    expect((await one({ ...PAIR, costModel: 'reference' }, options)).error).toMatch(/^line 1: costModel "reference" with --constants:\nelector: ignored by the reference cost model/);
    expect((await one(PAIR, options)).cycles).toBeGreaterThan(0);
  });
});
