/**
 * `npm run build && npm run bench:codesign-compare-browser`: the co-design panel's "Compare
 * algorithms" in real Chromium (the app's co-design worker, wasm) over 5 seeds at a budget of
 * 300 simulator queries, the issue 12 acceptance setting: BOSHCODE, regularised evolution and
 * random search with the default objective and the published predictor. Reads the panel's own
 * table (median, min–max and wall time per run) and writes
 * bench/codesign-compare-browser-results.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startPreview } from './previewServer.ts';

const PORT = 4293;
const BUDGET = 300, SEEDS = 5;


async function main() {
  const server = await startPreview(PORT);
  const URL_ = server.url;
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(URL_);
    await page.getByRole('tab', { name: 'Co-design' }).click();
    await page.getByTestId('cd-predictor-info').waitFor({ timeout: 60_000 });
    for (const [id, v] of [['cd-budget', String(BUDGET)], ['cd-compare-seeds', String(SEEDS)]] as const) {
      await page.getByTestId(id).fill(v);
      await page.getByTestId(id).blur();
    }
    const t0 = Date.now();
    await page.getByTestId('cd-compare').click();
    const table = page.getByTestId('cd-compare-table');
    await table.waitFor({ timeout: 3_600_000 });
    const wallSeconds = (Date.now() - t0) / 1000;
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      algorithm: tr.getAttribute('data-algorithm'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    })));
    // The chart's caption sentence (the rest of its text is the SVG's tick labels).
    const caption = /^[^.]*\./.exec((await page.getByTestId('cd-compare-chart').textContent())?.trim() ?? '')?.[0];
    await browser.close();
    const results = rows.map((r) => ({ algorithm: r.algorithm, median: Number(r.cells[0]), minMax: r.cells[1], runs: Number(r.cells[2]), secondsPerRun: Number(r.cells[3]) }));
    const out = {
      date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, loadAverage1m: +loadavg()[0].toFixed(2),
      settings: { budget: BUDGET, seeds: SEEDS, objective: 'default (weights 0.5/0.1/0.2/0.1/0.1)', predictor: 'published', costModel: 'elector', mode: 'inference', backend: 'wasm (browser worker)' },
      target: "BOSHCODE's median best performance above random search's over 5 seeds at 300 queries (issue 12)",
      wallSeconds: +wallSeconds.toFixed(1), results, chart: caption,
    };
    writeFileSync(new URL('./codesign-compare-browser-results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
    console.log(JSON.stringify(out, null, 2));
  } finally {
    server.stop();
  }
}

await main();
