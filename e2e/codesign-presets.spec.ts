/**
 * The co-design weight presets in Chromium: each one replaces every weight field, also a field
 * holding rejected text, so its message goes and Run comes back; the formula's Σw describes only
 * the weights on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers.ts';

const J = 'codesign-presets';

async function typeBadAccuracy(page: Page): Promise<void> {
  const field = page.getByTestId('cd-weights.accuracy');
  await field.fill('-1');
  await field.blur();
  await expect(field).toHaveValue('-1');
  await expect(page.getByRole('alert').filter({ hasText: 'Accuracy weight' }).first()).toBeVisible();
  await expect(page.getByTestId('cd-run')).toBeDisabled();
  // Σw of the committed weights would not be the sum of the -1 on screen.
  await expect(page.getByTestId('cd-formula')).not.toContainText('Σw =');
}

test('a weight preset overwrites a rejected weight and unblocks the run', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  await expect(page.getByTestId('codesign-panel')).toBeVisible();

  await typeBadAccuracy(page);
  await page.getByRole('button', { name: /Paper's weights/ }).click();
  await expect(page.getByTestId('cd-weights.accuracy')).toHaveValue('0.5');
  await expect(page.getByRole('alert').filter({ hasText: 'Accuracy weight' })).toHaveCount(0);
  await expect(page.getByTestId('cd-formula')).toContainText('Σw = 1.00');
  await expect(page.getByTestId('cd-run')).toBeEnabled();
  await page.locator('.cd-form').screenshot({ path: `e2e/artifacts/${J}-1-paper.png` });

  await typeBadAccuracy(page);
  await page.getByTestId('cd-aim-headline').click();
  await expect(page.getByTestId('cd-weights.accuracy')).toHaveValue('0');
  await expect(page.getByTestId('cd-weights.area')).toHaveValue('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Accuracy weight' })).toHaveCount(0);
  await expect(page.getByTestId('cd-formula')).toContainText('Σw = 0.40');
  await expect(page.getByTestId('cd-run')).toBeEnabled();
});
