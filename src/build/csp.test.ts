import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, PREVIEW_HEADERS } from './csp.ts';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('Content-Security-Policy', () => {
  it('allows no inline script or eval, and scripts, workers and wasm from this origin only', () => {
    expect(directive(CSP_META, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(CSP_META, 'worker-src')).toBe("worker-src 'self'");
    expect(CSP_META).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    expect(directive(CSP_META, 'object-src')).toBe("object-src 'none'");
  });

  it('sends the same policy as a header, plus what a meta tag cannot carry', () => {
    expect(PREVIEW_HEADERS['Content-Security-Policy']).toBe(CSP_HEADER);
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
    expect(directive(CSP_HEADER, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(CSP_META, 'frame-ancestors')).toBeUndefined();
  });
});
