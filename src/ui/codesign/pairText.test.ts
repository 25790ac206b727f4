import { describe, expect, it } from 'vitest';
import { accuracyScaleOf } from './pairText.ts';
import { publishedPredictor } from '../../core/codesign/predictors/published.ts';
import { bundledMeasuredPredictor } from '../../state/codesign/measuredRuns.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';

describe('accuracyScaleOf', () => {
  it('names the scale of each predictor from its own source line', () => {
    const tiny = MODEL_PRESETS['bert-tiny'].model;
    expect(accuracyScaleOf(publishedPredictor().predict(tiny).source)).toBe('GLUE score');
    expect(accuracyScaleOf(bundledMeasuredPredictor().predict(tiny).source)).toBe('test accuracy on names');
    expect(accuracyScaleOf('imported: x.json, 17 models')).toBe('the imported dataset’s score');
  });
});
