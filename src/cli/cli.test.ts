import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import type { CliIo } from './io.ts';

const FIXTURE = fileURLToPath(new URL('../core/elector/reference/fixtures/acceltran-fast-vectors.jsonl', import.meta.url));

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '', stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: (p) => {
      if (p in files) return files[p];
      return readFileSync(p, 'utf8');
    },
  };
  return main(argv, io).then((code) => ({ code, stdout, stderr }));
}

const relErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('simulate --batch against the reference vectors', () => {
  it('reproduces every output of the reference fast simulator to 1e-12, errors where it raises', async () => {
    const vectors = readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const { code, stdout } = await run(['simulate', '--batch', FIXTURE, '--cost-model', 'reference']);
    const outputs = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outputs).toHaveLength(vectors.length);
    const expectsError = vectors.some((v) => v.expectError);
    expect(code).toBe(expectsError ? 1 : 0);
    for (let i = 0; i < vectors.length; i++) {
      const v = vectors[i], out = outputs[i];
      if (v.expectError) {
        expect(out.error, v.name).toMatch(/weight buffer/);
        continue;
      }
      expect(out.mode).toBe(v.mode);
      expect(out.cycles, v.name).toBe(v.expect.cycles);
      expect(relErr(out.areaMm2, v.expect.area), v.name).toBeLessThanOrEqual(1e-12);
      const e = v.expect.energy;
      const pairs: [number, number][] = [
        [out.energyNJ.buffer, e.buffer],
        [out.energyNJ.mainMemory, e.main_memory],
        ...(['mac_lanes', 'softmax', 'layer_norm', 'sparsity', 'others'] as const).flatMap((k) => {
          const ours = out.energyNJ[k.replace(/_(\w)/g, (_: string, c: string) => c.toUpperCase())];
          return [[ours[0], e[k][0]], [ours[1], e[k][1]]] as [number, number][];
        }),
      ];
      for (const [ours, theirs] of pairs) expect(relErr(ours, theirs), v.name).toBeLessThanOrEqual(1e-12);
    }
  });

  it('reports a bad line in place and goes on with the others', async () => {
    const good = JSON.stringify({ model: { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[512], [512]] }, accelerator: [1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 8] });
    const badHead = good.replace('"sa_sdp_64"', '"sa_foo_64"');
    const lines = [good, 'not json', badHead, JSON.stringify({ model: {} }), good].join('\n');
    const { code, stdout, stderr } = await run(['simulate', '--batch', 'pairs.jsonl'], { 'pairs.jsonl': lines });
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].cycles).toBeGreaterThan(0);
    expect(out[1].error).toMatch(/^line 2: .*not valid JSON/);
    expect(out[2].error).toMatch(/o\[0\]\[0\]: unknown head type "sa_foo"/);
    expect(out[3].error).toMatch(/accelerator: missing/);
    expect(out[4]).toEqual(out[0]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/3 of 5 lines failed/);
  });
});

describe('simulate (single pair)', () => {
  it('prints a readable summary for presets', async () => {
    const { code, stdout } = await run(['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge', '--cost-model', 'reference']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/cycles\s+167,596/);
  });

  it('prints the result object with --json and takes an inline embedding', async () => {
    const { code, stdout } = await run(['simulate', '--model', 'bert-tiny', '--accelerator', '[1,16,16,64,16,16,4,4,4,8,1,8]', '--cost-model', 'reference', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cycles).toBe(167596);
  });

  it('exits 2 with a message naming the problem for usage errors', async () => {
    expect((await run(['simulate', '--model', 'bert-huge', '--accelerator', 'acceltran-edge'])).stderr).toMatch(/--model: "bert-huge" is neither a preset/);
    const r = await run(['simulate', '--model', 'bert-tiny', '--accelerator', '[1,16,16,100,16,16,4,4,4,8,1,8]']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/embedding\[3\]/);
    expect((await run(['simulate', '--bogus'])).code).toBe(2);
    expect((await run(['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge', '--sparsity', '0.5,2,0.1'])).stderr).toMatch(/--sparsity/);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('applies constant overrides from a file and refuses unknown constants', async () => {
    const base = ['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge', '--cost-model', 'reference', '--json'];
    const plain = JSON.parse((await run(base)).stdout);
    const doubled = JSON.parse((await run([...base, '--constants', 'c.json'], { 'c.json': JSON.stringify({ reference: { dataflow: { areaUm2: 2 * 75946.982008 } } }) })).stdout);
    expect(doubled.areaMm2).toBeGreaterThan(plain.areaMm2);
    expect(doubled.cycles).toBe(plain.cycles);
    const bad = await run([...base, '--constants', 'bad.json'], { 'bad.json': JSON.stringify({ reference: { dataflw: {} } }) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/dataflw: unknown constant/);
  });

  it('has help for the tool and each command', async () => {
    expect((await run(['--help'])).stdout).toMatch(/Commands:/);
    expect((await run(['simulate', '--help'])).stdout).toMatch(/--batch FILE/);
    expect((await run(['sweep', '--help'])).stdout).toMatch(/--shard I\/N/);
  });
});

describe('sweep', () => {
  it('is deterministic for a seed and shards partition the sweep exactly', async () => {
    const args = ['sweep', '--accelerators', '3', '--models', 'random:4', '--seed', '7', '--cost-model', 'reference'];
    const whole = (await run(args)).stdout.trim().split('\n');
    expect(whole).toHaveLength(12);
    expect((await run(args)).stdout.trim().split('\n')).toEqual(whole);
    const shards = await Promise.all([0, 1, 2].map((i) => run([...args, '--shard', `${i}/3`])));
    const merged = shards.flatMap((s) => s.stdout.trim().split('\n')).sort((a, b) => JSON.parse(a).index - JSON.parse(b).index);
    expect(merged).toEqual(whole);
    const other = (await run([...args.slice(0, -4), '--seed', '8', '--cost-model', 'reference'])).stdout.trim().split('\n');
    expect(other).not.toEqual(whole);
  });

  it('refuses bad shard specs', async () => {
    const r = await run(['sweep', '--accelerators', '2', '--models', 'bert-tiny', '--shard', '3/3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard: "3\/3"/);
  });
});
