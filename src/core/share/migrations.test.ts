import { describe, expect, it } from 'vitest';
import { migrateSession } from './migrations.ts';

describe('migrateSession', () => {
  // A made-up history: v1 stored the seed as a string, v2 renamed `runs` to `sweepRan`.
  const migrations = {
    1: (o: Record<string, unknown>) => ({ ...o, seed: Number(o.seed) }),
    2: ({ runs, ...rest }: Record<string, unknown>) => ({ ...rest, sweepRan: runs }),
  };

  it('applies each step in order up to the current version', () => {
    const r = migrateSession({ version: 1, seed: '7', runs: true }, migrations, 3);
    expect(r).toEqual({ ok: true, value: { version: 3, seed: 7, sweepRan: true }, migratedFrom: 1 });
  });

  it('leaves the current version alone', () => {
    expect(migrateSession({ version: 3, a: 1 }, migrations, 3)).toEqual({ ok: true, value: { version: 3, a: 1 }, migratedFrom: null });
  });

  it('refuses newer, missing and unmigratable versions', () => {
    expect(migrateSession({ version: 4 }, migrations, 3)).toMatchObject({ ok: false, reason: 'newer' });
    expect(migrateSession({}, migrations, 3)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrateSession({ version: 1 }, { 2: migrations[2] }, 3)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrateSession({ version: 2 }, { 2: () => { throw new Error('bad'); } }, 3)).toMatchObject({ ok: false, reason: 'failed' });
  });
});
