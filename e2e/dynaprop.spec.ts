/**
 * The DynaProp lab in real Chromium: a short names run in the worker (tfjs, wasm),
 * live curves, the result, "Use measured sparsity" with ELECTOR's default-against-
 * measured figures, results that survive a reload (IndexedDB), a link that reproduces
 * the lab in a fresh browser, bad input named by field, cancel, and a phone layout.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { decodeLink, openApp } from './helpers.ts';

const J = 'dynaprop';
const RUN_TIMEOUT = 150_000;

/** Full-page screenshots (the lab is long) beside the other journeys' artifacts. */
async function shotFull(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${J}-${step}.png`, fullPage: true });
}

async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
  await expect(input).toHaveValue(value);
}

async function openLab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'DynaProp lab' }).click();
  await expect(page.getByTestId('dynaprop-lab')).toBeVisible();
}

async function noSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="dynaprop-lab"]').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  expect(serious, serious.join('\n')).toEqual([]);
}

test('a short names run, its measured sparsity in ELECTOR, and a link that reproduces the lab', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await openLab(page);
  await shotFull(page, '1-lab');

  await fill(page, 'lab-steps', '30');
  await fill(page, 'lab-seed', '7');
  await fill(page, 'lab-target-activation', '0.5');
  await expect(page.getByTestId('lab-dataset')).toHaveValue('names');
  await page.getByTestId('lab-run').click();

  // Live: progress and curves while the worker trains; the page keeps answering.
  await expect(page.getByTestId('lab-progress')).toBeVisible();
  await expect(page.getByTestId('lab-status')).toContainText('step', { timeout: 60_000 });
  await expect(page.getByTestId('chart-lab-loss').locator('path.lab-line')).toHaveAttribute('d', /L/, { timeout: 60_000 });
  await page.screenshot({ path: `e2e/artifacts/${J}-2-running.png` });
  expect(await page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }))).toBeLessThan(500);

  // The result: accuracy, the achieved sparsity next to the target, how it ran.
  const summary = page.getByTestId('lab-summary');
  await expect(summary).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('lab-progress')).toHaveCount(0);
  const accuracy = Number(await page.getByTestId('lab-summary-accuracy').textContent());
  expect(accuracy).toBeGreaterThan(0.4);
  expect(accuracy).toBeLessThanOrEqual(1);
  const activation = Number(/reached\s*([\d.]+)/.exec((await page.getByTestId('lab-summary-activation').textContent()) ?? '')?.[1]);
  expect(Math.abs(activation - 0.5), `held-out activation sparsity ${activation} for a target of 0.5`).toBeLessThanOrEqual(0.1);
  await expect(page.getByTestId('lab-summary-how')).toContainText(/wasm · tfjs 4\.22\.0 · seed 7 · 30 steps/);
  await expect(page.getByTestId('chart-lab-accuracy').locator('circle.lab-dot')).not.toHaveCount(0);
  await expect(page.getByTestId('chart-lab-heatmap').locator('rect')).not.toHaveCount(0);
  await expect(page.getByTestId('chart-lab-thresholds')).toBeVisible();
  await expect(page.getByTestId('lab-results-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('lab-records').locator('li')).toHaveCount(1);
  await shotFull(page, '3-done');

  // Feed ELECTOR: the settings take the measured sparsity; default and measured side by side.
  await page.getByTestId('lab-use-measured').click();
  const compare = page.getByTestId('lab-compare');
  await expect(compare).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const cells = Object.fromEntries(await Promise.all(['default-latency', 'measured-latency', 'default-energy', 'measured-energy'].map(async (k) => [k, (await page.getByTestId(`lab-compare-${k}`).textContent()) ?? ''] as const)));
  for (const v of Object.values(cells)) expect(v).toMatch(/^[\d.]+ [µmnpk]?[sJ]$/);
  expect(cells['measured-energy']).not.toBe(cells['default-energy']);
  const activationField = page.getByRole('textbox', { name: 'Activation sparsity value', exact: true });
  expect(Math.abs(Number(await activationField.inputValue()) - activation)).toBeLessThan(0.006);
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/artifacts/${J}-4-measured.png` });
  await noSeriousAxeViolations(page);

  // The link holds the lab's settings and the measured per-op sparsity, not results.
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  const { session } = decodeLink(url);
  expect(session.dynaprop).toMatchObject({ dataset: 'names', steps: 30, seed: 7, targetActivationSparsity: 0.5 });
  expect((session.settings as { sparsityByOp?: object }).sparsityByOp).toHaveProperty('matmul');
  expect((session.view as { tab: string }).tab).toBe('dynaprop');

  // The results at phone width: one column, charts and tables inside the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('chart-lab-loss')).toBeVisible();
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(w.scroll, 'no sideways scrolling at 390 px with results').toBeLessThanOrEqual(w.viewport);
  await page.getByTestId('lab-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/artifacts/${J}-6-phone-results.png` });
  await shotFull(page, '6-phone-results-full');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A reload keeps the results (IndexedDB) and the lab.
  await page.reload();
  await expect(page.getByTestId('dynaprop-lab')).toBeVisible();
  await expect(page.getByTestId('lab-summary-how')).toContainText('seed 7');
  await expect(page.getByTestId('lab-steps')).toHaveValue('30');

  // A fresh browser with nothing but the link: the same lab settings, the measured sparsity in use.
  const receiver = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  try {
    const other = await receiver.newPage();
    await other.goto(url);
    await expect(other.getByRole('tab', { name: 'DynaProp lab' })).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByTestId('lab-steps')).toHaveValue('30');
    await expect(other.getByTestId('lab-seed')).toHaveValue('7');
    await expect(other.getByTestId('lab-target-activation')).toHaveValue('0.5');
    await expect(other.getByTestId('lab-compare')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(await other.getByTestId('lab-compare-measured-energy').textContent()).toBe(cells['measured-energy']);
    await expect(other.locator('[data-testid="notice"][data-kind="error"]')).toHaveCount(0);
    await shotFull(other, '5-receiver');
  } finally {
    await receiver.close();
  }

  // A phone: one column, nothing wider than the screen.
  const phone = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const p = await phone.newPage();
    await p.goto(url);
    await expect(p.getByTestId('dynaprop-lab')).toBeVisible();
    await expect(p.getByTestId('lab-compare')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const w = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect(w.scroll, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(w.viewport);
    await p.screenshot({ path: `e2e/artifacts/${J}-6-phone.png` });
    await p.screenshot({ path: `e2e/artifacts/${J}-6-phone-full.png`, fullPage: true });
  } finally {
    await phone.close();
  }
});

