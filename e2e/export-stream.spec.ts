/**
 * Exports stream from a worker: a 20,000-point sweep exports as CSV with a
 * visible progress bar while the page stays responsive (no long main-thread
 * task), the file has the compact header and one row per point, and an empty
 * selection disables the point exports. Also: the grid sampler's one list of
 * parameters, with the summary, the samples field and the pair count agreeing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep, shot } from './helpers.ts';

const J = 'export-stream';
test.setTimeout(240_000);

// CSV is read by people: the editors' names with units (JSON keeps the ids).
const OBJECTIVE_COLUMNS = [
  'Latency (s)', 'Energy / sequence (J)', 'Dynamic energy / sequence (J)', 'Leakage energy / sequence (J)', 'Area (mm²)',
  'Energy-delay product (J·s)', 'Parameters', 'MACs / sequence (MAC)',
];
const MODEL_COLUMNS = ['Layers', 'Hidden size per layer', 'Heads per layer', 'Heads by type per layer', 'Feed-forward per layer'];

/** Records main-thread long tasks from now on; read them back with `longTasks`. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __long: number[] }).__long);

test('a 20,000-point sweep exports as CSV from a worker, with progress, without blocking the page', async ({ page }) => {
  const samples = 20_000;
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  // Whole models drawn from the space: the slowest rows to write (each model is regenerated).
  await page.getByRole('radio', { name: 'Both' }).check();
  await runSweep(page, samples, 240_000);

  // An empty selection disables the point exports and says why.
  await page.getByTestId('export-which').selectOption('selection');
  await expect(page.getByTestId('export-csv')).toBeDisabled();
  await expect(page.getByTestId('export-json')).toBeDisabled();
  await expect(page.getByTestId('export-empty')).toContainText('Nothing selected');
  await page.getByTestId('export-empty').scrollIntoViewIfNeeded();
  await shot(page, J, '1-empty-selection-disabled');

  // All points as CSV: progress shows while the worker writes, and the page keeps answering.
  await page.getByTestId('export-which').selectOption('all');
  await expect(page.getByTestId('export-csv')).toBeEnabled();
  await expect(page.getByTestId('export-model-json')).not.toBeChecked();
  await watchLongTasks(page);
  const downloadPromise = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-csv').click();
  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Exporting CSV: [\d,]+ of 20,000 points/);
  // The page answers during the export: a round trip through the event loop is quick.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const roundTripMs = Date.now() - t0;
  await expect(progress).toContainText(/Exporting CSV: [1-9][\d,]* of 20,000/, { timeout: 60_000 });
  await shot(page, J, '2-progress');
  const download = await downloadPromise;
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('export-message')).toContainText('Exported 20,000 points as CSV');
  await shot(page, J, '3-exported');
  const long = await longTasks(page);
  console.log(`round trip during export: ${roundTripMs} ms; long tasks: ${long.length}, longest ${Math.round(Math.max(0, ...long))} ms`);
  expect(roundTripMs).toBeLessThan(1000);
  expect(Math.max(0, ...long)).toBeLessThan(250);

  expect(download.suggestedFilename()).toBe('sweep-seed1-all.csv');
  await download.saveAs(`e2e/artifacts/${J}-all.csv`);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.slice(0, -2).split('\r\n');
  const header = lines[0].split(',');
  console.log(`CSV: ${(text.length / 1e6).toFixed(1)} MB, header ${lines[0]}`);
  expect(header.slice(0, 1 + OBJECTIVE_COLUMNS.length)).toEqual(['index', ...OBJECTIVE_COLUMNS]);
  expect(header.slice(-MODEL_COLUMNS.length)).toEqual(MODEL_COLUMNS);
  expect(header).not.toContain('Model (JSON)');
  expect(lines).toHaveLength(1 + samples);
  expect(text).not.toContain('{');
  // One row per point, each index once.
  const indices = new Set(lines.slice(1).map((l) => Number(l.slice(0, l.indexOf(',')))));
  expect(indices.size).toBe(samples);
  // Compact: about 0.6 kB a row (the old export wrote 1.39 kB with a JSON model blob in every row).
  expect(text.length / samples).toBeLessThan(800);
});

test('the grid sampler: one list of grid parameters; summary, samples field and pair count agree', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByTestId('sweep-sampler').selectOption('grid');
  // One list: only the grid parameters, no second "vary" list.
  await expect(page.getByRole('group', { name: 'Parameters that vary' })).toHaveCount(0);
  const grid = page.locator('fieldset.sweep-grid');
  await expect(grid).toBeVisible();
  // The default grid (the first three varied parameters): the summary's product is the samples field and the pair count.
  const first = (await page.getByTestId('sweep-params-summary').textContent()) ?? '';
  const [, levels, product] = /: ([\d ×]+) = ([\d,]+) combinations$/.exec(first) ?? [];
  expect(levels.split(' × ').reduce((n, l) => n * Number(l), 1)).toBe(Number(product.replace(/,/g, '')));
  await expect(page.getByTestId('sweep-samples')).toHaveValue(product.replace(/,/g, ''));
  await expect(page.getByTestId('sweep-size')).toHaveText(`${product} pairs`);

  // Choose PEs (5) × softmax (6) × main memory (11) = 330.
  const defaults = await grid.locator('input:checked').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-testid')!));
  expect(defaults).toHaveLength(3);
  await page.getByTestId(defaults[0]).uncheck();
  await page.getByTestId(defaults[1]).uncheck();
  // The last grid parameter cannot be unticked (a grid needs one).
  await expect(page.getByTestId(defaults[2])).toBeDisabled();
  await page.getByTestId('grid-param-softmaxPerPe').check();
  await page.getByTestId('grid-param-mainMemory').check();
  await page.getByTestId(defaults[2]).uncheck();
  await page.getByTestId('grid-param-pe').check();
  // A fourth is not allowed.
  await expect(page.getByTestId('grid-param-batchSize')).toBeDisabled();
  const summary = (await page.getByTestId('sweep-params-summary').textContent()) ?? '';
  console.log(`grid summary: ${summary}`);
  expect(summary).toContain('5 × 6 × 11 = 330 combinations');
  await expect(page.getByTestId('sweep-samples')).toHaveValue('330');
  await expect(page.getByTestId('sweep-samples')).toBeDisabled();
  await expect(page.getByTestId('sweep-size')).toHaveText('330 pairs');
  await grid.scrollIntoViewIfNeeded();
  await shot(page, J, '4-grid-form');

  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 330 pairs', { timeout: 120_000 });
  const label = (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/: 330 points/);
  await shot(page, J, '5-grid-done');
});

test('a sweep exported as JSON imports back: the same spec re-runs to the same points', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByTestId('sweep-seed').fill('7');
  await runSweep(page, 400);
  const label = (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';
  await page.getByTestId('export-which').selectOption('front');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const path = `e2e/artifacts/${J}-front.json`;
  await download.saveAs(path);
  const exported = JSON.parse(await readFile(path, 'utf8')) as { rows: unknown[][] };

  // Other settings and other points: the import brings back seed, samples and the points.
  await page.getByTestId('sweep-seed').fill('1');
  await runSweep(page, 50);
  await expect(page.getByTestId('sweep-seed')).toHaveValue('1');
  await page.getByTestId('import-sweep').setInputFiles(path);
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 400 pairs', { timeout: 120_000 });
  await expect(page.getByTestId('sweep-seed')).toHaveValue('7');
  await expect(page.getByTestId('sweep-samples')).toHaveValue('400');
  expect(await page.getByTestId('pareto-plot').getAttribute('aria-label')).toBe(label);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const text = await readFile((await again.path())!, 'utf8');
  expect((JSON.parse(text) as { rows: unknown[][] }).rows).toEqual(exported.rows);
  await shot(page, J, '6-imported');

  // Not a sweep export: refused with a message, nothing replaced.
  await page.getByTestId('import-sweep').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"other"}') });
  await expect(page.getByText('other.json is not a sweep this app exported')).toBeVisible();
  await expect(page.getByTestId('sweep-seed')).toHaveValue('7');
});
