import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CliIo } from './io.ts';
import { ALGORITHMS } from './codesignCommand.ts';

const FIXTURE = new URL('../core/codesign/predictors/fixtures/flexibert2-made-up.json', import.meta.url).pathname;
const LAB = readFileSync(new URL('../core/codesign/predictors/data/lab-measurements.json', import.meta.url), 'utf8');
/** The shipped lab file, changed by `edit`. */
const labWith = (edit: (file: { records: { runs: { accuracy: unknown }[] }[] }) => void) => { const f = JSON.parse(LAB); edit(f); return JSON.stringify(f); };

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '', stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
    readFile: (path) => { if (Object.hasOwn(files, path)) return files[path]; if (path === FIXTURE) return readFileSync(path, 'utf8'); throw new Error('ENOENT'); },
  };
  return main(['codesign', ...argv], io).then((code) => ({ code, stdout, stderr }));
}

describe('transcode codesign', () => {
  it('prints the issue\'s JSON shape', async () => {
    const { code, stdout } = await run(['--algorithm', 'evolution', '--budget', '30', '--seed', '4', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['best', 'baseline', 'ratios', 'history', 'seconds']));
    for (const pair of [r.best, r.baseline]) {
      expect(Object.keys(pair)).toEqual(expect.arrayContaining(['model', 'accelerator', 'metrics', 'predictedAccuracy', 'performance']));
      expect(pair.predictedAccuracy.source).toMatch(/Turc/);
    }
    expect(r.baseline.name).toBe('BERT-Base on AccelTran-Server');
    expect(Object.keys(r.ratios).sort()).toEqual(['accuracyDelta', 'area', 'energy', 'latency']);
    expect(r.history).toHaveLength(30);
    expect(Object.keys(r.history[0]).sort()).toEqual(['bestSoFar', 'performance', 'query']);
    expect(r.history[29].bestSoFar).toBe(r.best.performance);
    // Deterministic for a seed.
    const again = JSON.parse((await run(['--algorithm', 'evolution', '--budget', '30', '--seed', '4', '--json'])).stdout);
    expect(again.history).toEqual(r.history);
  });

  it('prints a summary, with the imported predictor and the reference objective', async () => {
    const { code, stdout, stderr } = await run(['--budget', '10', '--predictor', `imported:${FIXTURE}`, '--objective', 'reference', '--mode', 'both']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/vs baseline: .*× lower latency/);
    expect(stdout).toMatch(/paper's headline \(≥ 5\.2× lower latency, ≥ 3× lower energy, no lower accuracy\): (not )?reached/);
    expect(stdout).toMatch(/predictor: imported: .*17 models \(3 without a score skipped\)/);
    expect(stderr).toMatch(/query 10\/10/);
  });

  it('fits the measured predictor to the shipped lab runs, or to a lab export file', async () => {
    const { code, stdout } = await run(['--budget', '10', '--predictor', 'measured', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.predictor.id).toBe('measured');
    // The JSON says whether the best pair reaches the paper's headline, consistently with its ratios.
    expect(r.headline.reached).toBe(r.ratios.latency >= 5.2 && r.ratios.energy >= 3 && r.ratios.accuracyDelta >= 0);
    expect(r.predictor.about).toMatch(/^measured: DynaProp lab test accuracy on names \(lab-measurements\.json, \d+ runs of \d+ models, \d+ steps\)/);
    expect(r.best.predictedAccuracy.source).toMatch(/^measured: /);
    const fromFile = await run(['--budget', '10', '--predictor', 'measured:mine.json'], { 'mine.json': LAB });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/predictor: measured: DynaProp lab test accuracy on names \(mine\.json, /);
  });

  it('runs BOSHCODE from the command line', async () => {
    const { code, stdout, stderr } = await run(['--algorithm', 'boshcode', '--budget', '56', '--seed', '2', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.history).toHaveLength(56);
    expect(r.best.performance).toBeGreaterThan(r.baseline.performance);
  }, 120_000);

  it('keeps the best pair at no lower predicted accuracy than the baseline with --accuracy-floor baseline', async () => {
    const free = JSON.parse((await run(['--algorithm', 'evolution', '--budget', '60', '--seed', '2', '--weights', '0,0.1,0.2,0.1,0', '--json'])).stdout);
    // Without the constraint, weights that ignore accuracy find a pair far below BERT-Base's.
    expect(free.ratios.accuracyDelta).toBeLessThan(-0.02);
    const floored = JSON.parse((await run(['--algorithm', 'evolution', '--budget', '60', '--seed', '2', '--weights', '0,0.1,0.2,0.1,0', '--accuracy-floor', 'baseline', '--json'])).stdout);
    expect(floored.objective.accuracyFloor).toBe('baseline');
    expect(floored.constraint).toEqual({ accuracyFloor: floored.baseline.predictedAccuracy.mean, met: true });
    expect(free.constraint).toBeNull();
    expect(floored.ratios.accuracyDelta).toBeGreaterThanOrEqual(0);
    expect(floored.best.performance).toBeGreaterThanOrEqual(0);
  });

  // The acceptance: the paper's headline at no lower predicted accuracy, from a joint search
  // (docs/codesign.md, "The headline"; bench/headline-search-results.json has all seeds).
  it('reaches the paper\'s headline in training with accuracy as a constraint (evolution, seed 1, 300 queries)', async () => {
    const r = JSON.parse((await run(['--algorithm', 'evolution', '--budget', '300', '--seed', '1', '--mode', 'training', '--weights', '0,0.1,0.2,0.1,0', '--accuracy-floor', 'baseline', '--json'])).stdout);
    expect(r.headline.reached).toBe(true);
    expect(r.ratios.latency).toBeGreaterThanOrEqual(5.2);
    expect(r.ratios.energy).toBeGreaterThanOrEqual(3);
    expect(r.ratios.accuracyDelta).toBeGreaterThanOrEqual(0);
  });

  it('searches one side', async () => {
    const { code, stdout } = await run(['--budget', '6', '--fix-accelerator', '[1,16,16,64,16,16,4,4,4,8,1,8]', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).best.accelerator.pe).toBe(64);
    const m = JSON.parse((await run(['--budget', '6', '--fix-model', 'bert-mini', '--json'])).stdout);
    expect(m.best.model.h).toEqual([256, 256, 256, 256]);
  });

  it.each([
    [['--algorithm', 'annealing'], /--algorithm: "annealing" must be one of random, evolution, boshcode/],
    [['--budget', '0'], /--budget: "0" must be a whole number ≥ 1/],
    [['--mode', 'serving'], /--mode/],
    [['--weights', '0.5,0.1,0.2,0.1'], /--weights: .* five numbers/],
    [['--weights', '0.5,-0.1,0.2,0.1,0'], /--weights \(weights\.latency\)/],
    [['--weights', '0,0,0,0,0'], /all weights are 0/],
    [['--training-share', '2', '--mode', 'both'], /--training-share/],
    [['--cost-model', 'gpu'], /--cost-model/],
    [['--accuracy-floor', 'high'], /--accuracy-floor: high must be "baseline" or a score in \[0, 1\]/],
    [['--accuracy-floor', '77'], /--accuracy-floor: 77 must be "baseline" or a score in \[0, 1\]/],
    [['--accuracy-floor', 'baseline', '--objective', 'reference'], /--accuracy-floor: needs the default \(sampled\) normalisation/],
    [['--predictor', 'gpt'], /--predictor: "gpt" must be published, measured, measured:FILE or imported:FILE/],
    [['--predictor', 'measured:'], /--predictor: "measured:" must be/],
    [['--predictor', 'measured:bad-lab.json'], /--predictor bad-lab\.json: invalid lab file bad-lab\.json: records\[0\]\.runs\[0\]\.accuracy: expected a number in \[0, 1\]/],
    [['--predictor', 'measured:few.json'], /--predictor few\.json: invalid lab runs: runs: 1 distinct model in 2 unpruned runs on names at 150 steps; at least 3/],
    [['--predictor', 'imported:missing.json'], /--predictor: cannot read missing\.json/],
    [['--predictor', 'imported:bad.json'], /--predictor bad\.json: invalid dataset: "x"\.glue: "n\/a" is not a number/],
    [['--fix-accelerator', 'acceltran-mega'], /--fix-accelerator: "acceltran-mega" is neither a preset/],
    [['--fix-accelerator', 'odd.json'], /--fix-accelerator \(pe\)/],
    [['--fix-model', 'bert-huge'], /--fix-model: "bert-huge"/],
    [['--fix-model', 'bert-tiny', '--fix-accelerator', 'acceltran-edge'], /--fix-model: fix the model or the accelerator, not both/],
  ])('refuses %j with a usage error naming the flag', async (args, message) => {
    const files = {
      'bad-lab.json': labWith((f) => { f.records[0].runs[0].accuracy = 2; }),
      'few.json': labWith((f) => { f.records = f.records.slice(0, 2); }),
      'bad.json': JSON.stringify({ x: { model_dict: { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[512], [512]] }, glue: 'n/a' } }),
      'odd.json': JSON.stringify({ tile: { b: 1, x: 16, y: 16 }, nonLinearity: 'gelu', pe: 100, lanesPerPe: 16, macsPerLane: 16, softmaxPerPe: 4, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: { type: 'dram', banks: 32, ranks: 2, channels: 1, mode: 'lb' } }),
    };
    const { code, stderr } = await run(args, files);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('keeps its algorithms in one table', () => {
    expect(Object.keys(ALGORITHMS)).toEqual(['random', 'evolution', 'boshcode']);
  });
});
