import { expect, test, type Page } from '@playwright/test';
import { openApp, readHeadlines, waitForHeadlinesToChange, waitForSim } from './helpers.ts';

const J = 'ops-table';
const LIMITER = /Compute|Main memory|Activation buffer|Weight buffer|Mask buffer/;

/** The drawn bars of the timeline (SVG renderer: BERT-Tiny has far fewer ops than the canvas threshold). */
function bars(page: Page) {
  return page.getByTestId('timeline-plot').locator('svg.timeline-svg > g[clip-path] > rect');
}

/** Hovers bars left to right until the tooltip shows a mapping (a product); returns its text. */
async function hoverAProduct(page: Page): Promise<string> {
  const tooltip = page.getByTestId('timeline-tooltip');
  const count = await bars(page).count();
  for (let i = 0; i < count; i++) {
    const box = await bars(page).nth(i).boundingBox();
    if (!box || box.width < 2) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const shown = await tooltip.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false);
    if (shown && (await tooltip.getByTestId('tooltip-mapping').count())) return (await tooltip.textContent()) ?? '';
  }
  throw new Error('no bar with a mapping could be hovered');
}

test('training: the op table lists ops with their limiter and the optimizer step; the timeline tooltip shows the mapping', async ({ page }) => {
  await openApp(page);
  const before = await readHeadlines(page);
  await page.getByRole('radio', { name: 'Training', exact: true }).check();
  await waitForHeadlinesToChange(page, before);

  // The op table: one row per op, a limiter on each, the optimizer step in its own row.
  const table = page.getByTestId('ops-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody td.ops-limiter').first()).toHaveText(LIMITER);
  await expect(table.locator('tbody tr').first()).toContainText('embedding lookup');
  const optimizer = page.getByTestId('ops-optimizer');
  await expect(optimizer).toContainText('optimizer step (clip + AdamW), 1/8 per micro-batch');
  await expect(optimizer).toContainText(/full step: [\d,]+ cycles, [\d.]+ [mµk]?J/);
  await expect(optimizer).toContainText(LIMITER);
  await expect(table).toContainText(/Cycles by what bound them: main memory \d/);

  // Sorted by cycles, largest first.
  await page.getByTestId('ops-sort-cycles').click();
  await expect(table.locator('thead th[aria-sort="descending"]')).toContainText('Cycles');
  const cycles = (await table.locator('tbody tr td:nth-of-type(2)').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
  expect(cycles.length).toBeGreaterThan(10);
  for (let i = 1; i < cycles.length; i++) expect(cycles[i]).toBeLessThanOrEqual(cycles[i - 1]);
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `e2e/artifacts/${J}-2-table.png` });

  // The timeline: a legend by limiter; zoom into the forward pass, hover a product.
  const plot = page.getByTestId('timeline-plot');
  await expect(page.getByTestId('chart-timeline').locator('.legend')).toContainText('Bound by:');
  await expect(page.getByTestId('legend-mainMemory')).toBeVisible();
  await plot.scrollIntoViewIfNeeded();
  const area = await plot.locator('svg.timeline-overlay').boundingBox();
  if (!area) throw new Error('no timeline overlay');
  // Drag across the first sixth of the plot (after the 108 px row labels): the forward pass.
  await page.mouse.move(area.x + 112, area.y + 10);
  await page.mouse.down();
  await page.mouse.move(area.x + 112 + (area.width - 120) / 6, area.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-reset-zoom')).toBeVisible();

  const text = await hoverAProduct(page);
  expect(text).toMatch(/Mapping (fits on chip|weights-stationary|activations-stationary)/);
  expect(text).toMatch(/wave \d+×\d+ tiles/);
  expect(text).toMatch(/A read \d+× from the activation buffer/);
  expect(text).toMatch(/compute-bound|bound by (main memory|the \w+ buffer's bandwidth)/);
  expect(text).toMatch(/Busy cycles compute [\d,]+/);
  const chart = await page.getByTestId('chart-timeline').boundingBox();
  if (!chart) throw new Error('no timeline chart');
  const clip = { x: chart.x, y: Math.max(0, chart.y), width: chart.width, height: Math.min(800 - Math.max(0, chart.y), chart.height + 200) };
  await page.screenshot({ path: `e2e/artifacts/${J}-1-tooltip.png`, clip });
  // The same in the dark theme: the limiter colours and the card read on a dark ground too.
  await page.getByTestId('theme-select').selectOption('dark');
  await page.mouse.move(area.x + 2, area.y + 2);
  await hoverAProduct(page);
  await page.screenshot({ path: `e2e/artifacts/${J}-4-tooltip-dark.png`, clip });
  await page.getByTestId('theme-select').selectOption('light');

  // "Where this comes from" for the cycles: the design's own shares by limiter, and the model's document.
  const cyclesCard = page.locator('.headline').filter({ has: page.getByTestId('headline-cycles') });
  await cyclesCard.getByText('Where this comes from').click();
  await expect(cyclesCard).toContainText(/Cycles by what bound each op \(the timeline\): main memory/);
  await expect(cyclesCard).toContainText('docs/elector-model.md');
  const energyCard = page.locator('.headline').filter({ has: page.getByTestId('headline-energy') });
  await energyCard.getByText('Where this comes from').click();
  await expect(energyCard).toContainText(/MAC lanes, dynamic = lane-busy cycles × P_dyn \/ 700 MHz = /);
  await expect(energyCard).toContainText(/Main memory \(DRAM\), dynamic = bytes × 8 × pJ\/bit = /);
  await page.locator('.headline-grid').scrollIntoViewIfNeeded();
  await page.locator('.headline-grid').screenshot({ path: `e2e/artifacts/${J}-3-sources.png` });

  // The reference cost model has no limiter or mapping: the results still render, without the op table.
  await page.getByRole('radio', { name: 'Reference (AccelTran)' }).check();
  await expect(page.getByTestId('timeline-unavailable')).toBeVisible({ timeout: 30_000 });
  await waitForSim(page);
  await expect(page.getByTestId('ops-table')).toHaveCount(0);
  await expect(page.getByTestId('headline-cycles')).not.toBeEmpty();
});

test('inference, one pass: the op table adds up to the Cycles figure (the posted stores\' tail has its row), and the editor\'s area is the result\'s', async ({ page }) => {
  await openApp(page);
  const headlines = await readHeadlines(page);
  const table = page.getByTestId('ops-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr').last()).toContainText('write-back (posted stores finishing on the bus)');
  const cycles = (await table.locator('tbody tr td:nth-of-type(2)').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
  const total = Number(headlines['headline-cycles'].replace(/[^\d]/g, ''));
  expect(cycles.reduce((a, b) => a + b, 0)).toBe(total);
  // One area per design and cost model: the editor's live readout is the result's.
  const area = (s: string) => parseFloat(s.replace(/,/g, ''));
  expect(area((await page.getByTestId('area-live').textContent()) ?? '')).toBe(area(headlines['headline-area']));
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `e2e/artifacts/${J}-4-inference-total.png` });
});
