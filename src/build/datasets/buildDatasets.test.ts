import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUILDERS, DATA_DIR } from './buildDatasets.ts';

describe('npm run datasets', () => {
  // Two builds of each file (about 10 s in all): the same bytes, and the bytes that are committed.
  it.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])('builds %s.v1.json deterministically, equal to the shipped file', (name) => {
    const first = BUILDERS[name](), second = BUILDERS[name]();
    expect(second === first).toBe(true);
    const shipped = readFileSync(new URL(`${name}.v1.json`, DATA_DIR), 'utf8');
    expect(first === shipped, `public/data/${name}.v1.json is stale: run npm run datasets`).toBe(true);
  });
});
