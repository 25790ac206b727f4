/**
 * The sweep history: two sweeps run, both kept; one renamed; the earlier one
 * reopened (no simulation: the plot shows its points at once) and the other
 * overlaid on the same axes; both survive a reload (IndexedDB); a phone view.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep, shot } from './helpers.ts';

const J = 'sweep-history';
test.setTimeout(120_000);

const plotLabel = async (page: Page) => (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';

async function setSeed(page: Page, seed: number) {
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  const input = page.getByTestId('sweep-seed');
  await input.fill(String(seed));
  await input.blur();
}

test('finished sweeps are kept, renamed, reopened without simulating, overlaid, and survive a reload', async ({ page }) => {
  await openApp(page);
  await setSeed(page, 11);
  await runSweep(page, 1500);
  const first = await plotLabel(page);
  await setSeed(page, 12);
  await runSweep(page, 1000);

  const history = page.getByTestId('sweep-history');
  await history.locator('summary').click();
  const entries = history.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('seed 12');
  await expect(entries.nth(0)).toContainText('shown');
  await expect(entries.nth(1)).toContainText('1,500 points');

  // Rename the earlier sweep.
  const name = entries.nth(1).getByTestId('history-name');
  await name.fill('Baseline, seed 11');
  await name.press('Enter');

  // A rejected seed in the field, then the reopened sweep's seed replaces it (not the old text, not its error).
  await page.getByTestId('sweep-seed').fill('-1');
  await expect(page.locator('#sweep-seed-error')).toContainText('Seed must be between 0 and');
  // Reopen it: its points at once (status stays "Done", no "Simulating"), and it is the view's sweep again.
  await entries.nth(1).getByTestId('history-open').click();
  await expect.poll(() => plotLabel(page)).toBe(first);
  await expect(page.getByTestId('sweep-status')).toContainText('shown from the sweep history');
  await expect(page.getByTestId('sweep-seed')).toHaveValue('11');
  await expect(page.locator('#sweep-seed-error')).toHaveCount(0);
  await expect(page.getByTestId('sweep-run')).toBeEnabled();
  await expect(page.getByTestId('sweep-stale')).toHaveCount(0);
  await expect(entries.nth(1)).toContainText('shown');

  // Overlay the other one.
  await entries.nth(0).getByTestId('history-overlay').click();
  await expect(page.getByTestId('overlay-note')).toContainText('seed 12');
  await expect(entries.nth(0).getByTestId('history-overlay')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await shot(page, J, '1-reopened-and-overlaid');

  // A reload keeps the history and the names (the link carries settings and seed, never points),
  // and shows the view's sweep from the history at once instead of simulating it again.
  await page.reload();
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await expect.poll(() => plotLabel(page)).toBe(first);
  await expect(page.getByTestId('sweep-status')).toContainText('shown from the sweep history (no simulation');
  await page.getByTestId('sweep-history').locator('summary').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('history-name').nth(1)).toHaveValue('Baseline, seed 11');
  expect(decodeURIComponent(page.url()).length).toBeLessThan(4000);

  // Delete one.
  await page.getByTestId('history-entry').nth(0).getByTestId('history-delete').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('sweep-history').scrollIntoViewIfNeeded();
  await shot(page, J, '2-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
