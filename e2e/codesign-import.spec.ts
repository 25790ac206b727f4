/**
 * The imported-dataset predictor end to end in Chromium: a FlexiBERT 2.0 format file
 * (e2e/fixtures/flexibert2-synthetic.json, made by makeFlexibertFixture.ts: our sampler's
 * models, synthetic scores) is read in the co-design worker; the panel shows the fit's
 * leave-one-out rank correlation and names the skipped entries; a short search uses it.
 * Then bad files (not JSON; a model dict outside the space) are refused with messages
 * naming the field or entry, and the fitted predictor stays in use.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers.ts';

const J = 'codesign-import';
const FIXTURE = 'e2e/fixtures/flexibert2-synthetic.json';

async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
  await expect(input).toHaveValue(value);
}

const upload = (page: Page, name: string, text: string) =>
  page.getByTestId('cd-dataset').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('an imported FlexiBERT 2.0 dataset: fit, skipped entries, a search with it, bad files refused', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  // See codesign.spec.ts: the blocked service worker's registration is not this panel's.
  page.on('pageerror', (e) => { if (!/reading 'scope'/.test(e.message)) errors.push(e.message); });
  const text = readFileSync(FIXTURE, 'utf8');
  const data = JSON.parse(text) as Record<string, { model_dict: { h: number[] }; glue: number | null }>;
  const skipped = Object.keys(data).filter((k) => data[k].glue === null);

  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  // The search's queries keep fixed run settings, and the panel says which.
  await expect(page.getByTestId('cd-run-settings')).toContainText('not the editors\' Run settings: ELECTOR cost model, 128 tokens, 700 MHz');
  await page.getByTestId('cd-predictor-imported').check();
  await upload(page, 'flexibert2-synthetic.json', text);
  await expect(page.getByTestId('cd-loo')).toContainText(/Spearman ρ = 0\.\d\d over 35 models/, { timeout: 60_000 });
  const skippedText = page.getByTestId('cd-skipped');
  await expect(skippedText).toContainText(`${skipped.length} entries without a score skipped`);
  await expect(skippedText).toContainText(skipped[0]);
  console.log(`codesign import e2e: ${await page.getByTestId('cd-loo').textContent()}`);
  await page.getByTestId('cd-predictor-info').screenshot({ path: `e2e/artifacts/${J}-1-fit.png` });

  // A short search with the imported predictor.
  await page.getByTestId('cd-algorithm').selectOption('random');
  await fill(page, 'cd-budget', '30');
  await page.getByTestId('cd-run').click();
  await expect(page.getByTestId('cd-best')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('cd-sources')).toContainText('flexibert2-synthetic.json');

  // Not JSON: named as the file's fault; the fitted predictor stays.
  const loo = await page.getByTestId('cd-loo').textContent();
  await upload(page, 'broken.json', '{"abc": {"model_dict": ');
  await expect(page.getByTestId('cd-import-message')).toContainText('broken.json was not imported: file: not valid JSON');
  await expect(page.getByTestId('cd-import-message')).toContainText('stays fitted to flexibert2-synthetic.json');
  await expect(page.getByTestId('cd-loo')).toHaveText(loo!);

  // A model dict outside the space: the entry and field are named.
  const bad = structuredClone(data);
  const key = Object.keys(bad)[2];
  bad[key].model_dict.h[0] = 100;
  await upload(page, 'outside.json', JSON.stringify(bad));
  await expect(page.getByTestId('cd-import-message')).toContainText(`outside.json was not imported`);
  await expect(page.getByTestId('cd-import-message')).toContainText(`"${key}".model_dict.h[0]: 100 is not an allowed hidden size`);
  await expect(page.getByTestId('cd-loo')).toHaveText(loo!);
  // The next search still runs on the fitted dataset.
  await fill(page, 'cd-seed', '3');
  await page.getByTestId('cd-run').click();
  await expect(page.getByTestId('cd-sources')).toContainText('seed 3', { timeout: 120_000 });
  await expect(page.getByTestId('cd-sources')).toContainText('dataset flexibert2-synthetic.json');
  await page.locator('.cd-predictor').screenshot({ path: `e2e/artifacts/${J}-2-refused.png` });
  expect(errors).toEqual([]);
});
