import { describe, expect, it } from 'vitest';
import { latestWins } from './latestWins.ts';

describe('latestWins', () => {
  it('runs the first call and only the newest of the calls made meanwhile', async () => {
    const ran: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const limited = latestWins(async (n: number) => {
      ran.push(n);
      if (n === 1) await gate;
      return n * 10;
    });
    const p1 = limited(1), p2 = limited(2), p3 = limited(3), p4 = limited(4);
    release();
    expect(await p1).toEqual({ superseded: false, value: 10 });
    expect(await p2).toEqual({ superseded: true });
    expect(await p3).toEqual({ superseded: true });
    expect(await p4).toEqual({ superseded: false, value: 40 });
    expect(ran).toEqual([1, 4]);
  });

  it('passes errors to the caller of that request', async () => {
    const limited = latestWins(async () => {
      throw new Error('boom');
    });
    await expect(limited()).rejects.toThrow('boom');
  });
});
