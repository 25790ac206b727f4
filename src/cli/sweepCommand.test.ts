/** The older random-sampler mode of `sweep` at cluster scale: lazy models per shard, exit status on failures. */
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CliIo } from './io.ts';

async function run(argv: string[]) {
  let stdout = '', stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: () => { throw new Error('no files here'); } };
  return { code: await main(argv, io), stdout, stderr };
}

describe('sweep --models random:N', () => {
  it('draws only the shard\'s own models: 30 million models over a million shards start at once', async () => {
    const t0 = performance.now();
    const r = await run(['sweep', '--accelerators', '1', '--models', 'random:30000000', '--shard', '7/1000000', '--seed', '2']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: 30 }, (_, k) => 7 + k * 1_000_000));
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 30_000);

  it('gives a pair the same model and accelerator in any shard', async () => {
    const args = ['sweep', '--accelerators', '5', '--models', 'random:7', '--seed', 'x'];
    const whole = (await run(args)).stdout.trim().split('\n');
    const shard = (await run([...args, '--shard', '4/9'])).stdout.trim().split('\n');
    expect(shard).toEqual(whole.filter((_, i) => i % 9 === 4));
  });

  it('exits 1 when a pair failed, as its help says, still writing every line', async () => {
    // Under the reference model, some random models' weights overflow the accelerator's weight buffer.
    const r = await run(['sweep', '--accelerators', '3', '--models', 'random:4', '--seed', '7', '--cost-model', 'reference']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    expect(lines.filter((l) => 'error' in l).length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/could not be simulated/);
    expect((await run(['sweep', '--accelerators', '1', '--models', 'bert-tiny'])).code).toBe(0);
  });

  it('refuses a pair count too large to number', async () => {
    const r = await run(['sweep', '--accelerators', '9007199254740991', '--models', 'random:3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more pairs than can be numbered/);
  });
});
