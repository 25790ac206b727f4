import { expect, test, type Page } from '@playwright/test';
import { currentTableRow, frontMarkCentre, openApp, readEditors, readHeadlines, runSweep, shot, waitForSim } from './helpers.ts';

const J = 'sweep';
test.setTimeout(240_000);

/** Hovers front diamonds (from the middle outwards) until the tooltip names a front point; returns where it is. */
async function findClickableFrontPoint(page: Page, frontIds: string[]): Promise<{ x: number; y: number; id: string }> {
  const n = frontIds.length;
  const order = Array.from({ length: n }, (_, k) => (Math.floor(n / 2) + k) % n);
  const seen: string[] = [];
  for (const j of order) {
    const c = await frontMarkCentre(page, j);
    await page.mouse.move(c.x, c.y);
    const title = page.getByTestId('pareto-tooltip').locator('.sweep-tooltip-title');
    await expect(title).toBeVisible();
    const id = (await title.innerText()).replace('Point ', '');
    if (frontIds.includes(id)) return { x: c.x, y: c.y, id };
    seen.push(`diamond ${j} → ${id}`);
  }
  throw new Error(`no front diamond hovers as a front point: ${seen.join(', ')}`);
}

test('a 5,000-point sweep shows a front, and clicking a front point loads it into the editors', async ({ page }) => {
  await openApp(page);
  const before = await readHeadlines(page);
  const editorsBefore = await readEditors(page);

  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await expect(page.getByTestId('pareto-plot')).toHaveAttribute('aria-label', /no sweep has run yet/);
  await shot(page, J, '1-empty');
  await runSweep(page, 5000);

  const plot = page.getByTestId('pareto-plot');
  // The text alternative counts the points and the front.
  await expect(plot).toHaveAttribute('aria-label', /Pareto plot of Energy \/ sequence against Latency: [\d,]+ points, \d+ on the front/);
  const label = (await plot.getAttribute('aria-label')) ?? '';
  const [, points, front] = /: ([\d,]+) points, (\d+) on the front/.exec(label) ?? [];
  const failures = (await page.getByTestId('sweep-errors').count()) > 0 ? await page.getByTestId('sweep-errors').innerText() : 'none';
  console.log(`sweep: ${points} points plotted, ${front} on the front; ${await page.getByTestId('sweep-status').innerText()}; failures: ${failures}`);
  expect(Number(points.replace(/,/g, ''))).toBeGreaterThan(4000);
  expect(Number(front)).toBeGreaterThan(1);
  // The front is drawn (diamonds and staircase) and listed in the table.
  expect((await frontMarkCentre(page, 0)).count).toBe(Number(front));
  await expect(plot.locator('path[data-part="step"]')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('table-count')).toHaveText(`Showing ${front} of ${front} points.`);
  // The current design is marked at its own simulated objectives (the sweep varies the accelerator around it).
  await expect(plot.getByTestId('design-mark-current')).toHaveCount(1);
  await expect(plot.getByTestId('design-mark-current')).toContainText('Current design');
  const frontIds = (await page.getByTestId('front-table').locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
  expect(frontIds).toHaveLength(Number(front));
  await plot.scrollIntoViewIfNeeded();
  await shot(page, J, '2-front-auto-scales');

  // Pin both axes to log so the front is spread out whatever "auto" decides.
  await page.getByTestId('plot-x-scale').selectOption('log');
  await page.getByTestId('plot-y-scale').selectOption('log');
  const target = await findClickableFrontPoint(page, frontIds);
  await shot(page, J, '3-hover-front-point');

  // Click it: its design goes into the editors.
  await page.mouse.click(target.x, target.y);
  await expect(plot.locator('circle[data-part="focus"]')).toBeVisible();
  await expect(page.getByTestId('front-table').locator('tbody tr[aria-current="true"]')).toHaveCount(1);
  const row = await currentTableRow(page);
  expect(row.Point).toBe(target.id);
  console.log(`loaded front point ${row.Point}: latency ${row.Latency}, energy ${row['Energy / sequence']}, design ${row.Design}`);
  await shot(page, J, '4-point-loaded');

  await expect(page.getByTestId('accelerator-preset')).toHaveValue('custom');
  expect(await readEditors(page)).not.toEqual(editorsBefore);
  await page.getByRole('tab', { name: 'Results' }).click();
  await waitForSim(page);
  const after = await readHeadlines(page);
  expect(after).not.toEqual(before);
  // The editors hold exactly the point's design: the live simulation agrees with the sweep's figures.
  expect(after['headline-latency']).toBe(row.Latency);
  expect(after['headline-energy']).toBe(row['Energy / sequence']);
  expect(after['headline-edp']).toBe(row['Energy-delay product']);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, J, '5-results-of-point');
});
