import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import type { CliIo } from './io.ts';
import { simOptionsFromFlags } from './options.ts';
import { RUN_SETTING_LIMITS } from '../core/elector/types.ts';

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
    // A batch line refuses keys it does not know: the vectors' expectations stay out of the input.
    const pairs = vectors.map(({ expect: _e, expectError: _x, ...pair }) => JSON.stringify(pair)).join('\n');
    const { code, stdout } = await run(['simulate', '--batch', 'vectors.jsonl', '--cost-model', 'reference'], { 'vectors.jsonl': pairs });
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
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json:\nreference\.dataflw: unknown constant/);
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

describe('run-setting flags (--seq-len, --accumulation-steps, --mlm-head, --no-power-gating, --mapping)', () => {
  const L = RUN_SETTING_LIMITS;

  it('parse into SimOptions, leaving the core defaults when absent', () => {
    expect(simOptionsFromFlags({ 'seq-len': '256', 'accumulation-steps': '16', 'mlm-head': true, 'no-power-gating': true, mapping: 'energy' })).toEqual({
      timeline: false, seqLen: 256, accumulationSteps: 16, mlmHead: true, powerGating: false, mappingObjective: 'energy',
    });
    expect(simOptionsFromFlags({})).toEqual({ timeline: false });
  });

  it('reach the simulation (simulate --json reports the run it did)', async () => {
    const base = ['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge', '--json', '--mode', 'training'];
    const r = await run([...base, '--seq-len', '64', '--accumulation-steps', '2', '--mlm-head', '--no-power-gating']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).run).toMatchObject({ seqLen: 64, accumulationSteps: 2, mlmHead: true, powerGating: false });
    const plain = await run(base);
    expect(JSON.parse(plain.stdout).run).toMatchObject({
      seqLen: L.seqLen.default, accumulationSteps: L.accumulationSteps.default, mlmHead: false, powerGating: true, mappingObjective: 'balanced',
    });
  });

  it('--mapping reaches the mapper, and the summary says which objective chose which passes', async () => {
    // BERT-Small inference, batch 32, on a 4 MB activation buffer (e2e/mapping-objective.spec.ts):
    // the default runs passes of 8; the fastest passes are of 16, 2.5 % faster for 51 % more energy.
    const acc = {
      tile: { b: 1, x: 32, y: 32 }, nonLinearity: 'relu', pe: 512, lanesPerPe: 8, macsPerLane: 1, softmaxPerPe: 8, batchSize: 32,
      activationBufferMB: 4, weightBufferMB: 128, maskBufferMB: 1, mainMemory: { type: 'rram', banks: 8, ranks: 2, channels: 4, mode: 'hb' },
    };
    const files = { 'acc.json': JSON.stringify(acc) };
    const base = ['simulate', '--model', 'bert-small', '--accelerator', 'acc.json'];
    const balanced = await run(base, files);
    expect(balanced.stdout).toContain('balanced mapping, 4 passes of 8');
    expect(balanced.stdout).toMatch(/cycles {13}3,460,652\n/);
    const fastest = await run([...base, '--mapping', 'time'], files);
    expect(fastest.code).toBe(0);
    expect(fastest.stdout).toContain('time mapping, 2 passes of 16');
    expect(fastest.stdout).toMatch(/cycles {13}3,373,500\n/);
    const lean = JSON.parse((await run([...base, '--json', '--mapping', 'energy'], files)).stdout);
    expect(lean.run).toMatchObject({ mappingObjective: 'energy', subBatch: 8 });
  });

  it('exit 2 with a message naming the flag', async () => {
    const base = ['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge'];
    for (const [flag, bad] of [
      ['--seq-len', String(L.seqLen.max + 1)], ['--seq-len', String(L.seqLen.min - 1)], ['--seq-len', '128.5'], ['--seq-len', 'long'],
      ['--accumulation-steps', '0'], ['--accumulation-steps', String(L.accumulationSteps.max + 1)], ['--accumulation-steps', '1e2'],
    ]) {
      const r = await run([...base, flag, bad]);
      expect(r.code, `${flag} ${bad}`).toBe(2);
      expect(r.stderr).toContain(`${flag}: "${bad}" must be a whole number from`);
    }
    const ref = await run([...base, '--cost-model', 'reference', '--seq-len', '256']);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toMatch(/--seq-len: the reference cost model runs 128 tokens only/);
    expect((await run([...base, '--cost-model', 'reference', '--seq-len', '128'])).code).toBe(0);
    // A boolean flag takes no value.
    expect((await run([...base, '--mlm-head=yes'])).code).toBe(2);
    const mapping = await run([...base, '--mapping', 'fast']);
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toContain('--mapping: "fast" must be one of balanced, time, energy');
  });

  it('are in both commands\' help, with the core\'s limits', async () => {
    for (const command of ['simulate', 'sweep']) {
      const help = (await run([command, '--help'])).stdout;
      for (const flag of ['--seq-len N', '--accumulation-steps N', '--mlm-head', '--no-power-gating', '--mapping OBJECTIVE']) expect(help, command).toContain(flag);
      expect(help).toContain(`${L.seqLen.min}–${L.seqLen.max} (default ${L.seqLen.default}`);
    }
  });

  it('are used by sweep, whose lines record the sequence length', async () => {
    const args = ['sweep', '--accelerators', '2', '--models', 'bert-tiny', '--seed', '3'];
    const lines = (await run([...args, '--seq-len', '64', '--mlm-head'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.seqLen).toBe(64);
      if (line.result) expect(line.result.run).toMatchObject({ seqLen: 64, mlmHead: true });
    }
    const plain = (await run(args)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(plain.map((l) => l.seqLen)).toEqual([L.seqLen.default, L.seqLen.default]);
    const bad = await run([...args, '--accumulation-steps', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--accumulation-steps: "many"/);
  });
});
