import { expect, test } from '@playwright/test';
import { openApp, shot, waitForSim } from './helpers.ts';

// The whole path: static build → page → comlink → ELECTOR worker → core → page.
test('shows a simulation computed in the ELECTOR worker', async ({ page }) => {
  await openApp(page);
  // The default view is BERT-Tiny on AccelTran-Edge.
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-tiny');
  await expect(page.getByTestId('accelerator-preset')).toHaveValue('acceltran-edge');
  await page.getByRole('radio', { name: 'Reference (AccelTran)' }).check();
  // 167,596 cycles is the reference simulator's own result for BERT-Tiny on config_tiny.
  await expect(page.getByTestId('headline-cycles')).toHaveText('167,596', { timeout: 30_000 });
  await waitForSim(page);
  await expect(page.getByTestId('headline-cycles')).toHaveText('167,596');
  await expect(page.getByTestId('headline-area')).not.toBeEmpty();
  await shot(page, 'worker-result', 'reference');
});
