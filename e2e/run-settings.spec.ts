import { expect, test, type Page } from '@playwright/test';
import { decodeLink, openApp, openInFreshContext, readEditors, readHeadlines, waitForSim } from './helpers.ts';

const J = 'run-settings';

/** The "Run settings" panel of the editors column. */
function panel(page: Page) {
  return page.locator('aside.editors details.panel').filter({ has: page.getByRole('heading', { name: 'Run settings' }) });
}

async function panelShot(page: Page, step: string): Promise<void> {
  const p = panel(page);
  await p.scrollIntoViewIfNeeded();
  await p.screenshot({ path: `e2e/artifacts/${J}-${step}.png` });
}

test('sequence length and training settings are edited, shared by link and restored in a fresh context', async ({ page, browser }) => {
  await openApp(page);
  const seqLen = page.getByLabel('Sequence length (tokens)', { exact: true });
  await expect(seqLen).toHaveValue('128');
  await expect(page.getByTestId('macs')).toHaveAttribute('data-seq-len', '128');
  const macs128 = await page.getByTestId('macs').textContent();

  // Sequence length 256: the model's MACs readout follows it.
  await seqLen.selectOption('256');
  await expect(seqLen).toHaveValue('256');
  await expect(page.getByTestId('macs')).toHaveAttribute('data-seq-len', '256');
  await expect(page.getByTestId('macs')).not.toHaveText(macs128 ?? '');
  await expect(page.getByRole('group', { name: 'Model figures' })).toContainText('MACs per sequence (256 tokens)');

  // Training: gradient accumulation appears, with the global batch spelled out.
  const steps = page.getByLabel('Gradient accumulation steps', { exact: true });
  await expect(steps).toHaveCount(0);
  await page.getByRole('radio', { name: 'Training', exact: true }).check();
  await expect(steps).toHaveValue('8');
  await expect(page.getByTestId('global-batch')).toHaveText('Global batch = 8 steps × batch size 4 = 32 sequences per optimizer step');
  // An invalid value is named and never committed.
  await steps.fill('0');
  await expect(panel(page).getByRole('alert')).toHaveText('Gradient accumulation steps must be a whole number from 1 to 1024');
  await expect(page.getByTestId('global-batch')).toContainText('= 32 sequences');
  await steps.fill('16');
  await steps.press('Tab');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('global-batch')).toHaveText('Global batch = 16 steps × batch size 4 = 64 sequences per optimizer step');

  const mlm = page.getByLabel('MLM head', { exact: true });
  const gating = page.getByLabel('Power-gate idle units', { exact: true });
  await expect(mlm).not.toBeChecked();
  await expect(gating).toBeChecked();
  await mlm.check();
  await gating.uncheck();
  await waitForSim(page);
  await expect(page.getByTestId('results-view')).toContainText('Training');
  await panelShot(page, '1-editor');
  // With the explanations open (a tall window, so the whole panel is in the shot).
  await page.getByTestId('explain-toggle').check();
  await panel(page).locator('details.explain').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.setViewportSize({ width: 1280, height: 2000 });
  await panelShot(page, '2-editor-explained');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('explain-toggle').uncheck();

  const headlines = await readHeadlines(page);
  const editors = await readEditors(page);

  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  expect(Number(await page.getByTestId('link-output').getAttribute('data-length'))).toBeLessThan(2000);
  const { session } = decodeLink(url);
  expect(session.settings).toMatchObject({ mode: 'training', seqLen: 256, accumulationSteps: 16, mlmHead: true, powerGating: false });

  await openInFreshContext(browser, url, async (receiver) => {
    await waitForSim(receiver);
    await expect(receiver.getByLabel('Sequence length (tokens)', { exact: true })).toHaveValue('256');
    await expect(receiver.getByLabel('Gradient accumulation steps', { exact: true })).toHaveValue('16');
    await expect(receiver.getByLabel('MLM head', { exact: true })).toBeChecked();
    await expect(receiver.getByLabel('Power-gate idle units', { exact: true })).not.toBeChecked();
    await expect(receiver.getByTestId('macs')).toHaveAttribute('data-seq-len', '256');
    expect(await readEditors(receiver)).toEqual(editors);
    expect(await readHeadlines(receiver)).toEqual(headlines);
    await expect(receiver.locator('[data-testid="notice"][data-kind="error"]')).toHaveCount(0);
    await panelShot(receiver, '3-receiver');
  });

  // The reference model runs 128 tokens only: choosing it sets and locks the length.
  await page.getByRole('radio', { name: 'Reference (AccelTran)', exact: true }).check();
  await expect(seqLen).toHaveValue('128');
  await expect(seqLen).toBeDisabled();
  await expect(mlm).toBeDisabled();
  await expect(gating).toBeDisabled();
  await expect(steps).toBeDisabled();
  await expect(page.getByTestId('global-batch')).toHaveCount(0);
  await expect(page.getByTestId('reference-note')).toContainText('128-token sequences');
  await waitForSim(page);
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done');
  await panelShot(page, '4-reference');
  await page.getByRole('radio', { name: 'ELECTOR (physical)', exact: true }).check();
  await expect(seqLen).toBeEnabled();
});
