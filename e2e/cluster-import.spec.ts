/**
 * Back from the cluster: the app's own sweep, exported as JSON, is run by the CLI
 * as four shards, merged, and imported back; the plot's point count and the
 * Pareto front equal the app's unsharded run. A truncated file shows the rows
 * before the cut and says where; a shard with a bad line names file and line.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep, shot } from './helpers.ts';

const J = 'cluster-import';
const run = promisify(execFile);
test.setTimeout(240_000);

/** Runs the CLI; exit 1 (some pairs failed, their rows say why) still wrote a complete file. */
const cli = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/main.ts', ...args], { maxBuffer: 64 * 1024 * 1024 }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e;
  });
const plotLabel = async (page: Page) => (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';
const frontIds = async (page: Page) =>
  (await page.getByTestId('front-table').locator('tbody tr td:first-child').allInnerTexts()).map((t) => Number(t.replace('#', ''))).sort((a, b) => a - b);

async function importFile(page: Page, path: string) {
  await page.getByTestId('import-sweep').setInputFiles(path);
}

test('four CLI shards, merged and imported, equal the app\'s own run of the same sweep', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'transcode-shards-'));
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep & Pareto' }).click();
  await page.getByTestId('sweep-seed').fill('5');
  await runSweep(page, 2000);
  const label = await plotLabel(page);
  const front = await frontIds(page);

  // The sweep as the app exports it is the CLI's spec.
  await page.getByTestId('export-which').selectOption('front');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const spec = join(dir, 'sweep.json');
  await download.saveAs(spec);

  const shards = [0, 1, 2, 3].map((i) => join(dir, `shard-${i}.sweep.jsonl`));
  await Promise.all(shards.map((out, i) => cli(['sweep', '--spec', spec, '--shard', `${i}/4`, '--out', out])));
  const merged = join(dir, 'merged.sweep.jsonl');
  await cli(['merge', ...shards, '--out', merged]);

  // Start from a different view, so the import has something to replace.
  await page.getByTestId('sweep-seed').fill('6');
  await runSweep(page, 500);
  await importFile(page, merged);
  await expect(page.getByTestId('import-message')).toHaveText('Imported 2,000 of 2,000 pairs from merged.sweep.jsonl.');
  await expect.poll(() => plotLabel(page)).toBe(label);
  expect(await frontIds(page)).toEqual(front);
  await expect(page.getByTestId('sweep-status')).toContainText('from an imported sweep file');
  await expect(page.getByTestId('sweep-seed')).toHaveValue('5');
  await shot(page, J, '1-merged-imported');

  // A file cut in the middle of a line: the rows before the cut, and where it stopped.
  const text = await readFile(merged, 'utf8');
  const cut = join(dir, 'cut.sweep.jsonl');
  await writeFile(cut, text.slice(0, Math.floor(text.length / 2)));
  await importFile(page, cut);
  await expect(page.getByTestId('import-message')).toContainText('from cut.sweep.jsonl');
  await expect(page.getByTestId('import-message')).toContainText('stopped early');
  await expect(page.getByTestId('import-message')).toContainText('cut.sweep.jsonl:');

  // A shard with a bad line: named by file and line; nothing before it is lost.
  const lines = (await readFile(shards[1], 'utf8')).split('\n');
  lines[7] = '[9, "oops"]';
  const bad = join(dir, 'bad.sweep.jsonl');
  await writeFile(bad, lines.join('\n'));
  await importFile(page, bad);
  await expect(page.getByTestId('import-message')).toContainText('bad.sweep.jsonl:8');

  // Not a sweep file at all: nothing changes.
  const before = await plotLabel(page);
  const junk = join(dir, 'junk.sweep.jsonl');
  await writeFile(junk, 'hello\n');
  await importFile(page, junk);
  await expect(page.getByTestId('import-message')).toContainText('junk.sweep.jsonl could not be imported; nothing was changed.');
  expect(await plotLabel(page)).toBe(before);

  // 2 GB (a sparse file: no disk used): refused before reading, by name and size.
  const huge = join(dir, 'huge.sweep.jsonl');
  await writeFile(huge, '');
  await truncate(huge, 2 * 1024 ** 3);
  await importFile(page, huge);
  await expect(page.getByTestId('import-message')).toContainText('huge.sweep.jsonl is 2.00 GB; the app imports sweep files up to 1 GB');
  expect(await plotLabel(page)).toBe(before);
  await shot(page, J, '2-bad-file');
});
