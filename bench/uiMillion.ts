/**
 * The million-design figures of `npm run bench:ui` (issue 13): a 1,000,000-pair
 * sweep made by the CLI (two shards in parallel, merged; cached under
 * bench/.cache), imported into the app, then: import wall time, the first
 * complete draw of 1 M points, hover hit-test p95, the renderer's memory, and the
 * main thread's long tasks meanwhile.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { defaultSession } from '../src/core/share/defaults.ts';

const run = promisify(execFile);
const CACHE = 'bench/.cache';
export const MILLION = 1_000_000;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** The merged result file of a 1 M-pair accelerator sweep around the default design (made once, then reused). */
export async function millionFile(): Promise<string> {
  const out = `${CACHE}/million-seed1.sweep.jsonl`;
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const session = defaultSession();
  const spec = `${CACHE}/million-spec.json`;
  const job = { spec: { ...session.sweep, vary: 'accelerator', sampler: 'random', samples: MILLION, seed: 1 }, base: session.design, settings: session.settings };
  (await import('node:fs')).writeFileSync(spec, JSON.stringify(job));
  const shards = [0, 1].map((i) => `${CACHE}/million-${i}.sweep.jsonl`);
  const started = Date.now();
  await Promise.all(shards.map((o, i) => run('npx', ['tsx', 'src/cli/main.ts', 'sweep', '--spec', spec, '--shard', `${i}/2`, '--out', o], { maxBuffer: 1 << 26 })));
  await run('npx', ['tsx', 'src/cli/main.ts', 'merge', ...shards, '--out', out], { maxBuffer: 1 << 26 });
  console.log(`made ${out} (${(statSync(out).size / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return out;
}

/** Resident memory of Chromium's renderer processes, MB (Linux /proc): the page's real footprint, typed arrays included. */
async function rendererRssMB(): Promise<number> {
  const { stdout } = await run('pgrep', ['-f', 'type=renderer']).catch(() => ({ stdout: '' }));
  let kB = 0;
  for (const pid of stdout.split('\n').filter(Boolean)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kB += Number(m[1]);
    } catch { /* gone */ }
  }
  return Math.round(kB / 1024);
}

export async function measureMillion(page: Page) {
  const file = await millionFile();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __draws: { at: number; ms: number }[] };
    w.__long = [];
    w.__draws = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'pareto:draw') w.__draws.push({ at: e.startTime + e.duration, ms: e.duration });
    }).observe({ type: 'measure' });
  });
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('import-sweep').setInputFiles(file);
  await page.getByTestId('import-message').waitFor({ timeout: 600_000 });
  const message = await page.getByTestId('import-message').innerText();
  const imported = await page.evaluate(() => performance.now());
  // The first complete draw: draws continue while the projection walks the points (50k a frame); it is complete when they stop.
  await page.waitForTimeout(1500);
  const draws = await page.evaluate(() => (window as unknown as { __draws: { at: number; ms: number }[] }).__draws);
  // From the moment the points were handed to the plot (the controller's 'sweep:shown' mark).
  const shownAt = await page.evaluate(() => performance.getEntriesByName('sweep:shown').at(-1)?.startTime ?? NaN);
  const after = draws.filter((d) => d.at >= shownAt);
  const firstDrawMs = after.length ? after[after.length - 1].at - shownAt : NaN;
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const box = await page.getByTestId('pareto-plot').boundingBox();
  const hovers: number[] = [];
  if (box) {
    await page.evaluate(() => performance.clearMeasures('pareto:hover'));
    await page.evaluate(() => {
      const w = window as unknown as { __hover: number[] };
      w.__hover = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'pareto:hover') w.__hover.push(e.duration); }).observe({ type: 'measure' });
    });
    for (let k = 0; k < 80; k++) {
      await page.mouse.move(box.x + 80 + ((k * 29) % (box.width - 100)), box.y + 20 + ((k * 41) % (box.height - 70)));
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(200);
    hovers.push(...(await page.evaluate(() => (window as unknown as { __hover: number[] }).__hover)));
  }
  const longTasksMs = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.map((d) => Math.round(d)));
  return {
    points: MILLION,
    fileMB: Math.round(statSync(file).size / 1e6),
    message,
    importWallMs: Math.round(imported - t0),
    firstDrawMs: Math.round(firstDrawMs),
    drawFrames: after.length,
    hoverMs: { p50: round(quantile(hovers, 0.5)), p95: round(quantile(hovers, 0.95)), max: round(Math.max(0, ...hovers)), samples: hovers.length },
    rendererRssMB: await rendererRssMB(),
    longTasks: longTasksMs.length,
    maxLongTaskMs: Math.max(0, ...longTasksMs),
    target: { firstDrawMs: 1000, hoverMsP95: 16, rendererRssMB: 1024, longTaskMs: 100 },
  };
}
