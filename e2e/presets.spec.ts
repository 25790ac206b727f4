import { expect, test } from '@playwright/test';
import { layer, openApp, readHeadlines, shot, waitForHeadlinesToChange } from './helpers.ts';

const J = 'presets';

test('switching model and accelerator presets updates the editors and the results', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-tiny');
  await expect(page.getByTestId('layer-count')).toHaveValue('2');
  const tiny = await readHeadlines(page);
  const tinyParams = await page.getByTestId('param-count').textContent();

  // Model: BERT-Tiny → BERT-Base (12 layers of 768 with 12 heads).
  await page.getByTestId('model-preset').selectOption('bert-base');
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-base');
  await expect(page.getByTestId('layer-count')).toHaveValue('12');
  // The rows are built in a deferred render: wait for the last one.
  await expect(layer(page, 12)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('group', { name: /^Layer \d+$/ })).toHaveCount(12);
  await expect(layer(page, 1).getByLabel('Hidden size', { exact: true })).toHaveValue('768');
  await expect(layer(page, 12).getByLabel('Hidden size', { exact: true })).toHaveValue('768');
  await expect(page.getByTestId('param-count')).not.toHaveText(tinyParams ?? '');
  const base = await waitForHeadlinesToChange(page, tiny);
  expect(base['headline-latency']).not.toBe(tiny['headline-latency']);
  expect(base['headline-area']).toBe(tiny['headline-area']); // same chip
  await shot(page, J, '1-bert-base-on-edge');

  // Accelerator: AccelTran-Edge → AccelTran-Server; the chip, and so the area, change.
  const areaEdge = await page.getByTestId('area-live').textContent();
  await page.getByTestId('accelerator-preset').selectOption('acceltran-server');
  await expect(page.getByTestId('accelerator-preset')).toHaveValue('acceltran-server');
  await expect(page.getByTestId('area-live')).not.toHaveText(areaEdge ?? '');
  const server = await waitForHeadlinesToChange(page, base);
  expect(server['headline-area']).not.toBe(base['headline-area']);
  expect(server['headline-latency']).not.toBe(base['headline-latency']);
  // The model is still BERT-Base.
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-base');
  await expect(page.getByTestId('layer-count')).toHaveValue('12');
  await page.getByTestId('accelerator-preset').scrollIntoViewIfNeeded();
  await shot(page, J, '2-bert-base-on-server');

  // And back: the figures return to the BERT-Tiny / Edge ones exactly.
  await page.getByTestId('model-preset').selectOption('bert-tiny');
  await page.getByTestId('accelerator-preset').selectOption('acceltran-edge');
  await expect(page.getByTestId('layer-count')).toHaveValue('2');
  await expect.poll(() => readHeadlines(page), { timeout: 30_000 }).toEqual(tiny);
  await shot(page, J, '3-back-to-tiny-edge');
});
