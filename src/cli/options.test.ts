/** --clock and --constants: refused at the command line, by flag and by dotted path, before any simulation. */
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CliIo } from './io.ts';
import { parseClock } from './options.ts';
import { RUN_SETTING_LIMITS } from '../core/elector/types.ts';

async function run(argv: string[], files: Record<string, unknown> = {}) {
  let stdout = '', stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t),
    readFile: (p) => { if (p in files) return JSON.stringify(files[p]); throw new Error(`ENOENT: ${p}`); },
  };
  return { code: await main(argv, io), stdout, stderr };
}

const BASE = ['simulate', '--model', 'bert-tiny', '--accelerator', 'acceltran-edge', '--json'];
const { min, max } = RUN_SETTING_LIMITS.clockMHz;

describe('--clock', () => {
  it('takes the app\'s clock range, ends included', async () => {
    expect(parseClock(String(min))).toBe(min);
    expect(parseClock(String(max))).toBe(max);
    expect(parseClock(' 1.5e3 ')).toBe(1500);
    const r = await run([...BASE, '--clock', '1400']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).clockMHz).toBe(1400);
  });

  it('refuses values outside it, or not numbers, with exit 2 naming the flag and the range', async () => {
    for (const bad of ['1e308', '-5', 'abc', '0', String(max + 1), String(min / 2), '0x3e8', 'Infinity', 'NaN', '']) {
      const r = await run([...BASE, `--clock=${bad}`]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`--clock: "${bad}" must be a number of MHz from ${min} to ${max}`);
    }
  });

  it('is in the help with its range', async () => {
    expect((await run(['simulate', '--help'])).stdout).toContain(`--clock MHZ              clock frequency, ${min}–${max}`);
  });
});

describe('--constants', () => {
  it('applies a valid override', async () => {
    const plain = JSON.parse((await run(BASE)).stdout);
    const hp = await run([...BASE, '--constants', 'hp.json'], { 'hp.json': { elector: { sram: { cell: 'hp' } } } });
    expect(hp.code).toBe(0);
    expect(JSON.parse(hp.stdout).energyNJ).not.toEqual(plain.energyNJ);
  });

  it('refuses every bad entry at once, each by its dotted path, with exit 2', async () => {
    const r = await run([...BASE, '--constants', 'c.json'], { 'c.json': {
      elector: { sram: { cell: 'fast', bankBytes: 0 }, mainMemory: { hbm: { efficiency: 1.2 } }, data: { elementBits: '20' } },
      reference: { mainMemory: { blockSize: 64 }, dataflw: {} },
    } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain([
      'elector.sram.cell: must be one of "hp", "lstp", got "fast"',
      'elector.sram.bankBytes: must be a whole number ≥ 1, got 0',
      'elector.mainMemory.hbm.efficiency: must be a number in (0, 1], got 1.2',
      'elector.data.elementBits: must be a whole number from 1 to 64, got "20"',
      'reference.mainMemory: ignored by the elector cost model: the elector model\'s main memory is elector.mainMemory',
      'reference.dataflw: unknown constant',
    ].join('\n'));
  });

  it('checks against the cost model chosen by --cost-model, wherever the flag is', async () => {
    const files = { 'e.json': { elector: { sram: { cell: 'hp' } } }, 'm.json': { reference: { mainMemory: { blockSize: 32 } } } };
    const ref = await run([...BASE, '--constants', 'e.json', '--cost-model', 'reference'], files);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toMatch(/\nelector: ignored by the reference cost model/);
    expect((await run([...BASE, '--cost-model', 'reference', '--constants', 'm.json'], files)).code).toBe(0);
  });

  it('refuses reference.sparsity alongside --sparsity, which replaces it', async () => {
    const r = await run([...BASE, '--sparsity', '0.1,0.1,0.1', '--constants', 's.json'], { 's.json': { reference: { sparsity: { weight: 0.2 } } } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reference\.sparsity: ignored, since --sparsity sets all three/);
  });
});
