/**
 * Marked designs on the Pareto plot in Chromium: a pinned copy of the current design lies at
 * the same spot (here beyond the axes), and the two labels are stacked, not drawn over each
 * other, and stay inside the plot area, on a desktop and on a phone. The exported figure
 * shows whole marks on the plot's edges and names the current design in its legend.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, runSweep } from './helpers.ts';

const J = 'plot-marks';
test.setTimeout(180_000);

async function pinAndSweep(page: Page, seed: number): Promise<void> {
  await openApp(page);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('pin-current').click();
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByRole('radio', { name: 'Both' }).check();
  await page.getByTestId('sweep-seed').fill(String(seed));
  await runSweep(page, 300);
}

type Box = { x: number; y: number; width: number; height: number };
/** The text's own box on the page (getBBox), not the stroke-inflated client rect of its halo. */
const glyphBox = (text: Locator): Promise<Box> => text.evaluate((t: SVGTextElement) => {
  const b = t.getBBox();
  const m = t.getScreenCTM()!;
  return { x: b.x + m.e, y: b.y + m.f, width: b.width, height: b.height };
});
const apart = (a: Box, b: Box) => a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x;
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

for (const size of [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`labels of designs at one spot are stacked inside the plot (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await pinAndSweep(page, 1);
    const plot = page.getByTestId('pareto-plot');
    const current = plot.getByTestId('design-mark-current');
    const pinned = plot.getByTestId('design-mark-pinned');
    await expect(current).toContainText('(beyond the axes)');
    await expect(pinned).toHaveCount(1);
    const area = (await plot.locator('rect[data-part="bg"]').boundingBox())!;
    const a = await glyphBox(current.locator('text'));
    const b = await glyphBox(pinned.locator('text'));
    expect(apart(a, b)).toBe(true);
    expect(within(a, area)).toBe(true);
    expect(within(b, area)).toBe(true);
    await plot.scrollIntoViewIfNeeded();
    await plot.screenshot({ path: `e2e/artifacts/${J}-${size.name}-labels.png` });
  });
}

test('the exported figure draws edge marks whole and lists the current and pinned designs in its legend', async ({ page }) => {
  await pinAndSweep(page, 7);
  // Design marks are outside the clip; unzoomed, the front's clip leaves room for a diamond on an axis line.
  const plot = page.getByTestId('pareto-plot');
  expect(await plot.getByTestId('design-mark-current').evaluate((el) => el.closest('[clip-path]'))).toBeNull();
  await expect(plot.locator('rect[data-part="clip"]')).toHaveAttribute('x', '-6');

  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = await readFile((await svgFile.path())!, 'utf8');
  // Legend entries are `<text x="14" y="4">` beside their mark.
  expect(svg).toContain('<text x="14" y="4">Current design</text>');
  expect(svg).toContain('<text x="14" y="4">Pinned design</text>');
  // The labels keep their halo under the glyphs (else the stroke hides the text).
  expect(svg).toMatch(/<text[^>]*paint-order: stroke[^>]*>Current design \(beyond the axes\)/);
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  await writeFile(`e2e/artifacts/${J}-figure.png`, await readFile((await pngFile.path())!));
});
