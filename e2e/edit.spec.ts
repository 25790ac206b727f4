import { expect, test } from '@playwright/test';
import { layer, openApp, readHeadlines, shot, waitForHeadlinesToChange } from './helpers.ts';

const J = 'edit';

test('editing a layer and a buffer re-simulates and changes the results', async ({ page }) => {
  await openApp(page);
  await shot(page, J, '1-opened');
  const start = await readHeadlines(page);
  const paramsBefore = await page.getByTestId('param-count').textContent();
  const macsBefore = await page.getByTestId('macs').textContent();
  const embeddingBefore = await page.getByTestId('embedding').textContent();
  const areaBefore = await page.getByTestId('area-live').textContent();

  // Layer 1: hidden size 128 → 256.
  const hidden = layer(page, 1).getByLabel('Hidden size', { exact: true });
  await expect(hidden).toHaveValue('128');
  await hidden.selectOption('256');
  await expect(hidden).toHaveValue('256');
  const afterLayer = await waitForHeadlinesToChange(page, start);
  await expect(page.getByTestId('param-count')).not.toHaveText(paramsBefore ?? '');
  await expect(page.getByTestId('macs')).not.toHaveText(macsBefore ?? '');
  await expect(page.getByTestId('embedding')).not.toHaveText(embeddingBefore ?? '');
  // The preset no longer matches: the model is now a custom one.
  await expect(page.getByTestId('model-preset')).toHaveValue('custom');
  // The model drives latency and energy; the chip (area) is untouched.
  expect(afterLayer['headline-latency']).not.toBe(start['headline-latency']);
  expect(afterLayer['headline-energy']).not.toBe(start['headline-energy']);
  expect(afterLayer['headline-area']).toBe(start['headline-area']);
  await shot(page, J, '2-layer-edited');

  // Weight buffer 8 → 16 MB: the area grows, live and in the headline.
  const weightBuffer = page.getByLabel('Weight buffer (MB)', { exact: true });
  await expect(weightBuffer).toHaveValue('8');
  await weightBuffer.selectOption('16');
  await expect(page.getByTestId('accelerator-preset')).toHaveValue('custom');
  const afterBuffer = await waitForHeadlinesToChange(page, afterLayer);
  await expect(page.getByTestId('area-live')).not.toHaveText(areaBefore ?? '');
  expect(afterBuffer['headline-area']).not.toBe(afterLayer['headline-area']);
  expect(parseFloat(afterBuffer['headline-area'])).toBeGreaterThan(parseFloat(afterLayer['headline-area']));
  // The transformer figures do not depend on the accelerator.
  await expect(page.getByTestId('param-count')).not.toHaveText(paramsBefore ?? '');
  await weightBuffer.scrollIntoViewIfNeeded();
  await shot(page, J, '3-buffer-edited');
});
