import { describe, expect, it } from 'vitest';
import { createAnalysisClient, type AnalysisRemote } from './analysisClient.ts';
import type { AnalysisRequest, AnalysisResult } from '../ui/analysis/objectives/analyse.ts';

/** Workers whose answers the test releases by hand; each records whether it was terminated. */
function fakeWorkers() {
  const made: { terminated: boolean; answer: (r: AnalysisResult) => void; fail: (e: Error) => void; fireError: () => void }[] = [];
  const create = () => {
    const listeners: ((e: Event) => void)[] = [];
    const entry = { terminated: false, answer: (_r: AnalysisResult) => {}, fail: (_e: Error) => {}, fireError: () => listeners.forEach((l) => l(new Event('error'))) };
    made.push(entry);
    const remote = {
      analyse: () => new Promise<AnalysisResult>((resolve, reject) => { entry.answer = resolve; entry.fail = reject; }),
    } as unknown as AnalysisRemote;
    return {
      worker: { addEventListener: (_t: 'error' | 'messageerror', l: (e: Event) => void) => { listeners.push(l); }, terminate: () => { entry.terminated = true; } },
      remote,
    };
  };
  return { made, create };
}

const request = (): AnalysisRequest => ({ columns: [Float64Array.of(1, 2), Float64Array.of(2, 1)], params: [] }) as unknown as AnalysisRequest;
const result = (tag: number) => ({ frontCount: tag } as unknown as AnalysisResult);

describe('the analysis client (newest request wins)', () => {
  it('stops the busy worker when a newer request comes; the older caller is told it was superseded', async () => {
    const { made, create } = fakeWorkers();
    const client = createAnalysisClient(create);
    const first = client.analyse(request());
    const second = client.analyse(request());
    expect(made).toHaveLength(2);
    expect(made[0].terminated).toBe(true);
    expect(await first).toEqual({ superseded: true });
    made[1].answer(result(7));
    expect(await second).toEqual({ superseded: false, value: result(7) });
    // Each request's worker is let go once it has answered.
    expect(made[1].terminated).toBe(true);
  });

  it('reports a worker that fails on the newest request, and dispose() supersedes one in flight', async () => {
    const { made, create } = fakeWorkers();
    const client = createAnalysisClient(create);
    const failing = client.analyse(request());
    made[0].fireError();
    await expect(failing).rejects.toThrow(/analysis worker failed to load/);
    const inFlight = client.analyse(request());
    client.dispose();
    expect(made[1].terminated).toBe(true);
    expect(await inFlight).toEqual({ superseded: true });
  });
});
