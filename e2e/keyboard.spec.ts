import { expect, test, type Page } from '@playwright/test';
import { openApp, readHeadlines, shot, waitForHeadlinesToChange, waitForSim } from './helpers.ts';

const J = 'keyboard';
test.setTimeout(240_000);

interface Focused {
  tag: string;
  testId: string | null;
  name: string;
  role: string | null;
  visible: boolean;
}

/** What has focus, its accessible-ish name, and whether the focus indicator is drawn. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', testId: null, name: '', role: null, visible: false };
    const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim();
    // The ring is the element's own outline, or its wrapper's (the file input sits inside a styled label).
    const ringOf = (node: Element | null) => !!node && getComputedStyle(node).outlineStyle !== 'none' && parseFloat(getComputedStyle(node).outlineWidth) > 0;
    const visible = el.matches(':focus-visible') && (ringOf(el) || ringOf(el.parentElement));
    return { tag: el.tagName.toLowerCase(), testId: el.getAttribute('data-testid'), name, role: el.getAttribute('role'), visible };
  });
}

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element; every stop must show its focus. */
async function tabTo(page: Page, want: (f: Focused) => boolean, what: string, { back = false, max = 400 } = {}): Promise<Focused> {
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    trail.push(f.testId ?? `${f.tag}:${f.name.slice(0, 30)}`);
    expect(f.visible, `focus indicator on ${f.tag} "${f.name}" (${f.testId ?? ''})`).toBe(true);
    if (want(f)) return f;
  }
  throw new Error(`could not Tab to ${what}; visited: ${trail.slice(-30).join(' | ')}`);
}

test('keyboard only: explanations, presets, a parameter, tabs and the Pareto front', async ({ page }) => {
  await openApp(page);
  const start = await readHeadlines(page);

  // Explanations first (the toggle sits in the header, before the editors): Space turns them on.
  await expect(page.getByText('What is this?', { exact: true })).toHaveCount(0);
  await tabTo(page, (f) => f.testId === 'explain-toggle', 'the Explain toggle');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('explain-toggle')).toBeChecked();
  await expect(page.getByText('What is this?', { exact: true }).first()).toBeVisible();

  // Model preset: Tab to it, arrow down to the next preset.
  await tabTo(page, (f) => f.testId === 'model-preset', 'the model preset');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('model-preset')).toHaveValue('bert-mini');
  await expect(page.getByTestId('model-preset')).toBeFocused();
  const mini = await waitForHeadlinesToChange(page, start);
  // Its note is the next stop: Enter opens it.
  await tabTo(page, (f) => f.tag === 'summary' && f.name === 'What is this?', 'the preset\'s "What is this?" note', { max: 1 });
  await page.keyboard.press('Enter');
  await expect(page.locator('details.explain:has(> summary:focus)')).toHaveAttribute('open', '');
  await expect(page.locator('details.explain:has(> summary:focus)')).toContainText('Compact BERTs');
  await shot(page, J, '1-preset-and-note-by-keyboard');

  // A parameter: the weight buffer, 8 → 16 MB.
  await tabTo(page, (f) => f.tag === 'select' && f.name === 'Weight buffer (MB)', 'the weight buffer');
  await expect(page.getByLabel('Weight buffer (MB)', { exact: true })).toHaveValue('8');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Weight buffer (MB)', { exact: true })).toHaveValue('16');
  const buffered = await waitForHeadlinesToChange(page, mini);
  expect(buffered['headline-area']).not.toBe(mini['headline-area']);
  // A slider too: activation sparsity down one step.
  await tabTo(page, (f) => f.tag === 'input' && f.name === 'Activation sparsity', 'the activation sparsity slider');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('textbox', { name: 'Activation sparsity value', exact: true })).not.toHaveValue('0.5');
  const slid = await waitForHeadlinesToChange(page, buffered);
  await shot(page, J, '2-parameter-by-keyboard');

  // Tabs: arrow keys move between them; focus and selection follow.
  await tabTo(page, (f) => f.role === 'tab', 'the view tabs');
  await expect(page.getByRole('tab', { name: 'Results' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Compare' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await shot(page, J, '3-compare-tab');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('results-view')).toBeVisible();

  // End selects the last tab, Home the first; "Sweep & Pareto" is two to the right. Type 500 samples; Enter runs it.
  await page.keyboard.press('End');
  await expect(page.getByRole('tab').last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Sweep & Pareto' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Sweep & Pareto' })).toBeFocused();
  await expect(page.getByTestId('sweep-view')).toBeVisible();
  await tabTo(page, (f) => f.testId === 'sweep-samples', 'the sample count');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('500');
  await expect(page.getByTestId('sweep-size')).toHaveText('500 pairs');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 500 pairs', { timeout: 120_000 });

  // The plot: arrow keys walk the front, Enter loads the point.
  await tabTo(page, (f) => f.testId === 'pareto-plot', 'the Pareto plot');
  const announcer = page.getByTestId('pareto-announcer');
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toContainText(/^Front point 1 of \d+/);
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toContainText(/^Front point 2 of \d+/);
  await expect(page.getByTestId('pareto-plot').locator('circle[data-part="cursor"]')).toBeVisible();
  await shot(page, J, '4-front-point-2');
  await page.keyboard.press('Enter');
  await expect(announcer).toContainText(/^Loaded point \d+ into the editors\./);
  await expect(page.getByTestId('pareto-plot')).toBeFocused();
  await expect(page.getByTestId('front-table').locator('tbody tr[aria-current="true"]')).toHaveCount(1);
  await expect(page.getByTestId('accelerator-preset')).toHaveValue('custom');
  await shot(page, J, '5-front-point-loaded');

  // Back to Results by keyboard: the loaded design has been simulated.
  await tabTo(page, (f) => f.role === 'tab', 'the view tabs', { back: true });
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  await waitForSim(page);
  expect(await readHeadlines(page)).not.toEqual(slid);
  await shot(page, J, '6-results-of-loaded-point');
});

