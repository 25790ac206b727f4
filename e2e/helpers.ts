/**
 * Shared steps of the e2e journeys: wait for the ELECTOR worker's answer, read
 * the headline figures and the editors, and save screenshots as artifacts.
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export const HEADLINE_IDS = [
  'headline-latency',
  'headline-throughput',
  'headline-energy',
  'headline-dynamic',
  'headline-leakage',
  'headline-area',
  'headline-edp',
  'headline-cycles',
] as const;

export type Headlines = Record<(typeof HEADLINE_IDS)[number], string>;

/** Saves `e2e/artifacts/<journey>-<step>.png` (paths are relative to the repo root, where Playwright runs). */
export async function shot(page: Page, journey: string, step: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${journey}-${step}.png`, fullPage: false });
}

/** Waits until the live simulation has answered (data-status="done"). */
export async function waitForSim(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', { timeout });
}

/** Opens the app with a clean slate (no stored session) and waits for the first result. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForSim(page);
}

export async function readHeadlines(page: Page): Promise<Headlines> {
  const out = {} as Headlines;
  for (const id of HEADLINE_IDS) out[id] = (await page.getByTestId(id).textContent()) ?? '';
  return out;
}

/**
 * Waits until the simulation is done AND the headline figures differ from
 * `before` (a change can finish before "running" is ever observed).
 */
export async function waitForHeadlinesToChange(page: Page, before: Headlines, timeout = 30_000): Promise<Headlines> {
  await expect
    .poll(async () => {
      const status = await page.getByTestId('sim-status').getAttribute('data-status');
      if (status !== 'done') return false;
      return JSON.stringify(await readHeadlines(page)) !== JSON.stringify(before);
    }, { timeout })
    .toBe(true);
  return readHeadlines(page);
}

/** A layer's group; `exact` because "Layer 1" is a prefix of "Layer 10". */
export function layer(page: Page, n: number): Locator {
  return page.getByRole('group', { name: `Layer ${n}`, exact: true });
}

/** Everything the editors show, as one comparable snapshot. */
export async function readEditors(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const editors = document.querySelector('aside.editors');
    if (!editors) return out;
    const fields = editors.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input');
    fields.forEach((el, i) => {
      const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ?? '';
      const value = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? String(el.checked) : el.value;
      out[`${i}:${label.trim()}`] = value;
    });
    for (const id of ['param-count', 'macs', 'embedding', 'area-live', 'layer-count']) {
      const el = editors.querySelector(`[data-testid="${id}"]`);
      if (el) out[id] = el instanceof HTMLSelectElement ? el.value : (el.textContent ?? '');
    }
    return out;
  });
}

/** Browser-context options for specs that do not test offline: no service worker caching between runs. */
export const NO_SERVICE_WORKER = { serviceWorkers: 'block' as const };

/**
 * Opens `url` in a fresh desktop context (no storage, no service worker: nothing shared with
 * the sender but the URL), runs `check` on that page, and closes the context.
 */
export async function openInFreshContext(browser: Browser, url: string, check: (receiver: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width: 1280, height: 800 } });
  try {
    const receiver = await context.newPage();
    await receiver.goto(url);
    await check(receiver);
  } finally {
    await context.close();
  }
}

/** Reads the session JSON out of a `#s=<version>.<payload>` link, independently of the app's code. */
export function decodeLink(url: string): { version: number; session: Record<string, unknown> } {
  const m = /#s=(\d+)\.([A-Za-z0-9_-]+)$/.exec(url);
  if (!m) throw new Error(`not a share link: ${url}`);
  const json = strFromU8(inflateSync(Buffer.from(m[2], 'base64url')));
  return { version: Number(m[1]), session: JSON.parse(json) as Record<string, unknown> };
}

/** Builds a `#s=` fragment from any value (valid or hostile), the way the app encodes links. */
export function encodeLinkHash(value: unknown, version: number): string {
  return `#s=${version}.${Buffer.from(deflateSync(strToU8(JSON.stringify(value)))).toString('base64url')}`;
}

/** Opens the Sweep tab, sets the sample count and runs the sweep to the end. */
export async function runSweep(page: Page, samples: number, timeout = 180_000): Promise<void> {
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  const input = page.getByTestId('sweep-samples');
  await input.fill(String(samples));
  await input.blur();
  await expect(page.getByTestId('sweep-size')).toHaveText(`${samples.toLocaleString('en-US')} pairs`);
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toContainText(`Done: ${samples.toLocaleString('en-US')} pairs`, { timeout });
}

/** Centre (client coordinates) of the j-th front diamond drawn in the plot's SVG overlay. */
export async function frontMarkCentre(page: Page, j: number): Promise<{ x: number; y: number; count: number }> {
  return page.getByTestId('pareto-plot').locator('path[data-part="front"]').evaluate((path: SVGPathElement, j: number) => {
    // Each diamond is `M{x},{y - r}l…`: its centre is (x, y).
    const marks = [...(path.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)l([\d.]+)/g)];
    const m = marks[Math.min(j, marks.length - 1)];
    const ctm = path.getScreenCTM();
    if (!m || !ctm) return { x: NaN, y: NaN, count: marks.length };
    const p = new DOMPoint(Number(m[1]), Number(m[2]) + Number(m[3])).matrixTransform(ctm);
    return { x: p.x, y: p.y, count: marks.length };
  }, j);
}

/** The cells of the front-table row marked as the loaded point, keyed by column header. */
export async function currentTableRow(page: Page): Promise<Record<string, string>> {
  const table = page.getByTestId('front-table');
  const headers = await table.locator('thead th').allInnerTexts();
  const cells = await table.locator('tbody tr[aria-current="true"] td').allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), (cells[i] ?? '').trim()]));
}
