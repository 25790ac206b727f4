import { expect, test } from '@playwright/test';

// The whole path: static build → page → comlink → ELECTOR worker → core → page.
test('shows a simulation computed in the ELECTOR worker', async ({ page }) => {
  await page.goto('/');
  // 167,596 cycles is the reference simulator's own result for BERT-Tiny on config_tiny.
  await expect(page.getByTestId('cycles')).toHaveText('167596');
  await expect(page.getByTestId('area')).toHaveText('54.06426665203198');
  await page.screenshot({ path: 'e2e/artifacts/worker-result.png' });
});