test('keyboard only: the skip link goes to the results', async ({ page }) => {
  await openApp(page);
  // The first Tab stop is the skip link, shown while focused.
  const skip = await tabTo(page, (f) => f.testId === 'skip-to-results', 'the skip link', { max: 1 });
  expect(skip.name).toBe('Skip to results');
  await expect(page.getByTestId('skip-to-results')).toBeInViewport();
  await shot(page, J, '7-skip-link');
  const hashBefore = await page.evaluate(() => location.hash);
  await page.keyboard.press('Enter');
  // Focus is on the results region (not <body>), and the share-link hash is untouched.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
  expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
  // The next stop is the selected view tab, past every editor control.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Results' })).toBeFocused();
});

test('keyboard only: focus stays on a control when a sweep finishes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await expect(page.getByTestId('sweep-view')).toBeVisible();
  await tabTo(page, (f) => f.testId === 'sweep-samples', 'the sample count');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('300');
  await expect(page.getByTestId('sweep-size')).toHaveText('300 pairs');
  // Run with the button itself: it is disabled while the sweep runs, so focus moves to Cancel and back.
  await tabTo(page, (f) => f.testId === 'sweep-run', 'Run sweep');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 300 pairs', { timeout: 120_000 });
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe('body');
  await expect(page.getByTestId('sweep-run')).toBeFocused();
  await shot(page, J, '8-focus-after-sweep');
  // A second run started with Enter in the samples field keeps focus in the field.
  await page.getByTestId('sweep-seed').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 300 pairs', { timeout: 120_000 });
  await expect(page.getByTestId('sweep-seed')).toBeFocused();
});

test('keyboard only: BERT-Base layers are collapsed, so the accelerator editor is a few Tabs away', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('model-preset').selectOption('bert-base');
  await expect(page.getByRole('group', { name: 'Layer 12', exact: true })).toBeVisible({ timeout: 15_000 });
  await waitForSim(page);
  await expect(page.getByRole('button', { name: 'Layer 12', exact: true })).toHaveAttribute('aria-expanded', 'false');

  // From the model preset to the accelerator preset.
  await page.getByTestId('model-preset').focus();
  let presses = 0;
  for (; presses < 60; presses++) {
    if (await page.getByTestId('accelerator-preset').evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  console.log(`Tab presses from the model preset to the accelerator preset with BERT-Base: ${presses}`);
  expect(presses).toBeLessThan(40);

  // A collapsed layer opens with Enter and its controls join the tab order; the others stay closed.
  const toggle = page.getByRole('button', { name: 'Layer 3', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, (f) => f.name === 'Move layer 3 up', 'layer 3\'s first action', { max: 2 });
  await tabTo(page, (f) => f.name === 'Head 12 type', 'layer 3\'s last head', { max: 20 });
  await expect(page.getByRole('button', { name: 'Layer 4', exact: true })).toHaveAttribute('aria-expanded', 'false');
  await shot(page, J, '9-bert-base-layer-3-open');
  // "Expand all layers" opens every layer.
  await page.getByRole('button', { name: 'Expand all layers' }).click();
  await expect(page.getByRole('button', { name: 'Layer 12', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Collapse all layers' })).toBeVisible();
});
