/** The Compare panel's store and controller behaviour: the default baseline follows the sweep's base; pinned designs load back. */
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../core/elector/types.ts';
import type { SimulationReply } from '../../core/elector/run.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { createExplorerStore } from '../../state/store.ts';
import { BASELINE_ID, DEFAULT_BASELINE, startSimulationController, type SimulationTransport } from '../../state/simulationController.ts';

function recordingTransport() {
  const compared: { model: unknown; accelerator: unknown }[] = [];
  const reply: SimulationReply = { ok: true, result: { latencyS: 1 } as SimResult };
  const transport: SimulationTransport = {
    simulateLatest: () => Promise.resolve({ superseded: false, value: reply }),
    simulate: (model, accelerator) => {
      compared.push({ model, accelerator });
      return Promise.resolve(reply);
    },
  };
  return { transport, compared };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('compare baseline and loading', () => {
  it('simulates BERT-Base on AccelTran-Server as the default, and the sweep\'s base design once a sweep is built', async () => {
    const store = createExplorerStore(defaultSession());
    const { transport, compared } = recordingTransport();
    const stop = startSimulationController(store, transport);
    await flush();
    expect(compared).toHaveLength(1);
    expect(compared[0].model).toEqual(DEFAULT_BASELINE.model);

    const mini = { model: structuredClone(MODEL_PRESETS['bert-mini'].model), accelerator: structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config) };
    store.getState().setSweepBase(mini);
    await flush();
    expect(compared).toHaveLength(2);
    expect(compared[1]).toEqual(mini);
    expect(store.getState().compare[BASELINE_ID]?.status).toBe('done');
    stop();
  });

  it('loads a pinned design and its run settings back into the editors, as a copy', () => {
    const store = createExplorerStore(defaultSession());
    store.getState().setSettings({ mode: 'training' });
    store.getState().pinCurrent('tiny training');
    const pinned = store.getState().session.pinned[0];
    store.getState().setModel(structuredClone(MODEL_PRESETS['bert-base'].model));
    store.getState().setSettings({ mode: 'inference' });

    store.getState().loadDesign(pinned, pinned.settings);
    const { design, settings } = store.getState().session;
    expect(design.model).toEqual(MODEL_PRESETS['bert-tiny'].model);
    expect(design.accelerator).toEqual(pinned.accelerator);
    expect(settings.mode).toBe('training');
    expect(design.model).not.toBe(pinned.model);
    // Without settings, the current ones stay.
    store.getState().setSettings({ mode: 'inference' });
    store.getState().loadDesign(DEFAULT_BASELINE);
    expect(store.getState().session.settings.mode).toBe('inference');
    expect(store.getState().session.design.model).toEqual(DEFAULT_BASELINE.model);
  });
});
