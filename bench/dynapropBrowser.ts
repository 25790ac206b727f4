/**
 * `npm run bench:dynaprop-browser` (after `npm run build`): the names task in the DynaProp lab
 * in real Chromium, timed from the Run click to the finished summary, for a few step counts.
 * Writes bench/dynaprop-browser-results.json with the wall time, test accuracy and backend.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startPreview } from './previewServer.ts';

const PORT = 4291;
const STEPS = process.argv.includes('--quick') ? [100] : [100, 150, 300];


async function main() {
  const server = await startPreview(PORT);
  const URL_ = server.url;
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(URL_);
    await page.getByRole('tab', { name: 'DynaProp lab' }).click();
    const runs = [];
    for (const steps of STEPS) {
      await page.getByTestId('lab-steps').fill(String(steps));
      await page.getByTestId('lab-seed').fill('1');
      const t0 = Date.now();
      await page.getByTestId('lab-run').click();
      await page.getByTestId('lab-summary-how').filter({ hasText: `${steps} steps` }).waitFor({ timeout: 600_000 });
      const seconds = (Date.now() - t0) / 1000;
      const accuracy = Number(await page.getByTestId('lab-summary-accuracy').textContent());
      const how = (await page.getByTestId('lab-summary-how').textContent())?.trim();
      runs.push({ steps, wallSeconds: +seconds.toFixed(1), testAccuracy: accuracy, ranOn: how, loadAverage1m: +loadavg()[0].toFixed(2) });
      console.log(runs[runs.length - 1]);
    }
    await browser.close();
    const out = { date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, task: "names, BERT-Tiny, batch 32, T 16, lr 1e-3, the lab's default targets (activation 0.5 with its lookup tables profiled and re-profiled, gradients unpruned)", majorityClass: 0.565, target: 'well above chance within 30 s (issue 11)', runs };
    writeFileSync(new URL('./dynaprop-browser-results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
  } finally {
    server.stop();
  }
}
main();
