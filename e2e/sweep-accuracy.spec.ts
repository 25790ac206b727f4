/**
 * Journey: a sweep that varies the model, plotted against predicted accuracy. The legend
 * offers the accuracy axis, the front maximises accuracy with ±1σ bars, the source of the
 * prediction is stated, the table lists accuracy and its uncertainty, and the axes travel
 * in a link.
 */
import { expect, test } from '@playwright/test';
import { decodeLink, openApp, runSweep, shot } from './helpers.ts';

const J = 'sweep-accuracy';

test('a joint sweep plots predicted accuracy against latency, with error bars and its source', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.locator('input[name="sweep-vary"][value="both"]').check();
  await runSweep(page, 1500);

  // Costs alone (latency, energy): the current design beats some "front" points, and the legend says so.
  await expect(page.getByTestId('plot-front-beaten')).toContainText(/beats [1-9]\d* of the \d+ front points on these two axes/);
  await expect(page.getByTestId('plot-legend')).toContainText('costs alone favour the smallest models');
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await shot(page, J, '0-costs-only');
  await page.getByTestId('plot-accuracy-preset').click();
  await expect(page.getByTestId('plot-y')).toHaveValue('accuracy');
  await expect(page.getByTestId('plot-x')).toHaveValue('latency');
  const plot = page.getByTestId('pareto-plot');
  await expect(plot.locator('text[data-part="y-label"]')).toHaveText('Predicted accuracy (GLUE, %)');
  // Percent ticks, not SI prefixes.
  await expect(plot.locator('g[data-part="y-axis"] .tick text').first()).toHaveText(/^\d+%$/);
  await expect(page.getByTestId('plot-legend')).toContainText('predicted accuracy maximised, latency minimised; bars ±1σ');
  await expect(page.getByTestId('front-error-bars')).not.toHaveAttribute('data-band', '');
  await expect(page.getByTestId('plot-accuracy-source')).toContainText('Turc et al. 2019');
  await expect(page.getByTestId('plot-accuracy-source')).toContainText('Devlin et al. 2019');

  // One ±1σ bar per front point (a vertical segment and two caps each).
  const frontCount = await plot.locator('path[data-part="front"]').evaluate((p) => ((p.getAttribute('d') ?? '').match(/M/g) ?? []).length);
  const bars = await page.getByTestId('front-error-bars').evaluate((p) => ((p.getAttribute('d') ?? '').match(/V/g) ?? []).length);
  expect(frontCount).toBeGreaterThan(1);
  expect(bars).toBe(frontCount);

  // The front's accuracy rises with latency: the most accurate front point is the slowest.
  const table = page.getByTestId('front-table');
  await expect(table.locator('th', { hasText: 'Predicted accuracy' })).toHaveCount(1);
  await expect(table.locator('th', { hasText: 'Accuracy uncertainty' })).toHaveCount(1);
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
  const acc = heads.findIndex((h) => h.startsWith('Predicted accuracy'));
  const std = heads.findIndex((h) => h.startsWith('Accuracy uncertainty'));
  expect(cells.length).toBeGreaterThan(1);
  for (const row of cells) {
    expect(row[acc]).toMatch(/^\d+\.\d %$/);
    expect(row[std]).toMatch(/^± \d+\.\d %$/);
  }
  await plot.scrollIntoViewIfNeeded();
  await shot(page, J, '1-accuracy-vs-latency');

  await page.getByTestId('copy-link').click();
  const { session } = decodeLink(await page.getByTestId('link-output').inputValue());
  expect(session.plot).toMatchObject({ x: 'latency', y: 'accuracy' });

  // Accuracy across: the arrow keys still walk the front left to right, towards higher accuracy.
  await page.getByTestId('plot-x').selectOption('accuracy');
  await page.getByTestId('plot-y').selectOption('latency');
  await plot.focus();
  const announced = async () => Number(/Predicted accuracy ([\d.]+) %/.exec(await page.getByTestId('pareto-announcer').textContent() ?? '')?.[1]);
  await page.keyboard.press('Home');
  const first = await announced();
  await page.keyboard.press('ArrowRight');
  expect(await announced()).toBeGreaterThan(first);
});

test('on a phone the accuracy legend wraps and the page never scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.locator('input[name="sweep-vary"][value="transformer"]').check();
  await runSweep(page, 500);
  await page.getByTestId('plot-accuracy-preset').click();
  await expect(page.getByTestId('plot-accuracy-source')).toBeVisible();
  // A dense front (a model sweep's) gets one ±1σ band rather than a bar per point.
  await expect(page.getByTestId('front-error-bars')).toHaveAttribute('data-band', '');
  await expect(page.getByTestId('front-error-bars')).toHaveAttribute('d', /Z$/);
  await expect(page.getByTestId('plot-legend')).toContainText('band ±1σ of the prediction');
  await page.getByTestId('plot-legend').scrollIntoViewIfNeeded();
  await shot(page, J, '2-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
});
