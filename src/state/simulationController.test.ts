import { describe, expect, it } from 'vitest';
import type { SimOptions, SimResult } from '../core/elector/types.ts';
import type { SimulationReply } from '../core/elector/run.ts';
import { runSimulation } from '../core/elector/run.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { createExplorerStore } from './store.ts';
import { BASELINE_ID, optionsFor, startSimulationController, type SimulationTransport } from './simulationController.ts';

/** Records every request and answers with a stand-in result. */
function recordingTransport() {
  const live: SimOptions[] = [];
  const compared: SimOptions[] = [];
  const reply: SimulationReply = { ok: true, result: { latencyS: 1 } as SimResult };
  const transport: SimulationTransport = {
    simulateLatest: (_m, _a, options) => {
      live.push(options);
      return Promise.resolve({ superseded: false, value: reply });
    },
    simulate: (_m, _a, options) => {
      compared.push(options);
      return Promise.resolve(reply);
    },
  };
  return { transport, live, compared };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('simulation controller', () => {
  it('passes every run setting to the live, compared and pinned simulations', async () => {
    const store = createExplorerStore(defaultSession());
    const { transport, live, compared } = recordingTransport();
    const stop = startSimulationController(store, transport);
    await flush();
    expect(live.at(-1)).toMatchObject({ seqLen: 128, accumulationSteps: 8, mlmHead: false, powerGating: true, timeline: true });

    store.getState().setSettings({ mode: 'training', seqLen: 256, accumulationSteps: 4, mlmHead: true, powerGating: false, clockMHz: 900, mappingObjective: 'time' });
    await flush();
    const expected = {
      mode: 'training', costModel: 'elector', clockMHz: 900, seqLen: 256, accumulationSteps: 4, mlmHead: true, powerGating: false, mappingObjective: 'time',
    };
    expect(live.at(-1)).toEqual({ ...expected, sparsity: defaultSession().settings.sparsity, timeline: true });
    // The default baseline follows the live settings, without the timeline.
    expect(compared.at(-1)).toMatchObject({ ...expected, timeline: false });

    // A pinned design keeps the settings it was pinned with.
    store.getState().pinCurrent('long sequences');
    store.getState().setSettings({ seqLen: 64, mlmHead: false });
    await flush();
    const pinnedId = store.getState().session.pinned[0].id;
    expect(store.getState().session.pinned[0].settings).toMatchObject({ seqLen: 256, mlmHead: true });
    expect(live.at(-1)).toMatchObject({ seqLen: 64, mlmHead: false, accumulationSteps: 4 });
    expect(Object.keys(store.getState().compare).sort()).toEqual([BASELINE_ID, pinnedId].sort());
    expect(compared).toContainEqual(expect.objectContaining({ seqLen: 256, mlmHead: true, timeline: false }));
    stop();
  });

  it('passes measured per-op sparsity to the live and compared simulations, and changes the result', async () => {
    const store = createExplorerStore(defaultSession());
    const { transport, live, compared } = recordingTransport();
    const stop = startSimulationController(store, transport);
    await flush();
    expect(live.at(-1)).not.toHaveProperty('sparsityByOp');
    const sparsityByOp = { matmul: { activation: 0.6, gradient: 0.9 }, softmax: { activation: 0.3 } };
    store.getState().setSettings({ mode: 'training', sparsityByOp });
    await flush();
    expect(live.at(-1)).toMatchObject({ mode: 'training', sparsityByOp });
    expect(compared.at(-1)).toMatchObject({ sparsityByOp, timeline: false });
    stop();
    // The core takes it: the per-op values move the figures.
    const s = defaultSession();
    const training = { ...s.settings, mode: 'training' as const };
    const plain = runSimulation(s.design.model, s.design.accelerator, optionsFor(training));
    const measured = runSimulation(s.design.model, s.design.accelerator, optionsFor({ ...training, sparsityByOp }));
    expect(plain.ok && measured.ok).toBe(true);
    if (plain.ok && measured.ok) expect(measured.result.latencyS).not.toBe(plain.result.latencyS);
  });

  it('shows the core’s seqLen message when the reference model is asked for another length', () => {
    const settings = { ...defaultSession().settings, costModel: 'reference' as const, seqLen: 256 };
    const s = defaultSession();
    const reply = runSimulation(s.design.model, s.design.accelerator, optionsFor(settings));
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^seqLen: .*reference/);
  });

  it('clears the running state when the live or a compare request is rejected (a dead worker), and asks again on the next edit', async () => {
    const store = createExplorerStore(defaultSession());
    let fail = true;
    let liveCalls = 0;
    let compareCalls = 0;
    const reply: SimulationReply = { ok: true, result: { latencyS: 1 } as SimResult };
    const dead = () => Promise.reject(new Error('the simulation worker failed to load (restarted and retried once)'));
    const stop = startSimulationController(store, {
      simulateLatest: () => (liveCalls++, fail ? dead() : Promise.resolve({ superseded: false, value: reply })),
      simulate: () => (compareCalls++, fail ? dead() : Promise.resolve(reply)),
    });
    await flush();
    expect(store.getState().sim.status).toBe('error');
    expect(store.getState().sim.error).toMatch(/failed to load .*next edit tries again/);
    expect(store.getState().compare[BASELINE_ID]).toMatchObject({ status: 'error', result: null });
    expect(store.getState().compare[BASELINE_ID].error).toMatch(/failed to load/);
    // No retry loop: an error slot is an answer.
    await flush();
    expect(compareCalls).toBe(1);

    fail = false;
    store.getState().setSettings({ seqLen: 64 });
    await flush();
    expect(liveCalls).toBe(2);
    expect(store.getState().sim).toMatchObject({ status: 'done', error: null });
    expect(store.getState().compare[BASELINE_ID]).toMatchObject({ status: 'done' });
    stop();
  });

  it('makes no simulation when a design is unpinned, and keeps only the live baseline in compare', async () => {
    const store = createExplorerStore(defaultSession());
    const { transport, compared } = recordingTransport();
    const stop = startSimulationController(store, transport);
    store.getState().pinCurrent('a');
    await flush();
    const before = compared.length;
    let sets = 0;
    const count = store.subscribe(() => sets++);
    store.getState().unpin(store.getState().session.pinned[0].id);
    await flush();
    expect(sets).toBe(1);
    expect(compared.length).toBe(before);
    expect(Object.keys(store.getState().compare)).toEqual([BASELINE_ID]);
    // The controller does not react to its own results: a new result asks for nothing.
    store.getState().setCompare(BASELINE_ID, { ...store.getState().compare[BASELINE_ID] });
    await flush();
    expect(compared.length).toBe(before);
    // A replaced view (compare emptied) is compared again.
    store.getState().replaceSession(store.getState().session);
    await flush();
    expect(compared.length).toBe(before + 1);
    count();
    stop();
  });
});
