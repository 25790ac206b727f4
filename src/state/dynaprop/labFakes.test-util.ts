/** Stand-ins for the lab's tests: a DynaProp result shaped like the core's, and a scripted worker client. */
import type { DynaPropRunConfig } from '../../core/dynaprop/config.ts';
import type { DynaPropProgress, DynaPropResult } from '../../core/dynaprop/run.ts';
import type { SparsitySummary } from '../../core/dynaprop/summary.ts';
import type { DynaPropClient, DynaPropOutcome, DynaPropRunOptions } from '../../workers-client/dynapropClient.ts';

const ratio = (x: number | null) => ({ all: x, real: x, numel: x === null ? 0 : 100 });

export function fakeSummary(a: number, g: number): SparsitySummary {
  return {
    activation: ratio(a), gradient: ratio(g), paramGradient: ratio(null),
    perOpType: { ff: { activation: ratio(a), gradient: ratio(g) } },
    perKind: { matmul: { activation: ratio(a), gradient: ratio(g) }, softmax: { activation: ratio(0.2), gradient: ratio(null) } },
    perSite: [
      { layer: 0, opType: 'ff', site: 'ff1', direction: 'fwd', sparsity: a, sparsityReal: a, numel: 100 },
      { layer: 1, opType: 'sa_sdp', site: 'scores', direction: 'fwd', sparsity: 0.2, sparsityReal: 0.2, numel: 100 },
      { layer: 0, opType: 'ff', site: 'ff1', direction: 'bwd', sparsity: g, sparsityReal: g, numel: 100 },
    ],
  };
}

/** Accuracy drops with the pruning targets, so plots and tables have something to show. */
export function fakeResult(config: DynaPropRunConfig): DynaPropResult {
  const a = config.targetActivationSparsity ?? 0.1, g = config.targetGradientSparsity ?? 0.3;
  return {
    config, accuracy: 0.8 - a * 0.1 - g * 0.05, loss: 0.5, validation: { accuracy: 0.79, loss: 0.5 },
    history: Array.from({ length: config.steps }, (_, i) => ({ step: i + 1, loss: 0.7 - i * 0.01, ...(i + 1 === config.steps ? { validationAccuracy: 0.79 } : {}) })),
    thresholds: {
      tauI: a / 10, tauT: g / 100, tauParam: 0,
      tables: [{ direction: 'fwd', scope: 'global', points: [{ sparsity: 0, tau: 0 }, { sparsity: 0.5, tau: 0.05 }, { sparsity: 0.9, tau: 0.2 }], zeroFraction: 0, numel: 1000 }],
    },
    training: fakeSummary(a, g), heldOut: fakeSummary(a, g), weightSparsity: 0, backend: 'wasm', tfjsVersion: '4.22.0', steps: config.steps, seconds: 1.5,
  };
}

export type Script = 'ok' | 'crash' | 'config-error' | 'hang';

/**
 * A client whose runs report progress once per step on a timer and answer as the
 * script says (the last entry repeats). `cancel` stops the run at its next step.
 */
export function fakeClient(script: Script[] = ['ok'], tickMs = 1) {
  const calls: { config: DynaPropRunConfig; url: string; backend: string; options?: DynaPropRunOptions }[] = [];
  let cancelFlag: { cancelled: boolean } | null = null;
  const client: Pick<DynaPropClient, 'run' | 'cancel'> = {
    run(config, url, backend, onProgress: (p: DynaPropProgress) => void, options) {
      const plan = script[Math.min(calls.length, script.length - 1)];
      calls.push({ config, url, backend, options });
      // Newest wins, as the real client: a running one is cancelled.
      if (cancelFlag) cancelFlag.cancelled = true;
      const mine = (cancelFlag = { cancelled: false });
      return new Promise<DynaPropOutcome>((resolve) => {
        if (plan === 'config-error') return resolve({ ok: false, cancelled: false, field: 'model.o[0][0]', message: 'model.o[0][0]: cannot build' });
        let step = 0;
        const tick = () => {
          if (mine.cancelled) return resolve({ ok: false, cancelled: true, message: `cancelled at step ${step}` });
          if (plan === 'crash' && step === 1) return resolve({ ok: false, cancelled: false, crashed: true, message: 'The DynaProp worker stopped: out of memory. Run again to start a new worker.' });
          step++;
          onProgress({ step, steps: config.steps, loss: 1 / step, learningRate: 1e-3, thresholds: { tauI: 0, tauT: 0 }, activation: 0.5, gradient: null, ...(step === config.steps ? { validation: { accuracy: 0.7, loss: 0.6 } } : {}) });
          if (step >= config.steps && plan !== 'hang') return resolve({ ok: true, result: fakeResult(config) });
          setTimeout(tick, tickMs);
        };
        setTimeout(tick, tickMs);
      });
    },
    cancel() {
      if (cancelFlag) cancelFlag.cancelled = true;
    },
  };
  return { client, calls };
}
