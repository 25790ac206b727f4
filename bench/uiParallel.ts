/**
 * bench:ui's parallel-coordinates figure: brushing the latency axis of a 100,000-point sweep
 * with the pointer, as a user does, twenty times over different ranges; the page records
 * every animation frame meanwhile, and the app's own measures of the filter update
 * (`sweep:brush-filter`, state/sweep/sweepFilter.ts). Reported: frame intervals while
 * brushing (what the user sees; 16.7 ms is a frame with nothing to do) and the filter's
 * time per update, median and p95.
 */
import type { Page } from '@playwright/test';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : Number.NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function measureParallelBrush(page: Page, drags = 20) {
  await page.getByTestId('pc-details').locator('summary').click();
  await page.getByTestId('parallel-coordinates').waitFor();
  const hit = page.getByTestId('pc-hit-latency');
  await hit.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  await page.waitForTimeout(500);
  const box = (await hit.boundingBox())!;
  // A string, not a function: tsx would wrap the named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = []; window.__filter = []; window.__stopFrames = false;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'sweep:brush-filter') window.__filter.push(e.duration); }).observe({ type: 'measure' });
    let last = performance.now();
    const loop = (t) => { window.__frames.push(t - last); last = t; if (!window.__stopFrames) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  const x = box.x + box.width / 2;
  const yAt = (f: number) => box.y + f * box.height;
  // Several drags, each a new brush range (the view applies a brush when the drag ends): the
  // brush grows and shrinks between drags, so rows flip both ways.
  for (let d = 0; d < drags; d++) {
    const from = 0.1 + 0.3 * ((d * 7) % 10) / 10, to = from + 0.2 + 0.4 * ((d * 3) % 10) / 10;
    await page.mouse.move(x, yAt(from));
    await page.mouse.down();
    for (let k = 1; k <= 5; k++) await page.mouse.move(x, yAt(from + ((to - from) * k) / 5));
    await page.mouse.up();
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  const { frames, filter, passing } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stopFrames: boolean; __filter: number[] };
    w.__stopFrames = true;
    return { frames: w.__frames.slice(1), filter: w.__filter, passing: document.querySelector('[data-testid="pc-count"]')?.textContent ?? '' };
  });
  return {
    points: 100_000, drags, filterUpdates: filter.length, after: passing.trim(),
    frameMsWhileBrushing: { p50: round(quantile(frames, 0.5)), p95: round(quantile(frames, 0.95)), max: round(Math.max(...frames)), frames: frames.length },
    filterUpdateMs: { p50: round(quantile(filter, 0.5)), p95: round(quantile(filter, 0.95)), max: round(Math.max(...filter)) },
  };
}
