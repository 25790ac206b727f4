/**
 * Journey: colour the Pareto plot's points by an objective and size them by a parameter,
 * read the legend, check the canvas really holds several viridis bins, and see the
 * choice travel in a link.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { decodeLink, openApp, runSweep, shot } from './helpers.ts';

const J = 'plot-encoding';

/** Distinct opaque colours on the plot's canvas that are within a few levels of a viridis bin. */
async function viridisBinsOnCanvas(page: import('@playwright/test').Page): Promise<number> {
  return page.getByTestId('pareto-plot').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const bins = ['#48186a', '#424086', '#33638d', '#26828e', '#1fa088', '#3fbc73', '#84d44b', '#d8e219'];
    const rgb = bins.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] < 200) continue;
      rgb.forEach(([r, g, b], k) => { if (Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 40) seen.add(k); });
    }
    return seen.size;
  });
}

test('colour by an objective and size by a parameter, with a legend, kept in the link', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await runSweep(page, 2000);
  expect(await viridisBinsOnCanvas(page)).toBeLessThan(2);

  await page.getByTestId('plot-colour-by').selectOption('area');
  const legend = page.getByTestId('plot-colour-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toHaveAttribute('aria-label', /^Colour: Area, .+ to .+, (log|linear) scale$/);
  await expect.poll(() => viridisBinsOnCanvas(page)).toBeGreaterThanOrEqual(3);

  // Parameters are offered once the select is used (their columns are built on demand).
  const size = page.getByTestId('plot-size-by');
  await size.focus();
  await expect(size.locator('option[value="pe"]')).toHaveCount(1);
  await size.selectOption('pe');
  await expect(page.getByTestId('plot-size-legend')).toContainText('Processing elements: ');
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await shot(page, J, '1-colour-area-size-pe');

  await page.getByTestId('copy-link').click();
  const { session } = decodeLink(await page.getByTestId('link-output').inputValue());
  expect(session.plot).toMatchObject({ colourBy: 'area', sizeBy: 'pe' });

  // The exported figure keeps the colours (the cloud as the on-screen raster) and states both ranges in its legend.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = (await readFile((await file.path())!)).toString('utf8');
  await writeFile(`e2e/artifacts/${J}-figure.svg`, svg);
  expect(svg).toContain('Colour: Area: ');
  expect(svg).toContain('Size: Processing elements: ');
  expect(svg).toContain('data:image/png;base64,');

  // Back to none: one colour again.
  await page.getByTestId('plot-colour-by').selectOption('');
  await page.getByTestId('plot-size-by').selectOption('');
  await expect(page.getByTestId('plot-colour-legend')).toHaveCount(0);
  await expect.poll(() => viridisBinsOnCanvas(page)).toBeLessThan(2);
});

test('on a phone the colour and size controls wrap and the page never scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await runSweep(page, 1000);
  await page.getByTestId('plot-colour-by').selectOption('latency');
  await expect(page.getByTestId('plot-colour-legend')).toBeVisible();
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await shot(page, J, '2-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
});
