/**
 * Journey: run a sweep, open the parallel coordinates, brush two axes (one with
 * the pointer, one with the keyboard inputs), see the plot and the table
 * restricted, export the brushed points as CSV and check they are exactly the
 * points inside both brushes. Screenshots at desktop and phone sizes.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { decodeLink, openApp, runSweep, shot } from './helpers.ts';

const J = 'parallel-coordinates';
const SAMPLES = 2000;

const passCount = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('pc-count').textContent()) ?? '';
  const m = /^([\d,]+) of/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : Number.NaN;
};

/** Drags along an axis's hit strip from fraction `a` to `b` of its height (0 = top). */
async function dragAxis(page: Page, key: string, a: number, b: number): Promise<void> {
  const hit = page.getByTestId(`pc-hit-${key}`);
  // Fully on screen: a drag past the viewport's edge would be cut short.
  await hit.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const box = (await hit.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + a * box.height);
  await page.mouse.down();
  await page.mouse.move(x, box.y + ((a + b) / 2) * box.height, { steps: 3 });
  await page.mouse.move(x, box.y + b * box.height, { steps: 3 });
  await page.mouse.up();
}

for (const size of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`brushing parallel coordinates filters plot, table and CSV export (${size.name})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    await runSweep(page, SAMPLES);
    await page.getByTestId('pc-details').locator('summary').click();
    const pc = page.getByTestId('parallel-coordinates');
    await expect(pc).toBeVisible();
    await expect(page.getByTestId('pc-count')).toContainText(`${SAMPLES.toLocaleString('en-US')} points`);

    // Brush 1, with the pointer: the lower part of the latency axis (low latencies).
    await dragAxis(page, 'latency', 0.4, 0.98);
    await expect(page.getByTestId('pc-count')).toContainText('pass the brushes');
    const afterOne = await passCount(page);
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(SAMPLES);
    // The drawn brush shows in the axis's inputs; Enter re-applies the shown (rounded) values, so the check below is exact.
    const latMin = page.getByLabel('Latency brush minimum');
    const latMax = page.getByLabel('Latency brush maximum');
    await latMin.press('Enter');
    const [lo, hi] = [Number(await latMin.inputValue()), Number(await latMax.inputValue())];
    expect(hi).toBeGreaterThan(lo);

    // Brush 2, with the keyboard: processing elements 32…256.
    const peMin = page.getByLabel('Processing elements brush minimum');
    await peMin.fill('32');
    await page.getByLabel('Processing elements brush maximum').fill('256');
    await page.getByLabel('Processing elements brush maximum').press('Enter');
    await expect.poll(() => passCount(page)).toBeLessThan(afterOne);
    const passing = await passCount(page);
    expect(passing).toBeGreaterThan(0);
    await pc.scrollIntoViewIfNeeded();
    await shot(page, J, `${size.name}-1-brushed`);

    // The Pareto plot and the table follow.
    await expect(page.getByTestId('plot-brushed')).toContainText(`showing ${passing.toLocaleString('en-US')} points`);
    await page.getByTestId('table-filtered').click();
    await expect(page.getByTestId('table-filtered')).toHaveText(`Brushed (${passing.toLocaleString('en-US')})`);
    await expect(page.getByTestId('table-count')).toContainText(`of ${passing.toLocaleString('en-US')} points`);
    await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
    await shot(page, J, `${size.name}-2-plot-filtered`);

    // Export every point inside the brushes.
    await page.getByTestId('export-which').selectOption('all');
    await expect(page.getByTestId('export-brushed')).toBeVisible();
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-csv').click();
    const download = await downloadPromise;
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    const header = lines[0].split(',');
    const li = header.indexOf('Latency (s)');
    const pi = header.indexOf('Processing elements');
    expect(li).toBeGreaterThan(0);
    expect(pi).toBeGreaterThan(0);
    const rows = lines.slice(1).map((l) => l.split(','));
    // Exactly the brushed points: as many rows as pass, each inside both brushes, none twice.
    expect(rows).toHaveLength(passing);
    expect(new Set(rows.map((r) => r[0])).size).toBe(passing);
    for (const r of rows) {
      const lat = Number(r[li]);
      const pe = Number(r[pi]);
      expect(lat).toBeGreaterThanOrEqual(lo * (1 - 1e-6));
      expect(lat).toBeLessThanOrEqual(hi * (1 + 1e-6));
      expect(pe).toBeGreaterThanOrEqual(32);
      expect(pe).toBeLessThanOrEqual(256);
    }

    // The view travels in a link: open panel, layout and both brushes; a fresh tab re-runs the sweep and filters the same points.
    if (size.name === 'desktop') {
      await page.getByRole('button', { name: 'Flip Processing elements' }).click();
      await page.getByTestId('pc-colour-by').selectOption('pe');
      await page.getByTestId('copy-link').click();
      const url = await page.getByTestId('link-output').inputValue();
      const { session } = decodeLink(url);
      expect(session.parallel).toMatchObject({ open: true, flipped: ['pe'], colourBy: 'pe', brushes: { latency: [lo, hi], pe: [32, 256] } });
      const receiver = await page.context().browser()!.newPage({ viewport: { width: size.width, height: size.height } });
      try {
        await receiver.goto(url);
        await expect(receiver.getByTestId('sweep-status')).toContainText(`Done: ${SAMPLES.toLocaleString('en-US')} pairs`, { timeout: 180_000 });
        await expect(receiver.getByTestId('parallel-coordinates')).toBeVisible();
        await expect.poll(() => passCount(receiver)).toBe(passing);
        await expect(receiver.getByRole('button', { name: 'Flip Processing elements' })).toHaveAttribute('aria-pressed', 'true');
        await expect(receiver.getByTestId('pc-colour-by')).toHaveValue('pe');
        await receiver.getByTestId('parallel-coordinates').scrollIntoViewIfNeeded();
        await shot(receiver, J, `${size.name}-3-receiver-same-brushes`);
      } finally {
        await receiver.close();
      }
    }

    // Clearing the brushes restores every point.
    await page.getByRole('button', { name: 'Clear brushes' }).click();
    await expect(page.getByTestId('pc-count')).toContainText(`${SAMPLES.toLocaleString('en-US')} points; drag`);
    await expect(page.getByTestId('plot-brushed')).toHaveCount(0);
    // The page never scrolls sideways: the axes scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
}

/** Every y of the current design's polyline, in the plot's SVG coordinates. */
const currentLineYs = (page: Page): Promise<number[]> =>
  page.locator('.pc-mark-current polyline').getAttribute('points').then((p) => (p ?? '').trim().split(/\s+/).map((xy) => Number(xy.split(',')[1])));

test('a constant axis and one-sided brushes log no errors; the current design stays inside the axes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  // Only the transformer varies: the accelerator's area is the same for every point.
  await page.getByRole('radio', { name: 'Transformer' }).check();
  await page.getByTestId('sweep-seed').fill('5');
  await runSweep(page, 300);
  await page.getByTestId('pc-details').locator('summary').click();
  await expect(page.getByTestId('parallel-coordinates')).toBeVisible();

  const latMin = page.getByLabel('Latency brush minimum');
  const latMax = page.getByLabel('Latency brush maximum');
  await latMin.fill('0.002');
  await latMin.press('Enter');
  await latMax.fill('0.006');
  await latMax.press('Enter');
  await page.getByLabel('Area brush maximum').fill('1e9');
  await page.getByLabel('Area brush maximum').press('Enter');
  const bands = await page.locator('.pc-brush').evaluateAll((rects) => rects.map((r) => [r.getAttribute('y'), r.getAttribute('height')]));
  expect(bands.length).toBe(2);
  for (const [y, h] of bands) expect([Number(y), Number(h)].every(Number.isFinite)).toBe(true);

  // The plot's axes run from y = 12 to y = 284 (ParallelCoordinates.tsx); the line never leaves them.
  const inside = (ys: number[]) => ys.length > 2 && ys.every((y) => y >= 12 && y <= 284);
  expect(inside(await currentLineYs(page))).toBe(true);
  // The current design's EDP (nJ·s) lies far below this sweep's: held at the axis's end, an arrow on the side it lies.
  const edpEnd = page.locator('.pc-mark-current text[data-beyond]');
  await expect(edpEnd.first()).toHaveAttribute('data-beyond', 'below');
  await page.getByRole('button', { name: 'Flip Energy-delay product' }).click();
  await expect(edpEnd.first()).toHaveAttribute('data-beyond', 'above');
  expect(inside(await currentLineYs(page))).toBe(true);
  await page.getByTestId('parallel-coordinates').scrollIntoViewIfNeeded();
  await shot(page, J, 'constant-axis-flipped');
  expect(errors).toEqual([]);
});
