/**
 * "Compare algorithms" in real Chromium: BOSHCODE, evolution and random search over 2 seeds
 * at a small budget in the co-design worker, with progress; a comparison can be cancelled;
 * the plot (median line and min–max band per algorithm) and the table of final medians appear.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers.ts';

const J = 'codesign-compare';
// 48 initial pairs, then 3 BOSHCODE iterations of 4 queries: the surrogate and GOBI really run.
const BUDGET = '60';

async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
  await expect(input).toHaveValue(value);
}

test('compare algorithms: cancel, then 3 algorithms × 2 seeds with plot and table', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  // See codesign.spec.ts: the blocked service worker's registration is not this panel's.
  page.on('pageerror', (e) => { if (!/reading 'scope'/.test(e.message)) errors.push(e.message); });
  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  await expect(page.getByTestId('cd-predictor-info')).toContainText('Turc et al. 2019', { timeout: 60_000 });

  // A long comparison shows its progress and stops on Cancel.
  await fill(page, 'cd-budget', '2000');
  await fill(page, 'cd-compare-seeds', '2');
  await page.getByTestId('cd-compare').click();
  await expect(page.getByTestId('cd-compare-progress')).toContainText(/0 \/ 6 searches done · boshcode, seed 1/, { timeout: 30_000 });
  await page.getByTestId('cd-compare-cancel').click();
  await expect(page.getByTestId('cd-compare-status')).toContainText('Comparison cancelled', { timeout: 30_000 });

  await fill(page, 'cd-budget', BUDGET);
  const started = Date.now();
  await page.getByTestId('cd-compare').click();
  await expect(page.getByTestId('cd-compare-progress')).toBeVisible();
  const table = page.getByTestId('cd-compare-table');
  await expect(table).toBeVisible({ timeout: 240_000 });
  console.log(`codesign compare e2e: 3 algorithms × 2 seeds × ${BUDGET} queries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const a of ['boshcode', 'evolution', 'random']) {
    await expect(table.locator(`tr[data-algorithm="${a}"] td`).first()).toHaveText(/^-?\d\.\d{3}$/);
    await expect(table.locator(`tr[data-algorithm="${a}"] td`).nth(2)).toHaveText('2');
    await expect(page.getByTestId(`cd-compare-curve-${a}`)).toHaveAttribute('d', /L/);
  }
  await expect(page.locator('[data-testid="cd-compare-plot"] path.cd-band')).toHaveCount(3);
  await expect(page.getByTestId('cd-compare-chart')).toContainText('Seeds 1, 2 at 60 queries');
  await page.getByTestId('cd-compare-section').screenshot({ path: `e2e/artifacts/${J}-1-desktop.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('cd-compare-section').scrollIntoViewIfNeeded();
  await page.getByTestId('cd-compare-section').screenshot({ path: `e2e/artifacts/${J}-2-phone.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
