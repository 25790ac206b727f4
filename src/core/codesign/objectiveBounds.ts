/**
 * Frozen normalisation bounds of the co-design objective (docs/codesign.md §2.2).
 *
 * How they were obtained: `deriveBounds()` below, run once with its defaults (seed
 * "codesign-bounds-v1", 2,000 random pairs drawn as the baselines draw them, plus the five
 * BERT presets on AccelTran-Edge and AccelTran-Server), per cost model and mode, at the
 * default run settings (sparsity 0.5/0.5/0.9, 128 tokens, 8 accumulation steps, 700 MHz).
 * For each metric the log10 span [min, max] of the sample is widened by a tenth of the
 * span below (the side searches push towards) and a twentieth above, then rounded outward
 * to two significant digits. Regenerate with
 *   npx tsx -e "import('./src/core/codesign/objectiveBounds.ts').then(m => console.log(JSON.stringify(m.deriveBounds(), null, 1)))"
 * and paste the output here (then re-run the objective tests).
 */
import { perSequenceJ } from '../metrics/perSequence.ts';
import { simulate } from '../elector/simulate.ts';
import type { CostModel, SimMode } from '../elector/types.ts';
import { createRng } from '../rng.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { randomAccelerator } from '../space/accelerator/sample.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { randomModel } from '../space/transformer/sample.ts';
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';

/** [low, high] of one metric; values are normalised as log(x/low)/log(high/low), clamped to [0, 1]. */
export type Bounds = readonly [low: number, high: number];

export interface MetricBounds {
  /** Seconds per batch (inference) or per optimizer step (training). */
  latencyS: Bounds;
  /** Joules per sequence. */
  dynamicEnergyJ: Bounds;
  leakageEnergyJ: Bounds;
  areaMm2: Bounds;
}

export const METRIC_BOUNDS: Readonly<Record<CostModel, Readonly<Record<SimMode, MetricBounds>>>> = {
  elector: {
    inference: { latencyS: [1.5e-6, 0.55], dynamicEnergyJ: [2.3e-5, 0.036], leakageEnergyJ: [1.6e-6, 0.15], areaMm2: [13, 37000] },
    training: { latencyS: [8.6e-5, 7.2], dynamicEnergyJ: [2.0e-4, 0.18], leakageEnergyJ: [7.0e-6, 0.69], areaMm2: [13, 37000] },
  },
  reference: {
    inference: { latencyS: [4.3e-6, 280], dynamicEnergyJ: [1.1e-4, 16], leakageEnergyJ: [1.0e-5, 4.9], areaMm2: [13, 36000] },
    training: { latencyS: [5.2e-6, 280], dynamicEnergyJ: [1.8e-4, 25], leakageEnergyJ: [2.7e-5, 7.6], areaMm2: [13, 36000] },
  },
};

const METRICS = ['latencyS', 'dynamicEnergyJ', 'leakageEnergyJ', 'areaMm2'] as const;

export interface DeriveOptions {
  seed: string;
  samples: number;
  /** Fraction of the log span added below the minimum and above the maximum. */
  marginBelow: number;
  marginAbove: number;
}

export const DERIVE_DEFAULTS: DeriveOptions = { seed: 'codesign-bounds-v1', samples: 2000, marginBelow: 0.1, marginAbove: 0.05 };

/** The pairs the bounds are taken over: seeded random pairs, then presets × presets. */
export function boundsSample(o: Pick<DeriveOptions, 'seed' | 'samples'>): { model: ModelDict; accelerator: AcceleratorConfig }[] {
  const rng = createRng(o.seed);
  // Drawn as `randomCandidate` in search.ts draws them (GELU, the embedding's non-linearity).
  const pairs = Array.from({ length: o.samples }, () => ({ model: randomModel(rng), accelerator: randomAccelerator(rng, 'transcode', { fixed: { nonLinearity: 'gelu' } }) }));
  for (const m of Object.values(MODEL_PRESETS)) for (const a of Object.values(ACCELERATOR_PRESETS)) pairs.push({ model: m.model, accelerator: a.config });
  return pairs;
}

/** Recomputes the bounds (about 40 s for the defaults); pairs the simulator refuses are skipped. */
export function deriveBounds(options: Partial<DeriveOptions> = {}): Record<CostModel, Record<SimMode, MetricBounds>> {
  const o = { ...DERIVE_DEFAULTS, ...options };
  const pairs = boundsSample(o);
  const out = {} as Record<CostModel, Record<SimMode, MetricBounds>>;
  for (const costModel of ['elector', 'reference'] as const) {
    out[costModel] = {} as Record<SimMode, MetricBounds>;
    for (const mode of ['inference', 'training'] as const) {
      const lo = Object.fromEntries(METRICS.map((k) => [k, Infinity])) as Record<(typeof METRICS)[number], number>;
      const hi = Object.fromEntries(METRICS.map((k) => [k, 0])) as Record<(typeof METRICS)[number], number>;
      for (const { model, accelerator } of pairs) {
        let r;
        try {
          r = simulate(model, accelerator, { mode, costModel, timeline: false });
        } catch {
          continue;
        }
        const steps = mode === 'training' ? (r.run?.accumulationSteps ?? 1) : 1;
        const v = { latencyS: r.latencyS * steps, dynamicEnergyJ: perSequenceJ(r.dynamicNJ, r.batchSize), leakageEnergyJ: perSequenceJ(r.leakageNJ, r.batchSize), areaMm2: r.areaMm2 };
        for (const k of METRICS) {
          lo[k] = Math.min(lo[k], v[k]);
          hi[k] = Math.max(hi[k], v[k]);
        }
      }
      const b = {} as Record<(typeof METRICS)[number], Bounds>;
      for (const k of METRICS) {
        const span = Math.log10(hi[k] / lo[k]);
        b[k] = [round2(lo[k] / 10 ** (o.marginBelow * span), 'down'), round2(hi[k] * 10 ** (o.marginAbove * span), 'up')];
      }
      out[costModel][mode] = b;
    }
  }
  return out;
}

/**
 * The span of a predictor's mean over the same sample's models (docs/codesign.md §2.2),
 * widened by a tenth of the span on both sides and rounded outward to 0.01: how
 * `PUBLISHED_ACCURACY_RANGE` was obtained.
 */
export function deriveAccuracyRange(predict: (m: ModelDict) => number, options: Partial<DeriveOptions> = {}): { min: number; max: number } {
  const o = { ...DERIVE_DEFAULTS, ...options };
  const means = boundsSample(o).map((p) => predict(p.model));
  const lo = Math.min(...means), hi = Math.max(...means);
  const pad = 0.1 * (hi - lo);
  return { min: Math.floor((lo - pad) * 100 + 1e-9) / 100, max: Math.ceil((hi + pad) * 100 - 1e-9) / 100 };
}

/** Two significant digits, rounded outward. */
export function round2(x: number, direction: 'up' | 'down'): number {
  const e = 10 ** (Math.floor(Math.log10(x)) - 1);
  const m = direction === 'up' ? Math.ceil(x / e - 1e-9) : Math.floor(x / e + 1e-9);
  return Number((m * e).toPrecision(2));
}
