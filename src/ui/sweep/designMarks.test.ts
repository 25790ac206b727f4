import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/elector/simulate.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import { simOptionsOf } from '../../core/share/runSettings.ts';
import { perSequenceMetrics } from '../../core/metrics/perSequence.ts';
import { designMarks } from './designMarks.ts';

const tiny = MODEL_PRESETS['bert-tiny'].model;
const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;

describe('design marks on the Pareto plot', () => {
  it('places a design at its own simulated objectives, and leaves out designs run under other settings', () => {
    const result = simulate(tiny, edge, simOptionsOf(DEFAULT_SETTINGS));
    const training = { ...DEFAULT_SETTINGS, mode: 'training' as const };
    const { marks, otherSettings } = designMarks([
      { id: 'current', label: 'Current design', kind: 'current', model: tiny, settings: DEFAULT_SETTINGS, result },
      { id: 'p1', label: 'Pinned', kind: 'pinned', model: tiny, settings: training, result },
      { id: 'p2', label: 'Not simulated yet', kind: 'pinned', model: tiny, settings: DEFAULT_SETTINGS, result: null },
    ], DEFAULT_SETTINGS, 'latency', 'energy');
    expect(marks).toEqual([{ id: 'current', label: 'Current design', kind: 'current', x: result.latencyS, y: perSequenceMetrics(result).energyPerSeqJ }]);
    expect(otherSettings).toBe(1);
    expect(designMarks([], null, 'latency', 'energy').marks).toEqual([]);
  });
});
