/**
 * The first visit's download: the entry script and what index.html preloads,
 * gzipped, stays within 200 KB (issue 10). DynaProp, co-design, tfjs and the
 * heavier views load with their tabs, so they are not counted here.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

test('the main bundle is at most 200 KB gzipped', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const kb = files.reduce((n, f) => n + gzipSync(readFileSync(`dist/${f}`)).length, 0) / 1024;
  console.log(`main bundle: ${kb.toFixed(1)} KB gzipped (${files.join(', ')})`);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  expect(kb).toBeLessThanOrEqual(200);
});
