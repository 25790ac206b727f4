import { describe, expect, it } from 'vitest';
import { axisMap, errorBandPath, errorBarsPath } from './plotGeometry.ts';
import { frontLegendText } from './objectiveFormat.ts';

/** A linear y axis over accuracy 0.6–0.8 on 200 px (top = 0.8), and x pixels given directly. */
const y = axisMap('linear', [0.6, 0.8], [200, 0]);
const identity = { k: 1, x: 0, y: 0 };
const ys = Float64Array.of(0.65, 0.7, 0.75);
const std = Float64Array.of(0.01, 0.02, 0.0);
const px = Float32Array.of(10, 50, 90);
const py = Float32Array.from(ys, (v) => y.a * v + y.b);

describe('±1σ on the front', () => {
  it('draws a bar with caps per point with a deviation, spanning value ± σ in pixels', () => {
    const d = errorBarsPath([0, 1, 2], { xs: px, ys, px, py }, { x: null, y: std }, { x: y, y }, identity);
    // Point 2 has σ = 0: no bar.
    expect(d.match(/V/g)).toHaveLength(2);
    const [lo, hi] = [y.a * 0.68 + y.b, y.a * 0.72 + y.b];
    expect(d).toContain(`M50.0,${lo.toFixed(1)}V${hi.toFixed(1)}`);
  });

  it('draws one closed band through the front, upper edge forward and lower edge back', () => {
    const d = errorBandPath([0, 1, 2], { ys, px, py }, std, y, identity);
    expect(d.startsWith(`M10.0,${(y.a * 0.66 + y.b).toFixed(1)}`)).toBe(true);
    expect(d.endsWith(`L10.0,${(y.a * 0.64 + y.b).toFixed(1)}Z`)).toBe(true);
    expect(d.split('L')).toHaveLength(6);
  });

  it('says which way each axis is optimised, and bars or band', () => {
    expect(frontLegendText('latency', 'energy')).toBe('Pareto front (both objectives minimised)');
    expect(frontLegendText('latency', 'accuracy', 5)).toBe('Pareto front (predicted accuracy maximised, latency minimised; bars ±1σ of the prediction)');
    expect(frontLegendText('latency', 'accuracy', 60)).toContain('band ±1σ');
  });
});