test('bad input is named by field and never run; a long run cancels', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openLab(page);
  const steps = page.getByTestId('lab-steps');
  await steps.fill('0');
  await expect(page.getByTestId('dynaprop-lab').getByRole('alert').first()).toContainText('Steps must be a whole number from 1 to 100000');
  await page.getByTestId('lab-target-gradient').fill('1.5');
  await expect(page.getByTestId('dynaprop-lab')).toContainText('Gradient sparsity must be a number in [0, 1), or empty for no pruning');
  await page.getByTestId('lab-grid-activation').fill('none, 0.5, 2');
  await expect(page.getByTestId('dynaprop-lab')).toContainText('Activation targets: item 3 (“2”) is not a sparsity in [0, 1) or "none"');
  await page.screenshot({ path: `e2e/artifacts/${J}-7-bad-input.png` });

  // Nothing runs while a field is invalid; fixed, a long run starts and Cancel stops it.
  await expect(page.getByTestId('lab-run')).toBeDisabled();
  await expect(page.getByTestId('lab-run-experiment')).toBeDisabled();
  await expect(page.getByTestId('lab-not-ready')).toContainText('Fix the 3 fields marked in red');
  await page.getByTestId('lab-target-gradient').fill('');
  await page.getByTestId('lab-grid-activation').fill('none, 0.5');
  await steps.fill('2000');
  await expect(page.getByTestId('lab-not-ready')).toHaveCount(0);
  await page.getByTestId('lab-run').click();
  await expect(page.getByTestId('lab-status')).toContainText('step', { timeout: 60_000 });
  await page.getByTestId('lab-cancel').click();
  await expect(page.getByTestId('lab-status')).toContainText('Cancelled', { timeout: 15_000 });
  await expect(page.getByTestId('lab-run')).toHaveText('Run');
});

test('the experiment runner: a baseline and a grid, the trade-off plot and table, export and import', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await openLab(page);
  await fill(page, 'lab-steps', '20');
  await fill(page, 'lab-grid-activation', '0.3, 0.6');
  await fill(page, 'lab-grid-gradient', 'none');
  await expect(page.getByTestId('lab-grid-size')).toContainText('3 runs');
  await page.getByTestId('lab-run-experiment').click();
  await expect(page.getByTestId('lab-status')).toContainText(/Run [12] of 3/, { timeout: 60_000 });
  await expect(page.getByTestId('lab-progress')).toHaveCount(0, { timeout: RUN_TIMEOUT });

  const rows = page.getByTestId('lab-results-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('baseline');
  await expect(rows.nth(1)).toContainText('0.3 →');
  await expect(rows.nth(2)).toContainText('0.6 →');
  await expect(page.getByTestId('lab-tradeoff-svg').locator('path.lab-mark')).toHaveCount(2);
  await expect(page.getByTestId('lab-tradeoff-svg').locator('circle.lab-mark-baseline')).toHaveCount(1);
  // Choosing a row shows that run.
  await rows.nth(1).getByRole('radio').check();
  await expect(page.getByTestId('lab-summary-activation')).toContainText('target 0.3');
  await shotFull(page, '8-experiment');

  // Export, then import: the same record replaces itself; a corrupt file is refused by field and changes nothing.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lab-export-all').click()]);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'transcode-dynaprop-lab-export', version: 1 });
  expect(file.records[0].runs).toHaveLength(3);
  await page.getByTestId('lab-import').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('notice')).toContainText('Imported 1 DynaProp result');
  await expect(page.getByTestId('lab-records').locator('li')).toHaveCount(1);
  file.records[0].runs[2].heldOut.perSite[0].sparsity = 7;
  await page.getByTestId('lab-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('notice')).toContainText('records[0].runs[2].heldOut.perSite[0].sparsity');
  await expect(page.getByTestId('notice')).toContainText('Your saved results are unchanged');
  await expect(page.getByTestId('lab-records').locator('li')).toHaveCount(1);
  await expect(rows).toHaveCount(3);

  // The dark theme: every colour comes from the theme's variables (the heat map's viridis reads in both).
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('chart-lab-heatmap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/artifacts/${J}-9-dark.png` });
  await noSeriousAxeViolations(page);
});
