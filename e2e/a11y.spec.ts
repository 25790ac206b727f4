import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep, shot, waitForSim } from './helpers.ts';

const J = 'a11y';
test.setTimeout(240_000);

type View = 'Results' | 'Compare' | 'Sweep & Pareto';

/** Serious and critical axe violations of the whole page, one line per rule with a few offending targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  // Minor and moderate findings are logged, not failed.
  for (const v of violations.filter((x) => x.impact !== 'serious' && x.impact !== 'critical')) console.log(`axe ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.nodes.length}×): ${v.help} — e.g. ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`).join('; ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
    await openApp(page);
    await page.getByTestId('theme-select').selectOption(theme);
    await expect(page.locator('.app')).toHaveAttribute('data-theme', theme);
    // Explanations on, so their disclosures are scanned too; pin a design so Compare has every column kind.
    await page.getByTestId('explain-toggle').check();
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByTestId('pin-current').click();
    await page.getByRole('tab', { name: 'Results' }).click();
    await waitForSim(page);
    await runSweep(page, 1000);

    const found: string[] = [];
    for (const view of ['Results', 'Compare', 'Sweep & Pareto'] as View[]) {
      await page.getByRole('tab', { name: view }).click();
      if (view === 'Results') await waitForSim(page);
      if (view === 'Compare') await expect(page.getByTestId('compare-table')).not.toContainText('simulating…', { timeout: 30_000 });
      if (view === 'Sweep & Pareto') await expect(page.getByTestId('front-table')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, J, `${theme}-${view === 'Sweep & Pareto' ? 'sweep' : view.toLowerCase()}`);
      for (const v of await seriousViolations(page)) found.push(`[${theme} · ${view}] ${v}`);
    }
    expect(found, `axe found serious/critical violations:\n${found.join('\n')}`).toEqual([]);
  });
}
