/** Text describing sweep point `index`: what the sweep varied, and the whole design. */
import { planFor, pairFromLevels, sampleLevels } from '../../core/sweep/sample.ts';
import { summariseAccelerator, summariseLevels, summariseLevelsCompact, summariseModel } from './designSummary.ts';
import type { SweepRunJob } from '../../state/sweep/sweepRunStore.ts';

export interface PointDescription {
  varied: string;
  /** Varied values by parameter id, plus the model when drawn whole: for table cells. */
  compact: string;
  /** Varied values by parameter id only. */
  levels: string;
  model: string;
  accelerator: string;
}

export function pointDescription(job: SweepRunJob, index: number): PointDescription {
  const plan = planFor(job.spec);
  const levels = sampleLevels(plan, index);
  const pair = pairFromLevels(plan, job.base, index, levels);
  const varied = summariseLevels(plan, levels);
  return {
    varied: plan.randomModel ? `Random model; ${varied}` : varied,
    levels: summariseLevelsCompact(plan, levels),
    compact: plan.randomModel ? `${summariseModel(pair.model)}; ${summariseLevelsCompact(plan, levels)}` : summariseLevelsCompact(plan, levels),
    model: summariseModel(pair.model),
    accelerator: summariseAccelerator(pair.accelerator),
  };
}

/** Compact texts by job and point: table rows re-render as the front streams in, and a sample costs a plan walk. */
const compactCache = new WeakMap<SweepRunJob, Map<number, string>>();
const MAX_CACHED_TEXTS = 5000;

/** `PointDescription.compact` of point `index`, cached per run. */
export function compactDescription(job: SweepRunJob, index: number): string {
  let texts = compactCache.get(job);
  if (!texts) compactCache.set(job, (texts = new Map()));
  let text = texts.get(index);
  if (text === undefined) {
    if (texts.size >= MAX_CACHED_TEXTS) texts.clear();
    const plan = planFor(job.spec);
    const levels = sampleLevels(plan, index);
    const compact = summariseLevelsCompact(plan, levels);
    text = plan.randomModel ? `${summariseModel(pairFromLevels(plan, job.base, index, levels).model)}; ${compact}` : compact;
    texts.set(index, text);
  }
  return text;
}
