/**
 * A 390×844 phone: one column, results first, the editors behind a toggle,
 * tabs that a finger can hit, and nothing wider than the screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readHeadlines, runSweep, shot, waitForHeadlinesToChange } from './helpers.ts';

const J = 'phone';
test.setTimeout(180_000);
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** The page's width against the viewport's, and the widest element that sticks out (for the failure message). */
async function widths(page: Page): Promise<{ scroll: number; viewport: number; widest: string }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    let widest = '';
    let right = viewport;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (clipped(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}] right=${Math.round(r.right)}`;
      }
    }
    return { scroll: document.documentElement.scrollWidth, viewport, widest };
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const w = await widths(page);
  expect(w.scroll, `${where}: page ${w.scroll} px wide in a ${w.viewport} px viewport; widest: ${w.widest}`).toBeLessThanOrEqual(w.viewport);
}

/** Taps the centre of a tab after checking that the tab, not something over it, is what a finger would hit. */
async function tapTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.scrollIntoViewIfNeeded();
  const box = await tab.boundingBox();
  if (!box) throw new Error(`tab ${name} has no box`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    return el?.closest('[role="tab"]')?.textContent ?? `${el?.tagName.toLowerCase()}.${el?.className}`;
  }, { x, y });
  expect(hit, `what a tap at the centre of "${name}" lands on`).toBe(name);
  expect(box.height, 'tab height (touch target)').toBeGreaterThanOrEqual(40);
  await page.touchscreen.tap(x, y);
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

test('phone: one column, results first, editors behind a toggle, tabs by touch', async ({ page }) => {
  await openApp(page);

  // One column, nothing sideways.
  await expectNoSidewaysScroll(page, 'first load');
  const results = page.getByTestId('results-view');
  await expect(results).toBeVisible();
  const views = await page.locator('main.views').boundingBox();
  expect(views?.width ?? 0, 'results column width').toBeGreaterThan(330);

  // Results first: the editors are folded away and the headline figures are on the first screen.
  await expect(page.getByRole('complementary', { name: 'Design editors' })).toBeHidden();
  const toggle = page.getByTestId('editors-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const latency = await page.getByTestId('headline-latency').boundingBox();
  expect(latency, 'latency figure laid out').not.toBeNull();
  expect(latency!.y + latency!.height, 'latency figure on the first screen').toBeLessThanOrEqual(844);
  await shot(page, J, '1-results-first');

  // Tabs by touch: each tab, at its centre, is the tab.
  await tapTab(page, 'Compare');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expectNoSidewaysScroll(page, 'compare');
  await shot(page, J, '2-compare');
  await tapTab(page, 'Sweep & Pareto');
  await expect(page.getByTestId('sweep-run')).toBeVisible();
  await expectNoSidewaysScroll(page, 'sweep');
  await shot(page, J, '3-sweep');
  await tapTab(page, 'Results');
  await expect(results).toBeVisible();

  // The results page scrolled to its end (the operations table) stays one screen wide.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expectNoSidewaysScroll(page, 'results, scrolled down');
  await shot(page, J, '4-results-bottom');
  await page.evaluate(() => window.scrollTo(0, 0));

  // The toggle opens the editors; an edit there re-simulates.
  const before = await readHeadlines(page);
  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('complementary', { name: 'Design editors' })).toBeVisible();
  await expect(page.getByTestId('model-preset')).toBeVisible();
  await expectNoSidewaysScroll(page, 'editors open');
  await shot(page, J, '5-editors-open');
  await page.getByTestId('model-preset').selectOption('bert-base');
  await waitForHeadlinesToChange(page, before);
  await expectNoSidewaysScroll(page, 'BERT-Base in the editors');
  await page.getByRole('button', { name: 'Layer 3', exact: true }).scrollIntoViewIfNeeded();
  await shot(page, J, '6-bert-base-layers');
  // The phone layout adds no serious or critical accessibility problem (touch target sizes included).
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious, serious.join('\n')).toEqual([]);

  // Closing the editors from the foot of the long BERT-Base editor (the toggle stays stuck at the top)
  // brings the results back into view, tabs first and not hidden under the toggle.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(toggle).toBeInViewport();
  await toggle.tap();
  await expect(page.getByRole('tab', { name: 'Results', exact: true })).toBeInViewport();
  expect(await page.evaluate(() => {
    const tab = document.getElementById('tab-results')!.getBoundingClientRect();
    return document.elementFromPoint(tab.x + tab.width / 2, tab.y + tab.height / 2)?.closest('[role="tab"]')?.id ?? null;
  }), 'the Results tab is not under the sticky toggle').toBe('tab-results');
  await expect(page.getByRole('complementary', { name: 'Design editors' })).toBeHidden();
  await expect(results).toBeInViewport();
  await shot(page, J, '7-editors-closed');

  // A sweep on the phone: the plot, its front table and export stay one screen wide.
  await runSweep(page, 300);
  await expect(page.getByTestId('front-table')).toBeVisible();
  await expectNoSidewaysScroll(page, 'after a sweep');
  await page.getByTestId('pareto-plot').scrollIntoViewIfNeeded();
  await shot(page, J, '8-sweep-plot');
  await page.getByTestId('front-table').scrollIntoViewIfNeeded();
  await shot(page, J, '9-front-table');
});
