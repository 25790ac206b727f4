/**
 * `npm run bench:ui`: the explorer's speed, measured in real Chromium against the
 * built app (not by assertions in tests). Writes bench/ui-results.json.
 *   - edit → headline figures updated (p50, p95 over repeated edits)
 *   - 20,000-pair sweep wall time, and main-thread long tasks during it
 *   - 100,000-pair sweep: wall time, long tasks, plot draw time, hover hit-test time
 *   - the 100,000-point CSV export: wall time and long tasks
 *   - a million designs (bench/uiMillion.ts): import, first draw, hover, memory
 *   - main bundle size, gzipped
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { measureMillion } from './uiMillion.ts';
import { measureParallelBrush } from './uiParallel.ts';

const PORT = 4290;
const URL_ = `http://127.0.0.1:${PORT}/`;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x: number) => Math.round(x * 10) / 10;

function mainBundleGzipKB(): { files: string[]; gzipKB: number } {
  // The entry script and what index.html preloads: what a first visit must download before the app runs.
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(`dist/${f}`)).length, 0);
  return { files, gzipKB: round(bytes / 1024) };
}

async function waitServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${URL_}`);
}

async function measureEdits(page: Page, edits: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const value = i % 2 === 0 ? '256' : '128';
    const ms = await page.evaluate(async (v) => {
      const select = [...document.querySelectorAll<HTMLSelectElement>('section[aria-label="Layer 1"] select')].find((s) => s.labels?.[0]?.textContent?.trim() === 'Hidden size');
      const target = document.querySelector('[data-testid="headline-latency"]');
      if (!select || !target) throw new Error('hidden-size select or headline-latency not found');
      const before = target.textContent;
      return await new Promise<number>((resolve) => {
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          const status = document.querySelector('[data-testid="sim-status"]')?.getAttribute('data-status');
          if (target.textContent !== before && status === 'done') {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }, value);
    times.push(ms);
    await page.waitForTimeout(50);
  }
  return times;
}

async function runSweep(page: Page, samples: number) {
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByTestId('sweep-samples').fill(String(samples));
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
    performance.clearMeasures();
  });
  const t0 = Date.now();
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="sweep-status"]')?.textContent?.startsWith('Done'), null, { timeout: 900_000, polling: 20 });
  const wallMs = Date.now() - t0;
  const longTasksMs = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.map((d) => Math.round(d)));
  return { samples, wallMs, longTasks: longTasksMs.length, maxLongTaskMs: Math.max(0, ...longTasksMs) };
}

async function plotTimings(page: Page) {
  // The app keeps only the latest measure of each name in the buffer; an observer sees them all.
  await page.evaluate(() => {
    const w = window as unknown as { __measures: Record<string, number[]> };
    w.__measures = {};
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (w.__measures[e.name] ??= []).push(e.duration);
    }).observe({ type: 'measure' });
  });
  const entries = (name: string) =>
    page.evaluate((n) => {
      const w = window as unknown as { __measures: Record<string, number[]> };
      const got = w.__measures[n] ?? [];
      w.__measures[n] = [];
      return got;
    }, name);
  const draws: number[] = [];
  for (const [x, y] of [['area', 'latency'], ['latency', 'energy'], ['edp', 'area'], ['latency', 'energy']]) {
    await entries('pareto:draw');
    await page.getByTestId('plot-x').selectOption(x);
    await page.getByTestId('plot-y').selectOption(y);
    await page.waitForTimeout(500);
    draws.push(...(await entries('pareto:draw')));
  }
  // The first-visit intro can push the plot down: hover where it is.
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const box = await page.getByTestId('pareto-plot').boundingBox();
  if (!box) throw new Error('no pareto plot');
  await entries('pareto:hover');
  for (let k = 0; k < 60; k++) {
    await page.mouse.move(box.x + 80 + ((k * 23) % (box.width - 100)), box.y + 20 + ((k * 37) % (box.height - 70)));
    await page.waitForTimeout(20); // one hit test per frame: let each move reach the plot
  }
  await page.waitForTimeout(200);
  const hovers = await entries('pareto:hover');
  return {
    drawMs: { p50: round(quantile(draws, 0.5)), max: round(Math.max(...draws)), samples: draws.length },
    hoverMs: { p50: round(quantile(hovers, 0.5)), p95: round(quantile(hovers, 0.95)), max: round(Math.max(...hovers)), samples: hovers.length },
  };
}

/** The 100k-point CSV export: wall time to the download, and the page's long tasks meanwhile. */
async function export100k(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  await page.getByTestId('export-which').selectOption('all');
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('export-csv').click()]);
  const bytes = (await import('node:fs')).statSync((await download.path())!).size;
  const wallMs = Date.now() - t0;
  const longTasksMs = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.map((d) => Math.round(d)));
  return { points: 100_000, format: 'csv', wallMs, megabytes: round(bytes / 1e6), longTasks: longTasksMs.length, maxLongTaskMs: Math.max(0, ...longTasksMs) };
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  await waitServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(URL_);
  await page.waitForSelector('[data-testid="sim-status"][data-status="done"]');
  const edits = await measureEdits(page, 40);
  const sweep20k = [await runSweep(page, 20_000), await runSweep(page, 20_000), await runSweep(page, 20_000)];
  const sweep100k = await runSweep(page, 100_000);
  const plot = await plotTimings(page);
  const exported = await export100k(page);
  const parallel = await measureParallelBrush(page);
  // A fresh context (storage, history, memory): the 100k sweep's page must not count against the million.
  await context.close();
  const millionContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const millionPage = await millionContext.newPage();
  await millionPage.goto(URL_);
  await millionPage.waitForSelector('[data-testid="sim-status"][data-status="done"]');
  const million = await measureMillion(millionPage);
  // And a million pairs simulated in the page's own sweep workers: wall time and the main thread's long tasks.
  const sweep1M = await runSweep(millionPage, 1_000_000);
  await browser.close();

  const results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    hardwareConcurrency: (await import('node:os')).cpus().length,
    editToHeadlineMs: { p50: round(quantile(edits, 0.5)), p95: round(quantile(edits, 0.95)), max: round(Math.max(...edits)), edits: edits.length, target: { p95: 100 } },
    sweep20k: { runs: sweep20k, medianWallMs: quantile(sweep20k.map((s) => s.wallMs), 0.5), maxLongTaskMs: Math.max(...sweep20k.map((s) => s.maxLongTaskMs)), target: { wallMs: 3000, longTaskMs: 100 } },
    sweep100k: { ...sweep100k, target: { longTaskMs: 100 } },
    plot100k: { ...plot, target: { drawMs: 300, hoverMs: 16 } },
    export100k: { ...exported, target: { longTaskMs: 100 } },
    parallelBrush100k: { ...parallel, target: { brushUpdateP95Ms: 50 } },
    million,
    sweep1M: { ...sweep1M, target: { longTaskMs: 100 } },
    mainBundle: { ...mainBundleGzipKB(), target: { gzipKB: 200 } },
    setup: 'default view (BERT-Tiny, AccelTran-Edge, elector, inference); sweeps vary the accelerator; 1280×720; service worker blocked',
  };
  writeFileSync(new URL('./ui-results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
} finally {
  if (server.pid) process.kill(-server.pid);
}
