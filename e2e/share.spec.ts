import { expect, test, type Page } from '@playwright/test';
import { frontMarkCentre, layer, openApp, openInFreshContext, readEditors, readHeadlines, runSweep, shot, waitForSim } from './helpers.ts';

const J = 'share';

/** The Compare table once every column has its result. */
async function readCompareTable(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Compare' }).click();
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  await expect(table).not.toContainText('simulating…', { timeout: 30_000 });
  return (await table.innerText()).trim();
}

test('a copied link reproduces the exact view in a fresh browser context', async ({ page, browser }) => {
  await openApp(page);

  // A changed design, pinned…
  await layer(page, 1).getByLabel('Hidden size', { exact: true }).selectOption('256');
  await page.getByLabel('Weight buffer (MB)', { exact: true }).selectOption('16');
  await waitForSim(page);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('pin-label').fill('Wide first layer');
  await page.getByTestId('pin-current').click();
  await expect(page.getByTestId('compare-col-p1')).toContainText('Wide first layer');
  await page.getByRole('tab', { name: 'Results' }).click();

  // …then more changes: another layer edit, training mode, sparsity.
  await layer(page, 2).getByLabel('Heads', { exact: true }).selectOption('4');
  await page.getByRole('radio', { name: 'Training', exact: true }).check();
  const activation = page.getByRole('textbox', { name: 'Activation sparsity value', exact: true });
  await activation.fill('0.3');
  await activation.press('Tab');
  const gradient = page.getByRole('textbox', { name: 'Gradient sparsity value', exact: true });
  await gradient.fill('0.75');
  await gradient.press('Tab');
  await expect(activation).toHaveValue('0.3');
  await waitForSim(page);
  await expect(page.getByTestId('results-view')).toContainText('Training');

  const headlines = await readHeadlines(page);
  const editors = await readEditors(page);
  const compareTable = await readCompareTable(page);
  await shot(page, J, '1-sender-compare');
  await page.getByRole('tab', { name: 'Results' }).click();

  await page.getByTestId('copy-link').click();
  const output = page.getByTestId('link-output');
  await expect(output).toBeVisible();
  const url = await output.inputValue();
  expect(url).toMatch(/#s=\d+\.[A-Za-z0-9_-]+$/);
  expect(Number(await output.getAttribute('data-length'))).toBeLessThan(2000);
  await expect(page).toHaveURL(url);
  await shot(page, J, '2-sender-link');

  // A fresh context: no storage, nothing shared with the sender but the URL.
  await openInFreshContext(browser, url, async (receiver) => {
    await waitForSim(receiver);
    await expect(receiver.getByTestId('results-view')).toContainText('Training');
    expect(await readHeadlines(receiver)).toEqual(headlines);
    expect(await readEditors(receiver)).toEqual(editors);
    // No error notice on the receiving side.
    await expect(receiver.locator('[data-testid="notice"][data-kind="error"]')).toHaveCount(0);
    await shot(receiver, J, '3-receiver-results');
    // The pinned design and its figures arrive too.
    await expect(receiver.getByTestId('compare-col-p1')).toHaveCount(0); // not rendered until the tab opens
    expect(await readCompareTable(receiver)).toBe(compareTable);
    await expect(receiver.getByTestId('compare-col-p1')).toContainText('Wide first layer');
    await shot(receiver, J, '4-receiver-compare');
  });
});

test('a link to a swept view re-runs the sweep from its seed and shows the same front', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByTestId('sweep-seed').fill('7');
  await runSweep(page, 1000);
  await page.getByTestId('plot-y').selectOption('area');
  await page.getByTestId('plot-x-scale').selectOption('log');
  // Load a front point (keyboard: first front point, Enter), so the link carries a focus too.
  await page.getByTestId('pareto-plot').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('front-table').locator('tbody tr[aria-current="true"]')).toHaveCount(1);
  const plotLabel = await page.getByTestId('pareto-plot').getAttribute('aria-label');
  const frontRows = await page.getByTestId('front-table').locator('tbody tr').allInnerTexts();
  const editors = await readEditors(page);
  const frontMarks = (await frontMarkCentre(page, 0)).count;
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  await shot(page, J, '5-sender-sweep');

  await openInFreshContext(browser, url, async (receiver) => {
    // The link keeps the tab it was copied on (whole-view.spec.ts covers the rest of the view).
    await expect(receiver.getByRole('tab', { name: 'Sweep & Pareto' })).toHaveAttribute('aria-selected', 'true');
    expect(await readEditors(receiver)).toEqual(editors);
    await expect(receiver.getByTestId('sweep-status')).toContainText('Done: 1,000 pairs', { timeout: 120_000 });
    await expect(receiver.getByTestId('plot-y')).toHaveValue('area');
    await expect(receiver.getByTestId('plot-x-scale')).toHaveValue('log');
    await expect(receiver.getByTestId('sweep-seed')).toHaveValue('7');
    await expect(receiver.getByTestId('pareto-plot')).toHaveAttribute('aria-label', plotLabel ?? '');
    expect(await receiver.getByTestId('front-table').locator('tbody tr').allInnerTexts()).toEqual(frontRows);
    await expect(receiver.getByTestId('front-table').locator('tbody tr[aria-current="true"]')).toHaveCount(1);
    expect((await frontMarkCentre(receiver, 0)).count).toBe(frontMarks);
    await shot(receiver, J, '6-receiver-sweep');
  });
});

test('Escape closes the share popover after a successful copy, with focus still on "Copy link"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const button = page.getByTestId('copy-link');
  await button.click();
  await expect(page.getByTestId('link-status')).toContainText('Link copied to the clipboard');
  await expect(button).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-output')).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // From inside the popover too, and focus goes back to the button instead of being lost.
  await button.click();
  await page.getByTestId('link-output').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-output')).toHaveCount(0);
  await expect(button).toBeFocused();
});
