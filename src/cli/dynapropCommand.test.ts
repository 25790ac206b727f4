import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CliIo } from './io.ts';

function run(argv: string[]) {
  let stdout = '', stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: () => { throw new Error('no files'); } };
  return main(argv, io).then((code) => ({ code, stdout, stderr }));
}

describe('transcode dynaprop', () => {
  it('trains on names and prints the issue\'s JSON shape', async () => {
    const { code, stdout } = await run(['dynaprop', '--dataset', 'names', '--steps', '6', '--seq-len', '8', '--batch-size', '16',
      '--target-activation-sparsity', '0.5', '--backend', 'wasm', '--seed', '3', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['accuracy', 'loss', 'achieved', 'thresholds', 'backend', 'steps', 'seconds']));
    expect(r.backend).toBe('wasm');
    expect(r.steps).toBe(6);
    expect(r.achieved.activation).toBeGreaterThan(0.3);
    expect(r.thresholds.tauI).toBeGreaterThan(0);
    expect(r.achieved.perSite.length).toBeGreaterThan(10);
    expect(r.achieved.perOpType.sa_sdp).toBeDefined();
  });

  it.each([
    [['--dataset', 'mnist'], /dataset.*names or spam/],
    [['--dataset', 'names', '--target-gradient-sparsity', '1.2'], /targetGradientSparsity.*\[0, 1\)/],
    [['--dataset', 'names', '--steps', 'many'], /--steps: expected a number/],
    [['--dataset', 'names', '--backend', 'gpu'], /--backend/],
    [[], /--dataset is required/],
  ])('refuses bad input with a usage error naming the field (%#)', async (args, pattern) => {
    const { code, stderr } = await run(['dynaprop', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(pattern);
  });
});
