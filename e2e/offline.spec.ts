import { expect, test } from '@playwright/test';
import { layer, openApp, readHeadlines, shot, waitForHeadlinesToChange, waitForSim } from './helpers.ts';

const J = 'offline';
test.use({ serviceWorkers: 'allow' });
test.setTimeout(120_000);

test('once loaded, the app reloads and simulates with no network', async ({ page, context }) => {
  await openApp(page);
  const online = await readHeadlines(page);
  // Wait until the service worker has installed (precached the build) and controls this page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });

  await context.setOffline(true);
  try {
    const response = await page.reload();
    // The page came from the service worker's cache, not the (unreachable) server.
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForSim(page);
    await expect(page.getByRole('heading', { name: 'TransCODE Explorer' })).toBeVisible();
    // Not `navigator.onLine`: Chromium 150 (Debian's package on 2026-12-05) keeps it true under
    // Playwright's offline emulation. What matters is that the network is unreachable: a same-origin
    // file the service worker does not cache (a query makes it a new URL) cannot be fetched.
    expect(await page.evaluate(() => fetch(`/favicon.ico?probe=${Date.now()}`, { cache: 'no-store' }).then((r) => `status ${r.status}`, () => 'failed'))).toBe('failed');
    // The stored session came back and the ELECTOR worker (a cached chunk) answers.
    expect(await readHeadlines(page)).toEqual(online);
    await layer(page, 1).getByLabel('Hidden size', { exact: true }).selectOption('256');
    await waitForHeadlinesToChange(page, online);
    await expect(page.getByTestId('sim-error')).toHaveCount(0);
    await shot(page, J, '1-offline-edit');
  } finally {
    await context.setOffline(false);
  }
  // …and the same probe does reach the server online, so the check above means something.
  expect(await page.evaluate(() => fetch(`/favicon.ico?probe=${Date.now()}`, { cache: 'no-store' }).then((r) => `status ${r.status}`, () => 'failed'))).toBe('status 200');
});
