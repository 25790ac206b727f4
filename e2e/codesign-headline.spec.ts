/**
 * The paper's headline from the co-design panel in Chromium: "Aim at the paper's headline" sets
 * training, the accuracy constraint and the hardware weights; a joint evolution search (seed 1,
 * 300 queries) then finds a pair at ≥ 5.2× lower latency and ≥ 3× lower energy than BERT-Base
 * on AccelTran-Server at no lower predicted accuracy; the constraint is kept in the link and
 * reachable by keyboard on a phone.
 */
import { expect, test } from '@playwright/test';
import { decodeLink, openApp } from './helpers.ts';

const J = 'codesign-headline';

test('aiming at the headline: accuracy as a constraint, a joint search that reaches it, kept in the link', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  // See codesign.spec.ts: Playwright's blocked service worker, not this panel's.
  page.on('pageerror', (e) => { if (!/reading 'scope'/.test(e.message)) errors.push(e.message); });
  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  await expect(page.getByTestId('cd-predictor-info')).toContainText('Turc et al. 2019', { timeout: 60_000 });
  const floor = page.getByTestId('cd-accuracy-floor');
  await expect(floor).not.toBeChecked();

  await page.getByTestId('cd-aim-headline').click();
  await expect(floor).toBeChecked();
  await expect(page.getByTestId('cd-mode')).toHaveValue('training');
  await expect(page.getByTestId('cd-weights.accuracy')).toHaveValue('0');
  await expect(page.getByTestId('cd-weights.area')).toHaveValue('0');
  await page.getByTestId('cd-algorithm').selectOption('evolution');
  await expect(page.getByTestId('cd-budget')).toHaveValue('300');
  await expect(page.getByTestId('cd-seed')).toHaveValue('1');
  await page.locator('.cd-form').screenshot({ path: `e2e/artifacts/${J}-1-settings.png` });

  await page.getByTestId('cd-run').click();
  await expect(page.getByTestId('cd-best')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('cd-floor')).toContainText(/no lower predicted accuracy than the baseline \(77\.\d\): met/);
  await expect(page.getByTestId('cd-headline')).toContainText(/: reached by this pair/);
  await expect(page.getByTestId('cd-ratio-accuracy')).toContainText('+');
  await page.getByTestId('cd-best').screenshot({ path: `e2e/artifacts/${J}-2-card.png` });

  await page.getByTestId('copy-link').click();
  const { session } = decodeLink(await page.getByTestId('link-output').inputValue());
  expect(session.codesign).toMatchObject({ accuracyFloor: 'baseline', mode: 'training', algorithm: 'evolution' });

  // Off again, by keyboard, at phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await floor.focus();
  await page.keyboard.press('Space');
  await expect(floor).not.toBeChecked();
  await page.locator('.cd-form').screenshot({ path: `e2e/artifacts/${J}-3-phone.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
