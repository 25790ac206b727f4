/**
 * The default baseline pair (docs/codesign.md §5), apart from baseline.ts so the objective
 * can resolve an accuracy floor of `baseline` without importing the ratios that import it.
 */
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import type { Candidate } from './types.ts';

export const BASELINE_PAIR: Readonly<Candidate> = Object.freeze({
  model: MODEL_PRESETS['bert-base'].model,
  accelerator: ACCELERATOR_PRESETS['acceltran-server'].config,
});

export const BASELINE_NAME = `${MODEL_PRESETS['bert-base'].name} on ${ACCELERATOR_PRESETS['acceltran-server'].name}`;
