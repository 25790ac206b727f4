/**
 * Links, reload and import keep the whole view: the open tab, the timeline's row
 * grouping and the plot's brush (a rectangle in data coordinates) come back in a
 * fresh context, after a reload and from a session file, and a link pasted into
 * an already open tab (or a session file imported into one) re-runs its sweep.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { decodeLink, openApp, runSweep, shot, waitForSim } from './helpers.ts';
import { SESSION_VERSION } from '../src/core/share/limits.ts';

const J = 'whole-view';
test.setTimeout(300_000);

/** A returning user's context (the first-visit introduction dismissed), like the config's default one. */
function freshContext(browser: Browser) {
  return browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    storageState: {
      cookies: [],
      origins: [{ origin: 'http://127.0.0.1:4173', localStorage: [{ name: 'transcode-explorer/prefs-intro', value: '{"version":1,"dismissed":true}' }] }],
    },
  });
}

/** "n selected" from the plot's text alternative. */
async function selectedCount(page: Page): Promise<number> {
  const label = (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';
  const m = /([\d,]+) selected/.exec(label);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

/** Drags a brush over the middle of the plot area. */
async function brushMiddle(page: Page): Promise<void> {
  const area = page.getByTestId('pareto-plot').locator('g[data-part="brush"] rect.overlay');
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box) throw new Error('no brush area');
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.05);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.95, { steps: 8 });
  await page.mouse.up();
}

test('the tab, the timeline rows and the brush travel in a link, survive a reload, and a pasted link re-runs its sweep', async ({ page, browser }) => {
  await openApp(page);
  // Rows by op kind on the Results tab.
  await page.getByTestId('timeline-grouping').selectOption('kind');
  await runSweep(page, 4000);
  await brushMiddle(page);
  await expect.poll(() => selectedCount(page)).toBeGreaterThan(20);
  const brushed = await selectedCount(page);
  await expect(page.getByTestId('table-count')).toBeVisible();
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  // Short: a rectangle, not indices.
  expect(url.length).toBeLessThan(2000);
  const { version, session } = decodeLink(url);
  expect(version).toBe(SESSION_VERSION);
  expect(session.view).toEqual({ tab: 'sweep', timelineRows: 'kind' });
  expect((session.plot as { brush: unknown }).brush).toMatchObject({ x: 'latency', y: 'energy' });
  console.log(`brushed ${brushed} points; link ${url.length} characters; brush ${JSON.stringify((session.plot as { brush: unknown }).brush)}`);
  await shot(page, J, '1-sender-brushed');

  // A fresh context opens on the Sweep tab, re-runs the sweep and brushes the same points.
  const receiverContext = await freshContext(browser);
  try {
    const receiver = await receiverContext.newPage();
    await receiver.goto(url);
    await expect(receiver.getByRole('tab', { name: 'Sweep & Pareto' })).toHaveAttribute('aria-selected', 'true');
    await expect(receiver.getByTestId('sweep-status')).toContainText('Done: 4,000 pairs', { timeout: 180_000 });
    await expect.poll(() => selectedCount(receiver)).toBe(brushed);
    await receiver.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
    await shot(receiver, J, '2-receiver-same-brush');
    await receiver.getByRole('tab', { name: 'Results' }).click();
    await waitForSim(receiver);
    await expect(receiver.getByTestId('timeline-grouping')).toHaveValue('kind');
    await receiver.getByTestId('timeline-grouping').scrollIntoViewIfNeeded();
    await shot(receiver, J, '2b-receiver-rows-by-kind');

    // A reload keeps the view (the Results tab now), the rows, and the brush.
    await receiver.reload();
    await waitForSim(receiver);
    await expect(receiver.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
    await expect(receiver.getByTestId('timeline-grouping')).toHaveValue('kind');
    await receiver.getByRole('tab', { name: 'Sweep & Pareto' }).click();
    await expect(receiver.getByTestId('sweep-status')).toContainText('Done: 4,000 pairs', { timeout: 180_000 });
    await expect.poll(() => selectedCount(receiver)).toBe(brushed);
    await shot(receiver, J, '3-receiver-reloaded');
  } finally {
    await receiverContext.close();
  }

  // A session file keeps the same view: imported into an open tab, it re-runs the sweep like a link.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-session').click();
  const file = await (await downloading).path();
  const importContext = await freshContext(browser);
  try {
    const importer = await importContext.newPage();
    await openApp(importer);
    await importer.getByTestId('import-session').setInputFiles(file);
    await expect(importer.getByTestId('notice')).toContainText('Imported');
    await expect(importer.getByRole('tab', { name: 'Sweep & Pareto' })).toHaveAttribute('aria-selected', 'true');
    await expect(importer.getByTestId('pareto-plot')).not.toHaveAttribute('aria-label', /no sweep has run yet/);
    await expect(importer.getByTestId('sweep-status')).toContainText('Done: 4,000 pairs', { timeout: 180_000 });
    await expect.poll(() => selectedCount(importer)).toBe(brushed);
    await importer.evaluate(() => window.scrollTo(0, 0));
    await shot(importer, J, '4-imported-session');
    await importer.getByRole('tab', { name: 'Results' }).click();
    await waitForSim(importer);
    await expect(importer.getByTestId('timeline-grouping')).toHaveValue('kind');
  } finally {
    await importContext.close();
  }

  // A tab already open, with no sweep, on the Results tab: the pasted link re-runs the sweep.
  const openContext = await freshContext(browser);
  try {
    const open = await openContext.newPage();
    await openApp(open);
    await expect(open.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
    await open.evaluate((hash) => { location.hash = hash; }, new URL(url).hash);
    await expect(open.getByTestId('notice')).toContainText('Opened the shared view from the link');
    await expect(open.getByRole('tab', { name: 'Sweep & Pareto' })).toHaveAttribute('aria-selected', 'true');
    await expect(open.getByTestId('pareto-plot')).not.toHaveAttribute('aria-label', /no sweep has run yet/);
    await expect(open.getByTestId('sweep-status')).toContainText('Done: 4,000 pairs', { timeout: 180_000 });
    await expect.poll(() => selectedCount(open)).toBe(brushed);
    await open.evaluate(() => window.scrollTo(0, 0));
    await shot(open, J, '5-pasted-link-reran');
  } finally {
    await openContext.close();
  }
});
