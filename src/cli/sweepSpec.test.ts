/**
 * `sweep --spec` and `merge` end to end: shards written to real files, merged,
 * compared with an unsharded run and with the app's own sweep; the GNU parallel
 * and Slurm recipes of scripts/ run as the README gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import type { CliIo } from './io.ts';
import { runSweepChunk } from '../core/sweep/run.ts';
import { exportText } from '../core/sweep/exportTable.ts';
import { readSweepResultStream } from '../core/sweep/resultFile/columns.ts';
import { OBJECTIVES } from '../core/sweep/objectives.ts';
import { job } from '../core/sweep/resultFile/testFixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
const at = (name: string) => join(dir, name);
const j = job({ samples: 24, seed: 5 });

async function cli(argv: string[]) {
  let stdout = '', stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFileSync(p, 'utf8') };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'transcode-sweep-'));
  writeFileSync(at('spec.json'), JSON.stringify(j));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sweep --spec', () => {
  it('writes the app\'s sweep as a result file; 4 shards merge into the unsharded run, byte for byte', async () => {
    const whole = await cli(['sweep', '--spec', at('spec.json'), '--out', at('whole.jsonl')]);
    // The reference cost model refuses some of these pairs: their rows say why, and the exit status is 1.
    expect(whole.code).toBe(1);
    expect(whole.stderr).toMatch(/sweep shard 0\/1: 24\/24 \(100\.0%\).*\d+ failed/);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await cli(['sweep', '--spec', at('spec.json'), '--shard', `${i}/4`, '--out', at(`s${i}.jsonl`)])).code);
    expect(codes).toContain(1); // the shards holding a failed pair
    expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
    const merged = await cli(['merge', at('s2.jsonl'), at('s0.jsonl'), at('s3.jsonl'), at('s1.jsonl'), '--out', at('merged.jsonl')]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/merge: 4 shards → .*merged\.jsonl: 24 rows \(\d+ failed pairs\), seed 5, fnv1a32:/);
    expect(readFileSync(at('merged.jsonl'), 'utf8')).toBe(readFileSync(at('whole.jsonl'), 'utf8'));

    // … and holds the numbers the app's sweep workers compute.
    const app = runSweepChunk(j.spec, j.base, j.settings, 0, 24);
    const read = await readSweepResultStream([readFileSync(at('merged.jsonl'), 'utf8')]);
    expect(read.complete).toBe(true);
    for (const o of OBJECTIVES) expect([...read.columns[o]]).toEqual([...app.columns[o]]);
    expect([...read.errors]).toEqual([...app.errors]);
  });

  it('takes the app\'s sweep export as its spec, and writes to standard output without --out', async () => {
    const app = runSweepChunk(j.spec, j.base, j.settings, 0, 24);
    writeFileSync(at('export.json'), exportText({ format: 'json', which: 'all', job: { ...j, total: 24 }, columns: app.columns, errors: app.errors, indices: null, includeModel: false }));
    const r = await cli(['sweep', '--spec', at('export.json')]);
    expect(r.stdout).toBe(readFileSync(at('whole.jsonl'), 'utf8'));
  });

  it('exits 0 when every pair simulated', async () => {
    writeFileSync(at('ok.json'), JSON.stringify({ ...j, settings: { ...j.settings, costModel: 'elector' }, spec: { ...j.spec, vary: 'accelerator', params: ['pe'], samples: 4 } }));
    const r = await cli(['sweep', '--spec', at('ok.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\{"end":true,"rows":4,"failed":0,/);
  });

  it('refuses flags the spec decides, and a bad spec by field', async () => {
    const clash = await cli(['sweep', '--spec', at('spec.json'), '--seed', '3', '--mode', 'training']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/drop --seed, --mode/);
    writeFileSync(at('bad.json'), JSON.stringify({ ...j, spec: { ...j.spec, samples: 0 }, base: { ...j.base, accelerator: { ...j.base.accelerator, pe: -1 } } }));
    const bad = await cli(['sweep', '--spec', at('bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--spec .*bad\.json:\nspec\.samples: [^\n]+\nbase\.accelerator\.pe: /);
  });
});

describe('merge', () => {
  it('refuses an incomplete or mixed set with the file and line to blame, and leaves no output', async () => {
    const shard = (i: number) => at(`s${i}.jsonl`);
    const text = readFileSync(shard(3), 'utf8');
    writeFileSync(at('cut.jsonl'), text.slice(0, text.lastIndexOf('{')));
    const cut = await cli(['merge', shard(0), shard(1), shard(2), at('cut.jsonl'), '--out', at('bad-merge.jsonl')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/^transcode merge: .*cut\.jsonl:\d+: trailer: the file ends without its trailer: truncated after 6 of 6 rows/);
    const missing = await cli(['merge', shard(0), shard(1), shard(3), '--out', at('bad-merge.jsonl')]);
    expect(missing.stderr).toBe('transcode merge: shard 2 of 4 missing: got 3 files\n');
    const mixed = await cli(['merge', shard(0), at('whole.jsonl'), '--out', at('bad-merge.jsonl')]);
    expect(mixed.stderr).toMatch(/whole\.jsonl:1: header\.shard\.count: 1 here but 4 in/);
    const absent = await cli(['merge', at('nope.jsonl'), '--out', at('bad-merge.jsonl')]);
    expect(absent).toMatchObject({ code: 1, stderr: expect.stringMatching(/ENOENT.*nope\.jsonl/) });
    expect(readdirSync(dir).filter((f) => f.startsWith('bad-merge'))).toEqual([]);
    expect((await cli(['merge', shard(0)])).code).toBe(2);
  });
});

describe('the cluster recipes (scripts/)', () => {
  // CI installs GNU parallel (.ci/run), so there the recipe always runs; locally it is skipped without it.
  const hasParallel = spawnSync('parallel', ['--version']).status === 0;
  if (process.env.CI && !hasParallel) throw new Error('GNU parallel is missing: .ci/run installs it (apt-get install parallel)');

  it.skipIf(!hasParallel)('GNU parallel: 3 shards run and merge into the unsharded run', () => {
    execFileSync(join(ROOT, 'scripts/parallel-sweep.sh'), [at('spec.json'), '3', at('par')], { stdio: 'pipe', env: { ...process.env, JOBS: '2' } });
    expect(readFileSync(at('par/merged.sweep.jsonl'), 'utf8')).toBe(readFileSync(at('whole.jsonl'), 'utf8'));
    expect(readFileSync(at('par/shard-2.log'), 'utf8')).toMatch(/sweep shard 2\/3: 8\/8/);
  }, 120_000);

  it('Slurm: each array task writes its shard, skips a complete one, and the shards merge', () => {
    const run = (task: number) => execFileSync('bash', [join(ROOT, 'scripts/slurm-sweep.sh')], {
      stdio: 'pipe', env: { ...process.env, SPEC: at('spec.json'), SHARDS: '2', OUT: at('slurm'), SLURM_ARRAY_TASK_ID: String(task), SLURM_SUBMIT_DIR: ROOT },
    });
    run(0);
    run(1);
    expect(existsSync(at('slurm/shard-1.sweep.jsonl'))).toBe(true);
    run(1);
    expect(spawnSync('bash', [join(ROOT, 'scripts/slurm-sweep.sh')], { env: { ...process.env, SPEC: at('spec.json'), SHARDS: '2', OUT: at('slurm'), SLURM_ARRAY_TASK_ID: '1' } }).stderr.toString())
      .toMatch(/already complete/);
    execFileSync('node', [join(ROOT, 'src/cli/bin.mjs'), 'merge', at('slurm/shard-0.sweep.jsonl'), at('slurm/shard-1.sweep.jsonl'), '--out', at('slurm/merged.jsonl')], { stdio: 'pipe' });
    expect(readFileSync(at('slurm/merged.jsonl'), 'utf8')).toBe(readFileSync(at('whole.jsonl'), 'utf8'));
  }, 120_000);
});
