import { expect, test, type Page } from '@playwright/test';
import { decodeLink, encodeLinkHash, layer, openApp, readEditors, readHeadlines, shot, waitForSim } from './helpers.ts';

const J = 'broken-link';
const XSS_HEAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">_64';

/** Puts the app into an edited state and returns a valid link to it (for crafting broken ones). */
async function editAndCopyLink(page: Page): Promise<string> {
  await openApp(page);
  await layer(page, 1).getByLabel('Hidden size', { exact: true }).selectOption('256');
  await page.getByLabel('Weight buffer (MB)', { exact: true }).selectOption('16');
  await page.getByRole('radio', { name: 'Training', exact: true }).check();
  await waitForSim(page);
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  return url;
}

async function noScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // Nothing from the link became markup: no <img> or extra <script> anywhere in the page.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length)).toBe(0);
}

test('broken links are refused with a message saying what is wrong, and the previous view is kept', async ({ page }) => {
  const url = await editAndCopyLink(page);
  const before = await readHeadlines(page);
  const editorsBefore = await readEditors(page);
  await shot(page, J, '1-before');

  const { version, session } = decodeLink(url);
  const hostile = structuredClone(session) as { design: { model: { o: string[][] } } };
  hostile.design.model.o[0][0] = XSS_HEAD;
  const wrongType = structuredClone(session) as { settings: { clockMHz: unknown } };
  wrongType.settings.clockMHz = 'fast';
  const payload = url.slice(url.indexOf('.', url.indexOf('#s=')) + 1);

  const cases: { name: string; hash: string; says: RegExp }[] = [
    { name: 'truncated', hash: `#s=${version}.${payload.slice(0, Math.floor(payload.length / 2))}`, says: /truncated or corrupt/ },
    { name: 'newer', hash: '#s=99.eJzLSM3JyQcABiwCFQ', says: /newer version of the app \(schema 99/ },
    { name: 'script-in-head-name', hash: encodeLinkHash(hostile, version), says: /invalid view: .*o\[0\]\[0\]/ },
    { name: 'wrong-type', hash: encodeLinkHash(wrongType, version), says: /invalid view: .*clockMHz/ },
    { name: 'huge', hash: `#s=${version}.${'A'.repeat(25_000)}`, says: /characters long/ },
  ];

  for (const c of cases) {
    // Pasted into the open tab (a hashchange).
    await page.evaluate((h) => { location.hash = h; }, c.hash);
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'error');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('This link could not be opened:');
    await expect(notice).toContainText(c.says);
    console.log(`[${c.name}] ${await notice.innerText()}`);
    await waitForSim(page);
    expect(await readHeadlines(page), `headlines after the ${c.name} link`).toEqual(before);
    expect(await readEditors(page), `editors after the ${c.name} link`).toEqual(editorsBefore);
    await noScriptRan(page);
    await shot(page, J, `2-${c.name}`);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(notice).toHaveCount(0);
  }

  // Opened by a fresh page load (boot path): the stored view comes back with the error.
  await page.evaluate((h) => { location.hash = h; }, cases[2].hash);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.reload();
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await expect(notice).toContainText(/This link could not be opened: the link holds an invalid view/);
  await expect(notice).toContainText('Your previous view is kept');
  await waitForSim(page);
  expect(await readHeadlines(page)).toEqual(before);
  expect(await readEditors(page)).toEqual(editorsBefore);
  await noScriptRan(page);
  await shot(page, J, '3-reloaded-hostile');

  // The good link still opens after all that.
  await page.evaluate((h) => { location.hash = h; }, url.slice(url.indexOf('#')));
  await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'info');
  await waitForSim(page);
  expect(await readHeadlines(page)).toEqual(before);
});

test('markup in a valid link is shown as text, never run, and "Restore previous" brings the old view back', async ({ page }) => {
  const url = await editAndCopyLink(page);
  const before = await readHeadlines(page);
  const editorsBefore = await readEditors(page);
  const { version, session } = decodeLink(url);
  const label = '<img src=x onerror="window.__pwned=3"><b>bold</b>';
  const withPin = {
    ...session,
    design: { ...(session.design as object), model: { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[512], [512]] } },
    pinned: [{ id: 'p9', label, ...(session.design as object), settings: session.settings }],
  };
  await page.evaluate((h) => { location.hash = h; }, encodeLinkHash(withPin, version));
  await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'info');
  await expect(page.getByTestId('notice')).toContainText('Opened the shared view from the link');
  await expect(layer(page, 1).getByLabel('Hidden size', { exact: true })).toHaveValue('128');
  await page.getByRole('tab', { name: 'Compare' }).click();
  // The label is shown literally.
  await expect(page.getByTestId('compare-col-p9')).toContainText(label);
  await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
  await noScriptRan(page);
  await shot(page, J, '4-markup-label-as-text');

  await page.getByTestId('restore-previous').click();
  await page.getByRole('tab', { name: 'Results' }).click();
  await waitForSim(page);
  await expect(layer(page, 1).getByLabel('Hidden size', { exact: true })).toHaveValue('256');
  await expect.poll(() => readHeadlines(page), { timeout: 30_000 }).toEqual(before);
  expect(await readEditors(page)).toEqual(editorsBefore);
  await shot(page, J, '5-restored-previous');
});
