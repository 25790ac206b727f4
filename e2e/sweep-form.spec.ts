/**
 * The sweep form's number fields in Chromium: a seed that is not a whole number from 0 to
 * 2³² − 1 is named and blocks the run (it used to run as seed 0), and rejected Samples text
 * shows no pair count instead of the last valid one's.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './helpers.ts';

const J = 'sweep-form';

test('an invalid seed is named and does not run; invalid samples show no stale pair count', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  const seed = page.getByTestId('sweep-seed');
  const run = page.getByTestId('sweep-run');
  // No sweep has run on a fresh page, so the progress line is absent until one starts.
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveCount(0);

  for (const [text, message] of [
    ['-1', 'Seed must be between 0 and 4,294,967,295.'],
    ['2.5', 'Seed must be a whole number.'],
    ['1e20', 'Seed must be between 0 and 4,294,967,295.'],
    ['4294967297', 'Seed must be between 0 and 4,294,967,295.'],
    ['', 'Seed must be a whole number.'],
  ]) {
    await seed.fill(text);
    await seed.blur();
    await expect(seed).toHaveValue(text);
    await expect(page.locator('#sweep-seed-error')).toHaveText(message);
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(run).toBeDisabled();
  }
  // Enter in the field submits the form: it must not run either.
  await seed.fill('-1');
  await seed.press('Enter');
  await page.waitForTimeout(500);
  await expect(status).toHaveCount(0);
  await page.locator('.sweep-form').screenshot({ path: `e2e/artifacts/${J}-1-seed.png` });

  await seed.fill('42');
  await seed.blur();
  await expect(page.locator('#sweep-seed-error')).toHaveCount(0);
  await expect(run).toBeEnabled();

  const samples = page.getByTestId('sweep-samples');
  const size = page.getByTestId('sweep-size');
  await expect(size).toHaveText('5,000 pairs');
  for (const text of ['0', '2000000']) {
    await samples.fill(text);
    await expect(page.locator('#sweep-samples-error')).toContainText('Samples must be between 1 and 1,000,000.');
    await expect(size).not.toContainText('5,000');
    await expect(run).toBeDisabled();
  }
  await page.locator('.sweep-form').screenshot({ path: `e2e/artifacts/${J}-2-samples.png` });
  await samples.fill('300');
  await expect(size).toHaveText('300 pairs');
  await expect(run).toBeEnabled();
});
