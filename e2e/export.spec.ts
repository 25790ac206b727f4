import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, runSweep, shot } from './helpers.ts';

const J = 'export';
test.setTimeout(180_000);

// CSV is read by people: the editors' names with units (JSON keeps the ids).
const OBJECTIVE_COLUMNS = [
  'Latency (s)', 'Energy / sequence (J)', 'Dynamic energy / sequence (J)', 'Leakage energy / sequence (J)', 'Area (mm²)',
  'Energy-delay product (J·s)', 'Parameters', 'MACs / sequence (MAC)',
];

async function exportFile(page: Page, which: 'front' | 'all', format: 'csv' | 'json'): Promise<{ name: string; text: string }> {
  await page.getByTestId('export-which').selectOption(which);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  const name = download.suggestedFilename();
  await download.saveAs(`e2e/artifacts/${J}-${name}`);
  return { name, text: await readFile(path, 'utf8') };
}

/** Minimal RFC 4180 split: no cell of an accelerator sweep holds a quote, comma or newline. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n').map((line) => line.split(','));
}

test('a small sweep exports its points as CSV (and JSON) with parseable numbers', async ({ page }) => {
  const samples = 300;
  await openApp(page);
  await runSweep(page, samples);
  const label = (await page.getByTestId('pareto-plot').getAttribute('aria-label')) ?? '';
  const [, plotted, front] = /: ([\d,]+) points, (\d+) on the front/.exec(label) ?? [];
  await shot(page, J, '1-sweep-done');

  // All points.
  const all = await exportFile(page, 'all', 'csv');
  expect(all.name).toBe('sweep-seed1-all.csv');
  const rows = parseCsv(all.text);
  const [header, ...body] = rows;
  console.log(`CSV header: ${header.join(',')}`);
  expect(header.slice(0, 1 + OBJECTIVE_COLUMNS.length)).toEqual(['index', ...OBJECTIVE_COLUMNS]);
  expect(header).toEqual(expect.arrayContaining(['Processing elements', 'Weight buffer (MB)', 'Main memory']));
  expect(body).toHaveLength(Number(plotted.replace(/,/g, '')));
  expect(body.length).toBeLessThanOrEqual(samples);
  const indices = body.map((r) => Number(r[0]));
  expect(new Set(indices).size).toBe(body.length);
  // Checked in plain code and asserted once: thousands of expect() calls take seconds.
  const problems: string[] = [];
  for (const r of body) {
    if (r.length !== header.length) problems.push(`row ${r[0]} has ${r.length} cells`);
    for (let c = 0; c <= OBJECTIVE_COLUMNS.length; c++) {
      const v = Number(r[c]);
      if (r[c] === '' || !Number.isFinite(v) || (c > 0 && v <= 0)) problems.push(`row ${r[0]} ${header[c]} = "${r[c]}"`);
    }
    const pe = r[header.indexOf('Processing elements')];
    if (!Number.isInteger(Number(pe))) problems.push(`row ${r[0]} PEs = "${pe}"`);
  }
  expect(problems).toEqual([]);
  // Energy = dynamic + leakage, EDP = energy × latency, to rounding (cells keep 7 significant digits).
  for (const r of body.slice(0, 20)) {
    const [lat, e, dyn, leak, , edp] = r.slice(1, 7).map(Number);
    expect(Math.abs(dyn + leak - e) / e).toBeLessThan(1e-6);
    expect(Math.abs(e * lat - edp) / edp).toBeLessThan(1e-6);
  }

  // The front: the same points as the front table.
  const frontCsv = parseCsv((await exportFile(page, 'front', 'csv')).text).slice(1);
  expect(frontCsv).toHaveLength(Number(front));
  const tableIds = (await page.getByTestId('front-table').locator('tbody tr td:first-child').allInnerTexts()).map((t) => Number(t.replace('#', '')));
  expect(frontCsv.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual([...tableIds].sort((a, b) => a - b));
  // Every front row is also in "all", with identical numbers.
  const byIndex = new Map(body.map((r) => [r[0], r.join(',')]));
  for (const r of frontCsv) expect(byIndex.get(r[0])).toBe(r.join(','));

  // JSON of the front carries the sweep spec and the same points, as compact rows under the CSV's columns
  // (by id: `latency_s` where the CSV, read by people, says "Latency (s)"); the numbers are identical.
  const json = JSON.parse((await exportFile(page, 'front', 'json')).text) as { kind: string; sweep: { samples: number; seed: number }; columns: string[]; rows: (number | string | null)[][] };
  expect(json.kind).toBe('transcode-sweep-points');
  expect(json.sweep).toMatchObject({ samples, seed: 1 });
  expect(json.columns).toHaveLength(header.length);
  expect(json.columns.slice(0, 3)).toEqual(['index', 'latency_s', 'energy_J']);
  expect(json.rows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(frontCsv.map((r) => Number(r[0])).sort((a, b) => a - b));
  const numbers = (cells: readonly (string | number | null)[]) => cells.slice(0, 1 + OBJECTIVE_COLUMNS.length).map((v) => (v === null ? '' : String(v))).join(',');
  for (const r of json.rows) expect(numbers(r)).toBe(numbers(byIndex.get(String(r[0]))!.split(',')));
  await shot(page, J, '2-exported');
});
