/**
 * Nothing stale, nothing stuck: a simulation worker that fails to load or dies
 * is reported and restarted (never "Simulating…" forever); an invalid input
 * marks the results as the last valid design's and is brought into view; a link
 * whose pins carry reserved ids has them renamed, with a notice naming them.
 */
import { expect, test } from '@playwright/test';
import { encodeLinkHash, layer, openApp, shot, waitForSim } from './helpers.ts';
import { defaultSession } from '../src/core/share/defaults.ts';
import { SESSION_VERSION } from '../src/core/share/limits.ts';
import { MODEL_PRESETS } from '../src/core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../src/core/space/accelerator/presets.ts';

const J = 'stuck';
/** The built simulation worker is `assets/elector.worker-<hash>.js`. */
const SIM_WORKER = '**/elector.worker-*.js';

test('a simulation worker served as a 404 is reported (not "Simulating…" forever), and a later edit works', async ({ page }) => {
  await page.route(SIM_WORKER, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto('/');
  const status = page.getByTestId('sim-status');
  await expect(status).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
  await expect(status).toContainText('Simulation failed');
  await expect(page.getByTestId('sim-error')).toContainText('the simulation worker failed to load');
  await expect(page.getByTestId('sim-error')).toContainText('restarted and retried once');
  await shot(page, J, '1-worker-404');

  // The script is back: the next edit starts a new worker and is simulated.
  await page.unroute(SIM_WORKER);
  await page.getByTestId('clock').fill('800');
  await waitForSim(page);
  await expect(status).toContainText('Results up to date');
  await expect(page.getByTestId('headline-latency')).not.toBeEmpty();
  await shot(page, J, '2-recovered');
});

test('a simulation worker that dies is restarted and the edit retried', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  const sim = page.workers().find((w) => w.url().includes('elector.worker'));
  expect(sim).toBeTruthy();
  // Closed from inside: no event reaches the page, only the time limit can tell.
  await sim!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});
  await page.getByTestId('clock').fill('650');
  await expect(page.getByTestId('sim-status')).toContainText('Simulating…');
  await expect(page.getByTestId('notice')).toContainText('The simulation had to be retried: the simulation worker did not answer', { timeout: 40_000 });
  await waitForSim(page);
  await expect(page.getByTestId('sim-status')).toContainText('Results up to date');
  await shot(page, J, '3-dead-worker-restarted');
  // And later edits still work.
  await page.getByTestId('clock').fill('900');
  await waitForSim(page);
});

test('a sweep worker that fails to load ends the sweep with a message, not frozen progress; a later run works', async ({ page }) => {
  const SWEEP_WORKER = '**/sweep.worker-*.js';
  await page.route(SWEEP_WORKER, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  const input = page.getByTestId('sweep-samples');
  await input.fill('300');
  await input.blur();
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toContainText('The sweep failed: the sweep worker failed to load', { timeout: 20_000 });
  await expect(page.getByTestId('sweep-status')).toContainText('retried once');
  await shot(page, J, '7-sweep-worker-404');
  await page.unroute(SWEEP_WORKER);
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toContainText('Done: 300 pairs', { timeout: 60_000 });
});

test('an invalid clock or a one-layer model marks the results as the last valid design’s and shows the field', async ({ page }) => {
  await openApp(page);
  const status = page.getByTestId('sim-status');
  const clock = page.getByTestId('clock');
  await clock.fill('-5');
  await expect(status).toHaveAttribute('data-stale', 'true');
  await expect(status).toContainText('Results are for the last valid design');
  await expect(status).not.toContainText('Results up to date');
  await expect(clock).toBeInViewport();
  await shot(page, J, '4-invalid-clock');
  await clock.fill('800');
  await waitForSim(page);
  await expect(status).not.toHaveAttribute('data-stale', 'true');
  await expect(status).toContainText('Results up to date');

  // A two-layer model minus one layer breaks the 2–12 rule: the layer count is brought into view.
  await page.getByTestId('model-preset').selectOption('bert-tiny');
  await waitForSim(page);
  await expect(page.getByTestId('layer-count')).toHaveValue('2');
  await layer(page, 2).getByRole('button', { name: 'Remove layer 2' }).click();
  await expect(status).toHaveAttribute('data-stale', 'true');
  await expect(status).toContainText('Results are for the last valid design');
  await expect(page.getByTestId('layer-count')).toBeInViewport();
  await shot(page, J, '5-one-layer-model');
  await page.getByTestId('show-invalid').click();
  await expect(page.getByTestId('layer-count')).toBeFocused();
});

test('a link with a pin whose id is "baseline" has it renamed, with a notice naming it', async ({ page }) => {
  const s = defaultSession();
  s.design = { model: MODEL_PRESETS['bert-base'].model, accelerator: ACCELERATOR_PRESETS['acceltran-server'].config };
  const tiny = { model: MODEL_PRESETS['bert-tiny'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config };
  s.pinned = [
    { id: 'baseline', label: 'Tiny training', ...tiny, settings: { ...s.settings, mode: 'training' } },
    { id: 'current', label: 'Tiny again', ...tiny, settings: s.settings },
  ];
  await page.goto(`/${encodeLinkHash(s, SESSION_VERSION)}`);
  await waitForSim(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('“baseline” → “p1”');
  await expect(notice).toContainText('“current” → “p2”');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare-col-p1')).toContainText('Tiny training');
  await expect(page.getByTestId('compare-col-p2')).toContainText('Tiny again');
  // The live column and the default baseline have no Unpin button and show their own designs.
  await expect(page.getByTestId('unpin-current')).toHaveCount(0);
  await expect(page.getByTestId('unpin-baseline')).toHaveCount(0);
  await expect(page.getByTestId('unpin-p1')).toHaveCount(1);
  await expect.poll(async () => page.getByTestId('compare-baseline-latencyS').textContent(), { timeout: 30_000 }).not.toMatch(/^\s*$|…/);
  const base = await page.getByTestId('compare-baseline-latencyS').textContent();
  const pinned = await page.getByTestId('compare-p1-latencyS').textContent();
  expect(base).not.toEqual(pinned);
  await shot(page, J, '6-reserved-pin-ids-renamed');
});
