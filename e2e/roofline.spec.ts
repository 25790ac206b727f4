/**
 * The roofline (issue 13): opened under the timeline, it shows the compute ceiling and
 * each memory level's bandwidth ceiling with this design's figures, one point per op with
 * MACs, and hovering a point rings the same op in the timeline (and the other way round).
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, readHeadlines, waitForHeadlinesToChange } from './helpers.ts';

const J = 'roofline';

async function openRoofline(page: Page) {
  const section = page.getByTestId('roofline-section');
  await section.scrollIntoViewIfNeeded();
  await page.getByTestId('roofline-open').click();
  await expect(page.getByTestId('roofline-plot')).toBeVisible({ timeout: 15_000 });
  return section;
}

test('BERT-Tiny on AccelTran-Edge: ceilings, points, caption, table and the hover link with the timeline', async ({ page }) => {
  await openApp(page);
  const section = await openRoofline(page);

  // Ceilings with the Edge preset's figures: 64 PEs × 16 lanes × 16 MACs; DRAM 36.6 B/cycle; three 16-bank buffers of 1,024 B/cycle.
  await expect(page.getByTestId('roofline-ceiling-compute')).toContainText('Compute 16,384 MAC/cycle');
  await expect(section.locator('[data-testid^="roofline-ceiling-mainMemory"]')).toContainText('Main memory 36.6 B/cycle');
  await expect(section.locator('[data-testid*="activationBuffer"]')).toContainText('1,024 B/cycle');
  const caption = page.getByTestId('roofline-caption');
  await expect(caption).toContainText(/compute = \d+ PEs × \d+ lanes × \d+ MAC = 16,384 MAC\/cycle/);
  await expect(caption).toContainText(/main memory = DRAM × \d channels?, [\d.]+ GB\/s peak ÷ 700 MHz = 36\.6 B\/cycle/);
  await expect(page.getByTestId('roofline-omitted')).toContainText(/Not drawn: \d+ ops without MACs/);

  // One point per op with MACs and cycles: BERT-Tiny inference has 12 (docs: 2 layers × 6 products).
  const points = section.getByTestId('roofline-point');
  await expect(points).toHaveCount(12);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `e2e/artifacts/${J}-1-chart.png` });

  // Hover a point: its tooltip, and the same op ringed in the timeline. Identical layers put
  // ops on the same spot, so the op hovered is the one on top: read it from the ring.
  const box = await points.nth(3).boundingBox();
  if (!box) throw new Error('no point box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const entry = await page.getByTestId('roofline-highlight').getAttribute('data-entry');
  await expect(page.getByTestId('roofline-tooltip')).toContainText(/MAC\/cycle/);
  await expect(page.getByTestId('roofline-tooltip')).toContainText(/reached \d+\.\d %/);
  const linked = page.getByTestId('timeline-linked');
  await expect(linked).toHaveCount(1);
  await expect(linked).toHaveAttribute('data-entry', entry ?? '');
  await page.getByTestId('chart-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/artifacts/${J}-2-linked-timeline.png` });
  await page.mouse.move(0, 0);
  await expect(linked).toHaveCount(0);

  // And back: hovering bars in the timeline rings the op on the roofline (when it is drawn there).
  const bars = page.getByTestId('timeline-plot').locator('svg.timeline-svg > g[clip-path] > rect');
  const highlight = page.getByTestId('roofline-highlight');
  let ringed = false;
  for (let i = 0, n = await bars.count(); i < n && !ringed; i++) {
    const box = await bars.nth(i).boundingBox();
    if (!box || box.width < 3) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    ringed = await highlight.waitFor({ state: 'visible', timeout: 500 }).then(() => true, () => false);
  }
  expect(ringed).toBe(true);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `e2e/artifacts/${J}-3-linked-from-timeline.png` });
  await page.mouse.move(0, 0);

  // Another level on the x axis: the activation buffer's slope becomes the active one.
  await page.getByTestId('roofline-level').selectOption('activationBuffer');
  await expect(section.locator('.roofline-ceiling.active')).toHaveCount(2);
  await expect(section.locator('.axis-title').first()).toContainText('MAC per byte of activation buffer');

  // The table: every op's intensity, rate, ceiling and share of it.
  await page.getByTestId('chart-roofline-toggle').click();
  const table = section.locator('table.data-table');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(table.locator('thead')).toContainText('% of ceiling');
  await expect(table.locator('tbody tr').first()).toContainText(/\d+\.\d %/);
  await section.screenshot({ path: `e2e/artifacts/${J}-4-table.png` });
});

test('training draws more points; the reference model explains that the roofline needs the elector model', async ({ page }) => {
  await openApp(page);
  const before = await readHeadlines(page);
  await page.getByRole('radio', { name: 'Training', exact: true }).check();
  await waitForHeadlinesToChange(page, before);
  const section = await openRoofline(page);
  expect(await section.getByTestId('roofline-point').count()).toBeGreaterThan(12);
  await section.screenshot({ path: `e2e/artifacts/${J}-5-training.png` });

  await page.getByRole('radio', { name: 'Reference (AccelTran)', exact: true }).check();
  await expect(page.getByTestId('roofline-unavailable')).toContainText('needs the elector cost model', { timeout: 30_000 });
  await section.screenshot({ path: `e2e/artifacts/${J}-6-reference.png` });
});
