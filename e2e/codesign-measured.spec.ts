/**
 * The measured accuracy predictor in Chromium: fitted in the co-design worker to the shipped
 * DynaProp lab runs (npm run measure:lab), its paragraph stating what it was fitted to, a short
 * search scored with it, and the choice kept in a link.
 */
import { expect, test } from '@playwright/test';
import { decodeLink, openApp } from './helpers.ts';

const J = 'codesign-measured';

test('the measured predictor: fitted to the lab runs, used by a search, kept in the link', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  await expect(page.getByTestId('cd-predictor-info')).toContainText('Turc et al. 2019', { timeout: 60_000 });
  await page.getByTestId('cd-predictor-measured').check();
  const info = page.getByTestId('cd-predictor-info');
  await expect(info).toContainText('measured: DynaProp lab test accuracy on names', { timeout: 60_000 });
  await expect(info).toContainText(/\d+ runs of \d+ models/);
  await expect(info).toContainText('It extrapolates far from lab-sized models');
  await page.locator('.cd-predictor').screenshot({ path: `e2e/artifacts/${J}-1-fit.png` });

  await page.getByTestId('cd-algorithm').selectOption('random');
  const budget = page.getByTestId('cd-budget');
  await budget.fill('40');
  await budget.blur();
  await page.getByTestId('cd-run').click();
  await expect(page.getByTestId('cd-best')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('cd-sources')).toContainText('measured');
  await expect(page.getByTestId('cd-sources')).toContainText('fitted to the shipped lab runs');
  await expect(page.getByTestId('cd-headline')).toContainText(/The paper.s headline \(≥ 5\.2× lower latency and ≥ 3× lower energy at no lower accuracy\): (not )?reached/);
  await page.screenshot({ path: `e2e/artifacts/${J}-2-done.png`, fullPage: true });

  await page.getByTestId('copy-link').click();
  const { session } = decodeLink(await page.getByTestId('link-output').inputValue());
  expect(session.codesign).toMatchObject({ predictor: 'measured' });
});
