/**
 * The plot exported as a figure: SVG and PNG carry a title, the axes and a legend;
 * the SVG draws up to 10,000 points as vector marks and embeds a raster beyond;
 * the PNG is at least 2× the plot's CSS size. The PNGs are saved for looking at.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep } from './helpers.ts';

const J = 'plot-figure';
test.setTimeout(180_000);

async function download(page: Page, format: 'svg' | 'png'): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  expect(file.suggestedFilename()).toBe(`pareto-plot.${format}`);
  return readFile((await file.path())!);
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test('the plot exports as a titled figure with a legend: vector marks up to 10,000 points, a 2× PNG', async ({ page }) => {
  await openApp(page);
  await runSweep(page, 2000);
  const plotWidth = Number(await page.locator('[data-testid="pareto-plot"] svg').first().getAttribute('width'));

  const svg = (await download(page, 'svg')).toString('utf8');
  await writeFile(`e2e/artifacts/${J}-2000.svg`, svg);
  expect(svg).toContain('Energy / sequence vs latency');
  expect(svg).toMatch(/\d[\d,]* designs, \d+ on the Pareto front · random sweep, seed \d+/);
  expect(svg).toContain('Pareto front (both objectives minimised)');
  expect(svg).not.toContain('<image');
  // One square per point in view, as vector path segments.
  const squares = (svg.match(/h3v3h-3z/g) ?? []).length;
  console.log(`2,000-point SVG: ${(svg.length / 1024).toFixed(0)} kB, ${squares} vector squares`);
  expect(squares).toBeGreaterThan(1500);
  expect(squares).toBeLessThanOrEqual(2000);

  const png = await download(page, 'png');
  await writeFile(`e2e/artifacts/${J}-2000.png`, png);
  const size = pngSize(png);
  console.log(`PNG ${size.width}×${size.height} for a ${plotWidth} px wide plot`);
  expect(size.width).toBeGreaterThanOrEqual(2 * plotWidth);

  // Beyond 10,000 points the SVG embeds the cloud as an image and stays small.
  await runSweep(page, 12_000);
  const big = (await download(page, 'svg')).toString('utf8');
  console.log(`12,000-point SVG: ${(big.length / 1024).toFixed(0)} kB`);
  expect(big).toContain('<image');
  expect(big).toMatch(/1[12],\d{3} designs/);
  expect((big.match(/h3v3h-3z/g) ?? []).length).toBe(0);
});
