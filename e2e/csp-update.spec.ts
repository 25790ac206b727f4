/**
 * Content-Security-Policy, a stored session that cannot be read, and a new
 * build deployed while a tab is open.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { layer, openApp, readHeadlines, runSweep, shot, waitForHeadlinesToChange, waitForSim } from './helpers.ts';

const J = 'csp-update';
const SESSION_KEY = 'transcode-explorer/session';
const SET_ASIDE_KEY = 'transcode-explorer/session-unreadable';

/** Records every CSP violation: the DOM event (from before any app script runs) and the console's report. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  // The context hears workers' consoles too (a blocked import or eval in a worker is reported there).
  page.context().on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content.Security.Policy/i.test(e.message)) seen.push(e.message);
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

test('the app loads and simulates under its Content-Security-Policy, with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("worker-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await waitForSim(page);
  const before = await readHeadlines(page);
  await layer(page, 1).getByLabel('Hidden size', { exact: true }).selectOption('256');
  await waitForHeadlinesToChange(page, before);
  await expect(page.getByTestId('sim-error')).toHaveCount(0);
  // The sweep workers run under it too.
  await runSweep(page, 200);
  expect(await violations()).toEqual([]);
  await shot(page, J, '1-simulated-under-csp');
  // The policy is really enforced: an inline script is refused, and reported (so the watcher above works).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false)).toBe(false);
  await expect.poll(async () => (await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
});

test('a stored session that cannot be read is set aside and offered back, not deleted', async ({ page }) => {
  const violations = await watchCsp(page);
  await openApp(page);
  const corrupt = '{"version":1,"session":{"design":7}}';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SESSION_KEY, corrupt] as const);
  await page.reload();
  await waitForSim(page);
  await expect(page.getByTestId('notice')).toContainText('set aside, not deleted');
  const offer = page.getByTestId('set-aside');
  await expect(offer).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBe(corrupt);
  await shot(page, J, '2-set-aside-offered');

  const [download] = await Promise.all([page.waitForEvent('download'), offer.getByRole('button', { name: 'Download set-aside' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^transcode-session-set-aside-.*\.json$/);
  expect(readFileSync(await download.path(), 'utf8')).toBe(corrupt);

  // Still offered after another reload (the defaults were saved over the session key, not over it).
  await page.reload();
  await waitForSim(page);
  await expect(page.getByTestId('set-aside')).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Discard set-aside session' }).click();
  await expect(page.getByTestId('set-aside')).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBeNull();
  expect(await violations()).toEqual([]);
});

test.describe('a new build deployed while the tab is open', () => {
  test.use({ serviceWorkers: 'allow' });
  test.setTimeout(120_000);

  test('the build this page runs takes over silently; an older page is offered a reload', async ({ page, context }) => {
    const swPath = `${process.cwd()}/dist/sw.js`;
    const original = readFileSync(swPath, 'utf8');
    const line = /^const PRECACHE = (.*); \/\/ @precache-manifest$/m;
    const manifest = JSON.parse(original.match(line)![1]) as { version: string; files: string[] };
    let written: string | null = null;
    const deploy = (m: { version: string; files: string[] }) => {
      written = original.replace(line, `const PRECACHE = ${JSON.stringify(m)}; // @precache-manifest`);
      writeFileSync(swPath, written);
    };
    const controllerVersion = () =>
      page.evaluate(async () => {
        const c = navigator.serviceWorker.controller;
        if (!c) return null;
        const ch = new MessageChannel();
        const answer = new Promise<{ version: string }>((r) => (ch.port1.onmessage = (e) => r(e.data)));
        c.postMessage({ type: 'version' }, [ch.port2]);
        return (await answer).version;
      });
    const checkForUpdate = () => page.evaluate(async () => (await navigator.serviceWorker.ready).update());

    const violations = await watchCsp(page);
    try {
      await openApp(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
        }
      });
      expect(await controllerVersion()).toBe(manifest.version);
      const entry = await page.evaluate(() => new URL(document.querySelector<HTMLScriptElement>('script[type="module"][src]')!.src).pathname.slice(1));
      expect(manifest.files).toContain(entry);

      // 1. A deployment whose build is the one this page runs: it takes control at once, no prompt,
      //    so an offline reload serves it (before, the old worker kept serving its older shell).
      deploy({ ...manifest, version: 'e2e-same-build' });
      // Ask again on each poll: an update() that lands while the first worker is still settling is dropped.
      await expect
        .poll(async () => {
          await checkForUpdate();
          return controllerVersion();
        }, { timeout: 40_000, intervals: [500, 1000, 2000] })
        .toBe('e2e-same-build');
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
      await context.setOffline(true);
      try {
        const response = await page.reload();
        expect(response?.fromServiceWorker()).toBe(true);
        await waitForSim(page);
        expect(await page.evaluate(() => new URL(document.querySelector<HTMLScriptElement>('script[type="module"][src]')!.src).pathname.slice(1))).toBe(entry);
      } finally {
        await context.setOffline(false);
      }

      // 2. A deployment of a different build (its entry script is not this page's): "update available, reload".
      deploy({ version: 'e2e-next-build', files: manifest.files.filter((f) => f !== entry) });
      const prompt = page.getByTestId('update-prompt');
      await expect
        .poll(async () => {
          await checkForUpdate();
          return prompt.isVisible();
        }, { timeout: 40_000, intervals: [500, 1000, 2000] })
        .toBe(true);
      await expect(prompt).toContainText('A new version is available');
      expect(await controllerVersion()).toBe('e2e-same-build');
      await shot(page, J, '3-update-prompt');
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
      await waitForSim(page);
      await expect.poll(controllerVersion, { timeout: 20_000 }).toBe('e2e-next-build');
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
      await shot(page, J, '4-after-update-reload');
      expect(await violations()).toEqual([]);
    } finally {
      // Put the built worker back (unless something else rebuilt dist/ meanwhile).
      if (written !== null && readFileSync(swPath, 'utf8') === written) writeFileSync(swPath, original);
    }
  });
});
