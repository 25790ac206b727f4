/**
 * Reading the numbers: a first visit's introduction (shown, dismissed, stays
 * dismissed after a reload, a lab design loads), and Compare in words: two pinned
 * designs, one chosen as the baseline, "× faster" ratios, per-module rows, and a
 * pinned design loaded back into the editors.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { frontMarkCentre, openApp, readHeadlines, runSweep, shot, waitForHeadlinesToChange, waitForSim } from './helpers.ts';

const J = 'compare-intro';
test.setTimeout(120_000);

test.describe('a first visit', () => {
  // No stored prefs at all: the config's "intro dismissed" entry is cleared for this journey.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('shows what the app is for and a three-step start; dismissed, it stays dismissed after a reload', async ({ page }) => {
    await openApp(page);
    const intro = page.getByTestId('intro');
    await expect(intro).toBeVisible();
    await expect(intro.getByRole('heading', { level: 2 })).toContainText('Co-design a transformer');
    await expect(intro.locator('ol > li')).toHaveText([/^Pick a preset\./, /^Read the results\./, /^Run a sweep\./]);
    await expect(page.getByTestId('intro-lab').getByRole('button')).toHaveCount(4);
    // Not a modal: the editors and tabs stay usable with the intro open.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Compare' })).toBeVisible();
    await shot(page, J, '1-first-visit');
    const axe = await new AxeBuilder({ page }).include('[data-testid="intro"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // A lab design loads into the editors.
    const before = await readHeadlines(page);
    await page.getByTestId('intro-lab-3').click();
    await expect(page.getByTestId('model-preset')).toHaveValue('bert-base');
    await expect(page.getByTestId('accelerator-preset')).toHaveValue('acceltran-server');
    await waitForHeadlinesToChange(page, before);

    // Found by its visible words: the accessible name contains them (WCAG 2.5.3, label in name).
    await page.getByRole('button', { name: 'Got it, hide this' }).click();
    await expect(intro).toHaveCount(0);
    await expect(page.getByTestId('intro-reopen')).toBeVisible();
    const stored = await page.evaluate(() => localStorage.getItem('transcode-explorer/prefs-intro'));
    expect(JSON.parse(stored ?? 'null')).toMatchObject({ dismissed: true });

    await page.reload();
    await waitForSim(page);
    await expect(page.getByTestId('intro')).toHaveCount(0);
    await shot(page, J, '2-dismissed-after-reload');

    // The header brings it back on request.
    await page.getByTestId('intro-reopen').click();
    await expect(page.getByTestId('intro')).toBeVisible();
  });

  test('on a 390×844 phone the intro fits the width and the tabs stay reachable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await expect(page.getByTestId('intro')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, J, '8-phone-first-visit');
    await page.getByTestId('intro-dismiss').click();
    await expect(page.getByTestId('intro')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
  });
});

test('compare: a chosen baseline, ratios in words, modules side by side, a pinned design loaded back', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('intro')).toHaveCount(0);
  const start = await readHeadlines(page);
  const tab = (name: string) => page.getByRole('tab', { name }).click();

  // Pin BERT-Tiny on AccelTran-Edge (the default design), then BERT-Base on the same chip.
  await tab('Compare');
  await page.getByTestId('pin-label').fill('Tiny on edge');
  await page.getByTestId('pin-current').click();
  await tab('Results');
  await page.getByTestId('model-preset').selectOption('bert-base');
  await waitForHeadlinesToChange(page, start);
  await tab('Compare');
  await page.getByTestId('pin-label').fill('Base on edge');
  await page.getByTestId('pin-current').click();
  await expect(page.getByTestId('compare-col-p1')).toContainText('Tiny on edge');
  await expect(page.getByTestId('compare-col-p2')).toContainText('Base on edge');
  const table = page.getByTestId('compare-table');
  await expect(table).not.toContainText('simulating…', { timeout: 60_000 });

  // Default baseline: BERT-Base on AccelTran-Server (no sweep has run).
  await expect(page.getByTestId('compare-col-baseline')).toContainText('BERT-Base · AccelTran-Server');
  await expect(page.getByTestId('compare-col-baseline')).toContainText('baseline');

  // Choose the big model as the baseline: the small one reads "N× faster" and "N× less energy".
  await page.getByTestId('baseline-select').selectOption({ label: 'Base on edge' });
  await expect(page.getByTestId('compare-col-p2')).toContainText('Pinned · baseline');
  await expect(page.getByTestId('compare-p2-latencyS')).toContainText('baseline');
  await expect(page.getByTestId('compare-p1-latencyS')).toContainText(/\d[\d,.]*× faster/);
  await expect(page.getByTestId('compare-p1-energyPerSeqJ')).toContainText(/\d[\d,.]*× less energy/);
  await expect(page.getByTestId('compare-p1-parameters')).toContainText(/\d[\d,.]*× fewer parameters/);
  await expect(page.getByTestId('compare-p1-macs')).toContainText(/× fewer MACs/);
  // Same chip: same area.
  await expect(page.getByTestId('compare-p1-areaMm2')).toContainText('same');
  await expect(table).not.toContainText('▲');
  await expect(table).not.toContainText(/0\.\d+×/);

  // Per-module breakdowns side by side.
  const modules = page.getByTestId('compare-modules');
  await expect(modules).toContainText('Energy / sequence by module');
  await expect(modules).toContainText('Area by module');
  await expect(modules).toContainText('MAC lanes');
  await expect(page.getByTestId('compare-p1-energy-macLanes')).toContainText(/× less energy/);
  await shot(page, J, '3-compare-baseline-chosen');
  await page.getByTestId('compare-modules').scrollIntoViewIfNeeded();
  await shot(page, J, '4-compare-modules');

  // The baseline choice is part of the session: it survives a reload.
  await page.reload();
  await tab('Results');
  await waitForSim(page);
  const big = await readHeadlines(page);
  await tab('Compare');
  await expect(page.getByTestId('baseline-select')).toHaveValue('p2');

  // Load the small pinned design back into the editors.
  await page.getByTestId('load-p1').click();
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-tiny');
  await expect(page.getByTestId('accelerator-preset')).toHaveValue('acceltran-edge');
  await tab('Results');
  const small = await waitForHeadlinesToChange(page, big);
  await tab('Compare');
  await expect(page.getByTestId('compare-current-latencyS')).toContainText(small['headline-latency'].trim().split(/\s+/)[0]);
  await expect(page.getByTestId('compare-current-latencyS')).toContainText(/× faster/);
  await shot(page, J, '5-pinned-loaded');
});

test('after a sweep: the table names designs as the editors do, and Compare defaults to the sweep\'s base design', async ({ page }) => {
  await openApp(page);
  // Build the sweep around BERT-Mini (not the default baseline's BERT-Base).
  const start = await readHeadlines(page);
  await page.getByTestId('model-preset').selectOption('bert-mini');
  await waitForHeadlinesToChange(page, start);
  await runSweep(page, 500);

  const table = page.getByTestId('front-table');
  await expect(table).toBeVisible();
  const designs = await table.locator('td.design-cell').allInnerTexts();
  expect(designs.length).toBeGreaterThan(0);
  for (const d of designs) {
    expect(d).toMatch(/Tile \d+×\d+/);
    expect(d).toMatch(/\d+ PEs/);
    expect(d).not.toMatch(/tile\.|lanesPerPe|macsPerLane|mainMemory|\bpe \d/);
  }
  await table.scrollIntoViewIfNeeded();
  await shot(page, J, '6-sweep-table-names');

  // The plot's tooltip too: names, not ids or op codes.
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  const c = await frontMarkCentre(page, 0);
  await page.mouse.move(c.x, c.y);
  const tooltip = page.getByTestId('pareto-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/Tile \d+×\d+/);
  await expect(tooltip).toContainText('Attn SDP');
  await expect(tooltip).not.toContainText(/tile\.|lanesPerPe|sa_sdp|\blb\b|\bhb\b/);
  await shot(page, J, '6b-sweep-tooltip-names');

  // The baseline defaults to the sweep's base design: BERT-Mini on AccelTran-Edge.
  await page.getByRole('tab', { name: 'Compare' }).click();
  const base = page.getByTestId('compare-col-baseline');
  await expect(base).toContainText('Sweep base · baseline');
  await expect(base).toContainText('BERT-Mini · AccelTran-Edge');
  await expect(page.getByTestId('baseline-select').locator('option').first()).toHaveText('BERT-Mini · AccelTran-Edge (sweep base)');
  // The live design is the sweep's base: everything reads "same".
  await expect(page.getByTestId('compare-current-latencyS')).toContainText('same', { timeout: 30_000 });
  await shot(page, J, '7-compare-sweep-base');
});
