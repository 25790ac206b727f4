/**
 * Resume in Chromium: a search cancelled part-way is saved in IndexedDB as it runs; after a
 * reload, Resume continues it from the next query (the saved ones are replayed, not simulated).
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers.ts';

async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
  await expect(input).toHaveValue(value);
}

test('a cancelled search resumes after a reload from its saved queries', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Co-design' }).click();
  await page.getByTestId('cd-algorithm').selectOption('random');
  await fill(page, 'cd-budget', '3000');
  await page.getByTestId('cd-run').click();
  await expect(page.getByTestId('cd-status')).toContainText(/query \d{3,}/, { timeout: 60_000 });
  await page.waitForTimeout(1500); // at least one save (every second)
  await page.getByTestId('cd-cancel').click();
  const resume = page.getByTestId('cd-resume');
  await expect(resume).toBeVisible({ timeout: 10_000 });
  const saved = Number((await resume.textContent())!.match(/query (\d+)/)![1]) - 1;
  expect(saved).toBeGreaterThan(50);

  await page.reload();
  await expect(page.getByTestId('codesign-panel')).toBeVisible();
  await expect(resume).toContainText(`query ${saved + 1} / 3000`, { timeout: 20_000 });
  await resume.click();
  await expect(page.getByTestId('cd-status')).toContainText(new RegExp(`query (${saved + 1}|[1-9]\\d{${String(saved).length},})`), { timeout: 60_000 });
  await page.getByTestId('cd-cancel').click();
  await expect(resume).toBeVisible({ timeout: 10_000 });
  const after = Number((await resume.textContent())!.match(/query (\d+)/)![1]) - 1;
  expect(after).toBeGreaterThan(saved);
  console.log(`codesign resume e2e: cancelled at ${saved} saved queries, resumed, cancelled again at ${after}`);
});
