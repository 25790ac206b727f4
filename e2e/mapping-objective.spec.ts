/**
 * The mapping objective: a designer who wants the fastest passes, whatever the energy, picks
 * "Fastest"; the results follow, the timeline says how the passes were chosen, a link keeps
 * the choice, and the field works by keyboard on a phone-sized screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeLink, encodeLinkHash, openInFreshContext, readHeadlines, shot, waitForHeadlinesToChange, waitForSim } from './helpers.ts';
import { defaultSession } from '../src/core/share/defaults.ts';
import { SESSION_VERSION } from '../src/core/share/limits.ts';
import { MODEL_PRESETS } from '../src/core/space/transformer/presets.ts';
import type { AcceleratorConfig } from '../src/core/space/accelerator/types.ts';

const J = 'mapping-objective';

/**
 * A design where the objectives part ways (found by sampling the design space): BERT-Small
 * inference on a 4 MB activation buffer at batch 32. Balanced runs passes of 8; the fastest
 * passes are of 16, 2.5 % faster for about half as much energy again.
 */
const ACCELERATOR: AcceleratorConfig = {
  tile: { b: 1, x: 32, y: 32 }, nonLinearity: 'relu', pe: 512, lanesPerPe: 8, macsPerLane: 1, softmaxPerPe: 8, batchSize: 32,
  activationBufferMB: 4, weightBufferMB: 128, maskBufferMB: 1,
  mainMemory: { type: 'rram', banks: 8, ranks: 2, channels: 4, mode: 'hb' },
};

function link(): string {
  const s = defaultSession();
  s.design = { model: MODEL_PRESETS['bert-small'].model, accelerator: ACCELERATOR };
  return `/${encodeLinkHash(s, SESSION_VERSION)}`;
}

const number = async (page: Page, id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace(/[^\d.]/g, ''));

test('choosing the fastest mapping changes the passes and the figures, and a link keeps it', async ({ page, browser }) => {
  await page.goto(link());
  await waitForSim(page);
  const field = page.getByLabel('Mapping objective', { exact: true });
  await expect(field).toHaveValue('balanced');
  await expect(page.getByTestId('mapping-objective-note')).toContainText('(T_half / T)^0.1');
  await expect(page.getByTestId('timeline-passes')).toContainText('runs as 4 passes of 8 sequences (the fastest, allowing a little more energy per sequence than half-size passes)');
  const balanced = await readHeadlines(page);
  const balancedCycles = await number(page, 'headline-cycles');

  await field.selectOption('time');
  const fastest = await waitForHeadlinesToChange(page, balanced);
  await expect(page.getByTestId('mapping-objective-note')).toContainText('more hardware is then slower only in rare cases');
  await expect(page.getByTestId('timeline-passes')).toContainText('runs as 2 passes of 16 sequences (the fastest)');
  expect(await number(page, 'headline-cycles')).toBeLessThan(balancedCycles);
  expect(fastest['headline-energy']).not.toEqual(balanced['headline-energy']);
  await page.getByTestId('mapping-objective-note').scrollIntoViewIfNeeded();
  await shot(page, J, '1-fastest');

  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('link-output').inputValue();
  expect(decodeLink(url).session.settings).toMatchObject({ mappingObjective: 'time' });
  await openInFreshContext(browser, url, async (receiver) => {
    await waitForSim(receiver);
    await expect(receiver.getByLabel('Mapping objective', { exact: true })).toHaveValue('time');
    expect(await readHeadlines(receiver)).toEqual(fastest);
  });

  // The reference model does not cut batches: the field is disabled, and says why.
  await page.getByRole('radio', { name: 'Reference (AccelTran)', exact: true }).check();
  await expect(field).toBeDisabled();
  await expect(field).toHaveAttribute('title', /does not cut the batch into passes/);
});

test('the mapping objective is chosen by keyboard on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(link());
  await waitForSim(page);
  // The editors are folded away on a phone: open them from the keyboard.
  const toggle = page.getByTestId('editors-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const field = page.getByLabel('Mapping objective', { exact: true });
  await field.scrollIntoViewIfNeeded();
  await field.focus();
  const before = await readHeadlines(page);
  // A native select: the arrow keys change the value without opening it.
  await page.keyboard.press('ArrowDown');
  await expect(field).toHaveValue('time');
  await waitForHeadlinesToChange(page, before);
  await page.keyboard.press('ArrowDown');
  await expect(field).toHaveValue('energy');
  await expect(page.getByTestId('mapping-objective-note')).toContainText('never grows with the batch');
  await expect(field).toBeFocused();
  const box = await field.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await shot(page, J, '2-phone');
});
