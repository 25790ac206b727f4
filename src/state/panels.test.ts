import { describe, expect, it } from 'vitest';
import { once } from './panels.ts';

describe('once (the lazy panels’ loader)', () => {
  it('gives the same promise on every call, so React’s use() does not suspend again', async () => {
    let loads = 0;
    const load = once(async () => ({ made: ++loads }));
    const first = load();
    expect(load()).toBe(first);
    expect(await first).toEqual({ made: 1 });
    expect(await load()).toEqual({ made: 1 });
    expect(loads).toBe(1);
  });

  it('forgets a failed load (a chunk that did not arrive), so opening the tab again retries', async () => {
    let calls = 0;
    const load = once(async () => {
      calls++;
      if (calls === 1) throw new Error('chunk failed');
      return 'panel';
    });
    await expect(load()).rejects.toThrow('chunk failed');
    expect(await load()).toBe('panel');
    expect(calls).toBe(2);
  });
});
