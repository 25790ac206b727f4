import { describe, expect, it } from 'vitest';
import { reachesHeadline } from './headline.ts';

describe('reachesHeadline', () => {
  it('needs 5.2× latency and 3.0× energy together, at no lower accuracy', () => {
    expect(reachesHeadline({ latency: 14.1, energy: 3.6, area: 0.67, accuracyDelta: 0 })).toBe(true);
    expect(reachesHeadline({ latency: 5.15, energy: 3.6, area: 1, accuracyDelta: 0 })).toBe(false);
    expect(reachesHeadline({ latency: 14.1, energy: 2.99, area: 1, accuracyDelta: 0.01 })).toBe(false);
    expect(reachesHeadline({ latency: 14.1, energy: 3.6, area: 1, accuracyDelta: -0.001 })).toBe(false);
    expect(reachesHeadline({ latency: null, energy: 3.6, area: null, accuracyDelta: 0 })).toBe(false);
  });
});
