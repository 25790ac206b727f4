/**
 * Journey: run a 2,000-pair sweep, open "Many objectives", read the front count,
 * hypervolume and reference point, see one scatter plot per objective pair and
 * the importance table with its method, switch to the table, add a fourth
 * objective and see the analysis follow. Screenshots at desktop and phone sizes.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeLink, openApp, runSweep, shot } from './helpers.ts';

const J = 'many-objectives';
const SAMPLES = 2000;

const frontCount = async (page: Page): Promise<number> =>
  Number(((await page.getByTestId('mo-front-count').textContent()) ?? '').replace(/,/g, ''));

/** Waits for the analysis to settle: the status line is empty once no analysis runs. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('mo-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('mo-status')).toHaveText('', { timeout: 60_000 });
}

for (const size of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`fronts over several objectives: summary, scatter matrix, importance (${size.name})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    await runSweep(page, SAMPLES);
    await page.getByTestId('mo-details').locator('summary').click();
    await settled(page);

    // The summary: a front, a hypervolume with units, the reference point by its rule.
    const summary = page.getByTestId('mo-summary');
    expect(await frontCount(page)).toBeGreaterThan(0);
    await expect(summary).toContainText('on the front over {latency, energy / sequence, area}');
    await expect(page.getByTestId('mo-hypervolume')).toHaveText(/\d.*s·J·mm²$/);
    await expect(page.getByTestId('mo-reference')).toHaveText(/^\(.+s, .+J, .+mm²\)$/);
    await expect(summary).toContainText('each objective’s worst value with a 10 % margin');
    await expect(page.getByTestId('many-objectives')).toContainText('Reference point: for each objective, the worst value among the points');

    // Scatter matrix: k(k−1)/2 canvases for k = 3.
    const cells = page.getByTestId('mo-matrix').locator('canvas');
    await expect(cells).toHaveCount(3);
    // The current design is marked in every cell, at its own simulated objectives, as on the Pareto plot.
    await expect(page.getByTestId('mo-matrix').locator('.mo-mark-current')).toHaveCount(3);
    // Importance: the method named, a row per varied parameter.
    await expect(page.getByTestId('mo-importance-method')).toContainText('Spearman ρ');
    await expect(page.getByTestId('mo-importance-method')).toContainText('correlation ratio η');
    await expect(page.getByTestId('mo-importance').getByRole('rowheader', { name: 'Processing elements' })).toBeVisible();
    await page.getByTestId('mo-matrix').scrollIntoViewIfNeeded();
    await shot(page, J, `${size.name}-1-three-objectives`);
    await page.getByTestId('mo-importance').scrollIntoViewIfNeeded();
    await shot(page, J, `${size.name}-2-importance`);

    // The table alternative lists the front points.
    await page.getByTestId('mo-show-table').click();
    const rows = page.getByTestId('mo-front-table').locator('tbody tr');
    const three = await frontCount(page);
    await expect(rows).toHaveCount(Math.min(200, three));
    await page.getByRole('button', { name: 'Scatter matrix' }).click();

    // A fourth objective: the front can only grow (a point dominated over four objectives is dominated over three).
    await page.getByTestId('mo-objective-leakageEnergy').check();
    await expect(summary).toContainText('{latency, energy / sequence, leakage energy / sequence, area}', { timeout: 60_000 });
    await settled(page);
    await expect(cells).toHaveCount(6);
    expect(await frontCount(page)).toBeGreaterThanOrEqual(three);
    await expect(page.getByTestId('mo-hypervolume')).not.toContainText('±');
    await expect(page.getByTestId('mo-importance').locator('thead th')).toHaveCount(5);
    await page.getByTestId('mo-matrix').scrollIntoViewIfNeeded();
    await shot(page, J, `${size.name}-3-four-objectives`);
    // The view keeps the section open and its objectives: a link carries them.
    if (size.name === 'desktop') {
      await page.getByTestId('copy-link').click();
      const { session } = decodeLink(await page.getByTestId('link-output').inputValue());
      expect(session.analysis).toEqual({ open: true, objectives: ['latency', 'energy', 'leakageEnergy', 'area'] });
    }

    // A fifth objective: beyond the exact limits, the hypervolume is a seeded Monte Carlo estimate and says so.
    await page.getByTestId('mo-objective-edp').check();
    await expect(cells).toHaveCount(10, { timeout: 60_000 });
    await settled(page);
    await expect(page.getByTestId('mo-hypervolume')).toContainText('±');
    await expect(page.getByTestId('mo-monte-carlo')).toContainText('Monte Carlo estimate');
    await shot(page, J, `${size.name}-4-five-objectives`);

    // At least two objectives: the last two cannot be unticked.
    for (const o of ['edp', 'leakageEnergy', 'area']) await page.getByTestId(`mo-objective-${o}`).uncheck();
    await expect(page.getByTestId('mo-objective-latency')).toBeDisabled();
    await expect(page.getByTestId('mo-objective-energy')).toBeDisabled();

    // The page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
}
